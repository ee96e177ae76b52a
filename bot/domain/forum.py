"""The forum as the bot knows it: a group's settings, a liaison to mention, a submitted report.

Plain, frozen records: the services build them from the database and the
renderers in ``bot.texts`` read them, so neither needs the other.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time

from bot.domain.agencies import EXPECTED_BY_DEFAULT, Agency
from bot.domain.regions.levels import RegionLevel
from bot.domain.reporting_days import DEFAULT_LATE_CUTOFF

Answer = int | str | None  # as stored: see bot.domain.forms.engine.FormProgress


@dataclass(frozen=True)
class GroupSettings:
    chat_id: int
    title: str
    region_name: str | None
    time_zone: str
    locale: str
    election_name: str | None
    polling_day: date | None
    active: bool
    # Scheduled post kind -> "HH:MM" or None (off); kinds left out keep their default.
    post_times: Mapping[str, str | None] = field(default_factory=dict)
    # When the bot was added (or added back): no scheduled post is due before it.
    # None for groups registered before this was recorded.
    active_since: datetime | None = None
    # The agencies expected to report every day, as the admins chose.
    expected: frozenset[Agency] = EXPECTED_BY_DEFAULT
    # Kemendagri's dotted code ("64.08"); None for the national level and for a
    # group known by a free-text name only (set up before codes existed).
    region_code: str | None = None
    region_level: RegionLevel | None = None  # None until a code (or "nasional") is given
    # An approved link from a group below whose bot is still there: the group
    # then gets the regional rollup in its summary, at a later default time.
    has_groups_below: bool = False
    # Until this local time yesterday's report may still be sent, late (00:00: never).
    late_cutoff: time = DEFAULT_LATE_CUTOFF
    # National holidays and cuti bersama are days off (never the polling day).
    skip_holidays: bool = False
    # The election calendar (bot.domain.elections): a preset's id, or None for
    # the template around polling day; and the region's corrections to its
    # stages, (stage id, first day, last day) sorted by stage id.
    election_preset: str | None = None
    stage_corrections: tuple[tuple[str, date, date], ...] = ()

    @property
    def missing(self) -> list[str]:
        """Which settings still need an admin: ``region`` and/or ``polling_day``."""
        missing = []
        if not self.region_name:
            missing.append("region")
        if not self.polling_day:
            missing.append("polling_day")
        return missing


@dataclass(frozen=True)
class Liaison:
    """A liaison as a post mentions them."""

    user_id: int
    name: str
    agency: Agency


@dataclass(frozen=True)
class LeaveNotice:
    """A liaison on leave, named (not mentioned) where they would have been reminded."""

    liaison: Liaison
    until: date  # the last day of the leave


@dataclass(frozen=True)
class SubmittedReport:
    """An agency's report as the summary reads it."""

    agency: Agency
    unit_name: str
    liaison_name: str
    submitted_at: datetime  # aware: when the day's report was first sent
    answers: Mapping[str, Answer]  # as last corrected
    late: bool = False  # first sent after its day had ended
    corrected_at: datetime | None = None  # when the answers shown were sent, if corrected
