"""What the charts draw: the chart kinds, and plain figures read from one ``History``.

No drawing here and no matplotlib: the series, the reporting discipline and
the situation grid are numbers, tested as numbers, and ``has_data`` says
whether a chart has anything to draw before a worker spends time drawing it
(``bot.outputs.charts`` draws them). What is read comes from the forms data
(which questions, how answers combine across agencies, the situation levels),
never from question ids written here.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from zoneinfo import ZoneInfo

from bot.domain.agencies import Agency
from bot.domain.forms import ChartTopic, Question
from bot.domain.forms.combining import combine, decimal_of
from bot.domain.situation import SituationScale
from bot.domain.user_input import clean_keyword
from bot.outputs.history import History, HistoryDay
from bot.texts.i18n import Translator


class ChartKind(StrEnum):
    LOGISTIK = "logistik"
    LAPORAN = "laporan"  # reporting discipline
    SITUASI = "situasi"
    JUMLAH = "jumlah"

    @classmethod
    def from_text(cls, text: str) -> ChartKind | None:
        """The chart a user asked for ("/grafik situasi", "/grafik Disiplin"); None if unknown."""
        return _BY_WORD.get(clean_keyword(text).casefold())


DEFAULT_CHARTS = (ChartKind.LOGISTIK, ChartKind.SITUASI)

# The words people type for each chart, in the group's languages.
_WORDS = {
    ChartKind.LOGISTIK: ("logistik", "distribusi", "logistics"),
    ChartKind.LAPORAN: ("laporan", "disiplin", "kedisiplinan", "kepatuhan", "reports"),
    ChartKind.SITUASI: ("situasi", "status", "keamanan", "situation"),
    ChartKind.JUMLAH: ("jumlah", "angka", "personel", "kejadian", "counts"),
}
_BY_WORD = {word: kind for kind, words in _WORDS.items() for word in words}


Values = tuple[float | None, ...]  # one per day of the range; None: nothing reported that day


@dataclass(frozen=True)
class Series:
    label: str  # translated
    values: Values

    @property
    def has_values(self) -> bool:
        return any(value is not None for value in self.values)


def daily_figures(history: History, question: Question) -> Values:
    """The question's answers of each day, combined over the agencies by its own rule."""
    return tuple(_combined(day, question) for day in history.days)


def _combined(day: HistoryDay, question: Question) -> float | None:
    # Oldest first: a "latest" rule takes the last report sent that day.
    reports = sorted(day.reports.values(), key=lambda report: report.submitted_at)
    number = decimal_of(combine(question, [r.answers.get(question.id) for r in reports]))
    return float(number) if number is not None else None


def topic_questions(history: History, topic: ChartTopic) -> list[Question]:
    """The questions the forms declare for ``topic``'s chart, in their order."""
    questions = history.forms.questions
    found = (questions.get(question_id) for question_id in history.forms.charts.get(topic, ()))
    return [q for q in found if q is not None and q.kind is topic.question_kind]


def topic_series(history: History, topic: ChartTopic, t: Translator) -> list[Series]:
    """One series per question of ``topic`` that was answered, labelled in the group's
    language."""
    every = (
        Series(t.gettext(question.label), daily_figures(history, question))
        for question in topic_questions(history, topic)
    )
    return [series for series in every if series.has_values]


def incidents_per_day(history: History) -> Values:
    """The incidents that happened on each local day of the group (0 on a day without)."""
    zone = ZoneInfo(history.group.time_zone)
    counts = [0] * len(history.days)
    for incident in history.incidents:
        index = (incident.occurred_at.astimezone(zone).date() - history.first).days
        if 0 <= index < len(counts):
            counts[index] += 1
    return tuple(float(count) for count in counts)


@dataclass(frozen=True)
class Discipline:
    """How an agency kept to its reports over the range."""

    expected: int  # days it was asked to report (days off and days not asked left out)
    reported: int  # of those, the days it did
    late: int  # of those, the days its report first came after the day had ended


def discipline(history: History) -> dict[Agency, Discipline]:
    """Each listed agency's reporting over the range, in the forum's order."""
    found = {}
    for agency in history.agencies:
        expected = [day for day in history.days if agency in day.expected]
        reports = [day.report(agency) for day in expected]
        sent = [report for report in reports if report is not None]
        found[agency] = Discipline(
            len(expected), len(sent), sum(1 for report in sent if report.reported_late)
        )
    return found


# The situation grid's cells: a level's rank, or one of these (negative) marks.
NO_REPORT = -1  # expected, and no report came
DAY_OFF = -2  # a pause or a skipped holiday: nobody was expected
NOT_EXPECTED = -3  # the agency was not asked that day, and sent nothing
NO_LEVEL = -4  # reported without a situation the scale knows


def situation_cells(history: History) -> list[list[int]]:
    """Agencies (rows, the forum's order) by days (columns): a level's rank or a mark above."""
    scale = history.forms.situation
    return [[_cell(scale, day, agency) for day in history.days] for agency in history.agencies]


def _cell(scale: SituationScale, day: HistoryDay, agency: Agency) -> int:
    report = day.report(agency)
    if report is not None:
        level = scale.of(report.answers)
        return scale.rank(level) if level is not None else NO_LEVEL
    if day.day_off is not None:
        return DAY_OFF
    return NO_REPORT if agency in day.expected else NOT_EXPECTED


def has_data(history: History, kind: ChartKind) -> bool:
    """Whether ``kind`` has anything to draw for this history (no empty chart is ever sent)."""
    if kind is ChartKind.LOGISTIK:
        return _answered(history, ChartTopic.LOGISTICS)
    if kind is ChartKind.JUMLAH:
        return _answered(history, ChartTopic.COUNTS) or any(incidents_per_day(history))
    if kind is ChartKind.LAPORAN:
        return history.has_reports and any(day.expected for day in history.days)
    return any(cell >= 0 for row in situation_cells(history) for cell in row)


def _answered(history: History, topic: ChartTopic) -> bool:
    return any(
        value is not None
        for question in topic_questions(history, topic)
        for value in daily_figures(history, question)
    )


def weekly_mean(values: Values) -> Values:
    """Each day's mean of the reported days among it and the six before (None if none)."""
    means: list[float | None] = []
    for index in range(len(values)):
        window = [v for v in values[max(0, index - 6) : index + 1] if v is not None]
        means.append(sum(window) / len(window) if window else None)
    return tuple(means)
