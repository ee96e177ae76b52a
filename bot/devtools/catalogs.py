"""Keeps ``locales/`` in step with the source: ``python -m bot catalogs``.

Extracts every ``_()``/``ngettext()``/``N_()`` string from ``bot/`` and
``handlers/`` into ``locales/messages.pot`` and merges it into each locale's
``.po``. The Indonesian catalog starts each new entry as its own source text
(the source *is* Indonesian); other locales get an empty entry to translate,
which the test suite reports until it is filled.
"""

from __future__ import annotations

import copy
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.pofile import read_po, write_po

from bot.texts.i18n import DEFAULT_LOCALE, DOMAIN, LOCALES_DIR, SUPPORTED_LOCALES, po_path

PROJECT_ROOT = LOCALES_DIR.parent
SOURCE_DIRS = ("bot", "handlers")
KEYWORDS = {**DEFAULT_KEYWORDS, "N_": None}
POT_PATH = LOCALES_DIR / f"{DOMAIN}.pot"
# The forms data file's prompts and labels are user-facing too, and so are the
# incident categories' labels and the calendars' stage names.
METHOD_MAP = [
    ("**.py", "python"),
    ("**/forms/*.json", "bot.devtools.forms_extract:extract_forms"),
    ("**/incidents/*.json", "bot.devtools.forms_extract:extract_incident_categories"),
    ("**/elections/presets/*.json", "bot.devtools.calendar_extract:extract_calendar"),
]


def extract() -> Catalog:
    """The catalog template as the source code stands now."""
    template = Catalog(project="posko-forkopimda", locale=None, fuzzy=False)
    for folder in SOURCE_DIRS:
        for filename, lineno, message, comments, context in extract_from_dir(
            PROJECT_ROOT / folder,
            method_map=METHOD_MAP,
            keywords=KEYWORDS,
            comment_tags=("TRANSLATORS:",),
        ):
            template.add(
                message,
                None,
                [(f"{folder}/{filename}", lineno)],
                auto_comments=comments,
                context=context,
            )
    return template


def message_ids(catalog: Catalog) -> set:
    return {message.id for message in catalog if message.id}


def _write(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
        write_po(out, catalog, width=100, omit_header=False, include_lineno=False, sort_output=True)


def update_catalogs() -> dict[str, int]:
    """Rewrites the template and merges it into every locale; returns untranslated counts."""
    template = extract()
    _write(template, POT_PATH)
    untranslated = {}
    for locale in SUPPORTED_LOCALES:
        path = po_path(locale)
        if path.exists():
            with path.open("rb") as source:
                catalog = read_po(source, locale=locale)
        else:
            catalog = Catalog(locale=locale, project="posko-forkopimda")
        # update() may share Message objects with the template: give each locale its own.
        catalog.update(copy.deepcopy(template), no_fuzzy_matching=True)
        catalog.obsolete.clear()
        for message in catalog:
            if not message.id:
                continue
            if locale == DEFAULT_LOCALE and not _translated(message.string):
                message.string = message.id
        _write(catalog, path)
        untranslated[locale] = sum(
            1 for m in catalog if m.id and (not _translated(m.string) or m.fuzzy)
        )
    return untranslated


def _translated(string) -> bool:
    if isinstance(string, tuple):
        return all(string)
    return bool(string)
