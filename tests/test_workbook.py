"""The /ekspor workbook as the secretary opens it: its sheets, headings, cells and their types."""

from __future__ import annotations

import dataclasses
import io
import subprocess
import sys
import zipfile
from datetime import UTC, date, datetime

import openpyxl
import pytest
from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter

from bot.domain.agencies import Agency
from bot.domain.incidents.places import Location
from bot.domain.links import GroupRef
from bot.domain.regions import RegionLevel
from bot.domain.rollup import AgencyDay, GroupDay, TreeNode, rollup_of
from bot.outputs.workbook import render_workbook
from bot.texts.i18n import translator
from tests.support.history import KUTIM, sample_history, with_answers

AGENCY_SHEETS = ["Pemda", "TNI", "Polri", "KPU", "Bawaslu", "Kejaksaan"]


def workbook_of(history) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(render_workbook(history)))


def headings(sheet) -> list[str]:
    return [cell.value for cell in sheet[1]]


def records(sheet) -> list[dict[str, Cell]]:
    """Each data row as heading -> cell, as a reader scans the sheet."""
    names = headings(sheet)
    return [dict(zip(names, row, strict=True)) for row in sheet.iter_rows(min_row=2)]


def row_of(sheet, day: date, agency: str | None = None) -> dict[str, Cell]:
    found = [
        record
        for record in records(sheet)
        if record["Tanggal"].value == datetime.combine(day, datetime.min.time())
        and (agency is None or record["Instansi"].value == agency)
    ]
    assert len(found) == 1, f"{len(found)} rows for {day} {agency}"
    return found[0]


@pytest.fixture(scope="module")
def book():
    return workbook_of(sample_history())


def test_sheets_come_in_the_order_a_meeting_reads_them(book):
    assert book.sheetnames == ["Laporan harian", *AGENCY_SHEETS, "Revisi", "Kejadian"]


def test_without_incidents_there_is_no_incident_sheet():
    history = dataclasses.replace(sample_history(), incidents=())
    assert "Kejadian" not in workbook_of(history).sheetnames


@pytest.mark.parametrize("name", ["Laporan harian", *AGENCY_SHEETS, "Revisi", "Kejadian"])
def test_every_sheet_has_frozen_bold_headings_and_a_filter(book, name):
    sheet = book[name]
    assert sheet.freeze_panes == "A2"
    last = get_column_letter(sheet.max_column)
    assert sheet.auto_filter.ref == f"A1:{last}{sheet.max_row}"
    assert all(cell.font.b for cell in sheet[1])


def width_of(sheet, heading: str) -> float:
    """The width Excel gives the column under ``heading``."""
    index = headings(sheet).index(heading) + 1
    ranges = sheet.column_dimensions.values()
    return next(d.width for d in ranges if d.min is not None and d.min <= index <= d.max)


def test_columns_fit_their_content_up_to_a_limit():
    note = "Gudang logistik perlu pengamanan tambahan. " * 12
    history = with_answers(sample_history(), Agency.PEMDA, date(2024, 11, 14), catatan=note)
    book = workbook_of(history)
    assert 60 <= width_of(book["Pemda"], "Catatan lain") <= 61  # a long note does not
    uraian = "Keributan antarpendukung di depan posko <b>paslon</b>"
    assert len(uraian) <= width_of(book["Kejadian"], "Uraian") <= len(uraian) + 3
    # A short column is as wide as its heading, with room for the filter's button.
    assert len("Terlambat") < width_of(book["TNI"], "Terlambat") <= len("Terlambat") + 5


def test_daily_reports_list_every_day_and_agency(book):
    sheet = book["Laporan harian"]
    assert headings(sheet) == [
        "Tanggal",
        "Instansi",
        "Diharapkan melapor",
        "Sudah melapor",
        "Situasi",
        "Penghubung",
        "Satuan",
        "Waktu lapor",
        "Terlambat",
        "Diperbaiki pada",
        "Keterangan",
    ]
    assert sheet.max_row == 1 + 14 * 6  # 13..26 November, six agencies
    polri = row_of(sheet, date(2024, 11, 17), "Polri")
    assert polri["Tanggal"].number_format == "dd/mm/yyyy"
    assert polri["Situasi"].value == "Rawan"  # the choice's label, not its stored value
    assert polri["Satuan"].value == "Polres Kutai Timur"
    # Sent 10.20 WITA: the cell holds the group's own clock, as a real date and time.
    assert polri["Waktu lapor"].value == datetime(2024, 11, 17, 10, 20)
    assert polri["Waktu lapor"].number_format == "dd/mm/yyyy hh:mm"
    assert (polri["Sudah melapor"].value, polri["Terlambat"].value) == ("ya", "tidak")


