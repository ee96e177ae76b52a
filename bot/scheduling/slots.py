"""What is due at instant ``now``: the scheduled posts' maths, with no clock and no I/O.

Each group posts up to four things a day at local times of its own choosing
(``DEFAULT_TIMES`` unless changed): the report opening, a reminder, the daily
summary, and, on milestone days only, the countdown. A post's *slot* is its
local date and time in the group's zone, which makes one aware instant.

A slot that has passed and is not in ``done`` is *due* while it is at most
``GRACE`` old and *missed* after that. The caller sends the due ones, records
the missed ones (so each is logged once and never sent late), and adds both to
``done``. Keys in ``done`` use the group's *local date*, so a post already sent
stays sent when the group changes its zone later that day.

The scheduler calls ``plan_posts`` for every active group at once, so the hot
path caches the UTC instant of each (zone, date, time) it meets: most groups
share the three Indonesian zones and the default times, leaving a handful of
distinct conversions per call whatever the number of groups.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from types import MappingProxyType
from zoneinfo import ZoneInfo


class PostKind(StrEnum):
    LAPORAN = "laporan"  # the daily report opens
    PENGINGAT = "pengingat"  # reminder to liaisons who have not reported
    RINGKASAN = "ringkasan"  # the daily summary
    HITUNGMUNDUR = "hitungmundur"  # countdown, on milestone days only


DEFAULT_TIMES: Mapping[PostKind, time] = MappingProxyType(
    {
        PostKind.LAPORAN: time(7, 0),
        PostKind.PENGINGAT: time(12, 0),
        PostKind.RINGKASAN: time(17, 0),
        PostKind.HITUNGMUNDUR: time(7, 0),
    }
)
MILESTONES = frozenset({30, 14, 7, 3, 2, 1, 0})  # days before polling day
GRACE = timedelta(hours=2)

_ONE_DAY = timedelta(days=1)
_KINDS = tuple(PostKind)
_KIND_ORDER = {kind: index for index, kind in enumerate(_KINDS)}
_OFF_WORDS = frozenset({"mati", "off"})
_DEFAULT_LOCAL_TIMES = tuple(DEFAULT_TIMES[kind] for kind in _KINDS)
_NO_COUNTDOWN = (False, False)  # no countdown slot yesterday nor today
_POST_TIME = re.compile(r"^([0-9]{1,2})[:.]([0-9]{2})$")


@dataclass(frozen=True)
class GroupSchedule:
    chat_id: int
    time_zone: str
    times: Mapping[PostKind, time | None]  # None turns a post off; absent means its default
    polling_day: date | None

    def time_of(self, kind: PostKind) -> time | None:
        """The local time of ``kind``, or None when the group turned it off."""
        return self.times.get(kind, DEFAULT_TIMES[kind])


@dataclass(frozen=True)
class DuePost:
    chat_id: int
    kind: PostKind
    local_date: date
    scheduled_at: datetime  # aware, UTC

    @property
    def key(self) -> tuple[int, PostKind, date]:
        """What goes into ``done`` once this post is sent or recorded as missed."""
        return (self.chat_id, self.kind, self.local_date)


@dataclass(frozen=True)
class Plan:
    due: list[DuePost]
    missed: list[DuePost]


class _SlotClock:
    """Zone look-ups and slot instants for one call, memoised for the many groups sharing them."""

    def __init__(self, now: datetime) -> None:
        self.now = now
        self._zones: dict[str, ZoneInfo] = {}
        self._todays: dict[str, date] = {}
        self._instants: dict[tuple[str, date, time], datetime] = {}

    def zone(self, name: str) -> ZoneInfo:
        zone = self._zones.get(name)
        if zone is None:
            zone = self._zones[name] = ZoneInfo(name)
        return zone

    def today(self, zone_name: str) -> date:
        """The group's local date at ``now``."""
        today = self._todays.get(zone_name)
        if today is None:
            today = self._todays[zone_name] = self.now.astimezone(self.zone(zone_name)).date()
        return today

    def instant(self, zone_name: str, day: date, at: time) -> datetime:
        key = (zone_name, day, at)
        instant = self._instants.get(key)
        if instant is None:
            # fold=0: in a zone with daylight saving (none in Indonesia) a
            # repeated local time means its first occurrence, a skipped one
            # the instant just after the gap.
            local = datetime.combine(day, at, tzinfo=self.zone(zone_name))
            instant = self._instants[key] = local.astimezone(UTC)
        return instant


def _utc(now: datetime) -> datetime:
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be an aware datetime")
    return now.astimezone(UTC)


def _local_times(schedule: GroupSchedule) -> tuple[time | None, ...]:
    """The group's time for each kind, in ``PostKind`` order (None = off)."""
    times = schedule.times
    if not times:
        return _DEFAULT_LOCAL_TIMES
    return tuple(times.get(kind, DEFAULT_TIMES[kind]) for kind in _KINDS)


# A passed slot shared by every group with the same zone, times and milestone days:
# (kind, local date, instant, still within grace).
_PassedSlot = tuple[PostKind, date, datetime, bool]


