"""The report conversation as a pure state machine: progress in, reply in, step out.

Handlers keep a ``FormProgress`` in the database between messages and call
``answer`` with whatever the liaison sent. Nothing here talks to Telegram or
the database, so every path a liaison can take (a typo, a sticker, a tap on
an old button, an edit that contradicts another answer) is a plain function
call in the tests. A refused reply never costs an answer already given: the
progress comes back unchanged with a ``Problem`` to explain.

Flow: ``start`` -> ``answer`` ... until ``at_review`` -> (``begin_edit`` ->
``answer``)* -> the handler submits ``progress.answers``.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from bot.domain.forms.definitions import CheckRule, CrossCheck, Form, Question, QuestionKind
from bot.domain.forms.numbers import (
    NumberParseError,
    NumberProblem,
    parse_percent,
    parse_whole_number,
)
from bot.domain.user_input import INVISIBLE, has_visible

PROGRESS_VERSION = 1
SKIP_TEXT = "-"  # typing a dash skips an optional question, like the Lewati button
# Phones often turn a typed "-" or "--" into an en or em dash: those skip too.
SKIP_TEXTS = frozenset({SKIP_TEXT, "--", "\u2013", "\u2014"})

Answer = int | str | None  # None: an optional question skipped

# Percentages are shown with one decimal (Translator.percent, "87,5%"): a finer
# answer would be stored as typed but read by everyone as another figure
# (99,99 shows as 100%, "all logistics delivered"), so it is refused instead.
PERCENT_STEP = Decimal("0.1")


class ProblemCode(StrEnum):
    """Why a reply was refused; each has its own explanation in ``rendering``."""

    EMPTY = NumberProblem.EMPTY.value
    NOT_A_NUMBER = NumberProblem.NOT_A_NUMBER.value
    NEGATIVE = NumberProblem.NEGATIVE.value
    TOO_SMALL = NumberProblem.TOO_SMALL.value
    TOO_LARGE = NumberProblem.TOO_LARGE.value
    AMBIGUOUS_SEPARATOR = NumberProblem.AMBIGUOUS_SEPARATOR.value
    DECIMAL_NOT_ALLOWED = NumberProblem.DECIMAL_NOT_ALLOWED.value
    TOO_PRECISE = "too_precise"  # a percentage finer than it can be shown (87,55)
    TEXT_EMPTY = "text_empty"
    TEXT_TOO_LONG = "text_too_long"
    CHOICE_EXPECTED = "choice_expected"
    NOT_TEXT = "not_text"
    CHECK_FAILED = "check_failed"
    STALE_BUTTON = "stale_button"
    NOT_OPTIONAL = "not_optional"
    AT_REVIEW = "at_review"  # typed while the review is shown: Kirim, Ubah or Batal is expected


@dataclass(frozen=True)
class TextReply:
    text: str


@dataclass(frozen=True)
class ChoiceReply:
    """A tap on a choice button."""

    question_id: str
    value: str


@dataclass(frozen=True)
class SkipReply:
    """A tap on the "Lewati" button."""

    question_id: str


@dataclass(frozen=True)
class KeepReply:
    """A tap on "Tetap: …": the agency's last answer to a remembered question, unchanged."""

    question_id: str


@dataclass(frozen=True)
class OtherReply:
    """A sticker, photo, voice note: anything that is not text."""


Reply = TextReply | ChoiceReply | SkipReply | KeepReply | OtherReply


