"""The export's sheets as plain data: built once here, written as a workbook or as CSV files.

The Desk's secretary opens the export in Excel or LibreOffice, filters it and
pastes its figures into the meeting's papers. The workbook (``workbook``) and
the ZIP of CSV files (``csv_zip``) hold the same sheets, so everything a sheet
says (which rows, which columns, every heading and word in the group's
language) is decided here once, and the writers only format: each cell is a
typed value and its column's kind says how it is shown.

A cell's value matches its column's kind: ``DATE`` a ``date``, ``DATETIME`` a
naive ``datetime`` on the group's clock (a spreadsheet has no time zones; the
group reads its own), ``NUMBER`` an ``int`` or a ``float`` with a fraction,
``PERCENT`` the same in percent (87.5 for 87,5%), ``TEXT`` a ``str``; ``None``
is an empty cell. An answer stored before its question changed kind does not
fit: it comes as text, whatever the column, and the writers keep it as text.

What each answer means comes from the forms data (``history.forms``): the
question's kind, label, unit and choice labels; nothing here knows a question id.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.domain.agencies import Agency, agency_with_unit
from bot.domain.days_off import DayOff, holiday_names
from bot.domain.forms import FormSet, Question, QuestionKind
from bot.domain.forms.combining import decimal_of
from bot.domain.incidents import Incident
from bot.domain.rollup import RegionLine, Rollup
from bot.outputs.history import History, HistoryDay
from bot.services.reports import StoredReport
from bot.texts.i18n import Translator, translator
from bot.texts.incidents import STATUS_LABELS, URGENCY_LABELS
from bot.texts.regions import level_word


class ColumnKind(StrEnum):
    TEXT = "text"
    DATE = "date"
    DATETIME = "datetime"  # local, to the minute
    NUMBER = "number"
    PERCENT = "percent"  # the value is in percent: 87.5 is 87,5%


Cell = str | int | float | date | datetime | None
Row = tuple[Cell, ...]


@dataclass(frozen=True)
class Column:
    heading: str
    kind: ColumnKind = ColumnKind.TEXT


@dataclass(frozen=True)
class Sheet:
    """One sheet of the workbook, and one file of the ZIP."""

    name: str  # the sheet's tab: at most 31 characters, none Excel refuses
    file_name: str  # "laporan-harian.csv"
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]


def sheets_of(history: History) -> list[Sheet]:
    """The export's sheets in order: the daily reports, one per agency, the revisions,
    then the incidents and the regions below when there are any."""
    export = _Export.of(history)
    tables = [
        _daily_reports(export, history),
        *(_agency_reports(export, history, agency) for agency in history.agencies),
        _revisions(export, history),
    ]
    if history.incidents:
        tables.append(_incidents(export, history))
    if history.rollups:
        tables.append(_regions(export, history))
    return _named(tables)


@dataclass(frozen=True)
class _Table:
    name: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class _Export:
    """What every sheet reads the history with: the group's words, clock and forms."""

    t: Translator
    zone: ZoneInfo
    forms: FormSet  # every stage's forms: an answer of any day still has its meaning
    yes: str
    no: str

    @classmethod
    def of(cls, history: History) -> _Export:
        t = translator(history.group.locale)
        return cls(
            t,
            ZoneInfo(history.group.time_zone),
            history.forms.complete,
            t.gettext("ya"),
            t.gettext("tidak"),
        )

    def flag(self, value: bool) -> str:
        return self.yes if value else self.no

    def local(self, moment: datetime | None) -> datetime | None:
        """The group's wall-clock time, without a zone: what a spreadsheet cell can hold."""
        if moment is None:
            return None
        return moment.astimezone(self.zone).replace(tzinfo=None)

    def question_column(self, question: Question) -> Column:
        """The question's label with its unit ("Personel yang dikerahkan (personel)")."""
        label = self.t.gettext(question.label)
        if question.unit:
            label = self.t.gettext("{label} ({unit})").format(
                label=label, unit=self.t.gettext(question.unit)
            )
        return Column(label, _COLUMN_KINDS.get(question.kind, ColumnKind.TEXT))

    def answer(self, question: Question, value: object) -> Cell:
        """An answer (or a combined figure) as its question's column holds it."""
        if value is None:
            return None
        if isinstance(value, tuple):  # every note of a region, combined: kept in order
            return "; ".join(str(item) for item in value)
        if question.kind.is_numeric:
            number = decimal_of(value)
            return str(value) if number is None else _plain(number)
        if question.kind is QuestionKind.CHOICE:
            choice = question.choice(str(value))
            return self.t.gettext(choice.label) if choice else str(value)
        return str(value)

    def situation_column(self) -> tuple[Question, Column]:
        question = self.forms.questions[self.forms.situation.question_id]
        return question, Column(self.t.gettext(question.label))


# Choices are shown by their label and notes as typed: both are text.
_COLUMN_KINDS = {QuestionKind.NUMBER: ColumnKind.NUMBER, QuestionKind.PERCENT: ColumnKind.PERCENT}


