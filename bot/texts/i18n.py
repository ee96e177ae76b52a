"""Gettext catalogs and Babel formatting for the group's locale.

Source strings are Indonesian, the language every user reads; ``locales/``
holds the ``id`` catalog (for a native speaker's rewording without touching
code) and the ``en`` translation. Catalogs are compiled with Babel when the
bot starts, so a stale ``.mo`` file can never be served.
"""

from __future__ import annotations

import gettext
import io
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from functools import cache, lru_cache
from pathlib import Path

from babel.dates import format_date, format_time, get_day_names
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent

from bot.domain.zones import zone_label

LOCALES_DIR = Path(__file__).resolve().parents[2] / "locales"
DOMAIN = "messages"
DEFAULT_LOCALE = "id"
SUPPORTED_LOCALES = ("id", "en")
# How a time of day is written: "08.12" in Indonesian, "08:12" in English.
_TIME_PATTERNS = {"id": "HH.mm", "en": "HH:mm"}
# Babel's full Indonesian date pads the day ("Kamis, 05 Desember 2024"); letters
# and the forum's own papers write "Kamis, 5 Desember 2024".
_FULL_DATE_PATTERNS = {"id": "EEEE, d MMMM y"}


def po_path(locale: str) -> Path:
    return LOCALES_DIR / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


def compile_catalog(locale: str) -> gettext.GNUTranslations:
    """Reads ``locale``'s ``.po`` file and compiles it with Babel, in memory."""
    with po_path(locale).open("rb") as source:
        catalog = read_po(source, locale=locale)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


@dataclass(frozen=True)
class Translator:
    """Everything needed to speak to one group: its catalog and its locale's formats."""

    locale: str
    translations: gettext.NullTranslations = field(repr=False)

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.translations.ngettext(singular, plural, n)

    def full_date(self, day: date) -> str:
        """``Rabu, 27 November 2024`` in ``id``; ``Jumat, 6 Desember 2024`` without a leading
        zero, as Indonesian letters write it (Babel's full pattern for ``id`` has one)."""
        pattern = _FULL_DATE_PATTERNS.get(self.locale, "full")
        return format_date(day, pattern, locale=self.locale)

    def short_date(self, day: date) -> str:
        """``27 Nov 2024`` in ``id``: for lists of dates."""
        return format_date(day, "medium", locale=self.locale)

    def weekday(self, index: int) -> str:
        """``Senin`` for 0 (Monday) in ``id``."""
        return get_day_names("wide", locale=self.locale)[index]

    def clock_time(self, moment: datetime) -> str:
        """``08.12 WITA``: the local time, as the locale writes it, and the zone's name.

        ``moment`` must carry a ``ZoneInfo``; its zone is named as the group's
        is everywhere (WIB, WITA, WIT in every language).
        """
        zone = getattr(moment.tzinfo, "key", "UTC")
        time_text = format_time(
            moment, self._time_pattern, tzinfo=moment.tzinfo, locale=self.locale
        )
        return f"{time_text} {zone_label(zone, moment)}"

    def time_of_day(self, at: time) -> str:
        """``07.00`` in ``id``, ``07:00`` in ``en``: a time on the group's clock, no zone."""
        return format_time(at, self._time_pattern, locale=self.locale)

    @property
    def _time_pattern(self) -> str:
        return _TIME_PATTERNS.get(self.locale, "HH.mm")

    def number(self, value: int | float | Decimal) -> str:
        """``1.234`` or ``12,5`` in ``id``."""
        return _number(value, self.locale)

    def percent(self, value: int | float | Decimal) -> str:
        """``87,5%`` in ``id`` from 87.5 (a value already in percent)."""
        return _percent(value, self.locale)


# A rollup writes hundreds of figures, many alike, and Babel takes some 30 µs for each.
@lru_cache(maxsize=8192, typed=True)
def _number(value: int | float | Decimal, locale: str) -> str:
    return format_decimal(value, locale=locale)


@lru_cache(maxsize=8192, typed=True)
def _percent(value: int | float | Decimal, locale: str) -> str:
    return format_percent(Decimal(str(value)) / 100, "#,##0.#%", locale=locale)


@cache
def translator(locale: str = DEFAULT_LOCALE) -> Translator:
    """The translator for ``locale``, falling back to Indonesian for unknown ones."""
    if locale not in SUPPORTED_LOCALES:
        locale = DEFAULT_LOCALE
    return Translator(locale, compile_catalog(locale))


def N_(message: str) -> str:  # noqa: N802 (the gettext convention)
    """Marks a string for extraction where it is translated later (e.g. in data tables)."""
    return message
