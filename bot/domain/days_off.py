"""Days the forum does not work: a pause an admin set, and national holidays it chose to skip.

On such a day nothing is expected: no scheduled post goes out, nobody is
reminded, and no agency counts as missing, in the summary or anywhere else.
Reports sent anyway are kept and shown.

A pause runs between two instants: from the moment an admin typed ``/jeda``
to the moment of ``/lanjut``, or to the midnight (in the group's zone) that
ends the day ``/jeda sampai …`` named. Scheduled posts whose slot falls inside
it are not sent and not missed (``bot.scheduling.slots``). The *days* it
covers are the local days from the one it began on to the last whole day it
ran: paused at 16.00, today counts as paused; resumed at 10.00, today counts
as a working day again (its 12.00 reminder goes out).

National holidays come from the ``holidays`` package (Indonesia, with its
public holidays, election days and cuti bersama), kept up to date by its
maintainers rather than typed in here. They are skipped only when the group
asks for it (``/libur nasional ya``), and the group's own polling day is
never skipped, though it is a national holiday itself.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from functools import cache
from zoneinfo import ZoneInfo

import holidays

_ONE_DAY = timedelta(days=1)
# Public holidays, and the cuti bersama the government adds around them.
_CATEGORIES = ("public", "government")
# The package's names for our catalog languages.
_HOLIDAY_LANGUAGES = {"id": "id", "en": "en_US"}


@dataclass(frozen=True)
class PauseSpan:
    """A pause of a group's work: ``starts_at`` up to (not including) ``ends_at``."""

    starts_at: datetime  # aware
    ends_at: datetime | None  # aware; None until /lanjut
    until: date | None = None  # the last day /jeda named, if it named one

    def covers(self, instant: datetime) -> bool:
        """True when ``instant`` falls inside the pause (a slot then is neither sent nor missed)."""
        return self.starts_at <= instant and (self.ends_at is None or instant < self.ends_at)

    def first_day(self, zone: str) -> date:
        return self.starts_at.astimezone(ZoneInfo(zone)).date()

    def last_day(self, zone: str) -> date | None:
        """The last local day the pause covers; None while it runs without an end.

        Before the first day when it was lifted the day it began.
        """
        if self.ends_at is None:
            return None
        return self.ends_at.astimezone(ZoneInfo(zone)).date() - _ONE_DAY

    def covers_day(self, day: date, zone: str) -> bool:
        last = self.last_day(zone)
        return self.first_day(zone) <= day and (last is None or day <= last)


def pause_end(until: date, zone: str) -> datetime:
    """The instant a pause ``until`` a day ends: the midnight after it, in the group's zone."""
    return datetime.combine(until + _ONE_DAY, time(0), tzinfo=ZoneInfo(zone))


class DayOffReason(StrEnum):
    PAUSED = "paused"
    HOLIDAY = "holiday"


@dataclass(frozen=True)
class DayOff:
    """Why nothing is expected of the forum on a day."""

    reason: DayOffReason
    day: date
    pause: PauseSpan | None = None  # the pause that covers the day

    @property
    def paused(self) -> bool:
        return self.reason is DayOffReason.PAUSED


def day_off(
    day: date,
    zone: str,
    pauses: Iterable[PauseSpan],
    skip_holidays: bool,
    polling_day: date | None,
) -> DayOff | None:
    """Whether ``day`` (a local date in ``zone``) is paused or a skipped holiday, else None."""
    for pause in pauses:
        if pause.covers_day(day, zone):
            return DayOff(DayOffReason.PAUSED, day, pause)
    if skip_holidays and is_skipped_holiday(day, polling_day):
        return DayOff(DayOffReason.HOLIDAY, day)
    return None


def is_skipped_holiday(day: date, polling_day: date | None) -> bool:
    """A national holiday or cuti bersama that is not the group's polling day."""
    return day != polling_day and bool(holiday_names(day))


def holiday_names(day: date, locale: str = "id") -> list[str]:
    """The national holidays (and cuti bersama) on ``day``, in ``locale``'s words; [] for none."""
    return list(_calendar(day.year, _HOLIDAY_LANGUAGES.get(locale, "id")).get_list(day))


def holidays_between(first: date, last: date, locale: str = "id") -> list[tuple[date, str]]:
    """Every national holiday from ``first`` to ``last``, in order, one entry per name."""
    found: list[tuple[date, str]] = []
    language = _HOLIDAY_LANGUAGES.get(locale, "id")
    for year in range(first.year, last.year + 1):
        calendar = _calendar(year, language)
        found += [
            (day, name)
            for day in sorted(calendar)
            if first <= day <= last
            for name in calendar.get_list(day)
        ]
    return found


@cache
def _calendar(year: int, language: str) -> holidays.HolidayBase:
    """One year's calendar, built once (building one takes milliseconds; the scheduler
    asks about the same few days for every group)."""
    return holidays.country_holidays("ID", years=year, categories=_CATEGORIES, language=language)
