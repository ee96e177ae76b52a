"""What is due at instant ``now``: the scheduled posts' maths, with no clock and no I/O.

Each group posts the kinds of ``post_kinds.POST_KINDS`` at local times of its
own choosing (each kind's default unless changed), on the days each kind runs:
its election calendar decides (``bot.domain.elections``: reports on the days
the stage expects them, polling day's extra round, the milestone days). A post's *slot* is its local
date and time in the group's zone, which makes one aware instant.

A slot that has passed and is not settled in ``done`` is *due* while it is at
most ``GRACE`` old and *missed* after that. The caller sends the due ones,
records the missed ones (so each is logged once and never sent late), and
adds both to ``done``. Keys in ``done`` use the group's *local date*, so a
post already sent stays sent when the group changes its zone later that day.

Four things make a slot not count at all:

- it falls before the group was registered (or re-activated after the bot was
  added back): a group added at 20.38 has no 17.00 summary to miss today, nor
  any post yesterday;
- it falls inside a pause of the group (``/jeda``): neither sent nor missed;
- its day is a national holiday the group skips (``/libur nasional ya``),
  other than its polling day (``bot.domain.days_off``);
- the record settles it: sent, being sent or not needed that day. A post
  recorded as *missed* was never delivered, so it settles only slots at or
  before the instant it was missed at: when an admin moves it later, the new
  slot is due again (and is claimed by turning the missed record into a send).

The scheduler calls ``plan_posts`` for the groups with a slot due (and for
every group at start), so the hot path caches the UTC instant of each (zone,
date, time) it meets and the days of each calendar: most groups share the
three Indonesian zones, the default times and a few calendars, leaving a
handful of distinct conversions per call whatever the number of groups.
``next_slot_after`` tells the scheduler when a group next needs a look.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import Enum
from zoneinfo import ZoneInfo

from bot.domain.days_off import PauseSpan, is_skipped_holiday
from bot.domain.elections import GroupCalendar, calendar_of, day_of
from bot.domain.forum import GroupSettings
from bot.domain.regions import RegionLevel
from bot.scheduling.post_kinds import POST_KINDS, PostKind

GRACE = timedelta(hours=2)

_ONE_DAY = timedelta(days=1)
_KINDS = tuple(POST_KINDS)  # registry order: the order of posts due in the same minute
_KIND_ORDER = {kind: index for index, kind in enumerate(_KINDS)}
_OFF_WORDS = frozenset({"mati", "off"})
_DEFAULT_LOCAL_TIMES = tuple(POST_KINDS[kind].default_time for kind in _KINDS)
_POST_TIME = re.compile(r"^([0-9]{1,2})[:.]([0-9]{2})$")

DEFAULT_TIMES: Mapping[PostKind, time | None] = {
    kind: spec.default_time for kind, spec in POST_KINDS.items()
}

PostKey = tuple[int, PostKind, date]  # chat id, kind, local date
# What the record says of a key: None when the day's post is settled (sent,
# being sent, not needed), or the slot instant at which it was found missed.
# A plain set of keys reads as all of them settled.
Done = Mapping[PostKey, datetime | None] | AbstractSet[PostKey]
_ABSENT = object()


@dataclass(frozen=True)
class GroupSchedule:
    chat_id: int
    time_zone: str
    times: Mapping[PostKind, time | None]  # None turns a post off; absent means its default
    calendar: GroupCalendar | None  # None until polling day is set: reports every day
    active_since: datetime | None = None  # registered or re-activated then (None: long ago)
    # Pauses that may cover the slots planned (those running on the last two days).
    pauses: tuple[PauseSpan, ...] = ()
    skip_holidays: bool = False  # national holidays are days off (never the polling day)
    # Kinds an admin made weekly (the brief: "/jadwal brief Senin 08.00"): the ISO
    # weekday (1 = Monday) each goes out on; a kind left out goes out daily.
    weekdays: Mapping[PostKind, int] = field(default_factory=dict)

    def time_of(self, kind: PostKind) -> time | None:
        """The local time of ``kind``, or None when the group turned it off.

        A kind the group left alone that follows another (the milestones follow
        the morning post) goes out at that one's time, or its default when that
        one is off.
        """
        if kind in self.times:
            return self.times[kind]
        spec = POST_KINDS[kind]
        if spec.follows is not None:
            followed = self.times.get(spec.follows, POST_KINDS[spec.follows].default_time)
            if followed is not None:
                return followed
        return spec.default_time


def summary_time_with_rollup(level: RegionLevel | None) -> time:
    """The default summary time of a group with groups below: its rollup waits for theirs.

    One hour after the default summary time of the level below, all the way
    down: a kecamatan posts at 17.00, so a kabupaten/kota with kecamatan below
    posts at 18.00, a province at 19.00 and a national group at 20.00, each
    in its own zone. Every region's own summary is then in when the rollup
    goes out, however deep the tree below.
    """
    base = POST_KINDS[PostKind.RINGKASAN].default_time
    assert base is not None  # the summary is on by default
    levels_below = level.rank if level is not None else RegionLevel.KABUPATEN_KOTA.rank
    return time(min(base.hour + levels_below, 23), base.minute)


def schedule_of(group: GroupSettings, pauses: tuple[PauseSpan, ...] = ()) -> GroupSchedule:
    """The group's schedule from its stored settings and its recent ``pauses``; unknown
    kinds and bad times are ignored.

    A group with groups linked below it has its summary later by default
    (``summary_time_with_rollup``) unless an admin set its time.
    """
    times: dict[PostKind, time | None] = {}
    if group.has_groups_below:
        times[PostKind.RINGKASAN] = summary_time_with_rollup(group.region_level)
    weekdays: dict[PostKind, int] = {}
    for name, value in group.post_times.items():
        if name in POST_KINDS:
            weekday, at = stored_post_time(value)
            times[PostKind(name)] = at
            if weekday is not None:
                weekdays[PostKind(name)] = weekday
    return GroupSchedule(
        chat_id=group.chat_id,
        time_zone=group.time_zone,
        times=times,
        calendar=calendar_of(group),
        active_since=group.active_since,
        pauses=pauses,
        skip_holidays=group.skip_holidays,
        weekdays=weekdays,
    )


def stored_post_time(value: str | None) -> tuple[int | None, time | None]:
    """A stored post time: "17:00", or "1 08:00" for a weekly one (ISO weekday, then time)."""
    if not value:
        return None, None
    weekday, _, at = value.rpartition(" ")
    return (int(weekday) if weekday else None), time.fromisoformat(at)


def post_time_value(at: time | None, weekday: int | None = None) -> str | None:
    """What ``stored_post_time`` reads back."""
    if at is None:
        return None
    return f"{weekday} {at:%H:%M}" if weekday is not None else f"{at:%H:%M}"


def _weekdays(schedule: GroupSchedule) -> tuple[int | None, ...]:
    """The weekday of each kind in registry order (None: daily); () when all are daily."""
    if not schedule.weekdays:
        return ()
    return tuple(schedule.weekdays.get(kind) for kind in _KINDS)


@dataclass(frozen=True)
class DuePost:
    chat_id: int
    kind: PostKind
    local_date: date
    scheduled_at: datetime  # aware, UTC
    # The record holds this day's post as missed at an earlier slot (the time
    # was moved since): it is claimed by turning that record into a send.
    was_missed: bool = False

    @property
    def key(self) -> PostKey:
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
    """The group's time for each kind, in registry order (None = off)."""
    if not schedule.times:
        return _DEFAULT_LOCAL_TIMES
    return tuple(schedule.time_of(kind) for kind in _KINDS)


