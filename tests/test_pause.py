"""End to end: a paused forum across scheduled posts, its resumption, and national holidays."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bot.app import scheduler_of
from bot.scheduling.post_kinds import PostKind
from bot.scheduling.post_record import record_of
from bot.services.day_status import days_off_between
from bot.services.groups import find_group
from bot.services.reports import reports_of_day
from tests.support.chat import OFFICER, approve, days_earlier, fill_polri, say, send_report, type_in
from tests.support.harness import ADMIN, GROUP, MEMBER

D13, D14 = date(2024, 11, 13), date(2024, 11, 14)


def wib(day: int, hour: int, minute: int = 0, month: int = 11, year: int = 2024) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC) - timedelta(hours=7)


async def set_up(telegram, clock):
    telegram.set_member_status(GROUP, ADMIN, "administrator")
    with days_earlier(clock):
        await say(telegram, "/hari_h 2024-11-27 Pilkada Serentak 2024")
        await approve(telegram, OFFICER, "/daftar Polri Polres Kutai Timur")


async def posts_at(telegram, bot, clock, instant: datetime) -> list[str]:
    """The first lines of what the scheduler posts at ``instant``."""
    clock.now = instant
    await scheduler_of(bot).tick()
    posted = []
    while telegram.unread(GROUP.id):
        posted.append((await telegram.next_message(GROUP.id)).text.split("\n")[0])
    return posted


async def test_a_pause_across_post_times_then_a_resume(bot, telegram, clock):
    await set_up(telegram, clock)
    assert await posts_at(telegram, bot, clock, wib(13, 7)) == [
        "Laporan harian dibuka",
        "Hitung mundur H-14",
    ]
    clock.now = wib(13, 10)
    refused = await say(telegram, "/jeda", user=MEMBER)
    assert refused.text == "Mohon maaf, pengaturan grup hanya dapat diubah oleh admin grup."
    paused = await say(telegram, "/jeda")
    assert paused.text.startswith("⏸ Posko dijeda sampai admin mengetik /lanjut.")
    assert (
        "Jeda: posko dijeda sampai admin mengetik /lanjut"
        in (await say(telegram, "/pengaturan")).text
    )
    schedule = (await say(telegram, "/jadwal", user=MEMBER)).text
    assert schedule.split("\n")[1] == "Jeda: posko dijeda sampai admin mengetik /lanjut"

    for instant in (wib(13, 12), wib(13, 17), wib(14, 7), wib(14, 9)):
        assert await posts_at(telegram, bot, clock, instant) == [], instant
    # Nothing was due: no post of those days is on record, not even as missed.
    for kind in PostKind:
        assert await record_of(GROUP.id, kind, D14) is None
    assert await record_of(GROUP.id, PostKind.RINGKASAN, D13) is None

    not_reported = await say(telegram, "/belum", user=MEMBER)
    assert not_reported.text == "⏸ Posko dijeda hari ini: tidak ada laporan yang diwajibkan."
    # Reports can still be sent.
    _, line = await send_report(
        telegram, await fill_polri(telegram, await type_in(telegram, "/lapor"))
    )
    assert line.text == "✅ Polri (Polres Kutai Timur) telah melapor · 🟢 Aman"
    assert len(await reports_of_day(GROUP.id, D14)) == 1

    clock.now = wib(14, 10)
    resumed = await say(telegram, "/lanjut")
    assert resumed.text.startswith("▶️ Posko berjalan lagi.")
    assert (await say(telegram, "/lanjut")).text.startswith("Posko tidak sedang dijeda.")
    assert "Jeda: tidak" in (await say(telegram, "/pengaturan")).text
    # The 07.00 opening fell inside the pause: not sent late, the 17.00 summary is.
    assert await posts_at(telegram, bot, clock, wib(14, 10, 5)) == []
    assert await posts_at(telegram, bot, clock, wib(14, 17)) == [
        "Ringkasan harian Posko Forkopimda"
    ]

    # The paused 13th still reads as paused, not as missed.
    summary = await say(telegram, "/ringkasan 13-11-2024", user=MEMBER)
    assert "⏸ Posko dijeda sampai Rabu, 13 November 2024: tidak ada laporan yang diwajibkan" in (
        summary.text
    )
    assert "Belum melapor" not in summary.text
    assert "Belum melapor: Polri" not in (await say(telegram, "/ringkasan", user=MEMBER)).text


async def test_a_pause_until_a_day_ends_by_itself(bot, telegram, clock):
    await set_up(telegram, clock)
    clock.now = wib(13, 8)
    paused = await say(telegram, "/jeda sampai 14 November")
    assert paused.text.startswith(
        "⏸ Posko dijeda sampai Kamis, 14 November 2024, lalu berjalan lagi."
    )
    changed = await say(telegram, "/jeda sampai 15 November 2024")
    assert changed.text.startswith("⏸ Jeda diubah: posko dijeda sampai Jumat, 15 November 2024")
    assert await posts_at(telegram, bot, clock, wib(15, 12)) == []
    # The 15th paused, the 16th working: its 07.00 opening comes.
    assert await posts_at(telegram, bot, clock, wib(16, 7)) == ["Laporan harian dibuka"]
    assert await posts_at(telegram, bot, clock, wib(16, 12)) == ["Pengingat laporan harian"]
    summary = await say(telegram, "/ringkasan 15 November 2024", user=MEMBER)
    assert "⏸ Posko dijeda sampai Jumat, 15 November 2024" in summary.text
    # What the exports and charts read: the paused days of a range, in one go.
    off = await days_off_between(await find_group(GROUP.id), date(2024, 11, 12), date(2024, 11, 17))
    assert sorted(off) == [D13, D14, date(2024, 11, 15)] and all(d.paused for d in off.values())


async def test_national_holidays_skipped_on_request_but_never_polling_day(bot, telegram, clock):
    await set_up(telegram, clock)
    shown = await say(telegram, "/libur", user=MEMBER)
    assert shown.text.startswith("Libur nasional: posko tetap bekerja.")
    assert "• Rabu, 27 November 2024: Hari Pemilihan Kepala Daerah (hari pemungutan suara)" in (
        shown.text
    )
    assert (await say(telegram, "/libur nasional ya", user=MEMBER)).text.startswith("Mohon maaf")
    done = await say(telegram, "/libur nasional ya")
    assert done.text.startswith("Hari libur nasional dan cuti bersama sekarang hari libur posko")
    assert (
        "Libur nasional: dilewati (tanpa kiriman otomatis)"
        in (await say(telegram, "/pengaturan")).text
    )

    # Polling day is a national holiday too, and is never skipped.
    assert await posts_at(telegram, bot, clock, wib(27, 7)) == [
        "Laporan harian dibuka",
        "Hari ini pemungutan suara",
    ]
    # A second round on 20 January keeps reports daily through the year's end (after the
    # first election's recapitulation its calendar expects none).
    clock.set(2024, 12, 1, 1, 0)
    await say(telegram, "/hari_h 2025-01-20 Pemungutan Suara Ulang")
    # Christmas and the cuti bersama after it: no posts, nobody expected.
    for day in (25, 26):
        assert await posts_at(telegram, bot, clock, wib(day, 7, month=12)) == []
        assert await posts_at(telegram, bot, clock, wib(day, 12, month=12)) == []
    not_reported = await say(telegram, "/belum", user=MEMBER)
    assert not_reported.text == (
        "🏖 Libur nasional (Cuti Bersama Hari Raya Natal): tidak ada laporan yang diwajibkan "
        "hari ini."
    )
    assert await posts_at(telegram, bot, clock, wib(27, 12, month=12)) == [
        "Pengingat laporan harian"
    ]
    await say(telegram, "/libur nasional tidak")
    assert await posts_at(telegram, bot, clock, wib(1, 7, month=1, year=2025)) == [
        "Laporan harian dibuka"
    ]
