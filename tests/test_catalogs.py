"""The gettext catalogs are complete, current and compile: every string reaches users translated."""

from __future__ import annotations

import string

import pytest
from babel.messages.pofile import read_po

from bot.devtools.catalogs import POT_PATH, extract, message_ids
from bot.texts.i18n import SUPPORTED_LOCALES, compile_catalog, po_path


def read(path, locale=None):
    with path.open("rb") as source:
        return read_po(source, locale=locale)


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_template_matches_the_source():
    extracted, committed = message_ids(extract()), message_ids(read(POT_PATH))
    assert extracted == committed, (
        "locales/messages.pot is out of date: run `python -m bot catalogs`\n"
        f"new in source: {sorted(extracted - committed)}\ngone from source: "
        f"{sorted(committed - extracted)}"
    )


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_catalog_is_complete_and_consistent(locale):
    catalog = read(po_path(locale), locale)
    assert message_ids(catalog) == message_ids(read(POT_PATH)), (
        f"{locale} catalog is out of date: run `python -m bot catalogs`"
    )
    untranslated = [m.id for m in catalog if m.id and not m.string]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert not untranslated, f"{locale}: untranslated {untranslated}"
    assert not fuzzy, f"{locale}: fuzzy {fuzzy}"
    for message in catalog:
        if message.id:
            assert placeholders(message.string) == placeholders(message.id), (
                f"{locale}: placeholders differ in {message.id!r}"
            )
    errors = [(m.id, e) for m, e in catalog.check()]
    assert not errors


@pytest.mark.parametrize("locale", SUPPORTED_LOCALES)
def test_catalog_compiles(locale):
    translations = compile_catalog(locale)
    assert translations.gettext("Wilayah: {region}").startswith(
        "Wilayah" if locale == "id" else "Region"
    )