def _runs_on(
    calendar: GroupCalendar | None,
    days: tuple[date, ...],
    skip_holidays: bool,
    weekdays: tuple[int | None, ...] = (),
) -> tuple[bool, ...]:
    """For each kind, whether it has a slot on each of ``days`` (kind-major): the
    calendar's rhythm says, a national holiday the group skips has none, and a
    weekly kind runs on its weekday only."""
    polling_day = calendar.calendar.polling_day if calendar is not None else None
    open_days = [not (skip_holidays and is_skipped_holiday(day, polling_day)) for day in days]
    elections = [day_of(calendar, day) for day in days]
    weekly = weekdays or (None,) * len(_KINDS)
    return tuple(
        is_open
        and (weekday is None or day.isoweekday() == weekday)
        and POST_KINDS[kind].runs_on(election)
        for kind, weekday in zip(_KINDS, weekly, strict=True)
        for day, is_open, election in zip(days, open_days, elections, strict=True)
    )


# A passed slot shared by every group with the same zone, times and days:
# (kind, local date, instant, still within grace).
_PassedSlot = tuple[PostKind, date, datetime, bool]


def plan_posts(now: datetime, schedules: Iterable[GroupSchedule], done: Done) -> Plan:
    """Sorts the passed, unsettled slots of each group's local yesterday and today.

    Due ones are at most ``GRACE`` old; missed ones are older. Yesterday
    counts too, so a 23.30 post is still sent by a bot that comes back at
    00.30; ``done`` therefore needs the keys of both local dates.
    """
    now = _utc(now)
    clock = _SlotClock(now)
    if not isinstance(done, Mapping):
        done = dict.fromkeys(done)
    # Thousands of groups share a handful of (zone, times, days) combinations:
    # their passed slots are worked out once per combination, leaving only the
    # ``done`` look-ups to do per group.
    passed_slots: dict[tuple, list[_PassedSlot]] = {}
    days_run: dict[tuple, tuple[bool, ...]] = {}
    due: list[tuple] = []
    missed: list[tuple] = []
    for schedule in schedules:
        zone_name = schedule.time_zone
        today = clock.today(zone_name)
        local_times = _local_times(schedule)
        weekdays = _weekdays(schedule)
        days_key = (schedule.calendar, today, schedule.skip_holidays, weekdays)
        runs = days_run.get(days_key)
        if runs is None:
            runs = days_run[days_key] = _runs_on(
                schedule.calendar, (today - _ONE_DAY, today), schedule.skip_holidays, weekdays
            )
        key = (zone_name, local_times, runs)
        slots = passed_slots.get(key)
        if slots is None:
            slots = passed_slots[key] = _passed_slots(clock, zone_name, today, local_times, runs)
        chat_id = schedule.chat_id
        active_since = schedule.active_since
        pauses = schedule.pauses
        for kind, day, scheduled_at, within_grace in slots:
            if active_since is not None and scheduled_at < active_since:
                continue  # the group was not there yet
            if pauses and any(pause.covers(scheduled_at) for pause in pauses):
                continue  # the group paused its work
            record = done.get((chat_id, kind, day), _ABSENT)
            if record is None:
                continue  # settled for the day
            was_missed = record is not _ABSENT
            if was_missed and scheduled_at <= record:  # type: ignore[operator]
                continue  # the slot that was missed, or an earlier one
            (due if within_grace else missed).append(
                (scheduled_at, chat_id, _KIND_ORDER[kind], kind, day, was_missed)
            )
    # Sorting plain tuples compares in C; the posts are built once in order.
    due.sort()
    missed.sort()
    return Plan(
        due=[DuePost(chat_id, kind, day, at, was) for at, chat_id, _, kind, day, was in due],
        missed=[DuePost(chat_id, kind, day, at, was) for at, chat_id, _, kind, day, was in missed],
    )


