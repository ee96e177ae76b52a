"""End to end: the election calendar drives the forms, the rhythm and the milestone posts.

The bot runs against the loopback Bot API with an injected clock; each test
sets "now" and, where posts are concerned, runs the scheduler's tick.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.app import scheduler_of
from tests.support.botapi import Chat, User
from tests.support.chat import OFFICER, approve, say, tap, type_in
from tests.support.harness import ADMIN, GROUP, OTHER_GROUP, FakeClock, running_bot

KPU_OFFICER = User(444444444, "Rina KPU", "rina_kpu")
THIRD_GROUP = Chat(-1003333333333, "Forkopimda Kabupaten Jayapura")
WIB, WITA, WIT = 7, 8, 9  # hours ahead of UTC


def at(clock: FakeClock, year: int, month: int, day: int, hour: int, minute: int = 0, zone=WIB):
    """Sets the clock to a local time in a zone given by its hours ahead of UTC."""
    clock.now = datetime(year, month, day, hour, minute, tzinfo=UTC) - timedelta(hours=zone)


async def set_up(telegram, clock, chat=GROUP, zone="WIB", election="pilkada2024", days=7):
    """The group as its admins set it up some days before the clock's day."""
    telegram.set_member_status(chat, ADMIN, "administrator")
    now = clock.now
    clock.now = now - timedelta(days=days)
    try:
        await say(telegram, "/wilayah Kabupaten Kutai Timur", chat=chat)
        await say(telegram, f"/zona {zone}", chat=chat)
        await say(telegram, f"/hari_h {election}", chat=chat)
    finally:
        clock.now = now


def headings(telegram, chat_id: int) -> list[str]:
    return [message.text.split("\n")[0] for message in telegram.unread(chat_id)]


# -- the questions of the day's stage ------------------------------------------------------


async def fill_in(telegram, answers: list[str]) -> str:
    """The KPU liaison opens the form, taps Aman and answers; returns the review's text."""
    question = await type_in(telegram, "/lapor", user=KPU_OFFICER)
    message = await tap(telegram, question, "Aman", user=KPU_OFFICER, replies=2)
    for answer in answers:
        if answer.startswith("tap:"):
            message = await tap(telegram, message, answer[4:], user=KPU_OFFICER, replies=2)
        else:
            message = await type_in(telegram, answer, user=KPU_OFFICER)
    await tap(telegram, message, "Kirim", user=KPU_OFFICER)
    await telegram.next_message(GROUP.id)  # "✅ KPU telah melapor"
    return message.text


async def test_the_form_on_h_5_differs_from_the_one_on_h_plus_2(bot, telegram, clock):
    at(clock, 2024, 11, 22, 9)  # H-5, masa kampanye
    await set_up(telegram, clock)
    await approve(telegram, KPU_OFFICER, "/daftar KPU KPU Kutai Timur")

    question = await type_in(telegram, "/lapor", user=KPU_OFFICER)
    first = await tap(telegram, question, "Aman", user=KPU_OFFICER, replies=2)
    assert "Berapa persen logistik yang sudah tiba di kecamatan (PPK)?" in first.text
    await type_in(telegram, "/batal", user=KPU_OFFICER)

    at(clock, 2024, 11, 29, 9)  # H+2, the regency's recapitulation
    question = await type_in(telegram, "/lapor", user=KPU_OFFICER)
    first = await tap(telegram, question, "Aman", user=KPU_OFFICER, replies=2)
    assert "Berapa persen kecamatan (PPK) yang sudah menyelesaikan rekapitulasi?" in first.text
    assert "logistik" not in first.text
    await type_in(telegram, "/batal", user=KPU_OFFICER)


