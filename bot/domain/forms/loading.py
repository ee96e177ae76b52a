"""Reading and checking a forms file: the shipped default or an operator's ``FORMS_FILE``.

The loader checks the file thoroughly at start, because a mistake found then
is one sentence in a log (and exit code 2), while a mistake found in a group
is a liaison stuck half-way through a report or a summary that quietly
leaves a figure out. Every message names the place: the form, the question,
the key.

File format, version 1 (``docs/forms.md`` explains each key with examples)::

    {
      "version": 1,
      "situation": {                         # the question every agency answers first
        "question": "situasi",               #   a choice question of 'common'
        "levels": [                          #   its choices, calmest first, each marked
          {"value": "aman", "emoji": "🟢"},   #   a day's situation is the most serious
          {"value": "waspada", "emoji": "🟡"},#   level any agency reported
          {"value": "rawan", "emoji": "🔴"}
        ]
      },
      "headlines": ["personel", "tps_siap"], # optional: the headline figures (number or
                                             #   percent questions), in the order shown
      "charts": {                            # optional: what /grafik and the brief draw:
        "logistik": ["logistik_tps"],        #   percent questions, as shares over the days
        "jumlah": ["personel"]               #   number questions, agencies added up per day
      },
      "follow_up": QUESTION,                 # optional: an optional text question asked last
                                             #   in every form; the summary gathers its
                                             #   answers in the block "Perlu tindak lanjut"
      "common": [ QUESTION, ... ],           # asked first, in every agency's form
      "forms": {                             # one entry per agency: pemda, tni, polri,
        "kpu": {                             #   kpu, bawaslu, kejaksaan, dprd
          "questions": [ QUESTION, ... ],    # asked after the common ones
          "checks": [ CHECK, ... ],          # optional
          "stages": ["setelah_hari_h"]       # optional: the stages the agency reports in
        },
        ...
      }
    }

    QUESTION = {
      "id": "tps_siap",            # [a-z0-9_]{1,24}, unique within the form (an id and a
                                   # choice value must fit in 64-byte callback data together);
                                   # the same id in two forms must mean the same (kind, unit,
                                   # combine), since answers are added up by id
      "kind": "number",            # "choice" | "number" | "percent" | "text"
      "prompt": "Jumlah TPS siap?",
      "label": "TPS siap",         # short name for the review, the summary and the exports
      "optional": false,           # default false; optional questions can be skipped
      "unit": "TPS",               # number only ("personel", "TPS", "perkara"); percent is "%"
      "combine": "sum",            # how answers add up across days, agencies and regions:
                                   #   number: sum (default), min, max, average, latest
                                   #   percent: average (default), min, max, latest
                                   #   choice: latest (default), worst, all
                                   #   text: all (default), latest
      "summary": "TPS siap: {value}",  # how an answer reads in the summary; may use
                                   #   {value}, {unit} and {label}; default "{label}: {value}"
      "attach_to": "kejadian",     # optional: this answer completes that question's summary
                                   #   line ("Kejadian menonjol: 1 — <this answer>")
      "closing": false,            # optional: the agency's closing note ("Catatan"), shown
                                   #   last in its summary block
      "remember": false,           # optional: rarely changes (the number of TPS): the next
                                   #   report offers the last answer with one tap
      "stages": ["hari_h"],        # optional: the election stages it is asked in (stage ids
                                   #   of bot/domain/elections, or the phases sebelum_hari_h,
                                   #   hari_h, setelah_hari_h); left out: every stage
      "part_of": {                 # number only, optional: a part of another count, shown
        "question": "jumlah_tps",  #   and added up as a share of it
        "summary": "TPS siap {value} dari {total} ({percent})",
        "summary_if_total_zero": "TPS siap {value} dari {total}"
      },
      # by kind:
      "min": 0, "max": 1000000,    # number only: whole numbers, defaults 0 and 1000000
      "max_length": 500,           # text only: default 500
      "choices": [                 # choice only: at least one
        {"value": "sebagian", "label": "Sebagian",   # value: [a-z0-9_]{1,16} (goes into
         "summary": "sebagian siap"}                  # callback data); summary: optional
      ]                                               # word for the summary
    }
    # A percent question takes 0-100 with decimals.

    CHECK = {
      "rule": "lte",               # left <= right
      "left": "tps_siap",          # ids of number or percent questions of the same form
      "right": "jumlah_tps",
      "message": "Jumlah TPS siap ({left}) tidak boleh melebihi jumlah TPS seluruhnya ({right})."
    }
    # The message may use {left}, {right}, {left_label} and {right_label}.
"""

from __future__ import annotations