@dataclass(frozen=True)
class Problem:
    """A refused reply. ``params`` hold what the explanation quotes, e.g. ``input``."""

    code: str
    question_id: str
    params: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class FormProgress:
    """How far a liaison is: answers so far and the question being asked.

    ``answers`` maps question ids to ints (number; percent when whole), strings
    (choice value, text, or a percent with decimals such as ``"87.5"``) or
    ``None`` (skipped). It is read-only; every step makes a new progress.
    """

    answers: Mapping[str, Answer]
    current: str | None  # None: every question is answered and the review is shown
    editing: bool = False  # answering one question again via "Ubah"; then on to the review
    # The agency's last answers to its remembered questions (the number of TPS),
    # offered with one tap ("Tetap: 1.234") instead of being typed again.
    remembered: Mapping[str, Answer] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "answers", MappingProxyType(dict(self.answers)))
        object.__setattr__(self, "remembered", MappingProxyType(dict(self.remembered)))

    def moved(
        self, answers: Mapping[str, Answer], current: str | None, editing: bool = False
    ) -> FormProgress:
        """The same form further on: new answers and question, the remembered ones kept."""
        return FormProgress(answers, current, editing, self.remembered)

    def to_json(self) -> dict:
        data = {
            "version": PROGRESS_VERSION,
            "answers": dict(self.answers),
            "current": self.current,
            "editing": self.editing,
        }
        if self.remembered:
            data["remembered"] = dict(self.remembered)
        return data

    @classmethod
    def from_json(cls, data: dict) -> FormProgress:
        """Reads what ``to_json`` wrote; ``ValueError`` if it is not that."""
        if not isinstance(data, dict) or data.get("version") != PROGRESS_VERSION:
            raise ValueError(f"not form progress version {PROGRESS_VERSION}: {data!r:.200}")
        answers, current, editing = data.get("answers"), data.get("current"), data.get("editing")
        if not isinstance(answers, dict) or not all(
            isinstance(key, str) and _storable(value) for key, value in answers.items()
        ):
            raise ValueError(f"form progress has malformed answers: {answers!r:.200}")
        if not (current is None or isinstance(current, str)) or not isinstance(editing, bool):
            raise ValueError(f"form progress has malformed state: {current!r}, {editing!r}")
        remembered = data.get("remembered", {})  # absent in forms begun before it existed
        if not isinstance(remembered, dict) or not all(
            isinstance(key, str) and _storable(value) for key, value in remembered.items()
        ):
            raise ValueError(f"form progress has malformed remembered answers: {remembered!r:.200}")
        return cls(answers, current, editing, remembered)


def _storable(value: object) -> bool:
    return (
        value is None
        or isinstance(value, str)
        or (isinstance(value, int) and not isinstance(value, bool))
    )


@dataclass(frozen=True)
class Step:
    progress: FormProgress
    problem: Problem | None = None


def start(form: Form, last_answers: Mapping[str, Answer] | None = None) -> FormProgress:
    """A new form at its first question; ``last_answers`` (the agency's last report) supply
    the remembered questions' offers."""
    remembered = {
        question.id: last_answers[question.id]
        for question in form.questions
        if question.remember and last_answers and last_answers.get(question.id) is not None
    }
    return FormProgress({}, form.questions[0].id, remembered=remembered)


def at_review(progress: FormProgress) -> bool:
    return progress.current is None


def resume(form: Form, progress: FormProgress) -> FormProgress:
    """Fits stored progress to the form as loaded now (the forms file may have
    changed since): answers to vanished questions are dropped, and a vanished
    current question gives way to the next unanswered one."""
    ids = [question.id for question in form.questions]
    answers = {key: value for key, value in progress.answers.items() if key in ids}
    if progress.current in ids and (progress.editing or progress.current not in answers):
        return progress.moved(answers, progress.current, progress.editing)
    return progress.moved(answers, _next_unanswered(form, answers), False)


def begin_edit(form: Form, progress: FormProgress, question_id: str) -> FormProgress:
    """Asks one question again ("Ubah"); its old answer stays until replaced.

    Meant for the review, but an answered question may also be reopened
    mid-form: when a cross-check fails, the mistake may be in the earlier
    answer, which the liaison could not otherwise reach. Either way, once it
    is answered the form goes on at the first unanswered question, which is
    the review when there is none. ``ValueError`` for an unknown question or
    one not yet answered while the form is under way.
    """
    if question_id not in form.labels:
        raise ValueError(f"the form has no question {question_id!r}")
    if not at_review(progress) and question_id not in progress.answers:
        raise ValueError(f"question {question_id!r} has not been answered yet")
    return progress.moved(progress.answers, question_id, editing=True)


