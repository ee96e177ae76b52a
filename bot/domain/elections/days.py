"""The stage maths: what a day is in a group's election calendar, as a pure function.

A day's *stage* for a group at some level is the stage containing it that
started last among those the group follows (every stage without a level, and
the recapitulations at its level and below); on a tie the shorter one, which
makes polling day "pemungutan suara" rather than the count that starts the
same day. So a regency's forum is in "rekapitulasi tingkat kecamatan" on H+1
and in its own recapitulation from H+2, and a day after its recapitulation
falls back to the count as a whole (weekly reports) or to no stage at all.

Reports are expected on a day as its stage's rhythm says; a day in no stage
expects what the calendar says for such days (weekly before the end of the
calendar, nothing after it). A group without polling day has no calendar:
reports are expected every day, as before calendars existed.

Everything here is cached by (calendar, level, day): thousands of groups share
a handful of calendars, so the scheduler works each day out once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache

from bot.domain.countdown import Countdown
from bot.domain.elections.calendar import (
    DAILY,
    Correction,
    Deadline,
    GroupCalendar,
    Level,
    Phase,
    Rhythm,
    Stage,
    level_of_region,
)
from bot.domain.elections.loading import build_calendar
from bot.domain.forum import GroupSettings
from bot.domain.regions.levels import RegionLevel

# Countdown posts besides the calendar's milestones, in days before polling day.
COUNTDOWN_DAYS = frozenset({30, 14, 7})
# How far ahead the next report day is looked for.
_LOOK_AHEAD = 400


class MilestoneKind(StrEnum):
    STAGE_START = "start"
    STAGE_LAST = "last"  # the stage's last day
    DEADLINE = "deadline"
    COUNTDOWN = "countdown"  # H-30, H-14, H-7


@dataclass(frozen=True)
class Milestone:
    day: date
    kind: MilestoneKind
    stage: Stage | None = None
    deadline: Deadline | None = None
    announced: bool = False  # a post goes out on its morning

    @property
    def name(self) -> str:
        """The stage's or deadline's name (a catalog message); empty for a countdown."""
        if self.stage is not None:
            return self.stage.name
        return self.deadline.name if self.deadline is not None else ""


@dataclass(frozen=True)
class ElectionDay:
    """One local day of a group's election: its stage, whether reports are due, its milestones."""

    day: date
    polling_day: date | None
    stage: Stage | None
    phase: Phase
    rhythm: Rhythm
    posts: frozenset[str]  # extra post kinds of the day's stage
    milestones: tuple[Milestone, ...]  # announced by a post this morning

    @property
    def reports_expected(self) -> bool:
        return self.rhythm.expects(self.day)

    @property
    def countdown(self) -> Countdown | None:
        if self.polling_day is None:
            return None
        return Countdown.between(self.day, self.polling_day)

    @property
    def stage_id(self) -> str | None:
        return self.stage.id if self.stage is not None else None


def _no_calendar_day(day: date) -> ElectionDay:
    return ElectionDay(day, None, None, Phase.BEFORE, DAILY, frozenset(), ())


NO_CALENDAR = None  # what ``calendar_of`` gives a group without polling day


def calendar_of(group: GroupSettings) -> GroupCalendar | None:
    """The group's calendar and level; None until polling day is set."""
    return calendar_for(
        group.election_preset,
        group.polling_day,
        group.stage_corrections,
        group.region_name,
        group.region_level,
    )


def calendar_for(
    preset_id: str | None,
    polling_day: date | None,
    corrections: tuple[Correction, ...],
    region_name: str | None,
    region_level: RegionLevel | None = None,
) -> GroupCalendar | None:
    """A group's calendar from its stored settings; None without polling day.

    The level is the official one (``/wilayah`` by Kemendagri code) when the
    group has it; a group known by a free-text name only is read by its words.
    """
    if polling_day is None:
        return None
    # Both ladders start at the kecamatan.
    level = level_of_region(region_name) if region_level is None else Level(region_level.rank + 1)
    return _group_calendar(preset_id, polling_day, corrections, level)


@lru_cache(maxsize=4096)
def _group_calendar(
    preset_id: str | None,
    polling_day: date,
    corrections: tuple[Correction, ...],
    level: Level,
) -> GroupCalendar:
    return GroupCalendar(build_calendar(preset_id, polling_day, corrections), level)


def election_day(group: GroupSettings, day: date) -> ElectionDay:
    """What ``day`` (the group's local date) is in the group's election."""
    return day_of(calendar_of(group), day)