import json
import re
import string
from dataclasses import replace
from pathlib import Path
from typing import Any

from bot.domain.agencies import Agency
from bot.domain.elections import PHASES, known_stage_ids
from bot.domain.forms.definitions import (
    COMBINE_RULES,
    DEFAULT_MAX_LENGTH,
    DEFAULT_MAXIMUM,
    DEFAULT_MINIMUM,
    LONGEST_MAX_LENGTH,
    PERCENT_MAXIMUM,
    PERCENT_MINIMUM,
    PERCENT_UNIT,
    ChartTopic,
    CheckRule,
    Choice,
    Combine,
    CrossCheck,
    Form,
    FormSet,
    FormsFileError,
    PartOf,
    Question,
    QuestionKind,
    asked_on,
)
from bot.domain.situation import SituationLevel, SituationScale

FORMAT_VERSION = 1
DEFAULT_FORMS_PATH = Path(__file__).resolve().parent / "default_forms.json"

QUESTION_ID = re.compile(r"[a-z0-9_]{1,24}")
CHOICE_VALUE = re.compile(r"[a-z0-9_]{1,16}")
CHECK_PLACEHOLDERS = frozenset({"left", "right", "left_label", "right_label"})
SUMMARY_PLACEHOLDERS = frozenset({"value", "unit", "label"})
PART_OF_PLACEHOLDERS = SUMMARY_PLACEHOLDERS | {"total", "percent"}
LONGEST_EMOJI = 8  # an emoji with its modifiers; more is not a marker but a sentence
LONGEST_UNIT = 24


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


_TOP_KEYS = {"version", "common", "forms", "situation", "headlines", "follow_up", "charts"}


def _form_set(data: Any) -> FormSet:
    top = _object(data, "the file", required={"version", "forms"}, allowed=_TOP_KEYS)
    if top["version"] != FORMAT_VERSION or isinstance(top["version"], bool):
        raise _Invalid(f"'version' must be {FORMAT_VERSION}, found {top['version']!r}")
    common = _questions(_list(top.get("common", []), "'common'"), "'common'")
    follow_up = _follow_up(top.get("follow_up"))
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
        entry = _object(forms_data[agency.value], where, allowed={"questions", "checks", "stages"})
        own = _questions(_list(entry.get("questions", []), f"{where}: 'questions'"), where)
        form_stages = _stages(entry.get("stages"), f"{where}: 'stages'")
        questions = (*common, *own, *((follow_up,) if follow_up else ()))
        if not questions:
            raise _Invalid(f"{where}: has no questions (and 'common' is empty)")
        clash = sorted({q.id for q in common} & {q.id for q in own})
        if clash:
            raise _Invalid(f"{where}: question ids {clash} are already used in 'common'")
        if follow_up is not None and follow_up.id in {q.id for q in (*common, *own)}:
            raise _Invalid(f"{where}: question id '{follow_up.id}' is the 'follow_up' question's")
        _links(questions, where)
        checks = _checks(_list(entry.get("checks", []), f"{where}: 'checks'"), questions, where)
        forms[agency] = Form(agency, questions, checks, form_stages)
    _same_meaning_everywhere(forms)
    situation = _situation(top.get("situation"), common)
    headlines = _headlines(top.get("headlines", []), forms)
    charts = _charts(top.get("charts", {}), forms)
    forms = {agency: _marked(form, situation, headlines) for agency, form in forms.items()}
    return FormSet(forms, situation, headlines, follow_up.id if follow_up else None, charts)