def test_the_late_report_is_marked_late(book):
    tni = row_of(book["Laporan harian"], date(2024, 11, 15), "TNI")
    assert tni["Terlambat"].value == "ya"
    assert tni["Waktu lapor"].value == datetime(2024, 11, 16, 9, 30)  # the next morning
    assert row_of(book["TNI"], date(2024, 11, 15))["Terlambat"].value == "ya"


def test_a_missed_report_and_a_paused_day_still_have_their_rows(book):
    sheet = book["Laporan harian"]
    missed = row_of(sheet, date(2024, 11, 16), "Kejaksaan")
    assert [missed[h].value for h in ("Diharapkan melapor", "Sudah melapor", "Waktu lapor")] == [
        "ya",
        "tidak",
        None,
    ]
    for agency in AGENCY_SHEETS:
        paused = row_of(sheet, date(2024, 11, 20), agency)
        assert paused["Diharapkan melapor"].value == "tidak"
        assert paused["Sudah melapor"].value == "tidak"
        assert paused["Keterangan"].value == "Posko dijeda"
    assert row_of(sheet, date(2024, 11, 19), "Polri")["Keterangan"].value is None


def test_a_corrected_report_shows_when_it_was_corrected(book):
    kpu = row_of(book["Laporan harian"], date(2024, 11, 26), "KPU")
    assert kpu["Waktu lapor"].value == datetime(2024, 11, 26, 11, 5)  # first sent
    assert kpu["Diperbaiki pada"].value == datetime(2024, 11, 26, 13, 5)
    assert row_of(book["KPU"], date(2024, 11, 26))["Diperbaiki pada"].value == datetime(
        2024, 11, 26, 13, 5
    )


def test_an_agency_sheet_types_every_answer_by_its_question(book):
    sheet = book["KPU"]
    names = headings(sheet)
    assert names[:3] == ["Tanggal", "Situasi", "Logistik tiba di kecamatan (PPK) (%)"]
    assert "Jumlah TPS (TPS)" in names  # the unit, from the forms data
    assert names[-4:] == ["Penghubung", "Waktu lapor", "Terlambat", "Diperbaiki pada"]
    assert sheet.max_row == 1 + 13  # every day but the paused one
    day = row_of(sheet, date(2024, 11, 14))
    share = day["Logistik tiba di kecamatan (PPK) (%)"]
    assert (share.value, share.number_format) == (0.46, "0%")  # a real percentage: 46%
    count = day["Jumlah TPS (TPS)"]
    assert (count.value, type(count.value), count.number_format) == (1234, int, "#,##0")
    assert day["TPS dibuka tepat waktu (TPS)"].value is None  # not asked before polling day
    assert isinstance(day["Tanggal"].value, datetime)


def test_a_percentage_with_a_decimal_keeps_it():
    history = with_answers(sample_history(), Agency.KPU, date(2024, 11, 14), logistik_desa="87.5")
    share = row_of(workbook_of(history)["KPU"], date(2024, 11, 14))[
        "Logistik tiba di desa/kelurahan (PPS) (%)"
    ]
    assert (share.value, share.number_format) == (0.875, "0.0%")


def test_revisions_keep_the_superseded_version_marked(book):
    sheet = book["Revisi"]
    assert headings(sheet)[:8] == [
        "Tanggal",
        "Instansi",
        "Penghubung",
        "Satuan",
        "Dikirim pada",
        "Versi berlaku",
        "Memperbaiki versi sebelumnya",
        "Terlambat",
    ]
    kpu = [
        row
        for row in records(sheet)
        if row["Instansi"].value == "KPU" and row["Tanggal"].value == datetime(2024, 11, 26)
    ]
    first, correction = (
        [row[h].value for h in ("Versi berlaku", "Memperbaiki versi sebelumnya", "Dikirim pada")]
        for row in kpu
    )
    assert first == ["tidak", "tidak", datetime(2024, 11, 26, 11, 5)]
    assert correction == ["ya", "ya", datetime(2024, 11, 26, 13, 5)]
    assert [row["Logistik tiba di TPS (KPPS) (%)"].value for row in kpu] == [0.5, 0.65]
    assert sheet.max_row == 1 + len(sample_history().versions)


def test_incidents_are_listed_with_their_words(book):
    sheet = book["Kejadian"]
    first, second = records(sheet)
    assert first["Nomor"].value == "#1/2024"
    assert first["Urgensi"].value == "Segera"
    assert first["Status"].value == "Selesai"
    assert first["Waktu kejadian"].value == datetime(2024, 11, 17, 21, 15)
    assert first["Instansi pelapor"].value == "Polri (Polres Kutai Timur)"
    # Plain text in a cell: the markup a person typed is kept as typed, not read as HTML.
    assert first["Uraian"].value == "Keributan antarpendukung di depan posko <b>paslon</b>"
    assert second["Jenis"].value == "Logistik rusak"  # the category's label
    assert second["Koordinat"].value is None