def _passed_slots(
    clock: _SlotClock,
    zone_name: str,
    today: date,
    local_times: tuple[time | None, ...],
    runs: tuple[bool, ...],
) -> list[_PassedSlot]:
    oldest_due = clock.now - GRACE
    slots = []
    for index, (kind, at) in enumerate(zip(_KINDS, local_times, strict=True)):
        if at is None:
            continue
        for offset, day in enumerate((today - _ONE_DAY, today)):
            if not runs[2 * index + offset]:
                continue
            scheduled_at = clock.instant(zone_name, day, at)
            if scheduled_at <= clock.now:
                slots.append((kind, day, scheduled_at, scheduled_at >= oldest_due))
    return slots


# How far ahead ``next_slot_after`` looks: today and tomorrow. A group with no
# slot in either (a weekly stage, a weekly brief) is looked at again on the day after.
_LOOK_AHEAD_DAYS = 2


def next_slot_after(now: datetime, schedule: GroupSchedule) -> datetime:
    """When the group next has a slot after ``now``: the scheduler needs it no earlier.

    The first slot of its local today or tomorrow after ``now``; without one,
    the start of the day after tomorrow, when it is looked at again.
    """
    now = _utc(now)
    clock = _SlotClock(now)
    return _next_slot(clock, schedule, _local_times(schedule))