async def test_each_days_answers_read_under_that_days_questions(bot, telegram, clock):
    at(clock, 2024, 11, 22, 9)
    await set_up(telegram, clock)
    await approve(telegram, KPU_OFFICER, "/daftar KPU KPU Kutai Timur")
    before = await fill_in(telegram, ["50", "40", "30", "100", "120", "0", "-", "-", "-", "-", "-"])
    assert "Logistik tiba di TPS (KPPS): 30%" in before

    at(clock, 2024, 11, 29, 9)
    after = await fill_in(telegram, ["40", "tap:Sedang berlangsung", "10", "2", "-", "-"])
    assert "Rekapitulasi kecamatan (PPK) selesai: 40%" in after

    summary = (await say(telegram, "/ringkasan")).text
    assert "H+2 · rekapitulasi tingkat kabupaten/kota, sampai Jumat, 6 Desember 2024" in summary
    assert "Rekapitulasi tingkat kabupaten/kota: sedang berlangsung" in summary
    assert "Keberatan dalam rekapitulasi: 2" in summary
    assert "Logistik" not in summary
    earlier = (await say(telegram, "/ringkasan 22-11-2024")).text
    assert "Logistik tiba di kecamatan (PPK): 50%" in earlier
    assert "Rekapitulasi" not in earlier


# -- the rhythm: which days expect a report -----------------------------------------------


async def test_a_monday_only_stage_expects_nothing_on_tuesday(bot, telegram, clock):
    at(clock, 2024, 10, 1, 6)  # Tuesday 1 October: the campaign, weekly reports on Monday
    await set_up(telegram, clock)
    await approve(telegram, OFFICER, "/daftar Polri Polres Kutai Timur")
    scheduler = scheduler_of(bot)
    for hour in (7, 12, 17):
        at(clock, 2024, 10, 1, hour)
        await scheduler.tick()
    assert headings(telegram, GROUP.id) == []

    not_yet = (await say(telegram, "/belum")).text
    assert not_yet == (
        "Hari ini (Selasa, 1 Oktober 2024) tidak ada laporan yang diharapkan.\n"
        "Tahap masa kampanye: laporan setiap Senin.\n"
        "Laporan berikutnya diharapkan Senin, 7 Oktober 2024."
    )
    summary = (await say(telegram, "/ringkasan")).text
    assert "Tidak ada laporan yang diharapkan pada hari ini (laporan setiap Senin)." in summary
    assert "Belum melapor" not in summary

    at(clock, 2024, 10, 7, 7)  # Monday
    await scheduler.tick()
    opening = telegram.unread(GROUP.id)[0].text
    assert opening.startswith("Laporan dibuka\nSenin, 7 Oktober 2024\n")
    assert "Pada tahap ini laporan diminta setiap Senin." in opening
    await telegram.next_message(GROUP.id)
    at(clock, 2024, 10, 7, 12)
    await scheduler.tick()
    reminder = await telegram.next_message(GROUP.id)
    assert reminder.text.startswith("Pengingat laporan harian")
    assert 'href="tg://user?id=333333333"' in reminder.html
    at(clock, 2024, 10, 7, 17)
    await scheduler.tick()
    assert "Belum melapor: Polri" in (await telegram.next_message(GROUP.id)).text


async def test_a_regions_correction_changes_its_rhythm_and_no_other_groups(bot, telegram, clock):
    at(clock, 2024, 12, 10, 6)  # Tuesday 10 December
    await set_up(telegram, clock)
    await set_up(telegram, clock, chat=OTHER_GROUP)
    corrected = await say(telegram, "/tahapan rekap_kabkota 29-11-2024 10-12-2024")
    assert corrected.text.startswith(
        "Tahap rekapitulasi tingkat kabupaten/kota untuk wilayah ini sekarang Jumat, "
        "29 November 2024 sampai Selasa, 10 Desember 2024."
    )
    at(clock, 2024, 12, 10, 7)
    await scheduler_of(bot).tick()
    assert headings(telegram, GROUP.id) == [
        "Laporan harian dibuka",
        "Hari terakhir rekapitulasi tingkat kabupaten/kota",
    ]
    assert (
        "H+13 · rekapitulasi tingkat kabupaten/kota, sampai Selasa, 10 Desember 2024"
        in telegram.unread(GROUP.id)[0].text
    )
    # The other regency keeps KPU's dates: its recapitulation ended on the 6th, and the
    # rest of the count expects a report on Mondays only.
    assert headings(telegram, OTHER_GROUP.id) == []


