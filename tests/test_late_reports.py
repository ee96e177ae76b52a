"""End to end: yesterday's report sent the next morning, until the group's cut-off, and after it."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from bot.app import scheduler_of
from bot.services.reports import reports_of_day
from tests.support.chat import (
    OFFICER,
    approve,
    days_earlier,
    fill_polri,
    say,
    send_report,
    tap,
    type_in,
)
from tests.support.harness import ADMIN, GROUP, MEMBER, OTHER_GROUP

D13, D14 = date(2024, 11, 13), date(2024, 11, 14)


async def set_up(telegram, clock, zone="WIB"):
    """A group of ``zone`` with its Polri liaison, set up the week before."""
    telegram.set_member_status(GROUP, ADMIN, "administrator")
    with days_earlier(clock):
        await say(telegram, "/wilayah Kabupaten Kutai Timur")
        await say(telegram, f"/zona {zone}")
        await say(telegram, "/hari_h 2024-11-27 Pilkada Serentak 2024")
        request = await say(telegram, "/daftar Polri Polres Kutai Timur", user=OFFICER)
        await telegram.press(ADMIN, request, request.button("Setujui")["callback_data"])
        await telegram.next_message(GROUP.id)


def local(offset: int, day: int, hour: int, minute: int = 0) -> datetime:
    """The instant a clock ``offset`` hours ahead of UTC shows that November time."""
    return datetime(2024, 11, day, hour, minute, tzinfo=UTC) - timedelta(hours=offset)


async def test_yesterdays_report_before_noon_is_stored_late_and_not_posted_again(
    bot, telegram, clock
):
    await set_up(telegram, clock)
    scheduler = scheduler_of(bot)
    clock.now = local(7, 13, 17)  # the 13th's summary goes out: Polri has not reported
    await scheduler.tick()
    [summary] = [m for m in telegram.unread(GROUP.id) if m.text.startswith("Ringkasan")]
    assert "Rabu, 13 November 2024" in summary.text and "Belum melapor: Polri" in summary.text
    while telegram.unread(GROUP.id):
        await telegram.next_message(GROUP.id)

    clock.now = local(7, 14, 8, 30)
    question = await type_in(telegram, "/lapor kemarin")
    assert question.text.startswith(
        "Laporan Polri (Polres Kutai Timur) untuk kemarin, Rabu, 13 November 2024 (terlambat)\n"
        "Kabupaten Kutai Timur\n"
    )
    review = await fill_polri(telegram, question, "Waspada", "1.200")
    assert review.text.startswith(
        "Laporan untuk Rabu, 13 November 2024 (terlambat)\nPeriksa laporan Anda\nSituasi: Waspada"
    )
    thanks, line = await send_report(telegram, review)
    assert (
        "Terima kasih, laporan Polri untuk Rabu, 13 November 2024 sudah tercatat sebagai "
        "laporan terlambat." in thanks.text
    )
    assert "Ketik /lapor untuk mengisi laporan hari ini." in thanks.text
    assert thanks.button("Ubah laporan")["callback_data"] == "koreksi:-1001234567890:20241113"
    assert line.text == (
        "✅ Polri (Polres Kutai Timur) telah melapor untuk Rabu, 13 November 2024 (terlambat) "
        "· 🟡 Waspada"
    )
    [report] = await reports_of_day(GROUP.id, D13)
    assert report.late and report.reported_late and report.submitted_at == clock.now
    assert report.answers["personel"] == 1200
    assert await reports_of_day(GROUP.id, D14) == []

    summary = await say(telegram, "/ringkasan kemarin", user=MEMBER)
    assert "Rabu, 13 November 2024" in summary.text
    assert "1 dari 1 instansi melapor (1 terlambat)" in summary.text
    assert "🟡 Waspada · Kamis, 14 November 2024, 08.30 WIB (terlambat) · Andi Polres" in (
        summary.text
    )
    assert "Belum melapor" not in summary.text

    clock.now = local(7, 14, 8, 40)  # the scheduler's next tick: only today's opening
    await scheduler.tick()
    assert [m.text.split("\n")[0] for m in telegram.unread(GROUP.id)] == ["Laporan harian dibuka"]


async def test_after_the_cut_off_yesterday_is_closed_and_today_is_offered(bot, telegram, clock):
    await set_up(telegram, clock)
    clock.now = local(7, 14, 12)
    question = await type_in(telegram, "/lapor kemarin")
    assert question.text.startswith(
        "Batas waktu laporan untuk kemarin, Rabu, 13 November 2024, sudah lewat "
        "(pukul 12.00 WIB). Silakan isi laporan hari ini.\n\n"
        "Laporan harian Polri (Polres Kutai Timur)\n"
    )
    assert [b["text"] for b in question.buttons] == ["Aman", "Waspada", "Rawan"]
    _, line = await send_report(telegram, await fill_polri(telegram, question))
    assert line.text == "✅ Polri (Polres Kutai Timur) telah melapor · 🟢 Aman"
    assert await reports_of_day(GROUP.id, D13) == []
    [report] = await reports_of_day(GROUP.id, D14)
    assert not report.late

    # In the group the same: the button opens today's form.
    await telegram.send_message(GROUP, OFFICER, "/lapor kemarin")
    answer = await telegram.next_message(GROUP.id)
    assert answer.text.startswith("Batas waktu laporan untuk kemarin, Rabu, 13 November 2024")
    assert answer.button("Buka formulir laporan")["url"].endswith("start=lapor_m1001234567890")


@pytest.mark.parametrize(("zone", "offset"), [("WIB", 7), ("WITA", 8), ("WIT", 9)])
async def test_near_midnight_the_groups_own_clock_decides(bot, telegram, clock, zone, offset):
    await set_up(telegram, clock, zone)
    clock.now = local(offset, 13, 23, 59)  # yesterday, the 12th, closed at noon today
    closed = await type_in(telegram, "/lapor kemarin")
    assert closed.text.startswith(
        "Batas waktu laporan untuk kemarin, Selasa, 12 November 2024, sudah lewat "
        f"(pukul 12.00 {zone})."
    )
    clock.now = local(offset, 14, 0, 1)  # the 13th has just ended: open until noon
    # The form opened at 23.59 is for the 13th: it goes on as that day's late report.
    question = await type_in(telegram, "/lapor kemarin")
    assert question.text.startswith(
        "Laporan untuk Rabu, 13 November 2024 (terlambat)\nMelanjutkan laporan yang belum selesai."
    )
    _, line = await send_report(telegram, await fill_polri(telegram, question))
    assert "telah melapor untuk Rabu, 13 November 2024 (terlambat)" in line.text
    [report] = await reports_of_day(GROUP.id, D13)
    assert report.late


async def test_a_form_begun_before_midnight_reports_for_its_day_late(bot, telegram, clock):
    await set_up(telegram, clock, "WITA")
    clock.now = local(8, 13, 23, 58)
    question = await type_in(telegram, "/lapor")
    review = await fill_polri(telegram, question)
    clock.now = local(8, 14, 0, 2)
    assert review.text.startswith("Periksa laporan Anda")
    _, line = await send_report(telegram, review)
    assert line.text == (
        "✅ Polri (Polres Kutai Timur) telah melapor untuk Rabu, 13 November 2024 (terlambat) "
        "· 🟢 Aman"
    )
    [report] = await reports_of_day(GROUP.id, D13)
    assert report.late and await reports_of_day(GROUP.id, D14) == []


async def test_a_form_for_yesterday_sent_after_the_cut_off_becomes_todays(bot, telegram, clock):
    await set_up(telegram, clock)
    clock.now = local(7, 14, 11, 58)
    review = await fill_polri(telegram, await type_in(telegram, "/lapor kemarin"), "Rawan")
    clock.now = local(7, 14, 12, 1)
    await tap(telegram, review, "Kirim")  # the review loses its buttons
    offer = await telegram.next_message(OFFICER.id)
    assert offer.text.startswith(
        "Batas waktu laporan untuk Rabu, 13 November 2024 sudah lewat (pukul 12.00 WIB), "
        "sehingga laporan ini tidak dapat dikirim untuk hari itu. Jawaban Anda tetap ada: tekan "
        "Kirim untuk mengirimnya sebagai laporan hari ini, Kamis, 14 November 2024, atau Batal."
    )
    assert "Situasi: Rawan" in offer.text
    assert telegram.unread(GROUP.id) == [] and await reports_of_day(GROUP.id, D13) == []
    _, line = await send_report(telegram, offer)
    assert line.text == "✅ Polri (Polres Kutai Timur) telah melapor · 🔴 Rawan"
    [report] = await reports_of_day(GROUP.id, D14)
    assert report.answers["situasi"] == "rawan" and not report.late


async def test_todays_form_offers_yesterday_while_it_is_missing_and_open(bot, telegram, clock):
    await set_up(telegram, clock)
    clock.now = local(7, 14, 9)
    question = await type_in(telegram, "/lapor")
    assert (
        "Laporan Polri untuk kemarin, Rabu, 13 November 2024, belum ada. Sampai pukul 12.00 WIB "
        'laporan itu masih dapat dikirim: tekan "Isi laporan kemarin".' in question.text
    )
    assert [b["text"] for b in question.buttons] == [
        "Aman",
        "Waspada",
        "Rawan",
        "Isi laporan kemarin",
    ]
    switched = await tap(telegram, question, "Isi laporan kemarin", replies=2)
    assert question.text == "Laporan untuk Rabu, 13 November 2024 (terlambat)"  # edited in place
    assert "Bagaimana situasi" in switched.text
    _, line = await send_report(telegram, await fill_polri(telegram, switched))
    assert "telah melapor untuk Rabu, 13 November 2024 (terlambat)" in line.text

    # Reported: today's form offers nothing more; nor does it after noon.
    question = await type_in(telegram, "/lapor")
    assert "Isi laporan kemarin" not in [b["text"] for b in question.buttons]
    await type_in(telegram, "/batal")
    clock.now = local(7, 15, 12, 30)
    question = await type_in(telegram, "/lapor")
    assert "belum ada" not in question.text
    assert "Isi laporan kemarin" not in [b["text"] for b in question.buttons]


async def test_admins_move_the_cut_off(bot, telegram, clock):
    await set_up(telegram, clock, "WITA")
    shown = await say(telegram, "/batas_terlambat", user=MEMBER)
    assert shown.text.startswith("Laporan terlambat untuk kemarin: sampai pukul 12.00 WITA")
    refused = await say(telegram, "/batas_terlambat 10.00", user=MEMBER)
    assert refused.text == "Mohon maaf, pengaturan grup hanya dapat diubah oleh admin grup."
    assert (await say(telegram, "/batas_terlambat 10.00")).text == (
        "Laporan terlambat untuk kemarin: sampai pukul 10.00 WITA"
    )
    clock.now = local(8, 14, 10, 30)
    closed = await type_in(telegram, "/lapor kemarin")
    assert closed.text.startswith(
        "Batas waktu laporan untuk kemarin, Rabu, 13 November 2024, sudah lewat (pukul 10.00 WITA)."
    )
    assert (await say(telegram, "/batas_terlambat mati")).text == (
        "Laporan terlambat untuk kemarin: tidak diterima"
    )
    clock.now = local(8, 14, 0, 5)
    assert (await type_in(telegram, "/lapor kemarin")).text.startswith("Batas waktu laporan")
    assert (
        "Laporan terlambat untuk kemarin: tidak diterima"
        in (await say(telegram, "/pengaturan")).text
    )


async def test_lapor_kemarin_in_the_group_and_for_one_of_two_groups(bot, telegram, clock):
    await set_up(telegram, clock)
    with days_earlier(clock):
        await approve(telegram, OFFICER, "/daftar TNI Kodim 1708", group=OTHER_GROUP)
    clock.now = local(7, 14, 8)
    await telegram.send_message(GROUP, OFFICER, "/lapor kemarin")
    answer = await telegram.next_message(GROUP.id)
    assert answer.text == (
        "Andi Polres, isi laporan Polri (Polres Kutai Timur) untuk kemarin, Rabu, "
        "13 November 2024 (terlambat), melalui percakapan pribadi dengan bot:"
    )
    link = answer.button("Buka formulir laporan kemarin")["url"]
    assert link == "https://t.me/PoskoForkopimdaBot?start=kemarin_m1001234567890"
    question = await type_in(telegram, "/start kemarin_m1001234567890")
    assert "untuk kemarin, Rabu, 13 November 2024 (terlambat)" in question.text
    await type_in(telegram, "/batal")

    chooser = await type_in(telegram, "/lapor kemarin")
    assert chooser.text == "Laporan kemarin ini untuk grup mana?"
    question = await tap(telegram, chooser, OTHER_GROUP.title, replies=2)
    assert question.text.startswith(
        "Laporan TNI (Kodim 1708) untuk kemarin, Rabu, 13 November 2024 (terlambat)\n"
        "Forkopimda Kota Jayapura\n"
    )
