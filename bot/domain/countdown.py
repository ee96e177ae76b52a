"""A group's "today" in its own zone, and where a day stands against polling day (H-N).

The milestones of the election (the campaign, the masa tenang, the count) are the
calendar's: ``bot.domain.elections``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

QUIET_PERIOD_DAYS = 3  # masa tenang: H-3 to H-1
# TPS are open from 07.00 to 13.00 local time on polling day (PKPU on voting).
VOTING_HOURS = (time(7, 0), time(13, 0))


def local_today(now: datetime, zone_name: str) -> date:
    """The calendar date in ``zone_name`` at the aware instant ``now``."""
    return now.astimezone(ZoneInfo(zone_name)).date()


@dataclass(frozen=True)
class Countdown:
    """Where a day stands relative to polling day: H-14, Hari H, H+2."""

    days_before: int  # positive before polling day, 0 on it, negative after

    @classmethod
    def between(cls, today: date, polling_day: date) -> Countdown:
        return cls((polling_day - today).days)

    @property
    def label(self) -> str:
        if self.days_before > 0:
            return f"H-{self.days_before}"
        if self.days_before == 0:
            return "Hari H"
        return f"H+{-self.days_before}"

    @property
    def is_polling_day(self) -> bool:
        return self.days_before == 0

    @property
    def in_quiet_period(self) -> bool:
        return 1 <= self.days_before <= QUIET_PERIOD_DAYS
