"""/brief's PDF as the forum reads it: its pages' words, extracted with pypdf."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import pytest
from pypdf import PdfReader

from bot.domain.agencies import Agency
from bot.domain.incidents import IncidentStatus
from bot.outputs.brief import MOST_OPEN_INCIDENTS, follow_ups, render_brief
from bot.outputs.chart_data import ChartKind
from bot.outputs.charts import render_charts
from bot.outputs.history import History
from tests.support.history import KUTIM, sample_history


def read(pdf: bytes) -> PdfReader:
    assert pdf.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(pdf))


def words(reader: PdfReader) -> str:
    """The brief's text, its lines joined with spaces (a wrapped note reads as one)."""
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def with_note(history: History, agency: Agency, note: str) -> History:
    """``agency``'s report of the last day carries ``note`` as its follow-up."""
    last = history.days[-1]
    report = last.reports[agency]
    answers = {**report.answers, "tindak_lanjut": note}
    reports = {**last.reports, agency: replace(report, answers=answers)}
    return replace(history, days=(*history.days[:-1], replace(last, reports=reports)))


def with_dprd(history: History, note: str) -> History:
    """DPRD expected and reporting every working day too, each day with ``note``."""
    days = []
    for day in history.days:
        if day.day_off is None:
            pemda = day.reports[Agency.PEMDA]
            dprd = replace(
                pemda,
                agency=Agency.DPRD,
                unit_name="Sekretariat DPRD Kutai Timur",
                answers={"situasi": "aman", "tindak_lanjut": f"{day.day:%d}: {note}"},
            )
            day = replace(
                day,
                expected=(*day.expected, Agency.DPRD),
                reports={**day.reports, Agency.DPRD: dprd},
            )
        days.append(day)
    return replace(history, days=tuple(days))


@pytest.fixture(scope="module")
def brief() -> PdfReader:
    history = with_note(sample_history(), Agency.POLRI, "Patroli <b>gabungan</b> di Sangatta")
    return read(render_brief(history))


def test_the_brief_says_what_the_meeting_needs(brief):
    text = words(brief)
    assert "Brief Rapat Koordinasi" in text
    assert "Kabupaten Kutai Timur" in text
    assert "Selasa, 26 November 2024" in text  # the brief's day: the range's last
    assert "H-1" in text and "Pilkada Serentak 2024" in text and "Masa tenang" in text
    assert "Waspada" in text  # the day's most serious situation, from Polri
    assert "6 dari 6 instansi melapor" in text


def test_each_agency_has_its_latest_figures_written_the_indonesian_way(brief):
    text = words(brief)
    for name in ("Pemda (Kesbangpol Kutai Timur)", "Polri (Polres Kutai Timur)", "KPU"):
        assert name in text
    assert "520 dari 1.234 (42,1%)" in text  # KPU's TPS with complete logistics
    assert "Personel yang dikerahkan: 315" in text
    assert "Logistik tiba di TPS (KPPS): 65%" in text


def test_follow_ups_and_open_incidents_are_brought_as_typed(brief):
    text = words(brief)
    assert "Gudang logistik Kecamatan Sangatta Utara butuh pengamanan tambahan" in text
    assert "Patroli <b>gabungan</b> di Sangatta" in text  # a tag typed is text, shown as typed
    assert "Kotak suara rusak terkena banjir" in text  # still being handled
    assert "Keributan antarpendukung" not in text  # done: not a matter for the meeting


def test_the_pages_are_numbered_and_dated_and_carry_the_charts(brief):
    assert 1 <= len(brief.pages) <= 3
    text = words(brief)
    assert f"Halaman 1 dari {len(brief.pages)}" in text
    assert "Dibuat Rabu, 27 November 2024, 08.00 WITA" in text
    assert sum(len(page.images) for page in brief.pages) == 2  # the default charts


def test_the_fonts_are_embedded(brief):
    fonts = brief.pages[0]["/Resources"]["/Font"]
    names = {str(font.get_object()["/BaseFont"]) for font in fonts.values()}
    assert any("DejaVuSans" in name for name in names), names
    assert all(font.get_object()["/Subtype"] == "/Type0" for font in fonts.values())


