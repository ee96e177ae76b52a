"""What each agency is asked every day, read from a JSON file an operator can replace.

The questions live in data rather than code so a forum can adjust them
(``FORMS_FILE``) without a release; the loader checks the file thoroughly at
start, because a mistake found then is one sentence in a log, while a mistake
found in a group is a liaison stuck half-way through a report.

File format, version 1::

    {
      "version": 1,
      "common": [ QUESTION, ... ],          # asked first, in every agency's form
      "forms": {                             # one entry per agency: pemda, tni, polri,
        "kpu": {                             #   kpu, bawaslu, kejaksaan, dprd
          "questions": [ QUESTION, ... ],    # asked after the common ones
          "checks": [ CHECK, ... ]           # optional
        },
        ...
      }
    }

    QUESTION = {
      "id": "tps_siap",            # [a-z0-9_]{1,24}, unique within the form (an id and a
                                   # choice value must fit in 64-byte callback data together)
      "kind": "number",            # "choice" | "number" | "percent" | "text"
      "prompt": "Jumlah TPS siap?",
      "label": "TPS siap",         # short name for the review and the summary
      "optional": false,           # default false; optional questions can be skipped
      # by kind:
      "min": 0, "max": 1000000,    # number only: whole numbers, defaults 0 and 1000000
      "max_length": 500,           # text only: default 500
      "choices": [                 # choice only: at least one
        {"value": "aman", "label": "Aman"}   # value: [a-z0-9_]{1,16} (goes into
      ]                                      # Telegram callback data, 64 bytes at most)
    }
    # A percent question takes 0-100 with decimals and has no settings.

    CHECK = {
      "rule": "lte",               # left <= right
      "left": "tps_siap",          # ids of number or percent questions of the same form
      "right": "jumlah_tps",
      "message": "Jumlah TPS siap ({left}) tidak boleh melebihi jumlah TPS seluruhnya ({right})."
    }
    # The message may use {left}, {right}, {left_label} and {right_label}.

Prompts, labels, choice labels and check messages are Indonesian source
strings: ``bot.devtools.forms_extract`` puts them into the gettext catalog and the
renderer translates them when it shows them, so they are plain text, never HTML.
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from pathlib import Path
from typing import Any

from bot.domain.agencies import Agency
from bot.texts.i18n import Translator

FORMAT_VERSION = 1
DEFAULT_FORMS_PATH = Path(__file__).resolve().parent / "default_forms.json"

DEFAULT_MINIMUM = 0
DEFAULT_MAXIMUM = 1_000_000
DEFAULT_MAX_LENGTH = 500
# A review message carries every answer and Telegram caps a message at 4096
# characters, so one free-text answer may not take most of it.
LONGEST_MAX_LENGTH = 2000
PERCENT_MINIMUM = 0
PERCENT_MAXIMUM = 100

QUESTION_ID = re.compile(r"[a-z0-9_]{1,24}")
CHOICE_VALUE = re.compile(r"[a-z0-9_]{1,16}")
CHECK_PLACEHOLDERS = frozenset({"left", "right", "left_label", "right_label"})


class QuestionKind(StrEnum):
    CHOICE = "choice"
    NUMBER = "number"
    PERCENT = "percent"
    TEXT = "text"

    @property
    def is_numeric(self) -> bool:
        return self in (QuestionKind.NUMBER, QuestionKind.PERCENT)


class CheckRule(StrEnum):
    LTE = "lte"  # left <= right


@dataclass(frozen=True)
class Choice:
    value: str  # stored in the answers and in callback data
    label: str  # shown on the button


@dataclass(frozen=True)
class Question:
    """One question. ``minimum``/``maximum`` are set for number and percent
    questions (0-100 for percent), ``max_length`` for text ones."""

    id: str
    kind: QuestionKind
    prompt: str
    label: str
    optional: bool = False
    minimum: int | None = None
    maximum: int | None = None
    max_length: int | None = None
    choices: tuple[Choice, ...] = ()

    def choice(self, value: str) -> Choice | None:
        return next((choice for choice in self.choices if choice.value == value), None)


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


@dataclass(frozen=True)
class FormSet:
    forms: Mapping[Agency, Form]

    def form_for(self, agency: Agency) -> Form:
        return self.forms[agency]

    @cached_property  # read for every summary: a broadcast composes thousands
    def labels(self) -> dict[str, str]:
        """Question id -> label over every form, untranslated."""
        return {qid: label for form in self.forms.values() for qid, label in form.labels.items()}

    def translated_labels(self, t: Translator) -> dict[str, str]:
        """Question id -> label in ``t``'s language, as the summary shows them."""
        return {qid: t.gettext(label) for qid, label in self.labels.items()}


class FormsFileError(ValueError):
    """The forms file cannot be used; the message tells the operator where and why."""


