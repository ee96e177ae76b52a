"""The export as CSV files in a ZIP (/ekspor csv): the sheets of ``tables``, one file each.

For the tools that read CSV rather than .xlsx (a statistics package, a
database import, a quick look on a phone). Each file is UTF-8 with a byte
order mark, which is how Excel knows to read "Penghubung Kodim" and any
regional name correctly; numbers are plain (``1234``, ``87.5``: no thousands
separator, "." for decimals) and dates ISO (``2024-11-26``, ``2024-11-26
08:05`` on the group's clock), so every program reads them alike.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from zoneinfo import ZoneInfo

from bot.outputs.history import History
from bot.outputs.tables import Cell, ColumnKind, Sheet, sheets_of

# A spreadsheet opening a CSV file runs a cell that starts with one of these as a
# formula ("CSV injection"): a liaison's note "=HYPERLINK(…)" would become a link,
# or worse. Such text gets a leading apostrophe, the spreadsheets' own mark for
# "this is text", as OWASP advises; the data loses nothing a reader needs. Tab and
# carriage return are on OWASP's list too. Only text is guarded: a negative
# number is written as a number and never reaches here.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def render_csv_zip(history: History) -> bytes:
    """The group's history as a ZIP of CSV files, one per sheet of the workbook."""
    # The files carry the time the history was read: the same history gives the same ZIP.
    stamp = history.made_at.astimezone(ZoneInfo(history.group.time_zone)).timetuple()[:6]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for sheet in sheets_of(history):
            entry = zipfile.ZipInfo(sheet.file_name, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(entry, csv_text(sheet).encode("utf-8-sig"))
    return buffer.getvalue()


def csv_text(sheet: Sheet) -> str:
    """The sheet as CSV text: its headings, then a line per row."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(_text(column.heading) for column in sheet.columns)
    formatters = [_FORMATTERS[column.kind] for column in sheet.columns]
    writer.writerows(
        [
            "" if value is None else shown(value)
            for shown, value in zip(formatters, row, strict=True)
        ]
        for row in sheet.rows
    )
    return out.getvalue()


def _text(value: Cell) -> str:
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _number(value: Cell) -> str:
    # str() of an int or a float is plain: 1234, 87.5.
    return str(value) if isinstance(value, int | float) else _text(value)


def _date(value: Cell) -> str:
    return value.isoformat() if isinstance(value, date) else _text(value)


def _date_time(value: Cell) -> str:
    return format(value, "%Y-%m-%d %H:%M") if isinstance(value, datetime) else _text(value)


_FORMATTERS: dict[ColumnKind, Callable[[Cell], str]] = {
    ColumnKind.TEXT: _text,
    ColumnKind.NUMBER: _number,
    ColumnKind.PERCENT: _number,  # in percent, as typed: 87.5 (the heading says "%")
    ColumnKind.DATE: _date,
    ColumnKind.DATETIME: _date_time,
}
