"""Liaisons' leave (/cuti): who is away on a day, until when, and the stand-ins it brings.

A person has at most one leave running in a group: ``/cuti`` while on leave
changes its last day. A leave begins the day it is registered and covers
every day up to its last one, in the group's zone; ending it early moves the
last day to yesterday. Stand-ins approved for a leave serve until its last
day, which they follow when it moves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from tortoise.transactions import in_transaction

from bot.storage.models import Group, Leave, Liaison


@dataclass(frozen=True)
class LeaveRecord:
    id: int
    chat_id: int
    user_id: int
    first_day: date
    last_day: date
    set_by: int

    def covers(self, day: date) -> bool:
        return self.first_day <= day <= self.last_day


def _record(row: Leave, chat_id: int) -> LeaveRecord:
    return LeaveRecord(
        id=row.id,
        chat_id=chat_id,
        user_id=row.user_id,
        first_day=row.first_day,
        last_day=row.last_day,
        set_by=row.set_by,
    )


def _covering(chat_id: int, user_id: int, day: date):
    return Leave.filter(
        group__chat_id=chat_id, user_id=user_id, first_day__lte=day, last_day__gte=day
    )


async def start_leave(
    chat_id: int, user_id: int, *, today: date, last_day: date, by: int
) -> tuple[LeaveRecord, LeaveRecord | None]:
    """Puts the person on leave from today through ``last_day``.

    Returns the leave and, when one was already running, that leave as it was
    (its last day moves; its stand-ins follow).
    """
    async with in_transaction():
        running = await _covering(chat_id, user_id, today).select_for_update().first()
        if running is not None:
            before = _record(running, chat_id)
            running.last_day, running.set_by = last_day, by
            await running.save(update_fields=["last_day", "set_by", "updated_at"])
            await Liaison.filter(stand_in_for=running.id).update(stand_in_until=last_day)
            return _record(running, chat_id), before
        group = await Group.get(chat_id=chat_id)
        row = await Leave.create(
            group=group, user_id=user_id, first_day=today, last_day=last_day, set_by=by
        )
    return _record(row, chat_id), None


async def end_leave(chat_id: int, user_id: int, today: date) -> LeaveRecord | None:
    """Ends the person's leave today (they are back today); None if they are not on leave.

    Its stand-ins stop today with it. The record keeps the days it covered.
    """
    async with in_transaction():
        running = await _covering(chat_id, user_id, today).select_for_update().first()
        if running is None:
            return None
        ended = _record(running, chat_id)
        running.last_day = today - timedelta(days=1)
        await running.save(update_fields=["last_day", "updated_at"])
        await Liaison.filter(stand_in_for=running.id).update(stand_in_until=running.last_day)
    return ended


async def leave_on(chat_id: int, user_id: int, day: date) -> LeaveRecord | None:
    row = await _covering(chat_id, user_id, day).first()
    return _record(row, chat_id) if row else None


async def leaves_on(chat_id: int, day: date) -> dict[int, LeaveRecord]:
    """The group's leaves covering ``day``, by the person on leave."""
    rows = await Leave.filter(group__chat_id=chat_id, first_day__lte=day, last_day__gte=day)
    return {row.user_id: _record(row, chat_id) for row in rows}


async def find_leave(leave_id: int) -> LeaveRecord | None:
    if not 0 < leave_id < 2**31:  # from button data: the column is a 32-bit serial
        return None
    row = await Leave.get_or_none(id=leave_id).select_related("group")
    return _record(row, row.group.chat_id) if row else None