def test_an_agency_that_did_not_report_is_named():
    # 24 November is one of the days Kejaksaan skips.
    text = words(read(render_brief(sample_history(last=date(2024, 11, 24)), charts=[])))
    assert "Belum melapor: Kejaksaan" in text
    assert "5 dari 6 instansi melapor" in text


def test_a_day_when_everyone_reported_names_nobody():
    text = words(read(render_brief(sample_history(), charts=[])))
    assert "Belum melapor" not in text


def test_charts_given_are_the_ones_embedded():
    history = sample_history()
    charts = render_charts(history, [ChartKind.LAPORAN])
    assert sum(len(page.images) for page in read(render_brief(history, charts)).pages) == 1
    assert sum(len(page.images) for page in read(render_brief(history, [])).pages) == 0


def test_seven_agencies_with_long_notes_stay_within_three_pages():
    long_note = "Jalan menuju TPS terputus karena longsor <i>parah</i>; " * 40
    history = with_dprd(sample_history(), long_note)
    for agency in (Agency.PEMDA, Agency.TNI, Agency.POLRI, Agency.KPU, Agency.BAWASLU):
        history = with_note(history, agency, f"{agency.label}: {long_note}")
    incidents = tuple(
        replace(history.incidents[1], id=n, number=n, description=long_note) for n in range(2, 12)
    )
    history = replace(history, incidents=incidents)
    reader = read(render_brief(history))
    assert len(reader.pages) <= 3
    text = words(reader)
    assert "DPRD (Sekretariat DPRD Kutai Timur)" in text
    assert "longsor <i>parah</i>" in text
    assert f"Kejadian belum selesai: {len(incidents)}" in text
    assert "Kejadian #2" in text and f"Kejadian #{1 + MOST_OPEN_INCIDENTS}" in text
    assert f"Kejadian #{2 + MOST_OPEN_INCIDENTS}" not in text  # the rest are counted, not listed


def test_a_note_repeated_every_day_is_brought_once_on_its_latest_day():
    history = sample_history()
    days = []
    for day in history.days:
        if Agency.BAWASLU in day.reports:
            report = day.reports[Agency.BAWASLU]
            answers = {**report.answers, "tindak_lanjut": "Pengawasan politik uang di TPS"}
            day = replace(
                day, reports={**day.reports, Agency.BAWASLU: replace(report, answers=answers)}
            )
        days.append(day)
    found = follow_ups(replace(history, days=tuple(days)))
    repeated = [item for item in found if item.agency is Agency.BAWASLU]
    assert [(item.day, item.text) for item in repeated] == [
        (date(2024, 11, 26), "Pengawasan politik uang di TPS")
    ]


def test_polling_day_and_after_read_as_such():
    on_polling_day = sample_history(first=date(2024, 11, 14), last=date(2024, 11, 27))
    assert "Hari H" in words(read(render_brief(on_polling_day, charts=[])))
    after = sample_history(first=date(2024, 11, 16), last=date(2024, 11, 29))
    assert "H+2" in words(read(render_brief(after, charts=[])))


def test_a_group_without_polling_day_still_gets_its_brief():
    history = sample_history(group=replace(KUTIM, polling_day=None, election_name=None))
    text = words(read(render_brief(history, charts=[])))
    assert "Brief Rapat Koordinasi" in text
    assert "H-" not in text


def test_a_day_off_at_the_end_says_nothing_was_expected():
    history = sample_history(first=date(2024, 11, 7), last=date(2024, 11, 20))  # the 20th: paused
    text = words(read(render_brief(history, charts=[])))
    assert "tidak ada laporan yang diwajibkan" in text
    assert "Belum melapor" not in text
    assert "Kejaksaan (Kejari Kutai Timur)" in text  # the latest figures are still there


def test_every_open_incident_is_listed_user_text_as_typed():
    history = sample_history()
    reopened = tuple(replace(i, status=IncidentStatus.NEW) for i in history.incidents)
    text = words(read(render_brief(replace(history, incidents=reopened), charts=[])))
    assert "Kejadian belum selesai: 2" in text
    assert "posko <b>paslon</b>" in text