def answer(form: Form, progress: FormProgress, reply: Reply) -> Step:
    """Takes one reply to the current question and moves on, or explains why not.

    ``progress.current`` must be a question of ``form`` (``KeyError`` if not):
    pass stored progress through ``resume`` first.
    """
    if progress.current is None:
        if isinstance(reply, ChoiceReply | SkipReply | KeepReply):
            return _refuse(progress, ProblemCode.STALE_BUTTON, reply.question_id)
        return _refuse(progress, ProblemCode.AT_REVIEW, "")
    question = form.question(progress.current)
    accepted = _accept(question, reply, progress.remembered)
    if isinstance(accepted, Problem):
        return Step(progress, accepted)
    answers = {**progress.answers, question.id: accepted}
    failed = _failed_check(form, answers, question.id)
    if failed is not None:
        return Step(progress, _check_problem(failed, answers, question.id))
    # After an edit from the review this is None: back to the review.
    return Step(progress.moved(answers, _next_unanswered(form, answers)))


def _refuse(progress: FormProgress, code: ProblemCode, question_id: str, **params: object) -> Step:
    return Step(progress, Problem(code, question_id, params))


def _accept(question: Question, reply: Reply, remembered: Mapping[str, Answer]) -> Answer | Problem:
    """The answer to store, or the problem with the reply."""
    if isinstance(reply, ChoiceReply | SkipReply | KeepReply) and reply.question_id != question.id:
        return Problem(
            ProblemCode.STALE_BUTTON, question.id, {"button_question_id": reply.question_id}
        )
    if isinstance(reply, SkipReply):
        if not question.optional:
            return Problem(ProblemCode.NOT_OPTIONAL, question.id)
        return None
    if isinstance(reply, ChoiceReply):
        # A button whose question is current but whose value is not offered
        # comes from an older version of the form.
        if question.kind is not QuestionKind.CHOICE or question.choice(reply.value) is None:
            return Problem(ProblemCode.STALE_BUTTON, question.id, {"value": reply.value})
        return reply.value
    if isinstance(reply, KeepReply):
        return _kept(question, remembered.get(question.id))
    if isinstance(reply, OtherReply):
        if question.kind is QuestionKind.CHOICE:
            return Problem(ProblemCode.CHOICE_EXPECTED, question.id, {"input": ""})
        return Problem(ProblemCode.NOT_TEXT, question.id)
    return _accept_text(question, reply.text)


def _kept(question: Question, last: Answer) -> Answer | Problem:
    """The last answer again, if the question still remembers it and it still fits the question
    (the forms file may have changed its bounds or choices since)."""
    if not question.remember or last is None:
        return Problem(ProblemCode.STALE_BUTTON, question.id)
    if question.kind is QuestionKind.CHOICE:
        return last if question.choice(str(last)) is not None else _stale(question)
    if question.kind.is_numeric:
        number = numeric_answer(last)
        minimum, maximum = question.bounds
        return last if number is not None and minimum <= number <= maximum else _stale(question)
    return last


def _stale(question: Question) -> Problem:
    return Problem(ProblemCode.STALE_BUTTON, question.id)


