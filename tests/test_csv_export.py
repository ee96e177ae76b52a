"""The /ekspor csv ZIP as another program reads it: one UTF-8 file per sheet, plain values."""

from __future__ import annotations

import csv
import dataclasses
import io
import zipfile
from datetime import date

import openpyxl
import pytest

from bot.domain.agencies import Agency
from bot.outputs.csv_zip import render_csv_zip
from bot.outputs.workbook import render_workbook
from tests.support.history import KUTIM, sample_history, with_answers

FILES = [
    "laporan-harian.csv",
    "pemda.csv",
    "tni.csv",
    "polri.csv",
    "kpu.csv",
    "bawaslu.csv",
    "kejaksaan.csv",
    "revisi.csv",
    "kejadian.csv",
]


def unzipped(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert all(info.compress_type == zipfile.ZIP_DEFLATED for info in archive.infolist())
        return {name: archive.read(name) for name in archive.namelist()}


def table(raw: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


@pytest.fixture(scope="module")
def files():
    return unzipped(render_csv_zip(sample_history()))


def test_one_file_per_sheet_each_with_a_byte_order_mark(files):
    assert list(files) == FILES
    assert all(raw.startswith(b"\xef\xbb\xbf") for raw in files.values())


def test_files_hold_what_the_workbook_holds(files):
    book = openpyxl.load_workbook(io.BytesIO(render_workbook(sample_history())))
    for name, sheet in zip(FILES, book.worksheets, strict=True):
        rows = list(csv.reader(io.StringIO(files[name].decode("utf-8-sig"), newline="")))
        assert rows[0] == [cell.value for cell in sheet[1]], name
        assert len(rows) == sheet.max_row, name


def test_dates_and_times_are_iso_on_the_groups_clock(files):
    late = next(
        row
        for row in table(files["laporan-harian.csv"])
        if (row["Tanggal"], row["Instansi"]) == ("2024-11-15", "TNI")
    )
    assert late["Waktu lapor"] == "2024-11-16 09:30"  # 09.30 WITA the next morning
    assert late["Terlambat"] == "ya"
    assert late["Diperbaiki pada"] == ""
    paused = [row for row in table(files["laporan-harian.csv"]) if row["Tanggal"] == "2024-11-20"]
    assert {row["Keterangan"] for row in paused} == {"Posko dijeda"}


def test_numbers_are_plain(files):
    kpu = {row["Tanggal"]: row for row in table(files["kpu.csv"])}
    day = kpu["2024-11-14"]
    assert day["Jumlah TPS (TPS)"] == "1234"  # no thousands separator
    assert day["Logistik tiba di kecamatan (PPK) (%)"] == "46"  # in percent, as the heading says
    assert day["TPS dibuka tepat waktu (TPS)"] == ""
    history = with_answers(sample_history(), Agency.KPU, date(2024, 11, 14), logistik_desa="87.5")
    kpu = {row["Tanggal"]: row for row in table(unzipped(render_csv_zip(history))["kpu.csv"])}
    assert kpu["2024-11-14"]["Logistik tiba di desa/kelurahan (PPS) (%)"] == "87.5"


def test_superseded_versions_are_in_the_revisions_file(files):
    kpu = [
        row
        for row in table(files["revisi.csv"])
        if (row["Tanggal"], row["Instansi"]) == ("2024-11-26", "KPU")
    ]
    assert [(row["Versi berlaku"], row["Dikirim pada"]) for row in kpu] == [
        ("tidak", "2024-11-26 11:05"),
        ("ya", "2024-11-26 13:05"),
    ]


@pytest.mark.parametrize(
    ("note", "written"),
    [
        ("=1+2", "'=1+2"),
        ("+62 812 3456 7890", "'+62 812 3456 7890"),
        ("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("Gudang aman = terkendali", "Gudang aman = terkendali"),
    ],
)
def test_text_that_a_spreadsheet_would_run_is_marked_as_text(note, written):
    history = with_answers(sample_history(), Agency.PEMDA, date(2024, 11, 14), catatan=note)
    pemda = {row["Tanggal"]: row for row in table(unzipped(render_csv_zip(history))["pemda.csv"])}
    assert pemda["2024-11-14"]["Catatan lain"] == written


def test_an_english_group_gets_english_file_names_for_translated_sheets():
    group = dataclasses.replace(KUTIM, locale="en")
    names = list(unzipped(render_csv_zip(sample_history(group=group))))
    assert names[1:7] == FILES[1:7]  # agencies are proper names
    assert len(names) == len(FILES)
    assert all(name.endswith(".csv") and name.isascii() for name in names)


def test_the_same_history_gives_the_same_zip():
    history = sample_history()
    assert render_csv_zip(history) == render_csv_zip(history)
