"""End to end: "Ubah laporan" after Kirim: today's report, and yesterday's until the cut-off."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bot.domain.agencies import Agency
from bot.services.form_sessions import active_form
from bot.services.reports import report_versions, reports_of_day
from tests.support.chat import OFFICER, fill_polri, say, send_report, tap, type_in
from tests.support.harness import MEMBER
from tests.support.records import report_history
from tests.test_late_reports import set_up

D6, D13, D14 = date(2024, 11, 6), date(2024, 11, 13), date(2024, 11, 14)


def wib(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2024, 11, day, hour, minute, tzinfo=UTC) - timedelta(hours=7)


async def test_a_correction_changes_one_answer_keeps_history_and_tells_the_group_once(
    bot, telegram, clock
):
    await set_up(telegram, clock)
    clock.now = wib(13, 9, 15)
    thanks, line = await send_report(
        telegram, await fill_polri(telegram, await type_in(telegram, "/lapor"), "Waspada", "100")
    )
    assert line.text == "✅ Polri (Polres Kutai Timur) telah melapor · 🟡 Waspada"

    clock.now = wib(13, 10, 30)
    review = await tap(telegram, thanks, "Ubah laporan")
    assert review.text.startswith(
        "Ubah laporan Polri (Polres Kutai Timur)\nKabupaten Kutai Timur\nTekan Ubah untuk "
        "mengganti jawaban yang keliru, lalu Kirim. Ketik /batal untuk membatalkan.\n\n"
        "Perbaikan laporan untuk Rabu, 13 November 2024\nPeriksa laporan Anda\n"
        "Situasi: Waspada\nPersonel yang dikerahkan: 100\n"
    )
    assert [b["text"] for b in review.buttons] == ["Kirim", "Ubah", "Batal"]
    picker = await tap(telegram, review, "Ubah")
    question = await tap(telegram, picker, "Personel yang dikerahkan", replies=2)
    assert "Jawaban sekarang: 100" in question.text
    corrected = await type_in(telegram, "250")
    assert "Personel yang dikerahkan: 250" in corrected.text and "TPS rawan: 3" in corrected.text
    thanks, line = await send_report(telegram, corrected)
    assert line.text == "✏️ Polri (Polres Kutai Timur) memperbaiki laporan hari ini · 🟡 Waspada"
    assert telegram.unread(OFFICER.id) == [] and telegram.unread(-1001234567890) == []
    assert "versi sebelumnya tetap tersimpan" in thanks.text

    first, second = await report_history(-1001234567890, Agency.POLRI, D13)
    assert (first.answers["personel"], first.current) == (100, False)
    assert (second.answers["personel"], second.current) == (250, True)
    assert {k: v for k, v in first.answers.items() if k != "personel"} == {
        k: v for k, v in second.answers.items() if k != "personel"
    }
    [current] = await reports_of_day(-1001234567890, D13)
    assert current.corrected and current.reported_at == wib(13, 9, 15)
    assert [v.current for v in await report_versions(-1001234567890, D13, D13)] == [False, True]

    summary = (await say(telegram, "/ringkasan", user=MEMBER)).text
    assert "🟡 Waspada · 09.15 WIB · Andi Polres · ✏️ diperbaiki 10.30 WIB" in summary
    assert "Personel yang dikerahkan: 250" in summary
    assert "Personel yang dikerahkan: 100" not in summary


async def test_yesterdays_report_is_corrected_until_the_cut_off_only(bot, telegram, clock):
    await set_up(telegram, clock)
    clock.now = wib(13, 16)
    thanks, _ = await send_report(
        telegram, await fill_polri(telegram, await type_in(telegram, "/lapor"), "Aman")
    )
    clock.now = wib(14, 11)  # before noon: yesterday's report may still change
    review = await tap(telegram, thanks, "Ubah laporan")
    assert "Perbaikan laporan untuk Rabu, 13 November 2024" in review.text
    situation = await tap(telegram, await tap(telegram, review, "Ubah"), "Situasi", replies=2)
    corrected = await tap(telegram, situation, "Rawan", replies=2)
    _, line = await send_report(telegram, corrected)
    assert line.text == (
        "✏️ Polri (Polres Kutai Timur) memperbaiki laporan Rabu, 13 November 2024 · 🔴 Rawan"
    )
    [report] = await reports_of_day(-1001234567890, D13)
    assert report.answers["situasi"] == "rawan"
    assert not report.reported_late  # sent on its day; only the correction came the next morning
    summary = (await say(telegram, "/ringkasan kemarin", user=MEMBER)).text
    assert (
        "🔴 Rawan · 16.00 WIB · Andi Polres · ✏️ diperbaiki Kamis, 14 November 2024, 11.00 WIB"
        in summary
    )

    clock.now = wib(14, 12, 5)  # past noon: yesterday's report is closed
    refused = await tap(telegram, thanks, "Ubah laporan")
    assert refused.text == (
        "Laporan untuk Rabu, 13 November 2024 tidak dapat diubah lagi. Yang dapat diubah hanya "
        "laporan hari ini dan, sampai pukul 12.00 WIB, laporan kemarin."
    )
    assert await active_form(OFFICER.id) is None
    assert len(await report_history(-1001234567890, Agency.POLRI, D13)) == 2


async def test_a_report_from_last_week_cannot_be_corrected(bot, telegram, clock):
    await set_up(telegram, clock)
    clock.now = wib(6, 9)
    thanks, _ = await send_report(
        telegram, await fill_polri(telegram, await type_in(telegram, "/lapor"), "Aman")
    )
    clock.now = wib(13, 9)
    refused = await tap(telegram, thanks, "Ubah laporan")
    assert refused.text.startswith("Laporan untuk Rabu, 6 November 2024 tidak dapat diubah lagi.")
    assert await active_form(OFFICER.id) is None
    [report] = await report_history(-1001234567890, Agency.POLRI, D6)
    assert report.current and report.answers["situasi"] == "aman"


async def test_a_correction_sent_unchanged_stores_nothing_and_tells_nobody(bot, telegram, clock):
    await set_up(telegram, clock)
    clock.now = wib(13, 9)
    thanks, _ = await send_report(
        telegram, await fill_polri(telegram, await type_in(telegram, "/lapor"), "Aman")
    )
    review = await tap(telegram, thanks, "Ubah laporan")
    unchanged = await tap(telegram, review, "Kirim")
    assert unchanged.text == (
        "Tidak ada jawaban yang diubah; laporan untuk Rabu, 13 November 2024 tetap seperti semula."
    )
    assert telegram.unread(-1001234567890) == []
    assert len(await report_history(-1001234567890, Agency.POLRI, D13)) == 1
    assert await active_form(OFFICER.id) is None