def _plain(number: Decimal) -> int | float:
    return int(number) if number == number.to_integral_value() else float(number)


# -- the sheets ---------------------------------------------------------------------------


def _daily_reports(export: _Export, history: History) -> _Table:
    """A row per day and agency: who was expected, who reported, when, and days off."""
    _ = export.t.gettext
    situation, situation_column = export.situation_column()
    columns = (
        Column(_("Tanggal"), ColumnKind.DATE),
        Column(_("Instansi")),
        Column(_("Diharapkan melapor")),
        Column(_("Sudah melapor")),
        situation_column,
        Column(_("Penghubung")),
        Column(_("Satuan")),
        Column(_("Waktu lapor"), ColumnKind.DATETIME),
        Column(_("Terlambat")),
        Column(_("Diperbaiki pada"), ColumnKind.DATETIME),
        Column(_("Keterangan")),
    )
    agencies = history.agencies  # worked out from every day: once, not once a day
    rows: list[Row] = []
    for day in history.days:
        note = _day_off_note(export, day.day_off) if day.day_off else None
        rows.extend(_daily_row(export, day, agency, situation, note) for agency in agencies)
    return _Table(_("Laporan harian"), columns, tuple(rows))


def _daily_row(
    export: _Export, day: HistoryDay, agency: Agency, situation: Question, note: str | None
) -> Row:
    expected = export.flag(agency in day.expected)
    report = day.report(agency)
    if report is None:
        return (day.day, agency.label, expected, export.no, *(None,) * 6, note)
    return (
        day.day,
        agency.label,
        expected,
        export.yes,
        export.answer(situation, report.answers.get(situation.id)),
        report.liaison_name,
        report.unit_name,
        export.local(report.reported_at),
        export.flag(report.reported_late),
        export.local(report.submitted_at) if report.corrected else None,
        note,
    )


def _day_off_note(export: _Export, day_off: DayOff) -> str:
    _ = export.t.gettext
    if day_off.paused:
        return _("Posko dijeda")
    names = holiday_names(day_off.day, export.t.locale)
    if not names:
        return _("Libur nasional")
    return _("Libur nasional: {holiday}").format(holiday=", ".join(names))


def _agency_reports(export: _Export, history: History, agency: Agency) -> _Table:
    """A row per day the agency reported: every question of its form, in the form's order."""
    _ = export.t.gettext
    form = export.forms.forms.get(agency)
    questions = form.questions if form else ()
    columns = (
        Column(_("Tanggal"), ColumnKind.DATE),
        *(export.question_column(question) for question in questions),
        Column(_("Penghubung")),
        Column(_("Waktu lapor"), ColumnKind.DATETIME),
        Column(_("Terlambat")),
        Column(_("Diperbaiki pada"), ColumnKind.DATETIME),
    )
    rows = tuple(
        (
            day.day,
            *_answers(export, questions, report),
            report.liaison_name,
            export.local(report.reported_at),
            export.flag(report.reported_late),
            export.local(report.submitted_at) if report.corrected else None,
        )
        for day, report in _reports_of(history.days, agency)
    )
    return _Table(agency.label, columns, rows)


def _reports_of(
    days: Iterable[HistoryDay], agency: Agency
) -> Iterable[tuple[HistoryDay, StoredReport]]:
    for day in days:
        report = day.report(agency)
        if report is not None:
            yield day, report


def _answers(
    export: _Export, questions: Sequence[Question], report: StoredReport
) -> tuple[Cell, ...]:
    return tuple(export.answer(q, report.answers.get(q.id)) for q in questions)


def _revisions(export: _Export, history: History) -> _Table:
    """Every version sent, the superseded ones too: what was changed, by whom, and when.

    An answer to a question no form has any more has no column (nothing says what it means).
    """
    _ = export.t.gettext
    questions = tuple(export.forms.questions.values())
    columns = (
        Column(_("Tanggal"), ColumnKind.DATE),
        Column(_("Instansi")),
        Column(_("Penghubung")),
        Column(_("Satuan")),
        Column(_("Dikirim pada"), ColumnKind.DATETIME),
        Column(_("Versi berlaku")),
        Column(_("Memperbaiki versi sebelumnya")),
        Column(_("Terlambat")),
        *(export.question_column(question) for question in questions),
    )
    rows = tuple(
        (
            version.report_date,
            version.agency.label,
            version.liaison_name,
            version.unit_name,
            export.local(version.submitted_at),
            export.flag(version.current),
            export.flag(version.replaced_earlier),
            export.flag(version.late),
            *_answers(export, questions, version),
        )
        for version in history.versions
    )
    return _Table(_("Revisi"), columns, rows)


def _incidents(export: _Export, history: History) -> _Table:
    _ = export.t.gettext
    columns = (
        Column(_("Nomor")),
        Column(_("Jenis")),
        Column(_("Urgensi")),
        Column(_("Kecamatan")),
        Column(_("Desa/kelurahan")),
        Column(_("Waktu kejadian"), ColumnKind.DATETIME),
        Column(_("Waktu lapor"), ColumnKind.DATETIME),
        Column(_("Status")),
        Column(_("Pelapor")),
        Column(_("Instansi pelapor")),
        Column(_("Uraian")),
        Column(_("Koordinat")),
    )
    rows = tuple(_incident_row(export, history, incident) for incident in history.incidents)
    return _Table(_("Kejadian"), columns, rows)


