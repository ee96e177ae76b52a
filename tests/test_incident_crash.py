"""The real bot killed with SIGKILL after every step of an incident report and its follow-up.

Each step (a message, a tap, an album) is sent, the process is killed a
moment later (before, while or after it handles the step: the seeded delay
picks where) and started again; Telegram (the loopback server) redelivers
what the dead process had not confirmed. Nothing may be lost or doubled: one
incident with all its answers and photos, its album posted at most once and
never in part, each follow-up stored once and replied once.
"""

from __future__ import annotations

import contextlib
import json
import random

import pytest

from tests.support.botapi import Chat, User
from tests.support.crashes import ALL_OFF, FORMS, BotProcess, next_containing, query, seed
from tests.support.harness import GROUP

# Some thirty restarts of the real bot: well within a minute alone, not on a loaded machine.
pytestmark = pytest.mark.timeout(180)

REPORTER = next(user for user in FORMS if user.first_name == "Andi Polres")


async def test_sigkill_after_every_step_of_an_incident(tmp_path, telegram, database_url):
    rng = random.Random(20241113)
    await seed(database_url, liaisons=True, post_times=ALL_OFF)
    telegram.allow_pinning(GROUP)
    bot = BotProcess(tmp_path, telegram, database_url)
    private = Chat.private_with(REPORTER)
    await bot.start()

    async def step(send, expect: str, chat_id: int = REPORTER.id, timeout: float = 45):
        await send()
        with contextlib.suppress(ProcessLookupError):
            await bot.maybe_crash(1.0, rng)  # every step
        return await next_containing(telegram, chat_id, expect, timeout)

    def say(text: str):
        return lambda: telegram.send_message(private, REPORTER, text)

    def press(message, label: str, user: User = REPORTER):
        return lambda: telegram.press(user, message, message.button(label)["callback_data"])

    try:
        first = await step(say("/kejadian"), "Jenis kejadian apa?")
        await step(press(first, "💰 Politik uang"), "Di kecamatan mana?")
        await step(say("Sangatta Utara"), "Di desa atau kelurahan mana?")
        await step(say("Swarga Bara"), "Titik lokasi")
        when = await step(
            lambda: telegram.send_user_location(private, REPORTER, 0.5087, 117.5381),
            "Kapan terjadi?",
        )
        await step(press(when, "Sekarang"), "Apa yang terjadi?")
        urgency = await step(say("Bentrok antarpendukung di depan TPS 3."), "Seberapa mendesak?")
        await step(press(urgency, "Segera"), "Foto kejadian")
        tally = await step(
            lambda: telegram.send_album(private, REPORTER, 3, order=[1, 2, 0]), "3 dari 5"
        )
        review = await step(press(tally, "Selesai"), "Periksa laporan kejadian")
        await step(press(review, "Kirim"), "Kejadian #1", chat_id=GROUP.id)
        # A kill between the claim of the buttons' message and its arrival leaves it to
        # the retry job, 30 s after the report at the earliest (SETTLE).
        control = await next_containing(telegram, GROUP.id, "Tindak lanjut Kejadian #1", 90)
        await step(press(control, "Ditangani"), "Tulis catatan")
        # A note whose reply the kill cut off is posted by the retry job (SETTLE, 30 s).
        await step(
            say("Massa sudah dibubarkan."), "Kejadian #1 · Ditangani", chat_id=GROUP.id, timeout=90
        )
    finally:
        await bot.stop()

    rows = await query(
        database_url,
        "SELECT number, category, urgency, kecamatan, desa, description, photos, "
        "latitude, parts_handed, parts_total FROM incidents",
    )
    assert bot.kills >= 13
    [(number, category, urgency, kecamatan, desa, description, photos, lat, handed, total)] = rows
    photos = json.loads(photos) if isinstance(photos, str) else photos
    assert (number, category, urgency, kecamatan, desa) == (
        1,
        "politik_uang",
        "segera",
        "Sangatta Utara",
        "Swarga Bara",
    )
    assert description == "Bentrok antarpendukung di depan TPS 3." and lat == 0.5087
    assert len(photos) == 3 and len({p[1] for p in photos}) == 3
    assert handed == total == 4  # album, location, buttons, pin: each handed over once

    group_messages = telegram.sent_to(GROUP.id)
    album = [m for m in group_messages if m.kind == "photo"]
    assert len(album) == 3 and len({m.media_group_id for m in album}) == 1  # once, whole
    assert sum(m.kind == "location" for m in group_messages) == 1
    # The buttons' message goes out at least once (IncidentPublisher.resend_buttons).
    assert 1 <= sum(m.text.startswith("Tindak lanjut") for m in group_messages) <= 2
    replies = [m for m in group_messages if "Kejadian #1 · Ditangani" in m.text]
    changes = await query(database_url, "SELECT status, note FROM incident_changes")
    assert changes == [("ditangani", "Massa sudah dibubarkan.")]
    assert 1 <= len(replies) <= 2  # at least once (IncidentPublisher.retry_unposted)
