"""What each agency is asked every day, and what every answer means.

The questions live in data rather than code (``default_forms.json``, or an
operator's ``FORMS_FILE``), and so does their meaning: the summary, the
exports, the charts and the regional rollups read each question's kind, unit,
combination rule and summary format here instead of knowing question ids.
``bot.domain.forms.loading`` reads and checks the file; the format is
described there and in ``docs/forms.md``.

Prompts, labels, choice labels, summary formats and check messages are
Indonesian source strings: ``bot.devtools.forms_extract`` puts them into the
gettext catalog and the renderers translate them when they show them, so they
are plain text, never HTML.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from bot.domain.agencies import Agency
from bot.domain.situation import SituationScale

DEFAULT_MINIMUM = 0
DEFAULT_MAXIMUM = 1_000_000
DEFAULT_MAX_LENGTH = 500
# A review message carries every answer and Telegram caps a message at 4096
# characters, so one free-text answer may not take most of it.
LONGEST_MAX_LENGTH = 2000
PERCENT_MINIMUM = 0
PERCENT_MAXIMUM = 100
PERCENT_UNIT = "%"


class QuestionKind(StrEnum):
    CHOICE = "choice"
    NUMBER = "number"
    PERCENT = "percent"
    TEXT = "text"

    @property
    def is_numeric(self) -> bool:
        return self in (QuestionKind.NUMBER, QuestionKind.PERCENT)


class Combine(StrEnum):
    """How a question's answers add up across days, agencies and regions."""

    SUM = "sum"  # head counts, incidents, cases
    MINIMUM = "min"
    MAXIMUM = "max"
    AVERAGE = "average"  # shares: logistics arrived (%)
    LATEST = "latest"  # the most recent answer stands for the rest
    WORST = "worst"  # the situation: the highest level reported
    ALL = "all"  # notes: every one of them, in order


# Which rules make sense for which kind of answer; the first is the default.
COMBINE_RULES: Mapping[QuestionKind, tuple[Combine, ...]] = {
    QuestionKind.NUMBER: (
        Combine.SUM,
        Combine.MINIMUM,
        Combine.MAXIMUM,
        Combine.AVERAGE,
        Combine.LATEST,
    ),
    QuestionKind.PERCENT: (Combine.AVERAGE, Combine.MINIMUM, Combine.MAXIMUM, Combine.LATEST),
    QuestionKind.CHOICE: (Combine.LATEST, Combine.WORST, Combine.ALL),
    QuestionKind.TEXT: (Combine.ALL, Combine.LATEST),
}


class ChartTopic(StrEnum):
    """A chart of figures the forms declare (``"charts"`` in the forms file)."""

    LOGISTICS = "logistik"  # shares arrived (percent questions) over the days, H-1 marked
    COUNTS = "jumlah"  # counts over the days (number questions), agencies added up

    @property
    def question_kind(self) -> QuestionKind:
        return QuestionKind.PERCENT if self is ChartTopic.LOGISTICS else QuestionKind.NUMBER


class CheckRule(StrEnum):
    LTE = "lte"  # left <= right


@dataclass(frozen=True)
class Choice:
    value: str  # stored in the answers and in callback data
    label: str  # shown on the button
    summary: str | None = None  # how it reads in the summary ("sebagian siap"); else the label

    @property
    def summary_word(self) -> str:
        return self.summary or self.label


@dataclass(frozen=True)
class PartOf:
    """A count that is a part of another (TPS siap of jumlah TPS): shown and combined as a share.

    ``summary`` may use {value}, {total} and {percent}; ``summary_if_total_zero``
    is used when the whole is zero, where no share can be given.
    """

    question: str
    summary: str
    summary_if_total_zero: str


@dataclass(frozen=True)
class Question:
    """One question and what its answers mean.

    ``minimum``/``maximum`` are set for number and percent questions (0-100
    for percent), ``max_length`` for text ones. ``summary`` is how an answer
    reads in the summary: a format with {value} (and {unit}, {label}).
    ``attach_to`` names the question whose summary line this one's answer
    completes (the account of an incident after its count); ``part_of`` makes
    a count read as a share of another; a ``closing`` note ends the agency's
    block, after any answer to a question the forms no longer ask.
    """

    id: str
    kind: QuestionKind
    prompt: str
    label: str
    optional: bool = False
    minimum: int | None = None
    maximum: int | None = None
    max_length: int | None = None
    choices: tuple[Choice, ...] = ()
    unit: str | None = None
    combine: Combine | None = None  # None: the kind's default (COMBINE_RULES)
    summary: str = "{label}: {value}"
    headline: bool = False
    attach_to: str | None = None
    part_of: PartOf | None = None
    closing: bool = False  # the agency's closing note: its summary line comes last
    remember: bool = False  # rarely changes: the last answer is offered with one tap
    # The election stages (ids, or phases such as "hari_h") in which it is
    # asked; empty: in every stage. See ``asked_on``.
    stages: frozenset[str] = frozenset()

    def choice(self, value: str) -> Choice | None:
        return next((choice for choice in self.choices if choice.value == value), None)

    @property
    def bounds(self) -> tuple[int, int]:
        """The smallest and largest answer of a number or percent question."""
        if self.minimum is None or self.maximum is None:
            raise ValueError(f"{self.kind.value} question {self.id!r} has no bounds")
        return self.minimum, self.maximum

    @property
    def length_limit(self) -> int:
        """The longest answer of a text question, in characters."""
        if self.max_length is None:
            raise ValueError(f"{self.kind.value} question {self.id!r} has no length limit")
        return self.max_length

    @property
    def combine_rule(self) -> Combine:
        return self.combine or COMBINE_RULES[self.kind][0]


