"""A group's range of days as the outputs read it: one plain record, read once.

The workbook, the charts and the brief are rendered from this record alone,
so they agree with each other and with the summaries: a day's reports are the
summary's (``bot.services.day_status``: current versions, late and corrected
marks, who was expected, days off), every version sent is kept for the
revisions sheet, and the incidents are those that happened in the range in the
group's zone. The regions below come only through the approved links
(``bot.services.regional``), read as the group itself may see them now.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cached_property

from bot.domain.agencies import Agency
from bot.domain.days_off import DayOff
from bot.domain.elections import ElectionDay
from bot.domain.forms import FormSet
from bot.domain.forum import GroupSettings
from bot.domain.incidents import Incident, IncidentCategories
from bot.domain.rollup import Rollup
from bot.services.reports import StoredReport


@dataclass(frozen=True)
class HistoryDay:
    """One local day of the group: who was expected, the current report of each agency."""

    day: date
    election: ElectionDay  # its stage, and whether the stage asked for reports
    expected: tuple[Agency, ...]  # in the forum's order; empty on a day off
    reports: dict[Agency, StoredReport]  # the current version of each agency's report
    day_off: DayOff | None = None  # a pause, or a national holiday the group skips

    def report(self, agency: Agency) -> StoredReport | None:
        return self.reports.get(agency)

    @property
    def missing(self) -> tuple[Agency, ...]:
        return tuple(agency for agency in self.expected if agency not in self.reports)


@dataclass(frozen=True)
class History:
    """Everything an export, a chart or a brief of ``first``..``last`` shows, for one group."""

    group: GroupSettings
    first: date
    last: date
    today: date  # the group's local day when the request was read
    made_at: datetime  # aware: when it was read (the brief's "as of")
    forms: FormSet  # every stage's forms: what each answer means
    days: tuple[HistoryDay, ...]  # first..last, in order
    versions: tuple[StoredReport, ...]  # every version sent for those days, superseded ones too
    incidents: tuple[Incident, ...] = ()  # happened in the range (group's zone), in order
    categories: IncidentCategories | None = None  # the incident categories' labels
    # The regions linked below, one rollup per day (empty without any).
    rollups: tuple[Rollup, ...] = field(default=())

    @cached_property  # read in the renderers' loops over every day
    def agencies(self) -> tuple[Agency, ...]:
        """The agencies listed: those ever expected or heard from, in the forum's order."""
        seen = {agency for day in self.days for agency in (*day.expected, *day.reports)}
        return tuple(agency for agency in Agency if agency in seen)

    @property
    def has_reports(self) -> bool:
        return any(day.reports for day in self.days)

    def day(self, day: date) -> HistoryDay | None:
        index = (day - self.first).days
        return self.days[index] if 0 <= index < len(self.days) else None

    @property
    def latest_day(self) -> HistoryDay | None:
        """The last day of the range with any report (the brief's "latest figures")."""
        return next((day for day in reversed(self.days) if day.reports), None)


def days_of(first: date, last: date) -> list[date]:
    return [first + timedelta(days=offset) for offset in range((last - first).days + 1)]


# A regency's files are named after the regency alone, as the secretariat says it
# ("posko-kutai-timur-…"); a city keeps "kota", which tells Kota Bandung from
# Kabupaten Bandung.
_DROPPED_PREFIXES = ("kabupaten ", "kab. ", "kab ")


def file_stem(history: History, *, with_days: bool = True) -> str:
    """``posko-kutai-timur-2024-11-01-2024-11-27``: what the files of this history are named
    (without ``with_days``, ``posko-kutai-timur``)."""
    name = (history.group.region_name or history.group.title or "").casefold()
    for prefix in _DROPPED_PREFIXES:
        if name.startswith(prefix):
            name = name[len(prefix) :]
            break
    slug = "-".join("".join(c if c.isascii() and c.isalnum() else " " for c in name).split())
    parts = ["posko", slug] if slug else ["posko"]
    if with_days:
        parts += [history.first.isoformat(), history.last.isoformat()]
    return "-".join(parts)
