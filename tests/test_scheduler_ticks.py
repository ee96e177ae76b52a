"""When the scheduler ticks, and what the database connection is opened with."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.scheduling.ticks import next_tick_after
from bot.storage.db import connection_url


def at(hour: int, minute: int, second: int, microsecond: int = 0) -> datetime:
    return datetime(2024, 11, 13, hour, minute, second, microsecond, tzinfo=UTC)


@pytest.mark.parametrize(
    ("now", "tick"),
    [
        (at(9, 59, 40, 1), at(10, 0, 0)),  # a summary due at 10.00 goes out at 10.00:00
        (at(9, 59, 59, 999999), at(10, 0, 0)),
        (at(10, 0, 0), at(10, 0, 20)),  # strictly after
        (at(10, 0, 0, 1), at(10, 0, 20)),
        (at(10, 0, 20), at(10, 0, 40)),
        (at(23, 59, 41), at(0, 0, 0).replace(day=14)),
    ],
)
def test_ticks_fall_on_the_minutes_20_second_grid(now, tick):
    assert next_tick_after(now) == tick


def test_sqlite_syncs_at_checkpoints_unless_the_url_says_otherwise():
    assert connection_url("sqlite://data/posko.sqlite3") == (
        "sqlite://data/posko.sqlite3?synchronous=NORMAL"
    )
    assert connection_url("sqlite:///srv/posko.sqlite3?synchronous=FULL") == (
        "sqlite:///srv/posko.sqlite3?synchronous=FULL"
    )
    assert connection_url("sqlite://x.db?journal_mode=WAL") == (
        "sqlite://x.db?journal_mode=WAL&synchronous=NORMAL"
    )
    assert connection_url("postgresql://u@h:5432/posko") == "postgres://u@h:5432/posko"