@lru_cache(maxsize=16384)
def day_of(calendar: GroupCalendar | None, day: date) -> ElectionDay:
    """What ``day`` is in ``calendar`` for the calendar's level (None: no calendar)."""
    if calendar is None:
        return _no_calendar_day(day)
    election = calendar.calendar
    stage = stage_on(calendar, day)
    if stage is not None:
        rhythm = stage.rhythm_on(day, election.polling_day)
    elif day <= election.last_day:
        rhythm = election.reports_outside
    else:
        rhythm = election.reports_after
    return ElectionDay(
        day=day,
        polling_day=election.polling_day,
        stage=stage,
        phase=Phase.of(day, election.polling_day),
        rhythm=rhythm,
        posts=stage.posts if stage is not None else frozenset(),
        milestones=tuple(m for m in _milestones(calendar) if m.day == day and m.announced),
    )


def stage_on(calendar: GroupCalendar, day: date) -> Stage | None:
    """The stage ``day`` is in for the calendar's level (see the module's docstring)."""
    best: Stage | None = None
    for stage in calendar.calendar.stages:
        if not stage.contains(day) or not _followed(stage, calendar.level):
            continue
        if best is None or (stage.first, -stage.length) > (best.first, -best.length):
            best = stage
    return best


def _followed(stage: Stage, level: Level) -> bool:
    """A group follows every stage without a level, and recapitulations up to its own level."""
    return stage.level is None or stage.level <= level


@lru_cache(maxsize=1024)
def _milestones(calendar: GroupCalendar) -> tuple[Milestone, ...]:
    """Every milestone of the calendar for its level, in date order.

    A stage's start when it becomes the group's stage (a regency's forum sees
    the kecamatan recapitulation begin), its last day when it is the group's
    stage then (unless another stage begins the next day, which says as
    much), the deadlines and the countdown days. Which of them get a post on their
    morning is ``announced``: a recapitulation's edges only at the group's own
    level.
    """
    election, level = calendar.calendar, calendar.level
    found: list[Milestone] = []
    for stage in election.stages:
        if not _followed(stage, level):
            continue
        own = stage.level is None or stage.level == level
        # A stage that never becomes the group's own on its edges (the count,
        # which starts on polling day; a district recapitulation's end, inside
        # the regency's own) is no milestone of the group's.
        becomes_own = stage_on(calendar, stage.first) == stage
        announced_start = own and "start" in stage.announce
        if becomes_own or announced_start:
            found.append(
                Milestone(
                    stage.first, MilestoneKind.STAGE_START, stage=stage, announced=announced_start
                )
            )
        announced_last = own and "last" in stage.announce
        ends_own = stage_on(calendar, stage.last) == stage and not _followed_by_next_day(
            election.stages, stage, level
        )
        if stage.last != stage.first and (announced_last or ends_own):
            found.append(
                Milestone(
                    stage.last, MilestoneKind.STAGE_LAST, stage=stage, announced=announced_last
                )
            )
    found += [
        Milestone(d.day, MilestoneKind.DEADLINE, deadline=d, announced=d.announce)
        for d in election.deadlines
    ]
    found += [
        Milestone(
            election.polling_day - timedelta(days=days), MilestoneKind.COUNTDOWN, announced=True
        )
        for days in sorted(COUNTDOWN_DAYS, reverse=True)
    ]
    order = {kind: index for index, kind in enumerate(MilestoneKind)}
    found.sort(key=lambda m: (m.day, order[m.kind]))
    return tuple(found)


def _followed_by_next_day(stages: tuple[Stage, ...], stage: Stage, level: Level) -> bool:
    following = stage.last + timedelta(days=1)
    return any(other.first == following and _followed(other, level) for other in stages)


def upcoming_milestones(
    calendar: GroupCalendar, after: date, count: int = 3
) -> tuple[Milestone, ...]:
    """The next ``count`` milestones after ``after`` (countdown posts left out)."""
    return tuple(
        m for m in _milestones(calendar) if m.day > after and m.kind is not MilestoneKind.COUNTDOWN
    )[:count]


def next_report_day(calendar: GroupCalendar | None, after: date) -> date | None:
    """The first day after ``after`` on which reports are expected; None when none comes."""
    if calendar is None:
        return after + timedelta(days=1)
    last = max(calendar.calendar.last_day, after) + timedelta(days=7)
    day = after + timedelta(days=1)
    for _ in range(_LOOK_AHEAD):
        if day > last:
            return None
        if day_of(calendar, day).reports_expected:
            return day
        day += timedelta(days=1)
    return None