def _follow_up(value: Any) -> Question | None:
    """The optional text question asked last in every form, gathered in its own summary block."""
    if value is None:
        return None
    question = _question(value, "'follow_up'", 1)
    if question.kind is not QuestionKind.TEXT or not question.optional:
        raise _Invalid(
            '\'follow_up\': must be an optional text question ("kind": "text", "optional": true)'
        )
    return question


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
    QuestionKind.NUMBER: {"min", "max", "unit", "part_of"},
    QuestionKind.PERCENT: {"unit"},
    QuestionKind.TEXT: {"max_length"},
}
_QUESTION_KEYS = {
    "id",
    "kind",
    "prompt",
    "label",
    "optional",
    "combine",
    "summary",
    "attach_to",
    "closing",
    "remember",
    "stages",
}
# Keys only some kinds take, with why, for a clearer word than "unexpected keys".
_KIND_ONLY = {
    "unit": "'unit' is for number and percent questions",
    "part_of": "'part_of' is for number questions",
}


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
    for key, rule in _KIND_ONLY.items():
        if key in item and key not in _KIND_KEYS[kind]:
            raise _Invalid(f"{where}: {rule}, not {kind.value}")
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
    closing = item.get("closing", False)
    if not isinstance(closing, bool):
        raise _Invalid(f"{where}: 'closing' must be true or false, found {closing!r}")
    remember = item.get("remember", False)
    if not isinstance(remember, bool):
        raise _Invalid(f"{where}: 'remember' must be true or false, found {remember!r}")
    common: dict[str, Any] = {
        "id": question_id,
        "kind": kind,
        "prompt": prompt,
        "label": label,
        "optional": optional,
        "combine": _combine(item, kind, where),
        "summary": _format(
            item.get("summary", "{label}: {value}"), f"{where}: 'summary'", SUMMARY_PLACEHOLDERS
        ),
        "attach_to": _optional_id(item.get("attach_to"), f"{where}: 'attach_to'"),
        "closing": closing,
        "remember": remember,
        "stages": _stages(item.get("stages"), f"{where}: 'stages'"),
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
        return Question(
            **common,
            minimum=minimum,
            maximum=maximum,
            unit=_unit(item.get("unit"), where),
            part_of=_part_of(item.get("part_of"), where),
        )
    if kind is QuestionKind.PERCENT:
        unit = item.get("unit", PERCENT_UNIT)
        if unit != PERCENT_UNIT:
            raise _Invalid(f"{where}: a percent question's 'unit' is '%', found {unit!r}")
        return Question(**common, minimum=PERCENT_MINIMUM, maximum=PERCENT_MAXIMUM, unit=unit)
    max_length = _whole(item.get("max_length", DEFAULT_MAX_LENGTH), f"{where}: 'max_length'")
    if not 1 <= max_length <= LONGEST_MAX_LENGTH:
        raise _Invalid(
            f"{where}: 'max_length' must be 1 to {LONGEST_MAX_LENGTH}, found {max_length}"
        )
    return Question(**common, max_length=max_length)


def _combine(item: dict, kind: QuestionKind, where: str) -> Combine | None:
    if "combine" not in item:
        return None
    allowed = [rule.value for rule in COMBINE_RULES[kind]]
    value = item["combine"]
    if value not in {rule.value for rule in Combine}:
        raise _Invalid(
            f"{where}: 'combine' must be one of {[r.value for r in Combine]}, found {value!r}"
        )
    if value not in allowed:
        raise _Invalid(
            f"{where}: 'combine' {value!r} does not fit a {kind.value} question; "
            f"use one of {allowed}"
        )
    return Combine(value)


def _unit(value: Any, where: str) -> str | None:
    if value is None:
        return None
    unit = _text(value, f"{where}: 'unit'")
    if len(unit) > LONGEST_UNIT:
        raise _Invalid(f"{where}: 'unit' is longer than {LONGEST_UNIT} characters")
    return unit


def _part_of(value: Any, where: str) -> PartOf | None:
    if value is None:
        return None
    here = f"{where}: 'part_of'"
    keys = {"question", "summary", "summary_if_total_zero"}
    _object(value, here, required=keys, allowed=keys)
    whole = _optional_id(value["question"], f"{here}: 'question'")
    return PartOf(
        question=whole or "",
        summary=_format(value["summary"], f"{here}: 'summary'", PART_OF_PLACEHOLDERS),
        summary_if_total_zero=_format(
            value["summary_if_total_zero"],
            f"{here}: 'summary_if_total_zero'",
            PART_OF_PLACEHOLDERS - {"percent"},
        ),
    )


def _stages(value: Any, where: str) -> frozenset[str]:
    """The stage ids and phases a question or form is asked in; empty for every stage."""
    if value is None:
        return frozenset()
    names = _list(value, where)
    allowed = known_stage_ids() | PHASES
    if not names:
        raise _Invalid(f"{where} must name at least one stage (or leave 'stages' out)")
    for name in names:
        if name not in allowed:
            raise _Invalid(
                f"{where}: unknown stage {name!r}; stages: {sorted(known_stage_ids())}, "
                f"phases: {sorted(PHASES)}"
            )
    if len(set(names)) != len(names):
        raise _Invalid(f"{where}: a stage is listed twice")
    return frozenset(names)


def _asked_within(inner: frozenset[str], outer: frozenset[str]) -> bool:
    """True when every day ``inner`` is asked on, ``outer`` is asked on too."""
    days = [
        (phase, stage_id) for phase in PHASES for stage_id in (*sorted(known_stage_ids()), None)
    ]
    return all(
        asked_on(outer, phase, stage_id)
        for phase, stage_id in days
        if asked_on(inner, phase, stage_id)
    )


def _optional_id(value: Any, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str) or not QUESTION_ID.fullmatch(value):
        raise _Invalid(f"{where} must be a question id, found {value!r}")
    return value


def _links(questions: tuple[Question, ...], where: str) -> None:
    """``attach_to`` and ``part_of`` must name another question of the same form that fits."""
    by_id = {question.id: question for question in questions}
    attached: dict[str, str] = {}
    for question in questions:
        here = f"{where}, question '{question.id}'"
        if question.attach_to is not None:
            target = by_id.get(question.attach_to)
            if target is None or target is question:
                raise _Invalid(
                    f"{here}: 'attach_to' names no other question of this form: "
                    f"{question.attach_to!r}"
                )
            if target.attach_to is not None:
                raise _Invalid(
                    f"{here}: 'attach_to' names '{target.id}', which is itself "
                    "attached to another question"
                )
            if not _asked_within(question.stages, target.stages):
                raise _Invalid(
                    f"{here}: asked in stages where '{target.id}', which it completes, "
                    "is not; give it the same 'stages' or fewer"
                )
            if question.attach_to in attached:
                raise _Invalid(
                    f"{here}: '{question.attach_to}' already has "
                    f"'{attached[question.attach_to]}' attached"
                )
            attached[question.attach_to] = question.id
        if question.part_of is not None:
            whole = by_id.get(question.part_of.question)
            if whole is None or whole is question:
                raise _Invalid(
                    f"{here}: 'part_of' names no other question of this form: "
                    f"{question.part_of.question!r}"
                )
            if whole.kind is not QuestionKind.NUMBER:
                raise _Invalid(
                    f"{here}: 'part_of' question '{whole.id}' is {whole.kind.value}, not number"
                )
            if not _asked_within(question.stages, whole.stages):
                raise _Invalid(
                    f"{here}: asked in stages where '{whole.id}', its whole, is not; "
                    "give the whole the same 'stages' or more"
                )


def _same_meaning_everywhere(forms: dict[Agency, Form]) -> None:
    """A question id shared by forms (personel in TNI and Polri) is added up across them."""
    first: dict[str, tuple[Agency, Question]] = {}
    for agency, form in forms.items():
        for question in form.questions:
            seen = first.setdefault(question.id, (agency, question))
            other_agency, other = seen
            meaning = (question.kind, question.unit, question.combine_rule)
            if meaning != (other.kind, other.unit, other.combine_rule):
                raise _Invalid(
                    f"question '{question.id}' means different things in forms "
                    f"'{other_agency.value}' and '{agency.value}' (kind, unit or combine "
                    "differ); answers are added up by id, so give one of them another id"
                )


def _situation(value: Any, common: tuple[Question, ...]) -> SituationScale:
    if value is None:
        raise _Invalid(
            'no situation question: add "situation": {"question": ..., "levels": [...]} '
            "naming a choice question of 'common' and its choices, calmest first, each with "
            'an "emoji" (see docs/forms.md)'
        )
    where = "'situation'"
    _object(value, where, required={"question", "levels"}, allowed={"question", "levels"})
    question_id = value["question"]
    question = next((q for q in common if q.id == question_id), None)
    if question is None:
        raise _Invalid(
            f"{where}: 'question' must name a question of 'common' (every agency "
            f"answers it), found {question_id!r}"
        )
    if question.kind is not QuestionKind.CHOICE:
        raise _Invalid(f"{where}: question '{question_id}' is {question.kind.value}, not choice")
    levels = []
    for position, item in enumerate(_list(value["levels"], f"{where}: 'levels'"), start=1):
        here = f"{where}, level {position}"
        _object(item, here, required={"value", "emoji"}, allowed={"value", "emoji"})
        emoji = _text(item["emoji"], f"{here}: 'emoji'")
        if len(emoji) > LONGEST_EMOJI:
            raise _Invalid(f"{here}: 'emoji' must be one emoji, found {emoji!r}")
        levels.append(SituationLevel(item["value"], emoji))
    values = [level.value for level in levels]
    choices = [choice.value for choice in question.choices]
    if len(levels) < 2 or values != choices:
        raise _Invalid(
            f"{where}: 'levels' must list each choice of '{question_id}' once, in "
            f"the order of its choices (calmest first): {choices}, found {values}"
        )
    if question.combine not in (None, Combine.WORST):
        raise _Invalid(
            f"{where}: question '{question_id}' combines as 'worst' (the most "
            f"serious level reported), found 'combine': {question.combine.value!r}"
        )
    if question.stages:
        raise _Invalid(
            f"{where}: question '{question_id}' is asked in every stage (every report "
            "gives the situation); remove its 'stages'"
        )
    return SituationScale(question_id, tuple(levels))


def _headlines(value: Any, forms: dict[Agency, Form]) -> tuple[str, ...]:
    by_id = {q.id: q for form in forms.values() for q in form.questions}
    headlines: list[str] = []
    for position, question_id in enumerate(_list(value, "'headlines'"), start=1):
        where = f"'headlines', item {position}"
        question = by_id.get(question_id) if isinstance(question_id, str) else None
        if question is None:
            raise _Invalid(f"{where}: names no question of any form: {question_id!r}")
        if not question.kind.is_numeric:
            raise _Invalid(
                f"{where}: '{question_id}' is a {question.kind.value} question; "
                "headlines are figures (number or percent questions)"
            )
        if question_id in headlines:
            raise _Invalid(f"{where}: '{question_id}' is listed twice")
        headlines.append(question_id)
    return tuple(headlines)


def _charts(value: Any, forms: dict[Agency, Form]) -> dict[ChartTopic, tuple[str, ...]]:
    """The figures /grafik draws for each topic: the logistics shares and the counts over time."""
    by_id = {q.id: q for form in forms.values() for q in form.questions}
    topics = {topic.value: topic for topic in ChartTopic}
    charts: dict[ChartTopic, tuple[str, ...]] = {}
    for name, ids in _object(value, "'charts'").items():
        topic = topics.get(name)
        if topic is None:
            raise _Invalid(f"'charts' has an unknown topic {name!r}; known: {sorted(topics)}")
        found: list[str] = []
        for position, question_id in enumerate(_list(ids, f"'charts': '{name}'"), start=1):
            where = f"'charts': '{name}', item {position}"
            question = by_id.get(question_id) if isinstance(question_id, str) else None
            if question is None:
                raise _Invalid(f"{where}: names no question of any form: {question_id!r}")
            wanted = topic.question_kind
            if question.kind is not wanted:
                raise _Invalid(
                    f"{where}: '{question_id}' is a {question.kind.value} question; "
                    f"'{name}' draws {wanted.value} questions"
                )
            if question_id in found:
                raise _Invalid(f"{where}: '{question_id}' is listed twice")
            found.append(question_id)
        charts[topic] = tuple(found)
    return charts


def _marked(form: Form, situation: SituationScale, headlines: tuple[str, ...]) -> Form:
    """The form with the file-level declarations written onto its questions."""
    questions = []
    for question in form.questions:
        changes: dict[str, Any] = {}
        if question.id in headlines:
            changes["headline"] = True
        if question.id == situation.question_id:
            changes["combine"] = Combine.WORST
        questions.append(replace(question, **changes) if changes else question)
    return Form(form.agency, tuple(questions), form.checks, form.stages)


def _choices(items: Any, where: str) -> tuple[Choice, ...]:
    items = _list(items, f"{where}: 'choices'")
    if not items:
        raise _Invalid(f"{where}: 'choices' must not be empty")
    choices: list[Choice] = []
    for position, item in enumerate(items, start=1):
        here = f"{where}, choice {position}"
        _object(item, here, required={"value", "label"}, allowed={"value", "label", "summary"})
        value = item["value"]
        if not isinstance(value, str) or not CHOICE_VALUE.fullmatch(value):
            raise _Invalid(f"{here}: 'value' must match [a-z0-9_]{{1,16}}, found {value!r}")
        summary = item.get("summary")
        choices.append(
            Choice(
                value,
                _text(item["label"], f"{here}: 'label'"),
                None if summary is None else _text(summary, f"{here}: 'summary'"),
            )
        )
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
        _placeholders(message, f"{here}: 'message'", CHECK_PLACEHOLDERS)
        checks.append(CrossCheck(rule, item["left"], item["right"], message))
    return tuple(checks)


def _format(value: Any, where: str, allowed: frozenset[str]) -> str:
    text = _text(value, where)
    _placeholders(text, where, allowed)
    return text


def _placeholders(message: str, where: str, allowed: frozenset[str]) -> None:
    """Refuses placeholders the renderer cannot fill, so a typo fails at start, not in a group."""
    try:
        fields = [name for _, name, _, _ in string.Formatter().parse(message) if name is not None]
    except ValueError as error:
        raise _Invalid(
            f"{where}: braces do not pair up ({error}); write {{{{ for a literal brace"
        ) from None
    unknown = sorted(set(fields) - allowed)
    if unknown:
        raise _Invalid(f"{where}: unknown placeholders {unknown}; allowed: {sorted(allowed)}")


def _object(
    value: Any,
    where: str,
    *,
    required: set[str] | frozenset[str] = frozenset(),
    allowed: set[str] | None = None,
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
