"""Incident categories as data: the shipped file or an operator's ``INCIDENTS_FILE``.

Like the report forms (``bot.domain.forms.loading``), the file is checked
thoroughly at start: a mistake found then is one line in a log and exit
code 2, while one found in a group is a liaison who cannot report a clash.

File format, version 1 (``docs/incidents.md`` explains it with examples)::

    {
      "version": 1,
      "categories": [                       # in the order the buttons show them
        {"value": "politik_uang",           # [a-z0-9_]{1,16}: stored, and in button data;
                                            #   never change a value once used
         "label": "Politik uang",           # the button and the post (catalog text)
         "emoji": "💰"},                    # optional: marks it in the post and the lists
        ...
      ]
    }

A category removed from the file keeps its stored incidents: they are shown
under their stored value until it is added back (``IncidentCategories.label_of``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

FORMAT_VERSION = 1
DEFAULT_CATEGORIES_PATH = Path(__file__).resolve().parent / "default_categories.json"
CATEGORY_VALUE = re.compile(r"[a-z0-9_]{1,16}")
LONGEST_LABEL = 40  # a button's width on a phone, and part of a post heading
LONGEST_EMOJI = 8
MOST_CATEGORIES = 20  # more would not fit a keyboard anyone reads


class IncidentsFileError(ValueError):
    """The categories file cannot be used; the message names the place."""


@dataclass(frozen=True)
class IncidentCategory:
    value: str
    label: str  # an Indonesian source string, translated through the catalogs
    emoji: str = ""


@dataclass(frozen=True)
class IncidentCategories:
    categories: tuple[IncidentCategory, ...]

    def __iter__(self) -> Iterator[IncidentCategory]:
        return iter(self.categories)

    def get(self, value: str) -> IncidentCategory | None:
        return next((c for c in self.categories if c.value == value), None)

    def label_of(self, value: str) -> str:
        """The category's label, or its stored value when the file no longer has it."""
        category = self.get(value)
        return category.label if category else value


def load_incident_categories(path: Path | None = None) -> IncidentCategories:
    """Reads and checks a categories file; ``None`` reads the shipped default."""
    path = DEFAULT_CATEGORIES_PATH if path is None else Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise IncidentsFileError(f"incidents file {path}: cannot be read: {error}") from None
    except json.JSONDecodeError as error:
        raise IncidentsFileError(
            f"incidents file {path}: not valid JSON "
            f"(line {error.lineno}, column {error.colno}): {error.msg}"
        ) from None
    try:
        return _categories(data)
    except _Invalid as error:
        raise IncidentsFileError(f"incidents file {path}: {error}") from None


class _Invalid(Exception):
    pass


def _categories(data: Any) -> IncidentCategories:
    if not isinstance(data, dict):
        raise _Invalid(f"the file must be a JSON object, found {type(data).__name__}")
    extra = sorted(set(data) - {"version", "categories"})
    if extra:
        raise _Invalid(f"unexpected keys {extra}; allowed: ['categories', 'version']")
    version = data.get("version")
    if version != FORMAT_VERSION or isinstance(version, bool):
        raise _Invalid(f"'version' must be {FORMAT_VERSION}, found {version!r}")
    items = data.get("categories")
    if not isinstance(items, list) or not items:
        raise _Invalid("'categories' must be a non-empty JSON list")
    if len(items) > MOST_CATEGORIES:
        raise _Invalid(f"'categories' has {len(items)} entries; at most {MOST_CATEGORIES}")
    categories: list[IncidentCategory] = []
    seen: dict[str, str] = {}
    for position, item in enumerate(items, start=1):
        category = _category(item, f"category {position}")
        for name in {category.value, category.label.casefold()}:
            if name in seen:
                raise _Invalid(
                    f"category {position}: '{name}' is already used by category '{seen[name]}'"
                )
            seen[name] = category.value
        categories.append(category)
    return IncidentCategories(tuple(categories))


def _category(item: Any, where: str) -> IncidentCategory:
    if not isinstance(item, dict):
        raise _Invalid(f"{where}: must be a JSON object, found {type(item).__name__}")
    missing = sorted({"value", "label"} - set(item))
    if missing:
        raise _Invalid(f"{where}: missing {missing}")
    extra = sorted(set(item) - {"value", "label", "emoji"})
    if extra:
        raise _Invalid(f"{where}: unexpected keys {extra}; allowed: ['emoji', 'label', 'value']")
    value = item["value"]
    if not isinstance(value, str) or not CATEGORY_VALUE.fullmatch(value):
        raise _Invalid(f"{where}: 'value' must match [a-z0-9_]{{1,16}}, found {value!r}")
    where = f"category '{value}'"
    label = item["label"]
    if not isinstance(label, str) or not label.strip():
        raise _Invalid(f"{where}: 'label' must be non-empty text, found {label!r}")
    if len(label) > LONGEST_LABEL:
        raise _Invalid(f"{where}: 'label' is longer than {LONGEST_LABEL} characters")
    emoji = item.get("emoji", "")
    if not isinstance(emoji, str) or len(emoji) > LONGEST_EMOJI:
        raise _Invalid(f"{where}: 'emoji' must be one emoji, found {emoji!r}")
    return IncidentCategory(value, label.strip(), emoji.strip())