def plan_posts(
    now: datetime,
    schedules: Iterable[GroupSchedule],
    done: Container[tuple[int, PostKind, date]],
) -> Plan:
    """Sorts the passed, unrecorded slots of each group's local yesterday and today.

    Due ones are at most ``GRACE`` old; missed ones are older. Yesterday
    counts too, so a 23.30 post is still sent by a bot that comes back at
    00.30; ``done`` therefore needs the keys of both local dates.
    """
    now = _utc(now)
    clock = _SlotClock(now)
    # Thousands of groups share a handful of (zone, times, milestone days)
    # combinations: their passed slots are worked out once per combination,
    # leaving only the ``done`` look-ups to do per group.
    passed_slots: dict[tuple, list[_PassedSlot]] = {}
    milestone_days: dict[tuple[date, date], tuple[bool, bool]] = {}
    due: list[tuple] = []
    missed: list[tuple] = []
    for schedule in schedules:
        zone_name = schedule.time_zone
        today = clock.today(zone_name)
        local_times = _local_times(schedule)
        polling_day = schedule.polling_day
        if polling_day is None:
            countdown_on = _NO_COUNTDOWN
        else:
            countdown_on = milestone_days.get((polling_day, today))
            if countdown_on is None:
                countdown_on = milestone_days[polling_day, today] = (
                    (polling_day - today).days + 1 in MILESTONES,
                    (polling_day - today).days in MILESTONES,
                )
        key = (zone_name, local_times, countdown_on)
        slots = passed_slots.get(key)
        if slots is None:
            slots = passed_slots[key] = _passed_slots(
                clock, zone_name, today, local_times, countdown_on
            )
        chat_id = schedule.chat_id
        for kind, day, scheduled_at, within_grace in slots:
            if (chat_id, kind, day) not in done:
                (due if within_grace else missed).append(
                    (scheduled_at, chat_id, _KIND_ORDER[kind], kind, day)
                )
    # Sorting plain tuples compares in C; the posts are built once in order.
    due.sort()
    missed.sort()
    return Plan(
        due=[DuePost(chat_id, kind, day, at) for at, chat_id, _, kind, day in due],
        missed=[DuePost(chat_id, kind, day, at) for at, chat_id, _, kind, day in missed],
    )


def _passed_slots(
    clock: _SlotClock,
    zone_name: str,
    today: date,
    local_times: tuple[time | None, ...],
    countdown_on: tuple[bool, bool],
) -> list[_PassedSlot]:
    oldest_due = clock.now - GRACE
    slots = []
    for kind, at in zip(_KINDS, local_times, strict=True):
        if at is None:
            continue
        for day, countdown in zip((today - _ONE_DAY, today), countdown_on, strict=True):
            if kind is PostKind.HITUNGMUNDUR and not countdown:
                continue
            scheduled_at = clock.instant(zone_name, day, at)
            if scheduled_at <= clock.now:
                slots.append((kind, day, scheduled_at, scheduled_at >= oldest_due))
    return slots


def next_wakeup(now: datetime, schedules: Iterable[GroupSchedule]) -> datetime | None:
    """The first instant after ``now`` at which any slot falls due (UTC), or None if none ever will.

    A scheduler sleeps until then, and must also wake when a group's settings change.
    """
    now = _utc(now)
    clock = _SlotClock(now)
    earliest_for: dict[tuple, datetime | None] = {}
    earliest: datetime | None = None
    for schedule in schedules:
        key = (schedule.time_zone, _local_times(schedule), schedule.polling_day)
        if key in earliest_for:
            continue
        instant = earliest_for[key] = _next_slot(clock, *key)
        if instant is not None and (earliest is None or instant < earliest):
            earliest = instant
    return earliest


def _next_slot(
    clock: _SlotClock,
    zone_name: str,
    local_times: tuple[time | None, ...],
    polling_day: date | None,
) -> datetime | None:
    today = clock.today(zone_name)
    earliest = None
    for kind, at in zip(_KINDS, local_times, strict=True):
        if at is None:
            continue
        if kind is not PostKind.HITUNGMUNDUR:
            days = [today, today + _ONE_DAY]
        elif polling_day is not None:
            days = sorted(polling_day - timedelta(days=before) for before in MILESTONES)
        else:
            days = []
        for day in days:
            instant = clock.instant(zone_name, day, at)
            if instant > clock.now:
                if earliest is None or instant < earliest:
                    earliest = instant
                break
    return earliest


def parse_post_time(text: str) -> time | None:
    """Reads a post time as admins type it: "17:00", "7:00" or "17.00"; "mati"/"off" turns it off.

    Raises ValueError for anything else ("25:00", "17", "abc").
    """
    cleaned = text.strip()
    if cleaned.casefold() in _OFF_WORDS:
        return None
    match = _POST_TIME.match(cleaned)
    if match is None:
        raise ValueError(f"not a time: {text!r}")
    hour, minute = int(match[1]), int(match[2])
    if hour > 23 or minute > 59:
        raise ValueError(f"not a time of day: {text!r}")
    return time(hour, minute)
