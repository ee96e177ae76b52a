"""Indonesia's three time zones, and any IANA zone a group may prefer."""

from __future__ import annotations

from datetime import datetime
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

from babel.dates import get_timezone_name

from bot.domain.user_input import clean_keyword

# The names users type, mapped to the canonical zone of each.
INDONESIAN_ZONES = {
    "WIB": "Asia/Jakarta",
    "WITA": "Asia/Makassar",
    "WIT": "Asia/Jayapura",
}
# Only geographic zones: "Etc/GMT+7" is valid IANA but means UTC-7, which is
# exactly the confusion a liaison typing "GMT+7" would fall into.
_GEOGRAPHIC_AREAS = (
    "Africa",
    "America",
    "Antarctica",
    "Asia",
    "Atlantic",
    "Australia",
    "Europe",
    "Indian",
    "Pacific",
)


class UnknownZone(ValueError):
    """The text names no time zone we accept."""


@cache
def _zones_by_folded_name() -> dict[str, str]:
    return {
        name.casefold(): name
        for name in available_timezones()
        if name.split("/", 1)[0] in _GEOGRAPHIC_AREAS and "/" in name
    }


def parse_zone(text: str) -> str:
    """Returns the IANA name for ``WIB``/``WITA``/``WIT`` or an IANA zone, any case.

    Invisible marks are ignored and full-width letters read as ASCII, so
    "WI\u200bTA" and "ＷＩＴＡ" are WITA rather than a zone that "does not exist".
    """
    cleaned = clean_keyword(text)
    if cleaned.upper() in INDONESIAN_ZONES:
        return INDONESIAN_ZONES[cleaned.upper()]
    name = _zones_by_folded_name().get(cleaned.casefold())
    if name is None:
        raise UnknownZone(cleaned)
    return name


def zone_label(zone_name: str, locale: str, at: datetime) -> str:
    """``Asia/Makassar (WITA)``: the IANA name with the locale's short name."""
    short = get_timezone_name(at.astimezone(ZoneInfo(zone_name)), "short", locale=locale)
    return f"{zone_name} ({short})"