def test_an_incidents_coordinates_read_as_a_map_writes_them():
    history = sample_history()
    placed = dataclasses.replace(history.incidents[0], location=Location(0.5123456, 117.5))
    history = dataclasses.replace(history, incidents=(placed,))
    assert records(workbook_of(history)["Kejadian"])[0]["Koordinat"].value == ("0.51235, 117.50000")


def test_text_that_looks_like_a_formula_stays_text():
    note = '=HYPERLINK("http://contoh.invalid","klik")'
    history = with_answers(sample_history(), Agency.PEMDA, date(2024, 11, 14), catatan=note)
    data = render_workbook(history)
    cell = row_of(openpyxl.load_workbook(io.BytesIO(data))["Pemda"], date(2024, 11, 14))[
        "Catatan lain"
    ]
    assert (cell.value, cell.data_type) == (note, "s")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/sheet")]
        assert not any(b"<f>" in archive.read(name) for name in sheets)


def _node(chat_id: int, name: str, parent: int, depth: int, active: bool = True) -> TreeNode:
    level = RegionLevel.KECAMATAN if depth == 1 else None
    ref = GroupRef(chat_id, name, f"64.08.{chat_id:02d}", level, active)
    return TreeNode(ref, parent, depth)


def _rollup(day: date):
    root = KUTIM.chat_id
    nodes = [
        TreeNode(GroupRef(root, "Kabupaten Kutai Timur", "64.08", None), None, 0),
        _node(1, "Sangatta Utara", root, 1),
        _node(2, "Bengalon", root, 1, active=False),
    ]
    morning = datetime.combine(day, datetime.min.time(), UTC)
    days = {
        1: GroupDay(
            frozenset({Agency.POLRI, Agency.KPU, Agency.TNI}),
            (
                AgencyDay(Agency.POLRI, morning, {"situasi": "rawan", "personel": 1250}),
                AgencyDay(Agency.KPU, morning, {"situasi": "aman", "logistik_desa": "80"}),
            ),
        )
    }
    return rollup_of(sample_history().forms, root, day, nodes, days, every_region=True)


def test_the_regions_below_get_a_sheet_of_their_own():
    history = dataclasses.replace(
        sample_history(), rollups=(_rollup(date(2024, 11, 25)), _rollup(date(2024, 11, 26)))
    )
    book = workbook_of(history)
    assert book.sheetnames[-1] == "Wilayah"
    sheet = book["Wilayah"]
    names = headings(sheet)
    assert names[:9] == [
        "Tanggal",
        "Wilayah",
        "Kode wilayah",
        "Tingkat",
        "Kedalaman",
        "Di bawah",
        "Instansi melapor",
        "Instansi diharapkan",
        "Situasi",
    ]
    rows = records(sheet)
    assert len(rows) == 4  # two regions, two days
    sangatta = rows[0]
    assert [sangatta[h].value for h in names[:9]] == [
        datetime(2024, 11, 25),
        "Sangatta Utara",
        "64.08.01",
        "kecamatan",
        1,
        "Kabupaten Kutai Timur",
        2,
        3,
        "Rawan",
    ]
    personel = sangatta["Personel yang dikerahkan (personel)"]
    assert (personel.value, personel.number_format) == (1250, "#,##0")
    assert sangatta["Logistik tiba di desa/kelurahan (PPS) (%)"].value == 0.8
    assert sangatta["Keterangan"].value is None
    assert rows[1]["Keterangan"].value == "Bot tidak lagi ada di grup wilayah ini"


def test_an_english_group_gets_the_same_sheets_in_its_words():
    english = translator("en")
    group = dataclasses.replace(KUTIM, locale="en")
    book = workbook_of(sample_history(group=group))
    indonesian = workbook_of(sample_history())
    assert book.sheetnames[1:7] == AGENCY_SHEETS  # proper names, never translated
    assert len(book.sheetnames) == len(indonesian.sheetnames)
    sheet = book.worksheets[0]
    assert headings(sheet)[4] == english.gettext("Situasi") != "Situasi"
    row = [cell.value for cell in sheet[2]]
    assert row[3] == "yes"
    assert row[4] == english.gettext("Aman")
    # Dates, times and figures are the same cells whatever the language.
    assert book.sheetnames[0] == "Daily reports" and book.sheetnames[7] == "Revisions"
    for name in ("KPU", "Revisi"):
        ours = book[english.gettext(name)]
        assert [[c.value for c in r if not isinstance(c.value, str)] for r in ours] == [
            [c.value for c in r if not isinstance(c.value, str)] for r in indonesian[name]
        ]


def test_the_same_history_gives_the_same_file():
    history = sample_history()
    assert render_workbook(history) == render_workbook(history)


def test_the_workbook_module_leaves_xlsxwriter_unloaded_until_a_file_is_made():
    code = "import sys, bot.outputs.workbook; print('xlsxwriter' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