def _accept_text(question: Question, text: str) -> Answer | Problem:
    if question.optional and clean_text(text) in SKIP_TEXTS:
        return None
    if question.kind is QuestionKind.CHOICE:
        return _typed_choice(question, text)
    if question.kind is QuestionKind.NUMBER:
        try:
            minimum, maximum = question.bounds
            return parse_whole_number(text, minimum=minimum, maximum=maximum)
        except NumberParseError as error:
            return _number_problem(question, error)
    if question.kind is QuestionKind.PERCENT:
        try:
            share = parse_percent(text)
        except NumberParseError as error:
            return _number_problem(question, error)
        if isinstance(share, Decimal) and share != share.quantize(PERCENT_STEP):
            return Problem(ProblemCode.TOO_PRECISE, question.id, {"input": text})
        return _stored_percent(share)
    return _free_text(question, text)


def _typed_choice(question: Question, text: str) -> Answer | Problem:
    """Typing "aman" (or "ＡＭＡＮ" on a full-width keyboard) is as good as tapping Aman."""
    typed = " ".join(unicodedata.normalize("NFKC", clean_text(text)).split()).casefold()
    for choice in question.choices:
        if typed in (choice.value.casefold(), " ".join(choice.label.split()).casefold()):
            return choice.value
    return Problem(ProblemCode.CHOICE_EXPECTED, question.id, {"input": text})


def _number_problem(question: Question, error: NumberParseError) -> Problem:
    params = {"input": error.text, "minimum": question.minimum, "maximum": question.maximum}
    return Problem(ProblemCode(error.problem.value), question.id, params)


def _stored_percent(value: Decimal | int) -> int | str:
    """Whole percentages as ints, others as the decimal's text: exact and JSON-safe."""
    return value if isinstance(value, int) else format(value, "f")


def _free_text(question: Question, text: str) -> Answer | Problem:
    cleaned = clean_text(text)
    if not cleaned:
        return Problem(ProblemCode.TEXT_EMPTY, question.id)
    if len(cleaned) > question.length_limit:
        return Problem(
            ProblemCode.TEXT_TOO_LONG,
            question.id,
            {"length": len(cleaned), "limit": question.max_length},
        )
    return cleaned


def clean_text(text: str) -> str:
    """A free-text answer as stored: line breaks kept, controls and invisible marks gone.

    Zero-width and direction-override marks make text read differently from
    what it is (U+200C/U+200D stay: emoji need them); an answer with nothing
    visible left ("\u3164", a lone joiner) is empty.
    """
    text = (
        text.replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\u2028", "\n")
        .replace("\u2029", "\n")
    )
    text = text.replace("\t", " ")
    text = INVISIBLE.sub("", text)
    text = "".join(ch for ch in text if ch == "\n" or unicodedata.category(ch) not in ("Cc", "Cs"))
    text = "\n".join(line.rstrip() for line in text.strip().split("\n"))
    return text if has_visible(text) else ""


def numeric_answer(value: Answer) -> Decimal | None:
    """A number or percent answer as a Decimal, for comparing and summing."""
    return None if value is None else Decimal(str(value))


def _failed_check(form: Form, answers: Mapping[str, Answer], answered: str) -> CrossCheck | None:
    """The first check involving the question just answered that the answers break."""
    for check in form.checks:
        if answered not in (check.left, check.right):
            continue
        left, right = (
            numeric_answer(answers.get(check.left)),
            numeric_answer(answers.get(check.right)),
        )
        if left is None or right is None:
            continue  # not both answered yet, or one skipped: nothing to compare
        if check.rule == CheckRule.LTE and not left <= right:
            return check
    return None


def _check_problem(check: CrossCheck, answers: Mapping[str, Any], answered: str) -> Problem:
    params = {
        "rule": check.rule,
        "left_id": check.left,
        "right_id": check.right,
        "left": answers[check.left],
        "right": answers[check.right],
        "message": check.message,
        # The other answer in the comparison: the mistake may be there (see begin_edit).
        "other_id": check.right if answered == check.left else check.left,
    }
    return Problem(ProblemCode.CHECK_FAILED, answered, params)


def _next_unanswered(form: Form, answers: Mapping[str, Answer]) -> str | None:
    return next((question.id for question in form.questions if question.id not in answers), None)
