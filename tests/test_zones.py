"""Zone names as admins type them."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.domain.zones import UnknownZone, parse_zone, zone_label
from bot.texts.i18n import translator


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("WIB", "Asia/Jakarta"),
        ("wita", "Asia/Makassar"),
        (" WIT ", "Asia/Jayapura"),
        ("Asia/Pontianak", "Asia/Pontianak"),
        ("asia/makassar", "Asia/Makassar"),
        ("Europe/Amsterdam", "Europe/Amsterdam"),
    ],
)
def test_accepted_zones(typed, zone):
    assert parse_zone(typed) == zone


@pytest.mark.parametrize(
    "typed",
    [
        "GMT+7",
        "UTC+7",
        "Etc/GMT-7",
        "UTC",
        "+07:00",
        "WIBB",
        "",
        "Asia/Atlantis",
        "A" * 5000,
        "Asia/Jakarta; DROP TABLE groups",
    ],
)
def test_rejected_zones(typed):
    with pytest.raises(UnknownZone):
        parse_zone(typed)


@pytest.mark.parametrize(
    ("zone", "label"),
    [
        ("Asia/Jakarta", "WIB"),
        ("Asia/Pontianak", "WIB"),
        ("Asia/Makassar", "WITA"),
        ("Asia/Jayapura", "WIT"),
        ("Asia/Kolkata", "UTC+5.30"),
        ("America/Sao_Paulo", "UTC-3"),
    ],
)
def test_a_zone_reads_as_wib_wita_or_wit_alone(zone, label):
    assert zone_label(zone, datetime(2024, 11, 27, tzinfo=UTC)) == label


@pytest.mark.parametrize(("locale", "shown"), [("id", "08.12 WITA"), ("en", "08:12 WITA")])
def test_a_time_carries_the_zones_indonesian_name_in_every_language(locale, shown):
    """The zone keeps its Indonesian name; the time is written the language's way."""
    moment = datetime(2024, 11, 13, 0, 12, tzinfo=UTC).astimezone(ZoneInfo("Asia/Makassar"))
    assert translator(locale).clock_time(moment) == shown
