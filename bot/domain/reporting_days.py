"""Which day a report may be for: today, and yesterday until the group's cut-off.

A liaison who could not report yesterday may still do so the next morning,
until the cut-off (12.00 in the group's zone unless its admins chose another
time): the report is stored for yesterday and marked late. The same window
bounds corrections: today's report, and yesterday's until the cut-off. A
cut-off of 00.00 closes yesterday at midnight, so no late report is taken.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

DEFAULT_LATE_CUTOFF = time(12, 0)
_ONE_DAY = timedelta(days=1)
_TIME = re.compile(r"^([0-9]{1,2})[:.]([0-9]{2})$")
_CLOSED_WORDS = frozenset({"mati", "off", "tutup", "tidak"})


def late_cutoff_of(stored: str | None) -> time:
    """The group's cut-off from its stored "HH:MM" (the default when none or unreadable)."""
    if not stored:
        return DEFAULT_LATE_CUTOFF
    try:
        return time.fromisoformat(stored)
    except ValueError:
        return DEFAULT_LATE_CUTOFF


def late_report_day(now: datetime, zone: str, cutoff: time) -> date | None:
    """Yesterday (local), while today's cut-off has not come; None once it has."""
    local = now.astimezone(ZoneInfo(zone))
    if local.time().replace(tzinfo=None) < cutoff:
        return local.date() - _ONE_DAY
    return None


def may_report_for(day: date, now: datetime, zone: str, cutoff: time) -> bool:
    """True for today, and for yesterday until the cut-off: the days a report or a
    correction may still be sent for."""
    today = now.astimezone(ZoneInfo(zone)).date()
    return day == today or day == late_report_day(now, zone, cutoff)


def is_late(report_date: date, submitted_at: datetime, zone: str) -> bool:
    """A report sent after its day had ended in the group's zone."""
    return submitted_at.astimezone(ZoneInfo(zone)).date() > report_date


def parse_cutoff(text: str) -> time:
    """An admin's cut-off: "12.00", "9:30"; "mati" (or "00.00") takes no late report.

    Raises ValueError for anything else ("25.00", "siang").
    """
    cleaned = text.strip()
    if cleaned.casefold() in _CLOSED_WORDS:
        return time(0, 0)
    match = _TIME.match(cleaned)
    if match is None:
        raise ValueError(f"not a time: {text!r}")
    hour, minute = int(match[1]), int(match[2])
    if hour > 23 or minute > 59:
        raise ValueError(f"not a time of day: {text!r}")
    return time(hour, minute)
