"""Indonesia's three time zones, and any IANA zone a group may prefer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo, available_timezones

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


# Indonesia's own zones read by their Indonesian names in every language
# (Babel's English names are "+0800"); the country's two zone names other than
# the canonical three share their offsets.
_INDONESIAN_NAMES = {
    "Asia/Jakarta": "WIB",
    "Asia/Pontianak": "WIB",
    "Asia/Makassar": "WITA",
    "Asia/Jayapura": "WIT",
}


def zone_label(zone_name: str, at: datetime | None = None) -> str:
    """``WITA``: how a group's zone is shown, in every language.

    Indonesia's zones by their names (WIB, WITA, WIT); any other zone by its
    offset from UTC at ``at`` ("UTC+5.30"), times being written with a dot.
    """
    name = _INDONESIAN_NAMES.get(zone_name)
    if name is not None:
        return name
    moment = (at or datetime.now(UTC)).astimezone(ZoneInfo(zone_name))
    offset = moment.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, minutes = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f".{minutes:02d}" if minutes else "")