def load_forms(path: Path | None = None) -> FormSet:
    """Reads and checks a forms file; ``None`` reads the shipped default."""
    path = DEFAULT_FORMS_PATH if path is None else Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise FormsFileError(f"forms file {path}: cannot be read: {error}") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise FormsFileError(
            f"forms file {path}: not valid JSON "
            f"(line {error.lineno}, column {error.colno}): {error.msg}"
        ) from None
    try:
        return _form_set(data)
    except _Invalid as error:
        raise FormsFileError(f"forms file {path}: {error}") from None


class _Invalid(Exception):
    """A problem found while reading; ``load_forms`` adds the file name."""


def _form_set(data: Any) -> FormSet:
    top = _object(
        data, "the file", required={"version", "forms"}, allowed={"version", "common", "forms"}
    )
    if top["version"] != FORMAT_VERSION or isinstance(top["version"], bool):
        raise _Invalid(f"'version' must be {FORMAT_VERSION}, found {top['version']!r}")
    common = _questions(_list(top.get("common", []), "'common'"), "'common'")
    forms_data = _object(top["forms"], "'forms'")
    known = {agency.value for agency in Agency}
    unknown = sorted(set(forms_data) - known)
    if unknown:
        raise _Invalid(f"'forms' has unknown agencies {unknown}; known: {sorted(known)}")
    missing = [agency.value for agency in Agency if agency.value not in forms_data]
    if missing:
        raise _Invalid(f"'forms' has no form for {missing}; every agency needs one")
    forms = {}
    for agency in Agency:
        where = f"form '{agency.value}'"
        entry = _object(forms_data[agency.value], where, allowed={"questions", "checks"})
        own = _questions(_list(entry.get("questions", []), f"{where}: 'questions'"), where)
        questions = (*common, *own)
        if not questions:
            raise _Invalid(f"{where}: has no questions (and 'common' is empty)")
        clash = sorted({q.id for q in common} & {q.id for q in own})
        if clash:
            raise _Invalid(f"{where}: question ids {clash} are already used in 'common'")
        checks = _checks(_list(entry.get("checks", []), f"{where}: 'checks'"), questions, where)
        forms[agency] = Form(agency, questions, checks)
    return FormSet(forms)


def _questions(items: list, where: str) -> tuple[Question, ...]:
    questions: list[Question] = []
    seen: set[str] = set()
    for position, item in enumerate(items, start=1):
        question = _question(item, where, position)
        if question.id in seen:
            raise _Invalid(f"{where}: question id '{question.id}' is used twice")
        seen.add(question.id)
        questions.append(question)
    return tuple(questions)


_KIND_KEYS = {
    QuestionKind.CHOICE: {"choices"},
    QuestionKind.NUMBER: {"min", "max"},
    QuestionKind.PERCENT: set(),
    QuestionKind.TEXT: {"max_length"},
}
_QUESTION_KEYS = {"id", "kind", "prompt", "label", "optional"}


def _question(item: Any, form_where: str, position: int) -> Question:
    where = f"{form_where}, question {position}"
    _object(item, where)
    question_id = item.get("id")
    if not isinstance(question_id, str) or not QUESTION_ID.fullmatch(question_id):
        raise _Invalid(f"{where}: 'id' must match [a-z0-9_]{{1,24}}, found {question_id!r}")
    where = f"{form_where}, question '{question_id}'"
    kind_text = item.get("kind")
    try:
        kind = QuestionKind(kind_text)
    except ValueError:
        kinds = [kind.value for kind in QuestionKind]
        raise _Invalid(f"{where}: 'kind' must be one of {kinds}, found {kind_text!r}") from None
    _object(
        item,
        where,
        required={"id", "kind", "prompt", "label"},
        allowed=_QUESTION_KEYS | _KIND_KEYS[kind],
    )
    prompt = _text(item["prompt"], f"{where}: 'prompt'")
    label = _text(item["label"], f"{where}: 'label'")
    optional = item.get("optional", False)
    if not isinstance(optional, bool):
        raise _Invalid(f"{where}: 'optional' must be true or false, found {optional!r}")
    common = {
        "id": question_id,
        "kind": kind,
        "prompt": prompt,
        "label": label,
        "optional": optional,
    }
    if kind is QuestionKind.CHOICE:
        return Question(**common, choices=_choices(item.get("choices"), where))
    if kind is QuestionKind.NUMBER:
        minimum = _whole(item.get("min", DEFAULT_MINIMUM), f"{where}: 'min'")
        maximum = _whole(item.get("max", DEFAULT_MAXIMUM), f"{where}: 'max'")
        if minimum < 0:
            raise _Invalid(f"{where}: 'min' must not be negative (counts only), found {minimum}")
        if minimum > maximum:
            raise _Invalid(f"{where}: 'min' ({minimum}) is greater than 'max' ({maximum})")
        return Question(**common, minimum=minimum, maximum=maximum)
    if kind is QuestionKind.PERCENT:
        return Question(**common, minimum=PERCENT_MINIMUM, maximum=PERCENT_MAXIMUM)
    max_length = _whole(item.get("max_length", DEFAULT_MAX_LENGTH), f"{where}: 'max_length'")
    if not 1 <= max_length <= LONGEST_MAX_LENGTH:
        raise _Invalid(
            f"{where}: 'max_length' must be 1 to {LONGEST_MAX_LENGTH}, found {max_length}"
        )
    return Question(**common, max_length=max_length)


