"""The scheduler's view of the groups: kept in memory, read by change, looked at when due.

A tick used to read every active group and plan every one of them, 8,000 in
the benchmark, every 20 seconds: a tenth of a second of the event loop each
time, in which replies to people waited. Now a tick costs what is due:

- the book reads every active group at start and every ``RELOAD_EVERY``; in
  between, only the groups written since its last look (``updated_at``, which
  every write to a group sets: ``bot.services.groups``), an indexed query
  that usually finds none;
- the agenda knows when each group next has a slot (``slots.next_slot_after``)
  and hands the scheduler only the groups whose moment has come, those that
  changed, and those whose send failed and must be tried again.

The full look (every group read and planned, a chunk at a time) is what keeps
this honest: it catches what another process released and any write that did
not mark the group, within ``RELOAD_EVERY``. What makes a post go out once is
still the claim in the database (``post_record``).
"""

from __future__ import annotations

import asyncio
import heapq
from collections.abc import Iterable
from datetime import datetime, timedelta

from bot.domain.forum import GroupSettings
from bot.scheduling.slots import GroupSchedule, next_slots_after, schedule_of
from bot.services.groups import GroupRow, active_group_rows, groups_changed_since

RELOAD_EVERY = timedelta(minutes=15)
_CHUNK = 500  # groups worked out between two chances for replies to go out
_UNSEEN = object()


class GroupBook:
    """The active groups by row id, their schedules, and when each next needs a look."""

    def __init__(self) -> None:
        self.groups: dict[int, GroupSettings] = {}
        self.schedules: dict[int, GroupSchedule] = {}
        self._updated: dict[int, datetime | None] = {}  # each group's change marker as read
        self._wake: dict[int, datetime] = {}
        self._agenda: list[tuple[datetime, int]] = []  # a heap; stale entries are skipped
        self._retry: set[int] = set()
        self._read_at: datetime | None = None
        self._mark: datetime | None = None  # where the next look for changes starts
        self._zones: set[str] | None = None

    async def refresh(self, now: datetime) -> tuple[bool, set[int]]:
        """Reads what changed since the last look; returns (read whole?, rows to plan now).

        Read whole (at first and every ``RELOAD_EVERY`` of ``now``), every group
        is to be planned; otherwise the changed ones, those due by the agenda
        and those to retry.
        """
        if self._read_at is None or now - self._read_at >= RELOAD_EVERY or now < self._read_at:
            rows, self._mark = await active_group_rows()
            self.groups, self.schedules, self._updated, self._zones = {}, {}, {}, None
            await self._apply(rows)
            self._read_at = now
            self._wake, self._agenda, self._retry = {}, [], set()
            return True, set(self.groups)
        assert self._mark is not None
        read, self._mark = await groups_changed_since(self._mark)
        # A look goes back a little before its mark: what it reads again unchanged
        # is no change.
        changed = [row for row in read if self._updated.get(row.row_id, _UNSEEN) != row.updated_at]
        await self._apply(changed)
        planned = {row.row_id for row in changed if row.settings is not None}
        planned |= self._due(now) | self._retry
        self._retry = set()
        return False, {row for row in planned if row in self.groups}

    async def _apply(self, rows: list[GroupRow]) -> None:
        for start in range(0, len(rows), _CHUNK):
            for row in rows[start : start + _CHUNK]:
                self._updated[row.row_id] = row.updated_at
                if row.settings is None:
                    self.groups.pop(row.row_id, None)
                    self.schedules.pop(row.row_id, None)
                    self._wake.pop(row.row_id, None)
                    continue
                self.groups[row.row_id] = row.settings
                self.schedules[row.row_id] = schedule_of(row.settings)
                if self._zones is not None:
                    self._zones.add(row.settings.time_zone)
            await asyncio.sleep(0)

    def _due(self, now: datetime) -> set[int]:
        due = set()
        while self._agenda and self._agenda[0][0] <= now:
            at, row = heapq.heappop(self._agenda)
            if self._wake.get(row) == at:
                due.add(row)
                del self._wake[row]
        return due

    async def planned(self, now: datetime, rows: Iterable[int]) -> None:
        """Puts the groups just planned at ``now`` back on the agenda, at their next slot."""
        rows = [row for row in rows if row in self.schedules]
        for start in range(0, len(rows), _CHUNK):
            chunk = rows[start : start + _CHUNK]
            wakes = next_slots_after(now, [self.schedules[row] for row in chunk])
            for row, at in zip(chunk, wakes, strict=True):
                self._wake[row] = at
                heapq.heappush(self._agenda, (at, row))
            await asyncio.sleep(0)

    def zones(self) -> set[str]:
        """The zones of the groups in the book (a handful)."""
        if self._zones is None:
            self._zones = {group.time_zone for group in self.groups.values()}
        return self._zones

    def retry(self, rows: Iterable[int]) -> None:
        """Plans these groups again at the next tick (a send failed and was released)."""
        self._retry.update(rows)