def next_slots_after(now: datetime, schedules: Iterable[GroupSchedule]) -> list[datetime]:
    """``next_slot_after`` for many groups, sharing the work of those alike."""
    now = _utc(now)
    clock = _SlotClock(now)
    cache: dict[tuple, datetime] = {}
    found = []
    for schedule in schedules:
        local_times = _local_times(schedule)
        key = (
            schedule.time_zone,
            local_times,
            schedule.calendar,
            schedule.skip_holidays,
            _weekdays(schedule),
        )
        at = cache.get(key)
        if at is None:
            at = cache[key] = _next_slot(clock, schedule, local_times)
        found.append(at)
    return found


def _next_slot(
    clock: _SlotClock, schedule: GroupSchedule, local_times: tuple[time | None, ...]
) -> datetime:
    zone_name = schedule.time_zone
    today = clock.today(zone_name)
    days = tuple(today + timedelta(days=offset) for offset in range(_LOOK_AHEAD_DAYS))
    runs = _runs_on(schedule.calendar, days, schedule.skip_holidays, _weekdays(schedule))
    best: datetime | None = None
    for index, at in enumerate(local_times):
        if at is None:
            continue
        for offset, day in enumerate(days):
            if not runs[index * len(days) + offset]:
                continue
            instant = clock.instant(zone_name, day, at)
            if instant > clock.now and (best is None or instant < best):
                best = instant
                break  # a later day of the same kind is later still
    if best is not None:
        return best
    return clock.instant(zone_name, today + timedelta(days=_LOOK_AHEAD_DAYS), time(0, 0))


class NewTime(Enum):
    """When a post whose time was just changed next goes out."""

    TODAY = "today"  # its new slot is later today
    AT_ONCE = "at_once"  # its new slot has just passed (within grace): the next tick sends it
    TOMORROW = "tomorrow"  # today's slot is gone (long past, before the group joined, missed)
    # The kind does not run today: the countdown off a milestone, a skipped
    # holiday, or a pause covering the new slot.
    NOT_TODAY = "not_today"


def when_new_time_applies(
    now: datetime, schedule: GroupSchedule, kind: PostKind, missed_at: datetime | None = None
) -> NewTime:
    """Where today's post of ``kind`` stands after its time changed (it must be on, not sent).

    ``missed_at`` is the slot the record says today's post was missed at, if it was.
    """
    now = _utc(now)
    at = schedule.time_of(kind)
    clock = _SlotClock(now)
    today = clock.today(schedule.time_zone)
    runs = _runs_on(schedule.calendar, (today,), schedule.skip_holidays, _weekdays(schedule))
    if at is None or not runs[_KIND_ORDER[kind]]:
        return NewTime.NOT_TODAY
    slot = clock.instant(schedule.time_zone, today, at)
    if any(pause.covers(slot) for pause in schedule.pauses):
        return NewTime.NOT_TODAY
    if (schedule.active_since is not None and slot < schedule.active_since) or (
        missed_at is not None and slot <= missed_at
    ):
        return NewTime.TOMORROW
    if slot > now:
        return NewTime.TODAY
    return NewTime.AT_ONCE if slot >= now - GRACE else NewTime.TOMORROW


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