def _choices(items: Any, where: str) -> tuple[Choice, ...]:
    items = _list(items, f"{where}: 'choices'")
    if not items:
        raise _Invalid(f"{where}: 'choices' must not be empty")
    choices: list[Choice] = []
    for position, item in enumerate(items, start=1):
        here = f"{where}, choice {position}"
        _object(item, here, required={"value", "label"}, allowed={"value", "label"})
        value = item["value"]
        if not isinstance(value, str) or not CHOICE_VALUE.fullmatch(value):
            raise _Invalid(f"{here}: 'value' must match [a-z0-9_]{{1,16}}, found {value!r}")
        choices.append(Choice(value, _text(item["label"], f"{here}: 'label'")))
    # Typed answers are matched against values and labels in any letter case,
    # so two choices must not read alike.
    owners: dict[str, str] = {}
    for choice in choices:
        for name in {choice.value.casefold(), choice.label.strip().casefold()}:
            if owners.setdefault(name, choice.value) != choice.value:
                raise _Invalid(
                    f"{where}: choices '{owners[name]}' and '{choice.value}' "
                    f"both read {name!r} (letter case ignored)"
                )
    return tuple(choices)


def _checks(items: list, questions: tuple[Question, ...], where: str) -> tuple[CrossCheck, ...]:
    by_id = {question.id: question for question in questions}
    checks: list[CrossCheck] = []
    for position, item in enumerate(items, start=1):
        here = f"{where}, check {position}"
        _object(
            item,
            here,
            required={"rule", "left", "right", "message"},
            allowed={"rule", "left", "right", "message"},
        )
        rule = item["rule"]
        if rule not in {rule.value for rule in CheckRule}:
            raise _Invalid(
                f"{here}: 'rule' must be one of {[r.value for r in CheckRule]}, found {rule!r}"
            )
        for side in ("left", "right"):
            question = by_id.get(item[side]) if isinstance(item[side], str) else None
            if question is None:
                raise _Invalid(f"{here}: '{side}' names no question of this form: {item[side]!r}")
            if not question.kind.is_numeric:
                raise _Invalid(
                    f"{here}: '{side}' question '{question.id}' is {question.kind.value}, "
                    "not number or percent"
                )
        if item["left"] == item["right"]:
            raise _Invalid(f"{here}: 'left' and 'right' are the same question")
        message = _text(item["message"], f"{here}: 'message'")
        _placeholders(message, f"{here}: 'message'")
        checks.append(CrossCheck(rule, item["left"], item["right"], message))
    return tuple(checks)


def _placeholders(message: str, where: str) -> None:
    """Refuses placeholders the renderer cannot fill, so a typo fails at start, not in a group."""
    try:
        fields = [name for _, name, _, _ in string.Formatter().parse(message) if name is not None]
    except ValueError as error:
        raise _Invalid(
            f"{where}: braces do not pair up ({error}); write {{{{ for a literal brace"
        ) from None
    unknown = sorted(set(fields) - CHECK_PLACEHOLDERS)
    if unknown:
        raise _Invalid(
            f"{where}: unknown placeholders {unknown}; allowed: {sorted(CHECK_PLACEHOLDERS)}"
        )


def _object(
    value: Any, where: str, *, required: set[str] = frozenset(), allowed: set[str] | None = None
) -> dict:
    if not isinstance(value, dict):
        raise _Invalid(f"{where}: must be a JSON object, found {type(value).__name__}")
    missing = sorted(required - set(value))
    if missing:
        raise _Invalid(f"{where}: missing {missing}")
    if allowed is not None:
        extra = sorted(set(value) - allowed)
        if extra:
            raise _Invalid(f"{where}: unexpected keys {extra}; allowed here: {sorted(allowed)}")
    return value


def _list(value: Any, where: str) -> list:
    if not isinstance(value, list):
        raise _Invalid(f"{where} must be a JSON list, found {type(value).__name__}")
    return value


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _Invalid(f"{where} must be non-empty text, found {value!r}")
    return value


def _whole(value: Any, where: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise _Invalid(f"{where} must be a whole number, found {value!r}")
    return value
