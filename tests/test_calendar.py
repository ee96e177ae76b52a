"""Dates as typed, a group's today in its zone, and the H-N countdown: pure logic."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.domain.countdown import Countdown, local_today
from bot.domain.dates import DateParseError, DateProblem, parse_date, split_leading_date

POLLING_DAY = date(2024, 11, 27)


@pytest.mark.parametrize(
    "typed",
    [
        "2024-11-27",
        "27-11-2024",
        "27/11/2024",
        "27 November 2024",
        "27 november 2024",
        "27 Nov 2024",
        "27 Nov. 2024",
        "  27   November   2024 ",
        "２７-１１-２０２４",  # full-width digits from a CJK keyboard
    ],
)
def test_accepted_forms(typed):
    assert parse_date(typed) == POLLING_DAY


def test_english_and_indonesian_month_names():
    assert parse_date("17 Agustus 2025") == date(2025, 8, 17)
    assert parse_date("17 August 2025") == date(2025, 8, 17)
    assert parse_date("1 Mei 2025") == date(2025, 5, 1)


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("besok", DateProblem.UNRECOGNISED),
        ("", DateProblem.UNRECOGNISED),
        ("27-11-24", DateProblem.UNRECOGNISED),
        ("2024/11/27", DateProblem.UNRECOGNISED),
        ("27 Novembr 2024", DateProblem.UNRECOGNISED),
        ("31-02-2025", DateProblem.IMPOSSIBLE),
        ("2025-13-01", DateProblem.IMPOSSIBLE),
        ("29/02/2025", DateProblem.IMPOSSIBLE),
        ("0-1-2025", DateProblem.IMPOSSIBLE),
        ("27-11-1945", DateProblem.OUT_OF_RANGE),
        ("27-11-2999", DateProblem.OUT_OF_RANGE),
        ("٢٧-١١-٢٠٢٤", DateProblem.UNRECOGNISED),  # Arabic-Indic digits: not a date we read
    ],
)
def test_rejected_forms_say_why(typed, problem):
    with pytest.raises(DateParseError) as raised:
        parse_date(typed)
    assert raised.value.problem is problem


def test_leap_day_is_a_date():
    assert parse_date("29-02-2028") == date(2028, 2, 29)


@pytest.mark.parametrize(
    ("typed", "rest"),
    [
        ("2024-11-27 Pilkada Serentak 2024", "Pilkada Serentak 2024"),
        ("27 November 2024 Pilkada Serentak 2024", "Pilkada Serentak 2024"),
        ("27/11/2024", ""),
    ],
)
def test_leading_date_is_split_from_the_election_name(typed, rest):
    assert split_leading_date(typed) == (POLLING_DAY, rest)


def test_worded_impossible_date_is_reported_as_impossible():
    with pytest.raises(DateParseError) as raised:
        split_leading_date("31 Februari 2025 PSU")
    assert raised.value.problem is DateProblem.IMPOSSIBLE


@pytest.mark.parametrize(
    ("instant", "zone", "today"),
    [
        # 16:59 UTC is 23:59 WIB, 00:59 WITA and 01:59 WIT on the next day
        (datetime(2024, 11, 26, 16, 59, tzinfo=UTC), "Asia/Jakarta", date(2024, 11, 26)),
        (datetime(2024, 11, 26, 16, 59, tzinfo=UTC), "Asia/Makassar", date(2024, 11, 27)),
        (datetime(2024, 11, 26, 16, 59, tzinfo=UTC), "Asia/Jayapura", date(2024, 11, 27)),
        (datetime(2024, 11, 26, 17, 0, tzinfo=UTC), "Asia/Jakarta", date(2024, 11, 27)),
        (datetime(2024, 11, 26, 14, 59, tzinfo=UTC), "Asia/Jayapura", date(2024, 11, 26)),
        (datetime(2024, 11, 26, 15, 0, tzinfo=UTC), "Asia/Jayapura", date(2024, 11, 27)),
    ],
)
def test_today_is_the_group_zones_date(instant, zone, today):
    assert local_today(instant, zone) == today


@pytest.mark.parametrize(
    ("today", "label", "quiet"),
    [
        (date(2024, 10, 28), "H-30", False),
        (date(2024, 11, 13), "H-14", False),
        (date(2024, 11, 23), "H-4", False),
        (date(2024, 11, 24), "H-3", True),
        (date(2024, 11, 26), "H-1", True),
        (date(2024, 11, 27), "Hari H", False),
        (date(2024, 11, 28), "H+1", False),
        (date(2024, 12, 7), "H+10", False),
    ],
)
def test_countdown_labels(today, label, quiet):
    countdown = Countdown.between(today, POLLING_DAY)
    assert countdown.label == label
    assert countdown.in_quiet_period is quiet
