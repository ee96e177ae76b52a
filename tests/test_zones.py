"""Zone names as admins type them."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.domain.zones import UnknownZone, parse_zone, zone_label


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
        ("Asia/Jakarta", "Asia/Jakarta (WIB)"),
        ("Asia/Makassar", "Asia/Makassar (WITA)"),
        ("Asia/Jayapura", "Asia/Jayapura (WIT)"),
    ],
)
def test_babel_names_the_indonesian_zones(zone, label):
    assert zone_label(zone, "id", datetime(2024, 11, 27, tzinfo=UTC)) == label
