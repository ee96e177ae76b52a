"""Babel extraction methods for the data files, so their text reaches the catalog.

``extract_forms`` reads a forms file; ``extract_incident_categories`` an
incident categories file (each category's label).

Prompts, labels, choice labels, summary formats and words, units and check
messages live in JSON, where the
Python extractor cannot see them; without this a translator (or a native
speaker polishing the Indonesian) would never be offered them. Register them in
a Babel method map as ``("**/forms/*.json", "bot.devtools.forms_extract:extract_forms")``
(see ``bot.devtools.catalogs``).

It reads the file leniently: validating is ``load_forms``'s job, and a
half-written file should still give up the strings it has.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TypeGuard

Extracted = tuple[int, str | None, str, list[str]]


def extract_forms(fileobj, keywords, comment_tags, options) -> Iterator[Extracted]:
    """Yields ``(lineno, None, message, comments)`` for every translatable string."""
    raw = fileobj.read()
    text = raw.decode((options or {}).get("encoding", "utf-8")) if isinstance(raw, bytes) else raw
    data = json.loads(text)
    if not isinstance(data, dict):
        return
    locate = _Locator(text)
    for question in _items(data.get("common")):
        yield from _question_strings(question, "common", locate)
    for question in _items([data.get("follow_up")]):
        yield from _question_strings(question, "follow_up", locate)
    forms = data.get("forms")
    for agency, form in forms.items() if isinstance(forms, dict) else ():
        if not isinstance(form, dict):
            continue
        for question in _items(form.get("questions")):
            yield from _question_strings(question, agency, locate)
        for check in _items(form.get("checks")):
            message = check.get("message")
            if _is_text(message):
                where = f"{agency}: {check.get('left')} <= {check.get('right')}"
                yield (
                    locate(message),
                    None,
                    message,
                    [f"Forms file, check {where}. Keep the placeholders {{left}}, {{right}}."],
                )


_QUESTION_TEXTS = (
    ("prompt", "question"),
    ("label", "short label (review, summary, exports)"),
    ("unit", "unit of the figure"),
    (
        "summary",
        "how an answer reads in the summary; keep the placeholders {value}, {unit}, {label}",
    ),
)
_PART_OF_TEXTS = (
    ("summary", "summary line of a part and its whole; keep {value}, {total}, {percent}"),
    (
        "summary_if_total_zero",
        "summary line of a part when the whole is zero; keep {value}, {total}",
    ),
)


def _question_strings(question: dict, where: str, locate: _Locator) -> Iterator[Extracted]:
    name = f"{where}.{question.get('id')}"
    for key, what in _QUESTION_TEXTS:
        value = question.get(key)
        if _is_text(value):
            yield locate(value), None, value, [f"Forms file, {name}: {what}."]
    part_of = question.get("part_of")
    if isinstance(part_of, dict):
        for key, what in _PART_OF_TEXTS:
            value = part_of.get(key)
            if _is_text(value):
                yield locate(value), None, value, [f"Forms file, {name}: {what}."]
    for choice in _items(question.get("choices")):
        value = choice.get("label")
        if _is_text(value):
            comment = f"Forms file, {name}: button for choice '{choice.get('value')}'."
            yield locate(value), None, value, [comment]
        value = choice.get("summary")
        if _is_text(value):
            comment = f"Forms file, {name}: choice '{choice.get('value')}' in the summary."
            yield locate(value), None, value, [comment]


def extract_incident_categories(fileobj, keywords, comment_tags, options) -> Iterator[Extracted]:
    """Yields every category label of an incidents file (``bot/domain/incidents``)."""
    raw = fileobj.read()
    text = raw.decode((options or {}).get("encoding", "utf-8")) if isinstance(raw, bytes) else raw
    data = json.loads(text)
    if not isinstance(data, dict):
        return
    locate = _Locator(text)
    for category in _items(data.get("categories")):
        label = category.get("label")
        if _is_text(label):
            comment = (
                f"Incidents file, category '{category.get('value')}': its button, "
                "and its name in posts and lists."
            )
            yield locate(label), None, label, [comment]


def _items(value: Any) -> list[dict]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _is_text(value: Any) -> TypeGuard[str]:
    return isinstance(value, str) and bool(value.strip())


class _Locator:
    """Best-effort line numbers: where the string's JSON spelling next appears."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.position = 0

    def __call__(self, message: str) -> int:
        for spelling in (json.dumps(message, ensure_ascii=False), json.dumps(message)):
            found = self.text.find(spelling, self.position)
            if found < 0:
                found = self.text.find(spelling)
            if found >= 0:
                self.position = found + len(spelling)
                return self.text.count("\n", 0, found) + 1
        return 1
