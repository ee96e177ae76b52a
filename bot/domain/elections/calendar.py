"""The calendar's records: stages, report rhythms, deadlines, and the levels of government.

Plain frozen values. A calendar is identified by where it comes from (a
preset's id, or the relative template), its polling day and a region's
corrections: two groups with the same three share one calendar, which is what
lets the scheduler work out a day once for thousands of groups.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import IntEnum, StrEnum

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


class Level(IntEnum):
    """A forum's level of government, lowest first; a recapitulation runs at each in turn."""

    KECAMATAN = 1
    KABKOTA = 2
    PROVINSI = 3
    NASIONAL = 4

    @property
    def key(self) -> str:
        """How the calendar data names it: ``kecamatan``, ``kabkota``, ``provinsi``..."""
        return self.name.lower()

    @classmethod
    def from_key(cls, key: str) -> Level:
        return cls[key.upper()]


# Region names as /wilayah stores them ("Kabupaten Kutai Timur", "Provinsi
# Kalimantan Timur", "Kecamatan Sangatta Utara"): the first word says the
# level. Papua's districts are "distrik". Anything else is read as a regency
# or city, the level of most Forkopimda groups. A group's official code
# (Kemendagri), once stored, should decide this instead.
_LEVEL_WORDS = {
    "provinsi": Level.PROVINSI,
    "prov.": Level.PROVINSI,
    "kecamatan": Level.KECAMATAN,
    "distrik": Level.KECAMATAN,
    "nasional": Level.NASIONAL,
}


def level_of_region(region_name: str | None) -> Level:
    """The level a region's name says (default: kabupaten/kota)."""
    words = (region_name or "").casefold().split()
    if not words:
        return Level.KABKOTA
    if words[0] in _LEVEL_WORDS:
        return _LEVEL_WORDS[words[0]]
    if "nasional" in words:
        return Level.NASIONAL
    return Level.KABKOTA


class Phase(StrEnum):
    """Where a day stands against polling day; the forms data may name these like stages."""

    BEFORE = "sebelum_hari_h"
    POLLING_DAY = "hari_h"
    AFTER = "setelah_hari_h"

    @classmethod
    def of(cls, day: date, polling_day: date) -> Phase:
        if day < polling_day:
            return cls.BEFORE
        return cls.POLLING_DAY if day == polling_day else cls.AFTER


PHASES = frozenset(phase.value for phase in Phase)


class RhythmKind(StrEnum):
    DAILY = "daily"
    WEEKDAYS = "weekdays"  # Monday to Friday
    WEEKLY = "weekly"  # on one weekday
    NONE = "none"


@dataclass(frozen=True)
class Rhythm:
    """The days reports are expected: ``daily``, ``weekdays``, ``weekly:monday``, ``none``."""

    kind: RhythmKind
    weekday: int | None = None  # 0 = Monday, for WEEKLY

    @classmethod
    def parse(cls, text: str) -> Rhythm:
        """Reads the data's form; ``ValueError`` for anything else."""
        kind, _, day = text.partition(":")
        if kind == RhythmKind.WEEKLY:
            if day not in WEEKDAYS:
                raise ValueError(f"weekly needs a weekday ({', '.join(WEEKDAYS)}): {text!r}")
            return cls(RhythmKind.WEEKLY, WEEKDAYS.index(day))
        if day or kind not in {k.value for k in RhythmKind}:
            raise ValueError(f"not a report rhythm: {text!r}")
        return cls(RhythmKind(kind))

    def expects(self, day: date) -> bool:
        if self.kind is RhythmKind.DAILY:
            return True
        if self.kind is RhythmKind.WEEKDAYS:
            return day.weekday() < 5
        if self.kind is RhythmKind.WEEKLY:
            return day.weekday() == self.weekday
        return False


DAILY = Rhythm(RhythmKind.DAILY)


@dataclass(frozen=True)
class Source:
    """Where dates come from: ``short`` is what users read ("PKPU 2/2024")."""

    id: str
    short: str
    title: str
    checked: str  # the second source it was checked against, or why it could not be


