"""The bot process killed with SIGKILL at random points, many times, and nothing lost or doubled.

Liaisons fill in forms while the real ``python -m bot`` is killed and
restarted under them; then scheduled summaries go out to many groups while
it is killed again. Telegram (the loopback server) re-delivers every update
the dead process had not confirmed, as the real one does.

The randomness is seeded, so a failure can be replayed. The sleeps before a
kill only pick *where* the process dies; no test waits on time passing.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from bot.domain.agencies import Agency
from bot.services import groups
from bot.storage.db import close_database, open_database
from tests.support.botapi import Chat
from tests.support.crashes import (
    ALL_OFF,
    FORMS,
    JOINED,
    BotProcess,
    next_containing,
    query,
    seed,
)
from tests.support.harness import ADMIN, GROUP
from tests.support.tally import TALLY

KILL_CHANCE = 0.35
EXPECTED = {
    Agency.POLRI: {
        "situasi": "rawan",
        "personel": 1200,
        "kejadian": 2,
        "uraian_kejadian": "Bentrok kecil",
        "tps_kurang_rawan": 900,
        "tps_rawan": 5,
        "tps_sangat_rawan": 1,
        "catatan": None,
        "tindak_lanjut": "Patroli tambahan",
    },
    Agency.TNI: {
        "situasi": "rawan",
        "personel": 300,
        "personel_bko": None,
        "kejadian": 0,
        "uraian_kejadian": None,
        "catatan": None,
        "tindak_lanjut": None,
    },
    Agency.KEJAKSAAN: {
        "situasi": "rawan",
        "perkara_pidana": 4,
        "catatan": "Dua perkara baru",
        "tindak_lanjut": None,
    },
}


async def test_sigkill_while_liaisons_fill_in_forms(tmp_path, telegram, database_url):
    rng = random.Random(20241127)
    await seed(database_url, liaisons=True, post_times=ALL_OFF)
    bot = BotProcess(tmp_path, telegram, database_url)
    await bot.start()
    try:
        for user, (_agency, answers) in FORMS.items():
            private = Chat.private_with(user)
            await telegram.send_message(private, user, "/lapor")
            await bot.maybe_crash(KILL_CHANCE, rng)
            question = await next_containing(
                telegram, private.id, "Bagaimana situasi di wilayah tugas Anda hari ini?"
            )
            await telegram.press(user, question, question.button("Rawan")["callback_data"])
            await bot.maybe_crash(KILL_CHANCE, rng)
            for answer in answers:
                await next_containing(telegram, private.id, "dari")  # a question
                await telegram.send_message(private, user, answer)
                await bot.maybe_crash(KILL_CHANCE, rng)
            review = await next_containing(telegram, private.id, "Periksa laporan Anda")
            await telegram.press(user, review, review.button("Kirim")["callback_data"])
            await bot.maybe_crash(KILL_CHANCE, rng)
            # Killed between storing and confirming: the database is the judge.
            with contextlib.suppress(AssertionError):
                await next_containing(telegram, private.id, "sudah tercatat", timeout=15)
        await telegram.send_message(Chat.private_with(ADMIN), ADMIN, "/bantuan")  # a barrier
        await next_containing(telegram, ADMIN.id, "Posko Forkopimda")
    finally:
        await bot.stop()

    rows = await query(database_url, "SELECT agency, answers, current FROM reports")
    import json

    stored: dict[Agency, list] = {}
    for agency, answers, current in rows:
        stored.setdefault(Agency(agency), []).append(
            (json.loads(answers) if isinstance(answers, str) else answers, bool(current))
        )
    TALLY["reports_lost"] += sum(1 for agency in EXPECTED if agency not in stored)
    TALLY["reports_duplicated"] += sum(len(v) - 1 for v in stored.values() if len(v) > 1)
    TALLY["answers_lost"] += sum(
        1
        for agency, expected in EXPECTED.items()
        for key, value in expected.items()
        if stored.get(agency) and stored[agency][-1][0].get(key) != value
    )
    assert bot.kills >= 3, "the seed should kill the bot several times"
    for agency, expected in EXPECTED.items():
        assert [answers for answers, _ in stored[agency]] == [expected], agency
    lines = [m.text for m in telegram.sent_to(GROUP.id) if "telah melapor" in m.text]
    assert len(lines) == len(set(lines)) <= 3  # a group line may be lost, never doubled


async def test_sigkill_while_scheduled_summaries_go_out(tmp_path, telegram, database_url):
    rng = random.Random(17082025)
    wib_now = datetime.now(UTC).astimezone(ZoneInfo("Asia/Jakarta"))
    due = {**ALL_OFF, "ringkasan": wib_now.strftime("%H:%M")}
    chats = [Chat(-1005000000000 - i, f"Forkopimda {i}") for i in range(40)]
    await open_database(database_url)
    try:
        for chat in chats:
            await groups.register_group(chat.id, chat.title, now=JOINED)
            for kind, at in due.items():
                await groups.set_post_time(chat.id, chat.title, kind, at, now=JOINED)
    finally:
        await close_database()

    bot = BotProcess(tmp_path, telegram, database_url)
    await bot.start()
    for _ in range(3):  # 40 posts at ~29/s take over a second: kill mid-broadcast
        await asyncio.sleep(0.2 + rng.random() * 0.8)
        await bot.kill()
        await bot.start()

    async def handed_over_unconfirmed() -> set[int]:
        """Posts handed to Telegram by a process that died before hearing back: they may or
        may not have arrived, and are never sent again (the timeout rule)."""
        return {
            row[0]
            for row in await query(
                database_url,
                (
                    "SELECT g.chat_id FROM scheduled_posts p JOIN groups g ON g.id = p.group_id "
                    "WHERE p.state = 'sending' AND p.handed_over = TRUE"
                ),
            )
        }

    def delivered() -> set[int]:
        return {m.chat_id for m in telegram.all_messages() if "Ringkasan" in m.text}

    everyone = {chat.id for chat in chats}
    deadline = asyncio.get_running_loop().time() + 60
    while asyncio.get_running_loop().time() < deadline:
        if delivered() | await handed_over_unconfirmed() >= everyone:
            break
        await asyncio.sleep(0.25)  # polling for the broadcast to finish
    await bot.stop()

    per_chat = {chat.id: 0 for chat in chats}
    for message in telegram.all_messages():
        if message.chat_id in per_chat and "Ringkasan" in message.text:
            per_chat[message.chat_id] += 1
    in_doubt = await handed_over_unconfirmed()
    missing = {chat_id for chat_id, n in per_chat.items() if n == 0}
    TALLY["posts_duplicated"] += sum(n - 1 for n in per_chat.values() if n > 1)
    TALLY["posts_withheld"] += len(missing & in_doubt)
    TALLY["posts_lost"] += len(missing - in_doubt)
    assert max(per_chat.values()) == 1, "a summary was posted twice"
    assert missing <= in_doubt, "a summary that was never handed to Telegram went missing"
    assert timedelta(0) <= datetime.now(UTC) - wib_now < timedelta(minutes=2)