def _incident_row(export: _Export, history: History, incident: Incident) -> Row:
    _ = export.t.gettext
    category = history.categories.label_of(incident.category) if history.categories else None
    reporter = incident.reporter
    location = incident.location
    return (
        f"#{incident.number}/{incident.year}",
        _(category) if category else incident.category,
        _(URGENCY_LABELS[incident.urgency]),
        incident.kecamatan,
        incident.desa,
        export.local(incident.occurred_at),
        export.local(incident.reported_at),
        _(STATUS_LABELS[incident.status]),
        reporter.name,
        agency_with_unit(reporter.agency, reporter.unit_name) if reporter.agency else None,
        incident.description,
        # As maps write coordinates, and read them back when pasted: five decimals.
        f"{location.latitude:.5f}, {location.longitude:.5f}" if location else None,
    )


def _regions(export: _Export, history: History) -> _Table:
    """Each day's line for every region below the group, with the headline figures."""
    _ = export.t.gettext
    situation, situation_column = export.situation_column()
    headlines = [
        export.forms.questions[q] for q in export.forms.headlines if q in export.forms.questions
    ]
    columns = (
        Column(_("Tanggal"), ColumnKind.DATE),
        Column(_("Wilayah")),
        Column(_("Kode wilayah")),
        Column(_("Tingkat")),
        Column(_("Kedalaman"), ColumnKind.NUMBER),
        Column(_("Di bawah")),
        Column(_("Instansi melapor"), ColumnKind.NUMBER),
        Column(_("Instansi diharapkan"), ColumnKind.NUMBER),
        situation_column,
        *(export.question_column(question) for question in headlines),
        Column(_("Keterangan")),
    )
    own_name = history.group.region_name or history.group.title
    rows: list[Row] = []
    for rollup in history.rollups:
        names = {rollup.chat_id: own_name} | {line.chat_id: line.name for line in _lines(rollup)}
        rows.extend(
            _region_row(export, rollup, line, names, situation, headlines)
            for line in _lines(rollup)
        )
    return _Table(_("Wilayah"), columns, tuple(rows))


def _lines(rollup: Rollup) -> tuple[RegionLine, ...]:
    """Every region of the tree when the rollup was read with them, else those right below."""
    return rollup.every_region or rollup.regions


def _region_row(
    export: _Export,
    rollup: Rollup,
    line: RegionLine,
    names: dict[int, str],
    situation: Question,
    headlines: Sequence[Question],
) -> Row:
    tally = line.tally
    figures = [tally.figure(question.id) for question in headlines]
    return (
        rollup.day,
        line.name,
        line.code,
        level_word(export.t, line.level) if line.level else None,
        line.depth,
        names.get(line.parent_chat_id),
        tally.reported_agencies,
        tally.expected_agencies,
        export.answer(situation, tally.situation),
        *(
            export.answer(question, figure.value if figure else None)
            for question, figure in zip(headlines, figures, strict=True)
        ),
        # Nothing of such a region is read: its zeros are not a silent region's.
        None if line.active else export.t.gettext("Bot tidak lagi ada di grup wilayah ini"),
    )


# -- names ----------------------------------------------------------------------------------

# Excel refuses these in a sheet's name, and names longer than 31 characters.
_SHEET_NAME_REFUSED = str.maketrans("", "", "[]:*?/\\")
_SHEET_NAME_LIMIT = 31


def _named(tables: Sequence[_Table]) -> list[Sheet]:
    """Each table with a sheet name Excel accepts and a file name, both unique."""
    sheet_names: set[str] = set()
    file_names: set[str] = set()
    sheets = []
    for position, table in enumerate(tables, start=1):
        name = _unique(_sheet_name(table.name) or str(position), sheet_names, _SHEET_NAME_LIMIT)
        stem = _unique(_slug(table.name) or f"sheet-{position}", file_names, None)
        sheets.append(Sheet(name, f"{stem}.csv", table.columns, table.rows))
    return sheets


def _sheet_name(name: str) -> str:
    return name.translate(_SHEET_NAME_REFUSED).strip().strip("'")[:_SHEET_NAME_LIMIT]


def _slug(name: str) -> str:
    """``laporan-harian`` from "Laporan harian": a file name every system reads alike."""
    kept = "".join(c if c.isascii() and c.isalnum() else " " for c in name.casefold())
    return "-".join(kept.split())


def _unique(name: str, taken: set[str], limit: int | None) -> str:
    """The name, or the name with a number, not yet taken (Excel ignores letter case)."""
    candidate, number = name, 1
    while candidate.casefold() in taken:
        number += 1
        suffix = f" ({number})" if limit else f"-{number}"
        candidate = (name[: limit - len(suffix)] if limit else name) + suffix
    taken.add(candidate.casefold())
    return candidate