@dataclass(frozen=True)
class Stage:
    """A stage of the election as the bot follows it.

    ``reports`` says on which days reports are expected; ``reports_from``
    changes that from some days before polling day on (the campaign's weekly
    reports turn daily from H-30). ``level`` is set for a recapitulation: it
    is the group's own stage only for groups at that level or above.
    ``parallel`` stages (the count, the recapitulations) run alongside others;
    the rest follow one another and may not overlap. ``announce`` says which
    of its edges get a milestone post (``start``, ``last`` day); ``posts``
    names the extra scheduled posts of its days (the polling-day round).
    """

    id: str
    name: str  # an Indonesian catalog message ("masa tenang")
    first: date
    last: date
    sources: tuple[str, ...]
    reports: Rhythm
    posts: frozenset[str] = frozenset()
    reports_from: tuple[int, Rhythm] | None = None  # (days before polling day, rhythm)
    level: Level | None = None
    parallel: bool = False
    announce: frozenset[str] = frozenset()
    corrected: bool = False  # the region's admins changed its dates

    def contains(self, day: date) -> bool:
        return self.first <= day <= self.last

    def rhythm_on(self, day: date, polling_day: date) -> Rhythm:
        """The report rhythm of ``day`` in this stage."""
        if self.reports_from is not None:
            days_before, rhythm = self.reports_from
            if (polling_day - day).days <= days_before:
                return rhythm
        return self.reports

    @property
    def length(self) -> int:
        return (self.last - self.first).days + 1


@dataclass(frozen=True)
class Deadline:
    """A dated moment that is no stage: candidates set, logistics at every TPS."""

    id: str
    name: str  # an Indonesian catalog message
    day: date
    sources: tuple[str, ...]
    announce: bool = False  # a milestone post goes out that morning


Correction = tuple[str, date, date]  # stage id, first day, last day


@dataclass(frozen=True, eq=False)
class ElectionCalendar:
    """One election's stages and deadlines, with a region's corrections applied.

    Equal (and hashed) by ``key``: where it comes from, its polling day and
    the corrections, so equal calendars built apart are one in every cache.
    """

    id: str  # the preset's id, or "relatif" for the template
    name: str  # the election's default name ("Pilkada Serentak 2024")
    polling_day: date
    stages: tuple[Stage, ...]
    deadlines: tuple[Deadline, ...]
    sources: Mapping[str, Source] = field(repr=False)
    # Days in no stage, up to the calendar's last day, and after it.
    reports_outside: Rhythm = DAILY
    reports_after: Rhythm = DAILY
    corrections: tuple[Correction, ...] = ()

    @property
    def key(self) -> tuple:
        return (self.id, self.polling_day, self.corrections)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, ElectionCalendar) and self.key == other.key

    def __hash__(self) -> int:
        return hash(self.key)

    @property
    def is_preset(self) -> bool:
        return self.id != RELATIVE_ID

    @property
    def first_day(self) -> date:
        return min(stage.first for stage in self.stages)

    @property
    def last_day(self) -> date:
        """The end of the election as the bot follows it: no report is expected after it."""
        return max(
            [stage.last for stage in self.stages] + [deadline.day for deadline in self.deadlines]
        )

    def stage(self, stage_id: str) -> Stage | None:
        return next((stage for stage in self.stages if stage.id == stage_id), None)

    def source_names(self, ids: tuple[str, ...]) -> list[str]:
        """The short names of the sources with these ids, in order."""
        return [self.sources[source_id].short for source_id in ids if source_id in self.sources]


RELATIVE_ID = "relatif"


@dataclass(frozen=True)
class GroupCalendar:
    """A group's calendar and its level: everything its days depend on, and a cache key."""

    calendar: ElectionCalendar
    level: Level
    _hash: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Hashed for every group the scheduler plans: once, not per look-up.
        object.__setattr__(self, "_hash", hash((self.calendar.key, self.level)))

    def __hash__(self) -> int:
        return self._hash
