"""The incident pieces that need no bot: the categories file, the clock, the caption's length."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from bot.domain.agencies import Agency
from bot.domain.incidents import (
    Incident,
    IncidentsFileError,
    IncidentStatus,
    Location,
    Reporter,
    Urgency,
    load_incident_categories,
)
from bot.domain.incidents.engine import ProblemCode, occurred_at
from bot.texts.i18n import translator
from bot.texts.incidents import CAPTION_LIMIT, post_text
from tests.support.botapi import parse_html, utf16_length

NOW = datetime(2024, 11, 13, 2, 0, tzinfo=UTC)  # 09.00 WIB


def test_the_shipped_categories_are_the_issues_nine():
    categories = load_incident_categories()
    assert [c.label for c in categories] == [
        "Gangguan keamanan/konflik",
        "Politik uang",
        "Hoaks dan ujaran kebencian",
        "Kampanye hitam",
        "Netralitas ASN/TNI/Polri",
        "Logistik rusak",
        "Logistik kurang atau terlambat",
        "Bencana alam",
        "Lainnya",
    ]
    assert categories.label_of("dihapus") == "dihapus"  # a removed category keeps its value


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"version": 2, "categories": []}, "'version' must be 1"),
        ({"version": 1, "categories": []}, "'categories' must be a non-empty JSON list"),
        ({"version": 1, "categories": [{"value": "Uang", "label": "x"}]}, "must match"),
        ({"version": 1, "categories": [{"value": "a"}]}, "missing ['label']"),
        (
            {
                "version": 1,
                "categories": [{"value": "a", "label": "A"}, {"value": "b", "label": "a"}],
            },
            "already used by category 'a'",
        ),
        ({"version": 1, "categories": [{"value": "a", "label": "x" * 41}]}, "longer than 40"),
        ({"version": 1, "categories": [{"value": "a", "label": "A", "warna": 1}]}, "unexpected"),
    ],
)
def test_a_bad_categories_file_is_refused_with_the_place(tmp_path, data, message):
    path = tmp_path / "incidents.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(IncidentsFileError) as caught:
        load_incident_categories(path)
    assert message in str(caught.value) and str(path) in str(caught.value)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("08.30", datetime(2024, 11, 13, 1, 30, tzinfo=UTC)),
        ("8:30", datetime(2024, 11, 13, 1, 30, tzinfo=UTC)),
        ("pukul 09.30 WITA", datetime(2024, 11, 13, 1, 30, tzinfo=UTC)),
        ("sekarang", NOW),
        ("００.１５", datetime(2024, 11, 12, 17, 15, tzinfo=UTC)),  # full-width digits
        ("09.04", datetime(2024, 11, 13, 2, 4, tzinfo=UTC)),  # a phone's clock a little ahead
        ("10.00", ProblemCode.TIME_IN_FUTURE),
        ("24.00", ProblemCode.TIME_UNREADABLE),
        ("08.30 GMT", ProblemCode.TIME_UNREADABLE),
        ("besok", ProblemCode.TIME_UNREADABLE),
    ],
)
def test_a_typed_time_is_today_in_the_groups_zone(typed, expected):
    result = occurred_at(typed, NOW, "Asia/Jakarta")
    assert (result if isinstance(result, datetime) else result.code) == expected


def test_locations_outside_indonesia_are_told_apart():
    assert Location(0.5, 117.5).in_indonesia and Location(-8.5, 140.4).in_indonesia
    assert not Location(48.85, 2.35).in_indonesia and not Location(1.35, 103.8 - 10).in_indonesia
    with pytest.raises(ValueError):
        Location(91, 0)


def test_the_post_fits_a_caption_whatever_was_typed():
    longest = "🗳" * 60
    incident = Incident(
        id=1,
        chat_id=-1,
        number=9999,
        year=2024,
        category="netralitas",
        urgency=Urgency.URGENT,
        kecamatan=longest,
        desa=longest,
        location=Location(48.85, 2.35),
        occurred_at=NOW,
        reported_at=NOW,
        description="💥" * 500,
        reporter=Reporter(1, "N" * 128, Agency.KEJAKSAAN, "U" * 100),
        photos=(),
        status=IncidentStatus.NEW,
        status_at=NOW,
        message_id=None,
    )
    text = post_text(translator("id"), load_incident_categories(), incident, "Asia/Makassar")
    shown = parse_html(text)
    assert utf16_length(shown) <= CAPTION_LIMIT
    assert shown.endswith("…") and "di luar wilayah Indonesia" in shown
