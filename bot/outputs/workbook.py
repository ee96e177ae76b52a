"""The export as an Excel workbook (/ekspor): the sheets of ``tables``, formatted for reading.

Dates, times, counts and percentages go in as real numbers with Excel number
formats, so the secretary can sort, filter and add them up, and Excel shows
them with the separators of the reader's own settings (1.234 in Indonesian).
Everything a person typed goes in with ``write_string``: a note that starts
with "=" stays text and is never run as a formula.

XlsxWriter is imported inside ``render_workbook``: this module is imported
only when a workbook is made, and even then not at the bot's start.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC
from typing import Any

from bot.outputs.history import History
from bot.outputs.tables import Cell, ColumnKind, Sheet, sheets_of

# XlsxWriter ships without type information: its objects are Any here.
Format = Any
Workbook = Any
Worksheet = Any
WIDEST_COLUMN = 60  # characters: a longer note wraps nowhere, it is cut off at the edge
# Room for the bold heading and the autofilter's button beside it.
HEADING_ROOM = 3
DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
# The shown width of a date and of a date and time in those formats.
_DATE_WIDTH, _DATETIME_WIDTH = 10, 16

# Writes one cell and returns how many characters it shows.
CellWriter = Callable[[int, int, Cell], int]


def render_workbook(history: History) -> bytes:
    """The group's history as an .xlsx file: daily reports, one sheet per agency, the
    revisions, and the incidents and regions when there are any."""
    import xlsxwriter  # type: ignore[import-untyped]

    buffer = io.BytesIO()
    # write_string is used for all text anyway; these also keep write() from reading
    # text as a formula or a link should anyone use it here later.
    workbook = xlsxwriter.Workbook(
        buffer, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    )
    # The file's own date is when the history was read, not when it was rendered:
    # the same history gives the same file.
    workbook.set_properties({"created": history.made_at.astimezone(UTC).replace(tzinfo=None)})
    formats = _Formats.of(workbook)
    for sheet in sheets_of(history):
        _write_sheet(workbook.add_worksheet(sheet.name), sheet, formats)
    workbook.close()
    return buffer.getvalue()


@dataclass(frozen=True)
class _Formats:
    """Every cell format, made once: XlsxWriter keeps one per ``add_format`` call."""

    heading: Format
    date: Format
    datetime: Format
    whole: Format  # 1.234
    fraction: Format  # 12,5
    whole_percent: Format  # 85%
    fraction_percent: Format  # 87,5%

    @classmethod
    def of(cls, workbook: Workbook) -> _Formats:
        def number(pattern: str) -> Format:
            return workbook.add_format({"num_format": pattern})

        return cls(
            heading=workbook.add_format({"bold": True}),
            date=number(DATE_FORMAT),
            datetime=number(DATETIME_FORMAT),
            whole=number("#,##0"),
            fraction=number("#,##0.0##"),
            whole_percent=number("0%"),
            fraction_percent=number("0.0%"),
        )


def _write_sheet(worksheet: Worksheet, sheet: Sheet, formats: _Formats) -> None:
    """The headings, then the rows cell by cell (empty cells skipped), sized to fit."""
    widths = [len(column.heading) + HEADING_ROOM for column in sheet.columns]
    for col, column in enumerate(sheet.columns):
        worksheet.write_string(0, col, column.heading, formats.heading)
    writers = [_cell_writer(worksheet, column.kind, formats) for column in sheet.columns]
    for row_number, row in enumerate(sheet.rows, start=1):
        for col, value in enumerate(row):
            if value is not None:
                shown = writers[col](row_number, col, value)
                if shown > widths[col]:
                    widths[col] = shown
    for col, width in enumerate(widths):
        worksheet.set_column(col, col, min(width + 1, WIDEST_COLUMN))
    worksheet.freeze_panes(1, 0)
    worksheet.autofilter(0, 0, len(sheet.rows), len(sheet.columns) - 1)


def _cell_writer(worksheet: Worksheet, kind: ColumnKind, formats: _Formats) -> CellWriter:
    """How a column's cells are written; a text value in any column stays text."""

    def text(row: int, col: int, value: Cell) -> int:
        shown = str(value)
        worksheet.write_string(row, col, shown)
        return len(shown)

    def number(row: int, col: int, value: Cell) -> int:
        if isinstance(value, int):
            worksheet.write_number(row, col, value, formats.whole)
            return len(f"{value:,}")
        if isinstance(value, float):
            worksheet.write_number(row, col, value, formats.fraction)
            return len(f"{value:,}")
        return text(row, col, value)

    def percent(row: int, col: int, value: Cell) -> int:
        if isinstance(value, int):
            worksheet.write_number(row, col, value / 100, formats.whole_percent)
            return len(f"{value}%")
        if isinstance(value, float):
            worksheet.write_number(row, col, value / 100, formats.fraction_percent)
            return len(f"{value:.1f}%")
        return text(row, col, value)

    def date(row: int, col: int, value: Cell) -> int:
        worksheet.write_datetime(row, col, value, formats.date)
        return _DATE_WIDTH

    def date_time(row: int, col: int, value: Cell) -> int:
        worksheet.write_datetime(row, col, value, formats.datetime)
        return _DATETIME_WIDTH

    writers: dict[ColumnKind, CellWriter] = {
        ColumnKind.TEXT: text,
        ColumnKind.NUMBER: number,
        ColumnKind.PERCENT: percent,
        ColumnKind.DATE: date,
        ColumnKind.DATETIME: date_time,
    }
    return writers[kind]