async def test_polling_days_extra_round_with_the_admins_own_times(bot, telegram, clock):
    at(clock, 2024, 11, 26, 6)
    await set_up(telegram, clock)
    await approve(telegram, OFFICER, "/daftar Polri Polres Kutai Timur")
    await say(telegram, "/jadwal ringkasan 16.30")
    scheduler = scheduler_of(bot)
    # H-1, the day before: no extra round at 10.00 and 14.00.
    day_before = [
        ((7, 0), ["Laporan harian dibuka", "Masa tenang · H-1"]),
        ((10, 0), []),
        ((12, 0), ["Pengingat laporan harian"]),
        ((14, 0), []),
        ((16, 30), ["Ringkasan harian Posko Forkopimda"]),
    ]
    for (hour, minute), expected in day_before:
        at(clock, 2024, 11, 26, hour, minute)
        await scheduler.tick()
        assert headings(telegram, GROUP.id) == expected, (hour, minute)
        telegram.mark_read(GROUP.id)

    rounds = [
        ((7, 0), ["Laporan harian dibuka", "Hari ini pemungutan suara"]),
        ((10, 0), ["Pengingat laporan harian"]),
        ((12, 0), ["Pengingat laporan harian"]),
        ((14, 0), ["Ringkasan sementara Posko Forkopimda"]),
        ((16, 30), ["Ringkasan harian Posko Forkopimda"]),
        ((17, 0), []),  # the admin's time wins on polling day too
    ]
    for (hour, minute), expected in rounds:
        at(clock, 2024, 11, 27, hour, minute)
        await scheduler.tick()
        assert headings(telegram, GROUP.id) == expected, (hour, minute)
        telegram.mark_read(GROUP.id)


# -- milestone posts --------------------------------------------------------------------

MILESTONES = [
    ((2024, 9, 25), "Masa kampanye dimulai"),
    ((2024, 10, 28), "Hitung mundur H-30"),
    ((2024, 11, 13), "Hitung mundur H-14"),
    ((2024, 11, 20), "Hitung mundur H-7"),
    ((2024, 11, 22), None),
    ((2024, 11, 23), "Hari terakhir masa kampanye"),
    ((2024, 11, 24), "Masa tenang · H-3"),
    ((2024, 11, 25), None),
    ((2024, 11, 26), "Masa tenang · H-1"),
    ((2024, 11, 27), "Hari ini pemungutan suara"),
    ((2024, 11, 28), None),  # the districts' recapitulation: theirs to announce
    ((2024, 11, 29), "Rekapitulasi tingkat kabupaten/kota dimulai"),
    ((2024, 12, 6), "Hari terakhir rekapitulasi tingkat kabupaten/kota"),
]


async def test_each_milestone_post_comes_once_across_a_restart(telegram, database_url, clock):
    at(clock, 2024, 9, 20, 9)
    async with running_bot(telegram, database_url, clock):
        await set_up(telegram, clock, zone="WITA")
        for kind in ("laporan", "pengingat", "ringkasan", "pengingat_pagi", "ringkasan_siang"):
            await say(telegram, f"/jadwal {kind} mati")
    for day, heading in MILESTONES:
        for minute in (0, 1):  # 07.00 WITA, and again after a restart a minute later
            at(clock, *day, 7, minute, zone=WITA)
            async with running_bot(telegram, database_url, clock) as application:
                await scheduler_of(application).tick()
        assert headings(telegram, GROUP.id) == ([heading] if heading else []), day
        telegram.mark_read(GROUP.id)


async def test_the_milestones_follow_the_morning_posts_time(bot, telegram, clock):
    at(clock, 2024, 11, 24, 6)
    await set_up(telegram, clock)
    await say(telegram, "/jadwal laporan 06.30")
    at(clock, 2024, 11, 24, 6, 30)
    await scheduler_of(bot).tick()
    assert headings(telegram, GROUP.id) == ["Laporan harian dibuka", "Masa tenang · H-3"]


