"""The election calendar: stages, their dates and sources, and what each day of them asks.

An election is not one date. KPU sets its stages by regulation (PKPU): the
campaign, the masa tenang, polling day, the count and the recapitulation at
each level. Each stage here says when it runs, where its dates come from, on
which days reports are expected and which extra posts go out; the forms data
may name the stages in which a question is asked.

- ``calendar``: the records (``Stage``, ``Rhythm``, ``Deadline``,
  ``ElectionCalendar``) and the group's level (kecamatan … nasional);
- ``loading``: the shipped presets (``presets/*.json``: ``pilkada2024``,
  ``pemilu2024``) and the relative template (``presets/relatif.json``) for
  any other polling day, checked at start like the forms; a region's
  corrections to a stage, checked the same way;
- ``days``: the stage maths, a pure function of (date, calendar): the stage a
  day is in for a group's level, whether a report is expected, the milestones
  of the day and the next ones.

May import: the standard library and other ``bot.domain`` modules.
"""

from bot.domain.elections.calendar import (
    PHASES,
    Deadline,
    ElectionCalendar,
    GroupCalendar,
    Level,
    Phase,
    Rhythm,
    RhythmKind,
    Stage,
    level_of_region,
)
from bot.domain.elections.days import (
    NO_CALENDAR,
    ElectionDay,
    Milestone,
    MilestoneKind,
    calendar_for,
    calendar_of,
    day_of,
    election_day,
    next_report_day,
    upcoming_milestones,
)
from bot.domain.elections.loading import (
    PRESET_IDS,
    CalendarFileError,
    CorrectionError,
    CorrectionProblem,
    build_calendar,
    check_correction,
    known_stage_ids,
    load_presets,
    preset,
    relative_calendar,
)

__all__ = [
    "NO_CALENDAR",
    "PHASES",
    "PRESET_IDS",
    "CalendarFileError",
    "CorrectionError",
    "CorrectionProblem",
    "Deadline",
    "ElectionCalendar",
    "ElectionDay",
    "GroupCalendar",
    "Level",
    "Milestone",
    "MilestoneKind",
    "Phase",
    "Rhythm",
    "RhythmKind",
    "Stage",
    "build_calendar",
    "calendar_for",
    "calendar_of",
    "check_correction",
    "day_of",
    "election_day",
    "known_stage_ids",
    "level_of_region",
    "load_presets",
    "next_report_day",
    "preset",
    "relative_calendar",
    "upcoming_milestones",
]
