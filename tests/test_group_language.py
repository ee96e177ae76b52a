"""End to end: a group set to English reads every post, reply, summary and form in English."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from bot.app import scheduler_of
from bot.services.groups import find_group
from handlers.commands import COMMANDS
from tests.support.chat import OFFICER, approve, days_earlier, fill_polri, say, send_report, type_in
from tests.support.harness import ADMIN, GROUP, MEMBER

# Indonesian words no English text of ours contains (names such as "Pilkada
# Serentak 2024", "Posko Forkopimda", the agencies and "Hari H" are kept).
INDONESIAN = re.compile(
    r"\b(laporan|Laporan|belum|sudah|hari ini|Mohon|Silakan|silakan|untuk|dengan|yang|dan|"
    r"Rabu|Kamis|Selasa|Minggu|Senin|Jumat|Sabtu|Desember|pukul|instansi|melapor)\b"
)


def wita(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2024, 11, day, hour, minute, tzinfo=UTC) - timedelta(hours=8)


def english(text: str) -> str:
    """``text``, after checking it has no Indonesian words (commands aside: /belum is /belum)."""
    found = INDONESIAN.findall(re.sub(r"/\w+", "", text))
    assert not found, f"Indonesian {found} in: {text}"
    return text


async def set_up(telegram, clock):
    telegram.set_member_status(GROUP, ADMIN, "administrator")
    with days_earlier(clock):
        await say(telegram, "/wilayah Kabupaten Kutai Timur")
        await say(telegram, "/zona WITA")
        await say(telegram, "/hari_h 2024-11-27 Pilkada Serentak 2024")
        await approve(telegram, OFFICER, "/daftar Polri Polres Kutai Timur")
        await approve(telegram, MEMBER, "/daftar KPU KPU Kutai Timur")
        return await say(telegram, "/bahasa en")


async def posts_at(telegram, bot, clock, instant: datetime) -> list[str]:
    """What the scheduler posts at ``instant``, each checked to be English."""
    clock.now = instant
    await scheduler_of(bot).tick()
    posted = []
    while telegram.unread(GROUP.id):
        posted.append(english((await telegram.next_message(GROUP.id)).text))
    return posted


async def test_an_english_group_reads_every_scheduled_post_in_english(bot, telegram, clock):
    switched = await set_up(telegram, clock)
    assert english(switched.text).startswith("This group's language is now English")
    assert (await find_group(GROUP.id)).locale == "en"

    opening, countdown = await posts_at(telegram, bot, clock, wita(13, 7))
    assert opening.startswith(
        "Daily reports are open\nWednesday, November 13, 2024\n"
        "H-14 to polling day for Pilkada Serentak 2024 (Wednesday, November 27, 2024)\n"
    )
    assert countdown.startswith("Countdown: H-14\n")

    [reminder] = await posts_at(telegram, bot, clock, wita(13, 12))
    assert reminder.startswith(
        "Daily report reminder\nWednesday, November 13, 2024\n"
        "Today's report has not yet been received from:\n• Polri: Andi Polres\n• KPU: Sari\n"
    )

    # The liaison's private form for this group is in English; numbers are typed the
    # Indonesian way and shown the English way.
    question = await type_in(telegram, "/lapor")
    assert english(question.text).startswith(
        "Polri (Polres Kutai Timur) daily report\nKabupaten Kutai Timur\n"
    )
    assert [b["text"] for b in question.buttons] == ["Safe", "Alert", "High risk"]
    clock.now = wita(13, 14, 5)
    review = await fill_polri(telegram, question, status="Alert", personnel="1.200")
    assert "Personnel deployed: 1,200" in english(review.text)
    thanks, line = await send_report(telegram, review, label="Send")
    assert english(thanks.text).endswith(
        "Thank you, the Polri report for Wednesday, November 13, 2024 has been recorded."
    )
    assert thanks.button("Correct the report")
    assert line.text == "✅ Polri (Polres Kutai Timur) has reported · 🟡 Alert"

    [summary] = await posts_at(telegram, bot, clock, wita(13, 17))
    assert summary.startswith("Posko Forkopimda daily summary\nKabupaten Kutai Timur\n")
    assert "🟡 Alert · 14:05 WITA · Andi Polres\nPersonnel deployed: 1,200" in summary
    assert summary.endswith("Not yet reported: KPU")
    assert summary == english((await say(telegram, "/ringkasan", user=MEMBER)).text)

    _, quiet = await posts_at(telegram, bot, clock, wita(24, 7))
    assert quiet.startswith("Masa tenang (quiet period) · H-3\n")
    _, eve = await posts_at(telegram, bot, clock, wita(26, 7))
    assert eve.startswith("Masa tenang (quiet period) · H-1\n") and "serangan fajar" in eve
    _, polling = await posts_at(telegram, bot, clock, wita(27, 7))
    assert polling.startswith("Today is polling day\n")
    assert polling.endswith("TPS are open from 07:00 to 13:00 WITA.")

    # A liaison on leave, and a paused day, read in English too.
    clock.now = wita(27, 9)
    on_leave = await say(telegram, "/cuti 3", user=MEMBER)
    assert english(on_leave.text).startswith(
        "🌴 Sari, liaison for KPU (KPU Kutai Timur), is on leave until Friday, November 29, 2024."
    )
    # Polling day's extra 10.00 reminder and the usual 12.00 one, both due by noon.
    reminders = await posts_at(telegram, bot, clock, wita(27, 12))
    assert len(reminders) == 2
    assert all("• KPU: Sari is on leave until Friday, November 29, 2024" in r for r in reminders)
    assert "Wednesday, November 27, 2024" in (await posts_at(telegram, bot, clock, wita(27, 17)))[0]
    clock.now = wita(28, 8)
    assert english((await say(telegram, "/jeda")).text).startswith(
        "⏸ The posko is paused until an admin types /lanjut."
    )
    assert (await say(telegram, "/belum", user=MEMBER)).text == (
        "⏸ The posko was paused this day: no report was expected."
    )
    assert await posts_at(telegram, bot, clock, wita(28, 12)) == []

    # The kinds keep their names (they are what admins type), the rest reads English.
    schedule = (await say(telegram, "/jadwal", user=MEMBER)).text
    assert "Pause: the posko is paused until an admin types /lanjut" in schedule
    assert "• ringkasan 17:00 — " in schedule

    # The group's own command menu follows its language.
    menu = telegram.commands[f"chat:{GROUP.id}:"]
    assert [entry["command"] for entry in menu] == [c.name for c in COMMANDS if c.group]
    assert {
        "command": "ringkasan",
        "description": "Daily summary (today, kemarin = yesterday, a date, or a region below)",
    } in (menu)


async def test_back_to_indonesian_and_bad_languages(bot, telegram, clock):
    await set_up(telegram, clock)
    refused = await say(telegram, "/bahasa id", user=MEMBER)
    assert refused.text == "We apologise, group settings can only be changed by a group admin."
    unknown = await say(telegram, "/bahasa fr")
    assert unknown.text == (
        'The language "fr" is not available. Choose one of: id (Bahasa Indonesia), en (English).\n'
        "Example: /bahasa en"
    )
    assert (await find_group(GROUP.id)).locale == "en"
    back = await say(telegram, "/bahasa indonesia")
    assert back.text.startswith("Bahasa grup ini sekarang Bahasa Indonesia")
    assert f"chat:{GROUP.id}:" not in telegram.commands
    assert (await say(telegram, "/bahasa", user=MEMBER)).text.startswith(
        "Bahasa grup ini: Bahasa Indonesia."
    )