# -- /tahapan --------------------------------------------------------------------------

ZONES = [(GROUP, "WIB", WIB), (OTHER_GROUP, "WITA", WITA), (THIRD_GROUP, "WIT", WIT)]


@pytest.mark.parametrize(("chat", "zone", "hours"), ZONES, ids=["WIB", "WITA", "WIT"])
async def test_tahapan_just_after_midnight_in_each_zone(bot, telegram, clock, chat, zone, hours):
    at(clock, 2024, 11, 24, 0, 5, zone=hours)  # 00.05 on H-3 in the group's zone
    await set_up(telegram, clock, chat=chat, zone=zone)
    reply = (await say(telegram, "/tahapan", chat=chat)).text
    assert "Hari ini: Minggu, 24 November 2024 · H-3" in reply
    assert "Tahap saat ini: masa tenang, sampai Selasa, 26 November 2024 (2 hari lagi)" in reply
    assert "Laporan: setiap hari; hari ini laporan diharapkan." in reply
    assert (
        "Tonggak berikutnya\n"
        "• Selasa, 26 November 2024 · H-1: batas akhir logistik tiba di setiap TPS\n"
        "• Rabu, 27 November 2024 · Hari H: pemungutan suara\n"
        "• Kamis, 28 November 2024 · H+1: rekapitulasi tingkat kecamatan dimulai"
    ) in reply

    clock.now -= timedelta(minutes=10)  # 23.55 the evening before
    reply = (await say(telegram, "/tahapan", chat=chat)).text
    assert "Hari ini: Sabtu, 23 November 2024 · H-4" in reply
    assert "Tahap saat ini: masa kampanye, sampai Sabtu, 23 November 2024 (hari ini hari " in reply


async def test_tahapan_before_polling_day_is_set_says_how(bot, telegram):
    reply = (await say(telegram, "/tahapan")).text
    assert reply == (
        "Hari H belum diatur. Admin grup dapat mengaturnya, contoh: /hari_h pilkada2024 "
        "atau /hari_h 2024-11-27 Pilkada Serentak 2024."
    )


# -- what a tick costs ----------------------------------------------------------------


async def test_a_tick_looks_only_at_the_groups_with_something_due(bot, telegram, clock):
    at(clock, 2024, 11, 13, 6, 50)  # 06.50 WIB, 08.50 WIT
    await set_up(telegram, clock)
    await set_up(telegram, clock, chat=OTHER_GROUP, zone="WIT")
    scheduler = scheduler_of(bot)
    first = await scheduler.tick()
    # The first look takes in every group; the one in WIT has its morning posts due.
    assert (first.groups_planned, first.sent) == (2, 2)
    at(clock, 2024, 11, 13, 6, 55)
    assert (await scheduler.tick()).groups_planned == 0  # nothing due, nothing changed
    assert headings(telegram, OTHER_GROUP.id) == ["Laporan harian dibuka", "Hitung mundur H-14"]
    telegram.mark_read(OTHER_GROUP.id)
    await say(telegram, "/zona WITA", chat=OTHER_GROUP)  # 07.55 WITA: today's posts are sent
    changed = await scheduler.tick()
    assert (changed.groups_planned, changed.sent) == (1, 0)
    at(clock, 2024, 11, 13, 7)  # 07.00 WIB: only the group in WIB has a slot
    due = await scheduler.tick()
    assert (due.groups_planned, due.sent) == (1, 2)
    assert headings(telegram, GROUP.id) == ["Laporan harian dibuka", "Hitung mundur H-14"]
    assert headings(telegram, OTHER_GROUP.id) == []
    at(clock, 2024, 11, 13, 7, 20)  # every RELOAD_EVERY the book looks at every group again
    assert (await scheduler.tick()).groups_planned == 2