def asked_on(stages: frozenset[str], phase: str, stage_id: str | None) -> bool:
    """Whether something limited to ``stages`` is asked on a day of ``phase`` and ``stage_id``.

    ``stages`` holds stage ids ("rekap_kabkota") and phases ("sebelum_hari_h",
    "hari_h", "setelah_hari_h"); empty means every day.
    """
    return not stages or phase in stages or (stage_id is not None and stage_id in stages)


@dataclass(frozen=True)
class CrossCheck:
    """A rule between two numeric answers of one form, e.g. TPS siap <= jumlah TPS."""

    rule: str
    left: str
    right: str
    message: str


@dataclass(frozen=True)
class Form:
    """An agency's questions in the order they are asked (common ones first)."""

    agency: Agency
    questions: tuple[Question, ...]
    checks: tuple[CrossCheck, ...] = ()
    stages: frozenset[str] = frozenset()  # the stages the agency is asked to report in

    def for_day(self, phase: str, stage_id: str | None) -> Form:
        """The questions asked on a day of ``phase`` and ``stage_id``, and the checks on them."""
        questions = tuple(q for q in self.questions if asked_on(q.stages, phase, stage_id))
        ids = {question.id for question in questions}
        checks = tuple(c for c in self.checks if c.left in ids and c.right in ids)
        return Form(self.agency, questions, checks, self.stages)

    def question(self, question_id: str) -> Question:
        """The question with this id; ``KeyError`` if the form has none."""
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)

    @property
    def labels(self) -> dict[str, str]:
        """Question id -> label, untranslated (pass each through ``t.gettext``)."""
        return {question.id: question.label for question in self.questions}

    @cached_property
    def attached(self) -> dict[str, Question]:
        """Question id -> the question whose answer completes its summary line."""
        return {question.attach_to: question for question in self.questions if question.attach_to}

    @cached_property
    def wholes(self) -> frozenset[str]:
        """Ids of questions another one is a part of: shown inside that one's line."""
        return frozenset(q.part_of.question for q in self.questions if q.part_of)


@dataclass(frozen=True)
class FormSet:
    """Every agency's form, the situation scale they share, and the headline figures."""

    forms: Mapping[Agency, Form]
    situation: SituationScale
    headlines: tuple[str, ...] = field(default=())  # question ids, in the order shown
    # The question asked last in every form whose answers the summary gathers
    # in one block, "Perlu tindak lanjut": what the Desk brings to the meeting.
    follow_up: str | None = None
    # The figures each chart topic draws (question ids, in order); a topic left
    # out of the forms file has no chart.
    charts: Mapping[ChartTopic, tuple[str, ...]] = field(default_factory=dict)
    # For the forms of one day (``for_day``): every stage's forms, whose
    # questions still describe an answer given on another day.
    whole: FormSet | None = field(default=None, repr=False, compare=False)

    def form_for(self, agency: Agency) -> Form:
        """The agency's form; ``KeyError`` on a day it is not asked to report (``has_form``)."""
        return self.forms[agency]

    def has_form(self, agency: Agency) -> bool:
        return agency in self.forms

    def for_day(self, phase: str, stage_id: str | None) -> FormSet:
        """What is asked on a day of ``phase`` and ``stage_id``: each agency's form filtered,
        and only the agencies asked to report that day. Cached: every form step asks."""
        if self.whole is not None:
            return self.whole.for_day(phase, stage_id)
        key = (phase, stage_id)
        cached = self._days.get(key)
        if cached is None:
            forms = {
                agency: form.for_day(phase, stage_id)
                for agency, form in self.forms.items()
                if asked_on(form.stages, phase, stage_id)
            }
            cached = self._days[key] = FormSet(
                forms, self.situation, self.headlines, self.follow_up, self.charts, whole=self
            )
        return cached

    @cached_property
    def _days(self) -> dict[tuple[str, str | None], FormSet]:
        return {}

    @property
    def complete(self) -> FormSet:
        """Every stage's forms (this set, unless it is one day's)."""
        return self.whole if self.whole is not None else self

    @cached_property  # read for every summary: a broadcast composes thousands
    def labels(self) -> dict[str, str]:
        """Question id -> label over every form of every stage, untranslated."""
        forms = self.complete.forms.values()
        return {qid: label for form in forms for qid, label in form.labels.items()}

    @cached_property
    def questions(self) -> dict[str, Question]:
        """Question id -> the question, over every form of every stage (an id means the same)."""
        return {q.id: q for form in self.complete.forms.values() for q in form.questions}


class FormsFileError(ValueError):
    """The forms file cannot be used; the message tells the operator where and why."""
