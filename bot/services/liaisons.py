"""Liaison registration: request, approval by an admin, listing and removal."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from bot.domain.agencies import Agency
from bot.domain.countdown import local_today
from bot.services.groups import register_group
from bot.services.leaves import LeaveRecord
from bot.storage.models import Group, Liaison, LiaisonStatus

UNIT_NAME_MAX_LENGTH = 100
PERSON_NAME_MAX_LENGTH = 128
# Ids arrive in button data and deep links, where anyone can put any number;
# the database refuses (rather than misses) one its column cannot hold.
_LIAISON_IDS = range(1, 2**31)  # Liaison.id: a 32-bit serial
_CHAT_IDS = range(-(2**63), 2**63)  # chat ids: 64-bit


@dataclass(frozen=True)
class LiaisonRecord:
    id: int
    chat_id: int
    user_id: int
    name: str
    username: str | None
    agency: Agency
    unit_name: str
    status: LiaisonStatus
    # The group message with this request's Setujui/Tolak buttons (None once decided
    # by an admin's own registration, or before it is sent).
    request_message_id: int | None = None
    # A stand-in serves while the leave they cover runs, through its last day.
    stand_in_until: date | None = None
    stand_in_for: int | None = None  # the leave's id

    @property
    def approved(self) -> bool:
        return self.status is LiaisonStatus.APPROVED

    @property
    def stand_in(self) -> bool:
        return self.stand_in_for is not None

    def serves_on(self, day: date) -> bool:
        """Approved, and (for a stand-in) the leave they cover still runs on ``day``."""
        return self.approved and (self.stand_in_until is None or day <= self.stand_in_until)

    @property
    def pending(self) -> bool:
        """Waiting for an admin's Setujui or Tolak."""
        return self.status is LiaisonStatus.PENDING


def _record(liaison: Liaison, chat_id: int) -> LiaisonRecord:
    return LiaisonRecord(
        id=liaison.id,
        chat_id=chat_id,
        user_id=liaison.user_id,
        name=liaison.name,
        username=liaison.username,
        agency=Agency(liaison.agency),
        unit_name=liaison.unit_name,
        status=LiaisonStatus(liaison.status),
        request_message_id=liaison.request_message_id,
        stand_in_until=liaison.stand_in_until,
        stand_in_for=liaison.stand_in_for,
    )


async def request_registration(
    chat_id: int,
    chat_title: str,
    user_id: int,
    name: str,
    username: str | None,
    agency: Agency,
    unit_name: str,
    *,
    approved: bool,
    now: datetime,
) -> LiaisonRecord:
    """Files a person's registration, replacing any earlier one in the group.

    One registration per person and group keeps "who reports for whom"
    unambiguous; reports already submitted keep their own copy of the names.
    """
    status = LiaisonStatus.APPROVED if approved else LiaisonStatus.PENDING
    await register_group(chat_id, chat_title, now=now)
    async with in_transaction():
        group = await Group.get(chat_id=chat_id)
        existing = await Liaison.get_or_none(group=group, user_id=user_id)
        values: dict[str, Any] = {
            "name": name[:PERSON_NAME_MAX_LENGTH],
            "username": username,
            "agency": agency.value,
            "unit_name": unit_name,
            "status": status,
            "request_message_id": None,
            "decided_by": None,
            "stand_in_for": None,
            "stand_in_until": None,
        }
        if existing is None:
            liaison = await Liaison.create(group=group, user_id=user_id, **values)
        else:
            await Liaison.filter(id=existing.id).update(**values)
            liaison = await Liaison.get(id=existing.id)
    return _record(liaison, chat_id)


async def remember_request_message(liaison_id: int, message_id: int) -> None:
    await Liaison.filter(id=liaison_id).update(request_message_id=message_id)


async def find_liaison(liaison_id: int) -> LiaisonRecord | None:
    if liaison_id not in _LIAISON_IDS:
        return None
    liaison = await Liaison.get_or_none(id=liaison_id).select_related("group")
    return _record(liaison, liaison.group.chat_id) if liaison else None


async def decide(
    liaison_id: int, chat_id: int, approve: bool, admin_id: int, message_id: int | None = None
) -> LiaisonRecord | None:
    """Approves or rejects a pending request of this group; None if it is no longer pending.

    With ``message_id`` (the request message whose button was tapped), only the
    request that message shows is decided: after a newer /daftar replaced it,
    the old message's buttons must not approve what they do not show.
    """
    if liaison_id not in _LIAISON_IDS:
        return None
    pending = Liaison.filter(id=liaison_id, group__chat_id=chat_id, status=LiaisonStatus.PENDING)
    if message_id is not None:
        # None: the request message is being sent right now; its buttons are the only ones.
        pending = pending.filter(
            Q(request_message_id=message_id) | Q(request_message_id__isnull=True)
        )
    updated = await pending.update(
        status=LiaisonStatus.APPROVED if approve else LiaisonStatus.REJECTED, decided_by=admin_id
    )
    if not updated:
        return None
    return await find_liaison(liaison_id)


async def approve_stand_in(
    liaison_id: int, chat_id: int, leave: LeaveRecord, admin_id: int, message_id: int | None
) -> LiaisonRecord | None:
    """Approves a pending request as a stand-in for ``leave`` (of this group), serving
    through its last day; None if the request is no longer pending (see ``decide``)."""
    if liaison_id not in _LIAISON_IDS or leave.chat_id != chat_id:
        return None
    pending = Liaison.filter(id=liaison_id, group__chat_id=chat_id, status=LiaisonStatus.PENDING)
    if message_id is not None:
        pending = pending.filter(
            Q(request_message_id=message_id) | Q(request_message_id__isnull=True)
        )
    updated = await pending.update(
        status=LiaisonStatus.APPROVED,
        decided_by=admin_id,
        stand_in_for=leave.id,
        stand_in_until=leave.last_day,
    )
    return await find_liaison(liaison_id) if updated else None


async def approved_liaisons(chat_id: int, on: date | None = None) -> list[LiaisonRecord]:
    """The group's approved liaisons, in agency order, then by name.

    With ``on``, only those who serve that day: a stand-in whose leave has
    ended is left out.
    """
    rows = await Liaison.filter(group__chat_id=chat_id, status=LiaisonStatus.APPROVED)
    records = [_record(row, chat_id) for row in rows]
    if on is not None:
        records = [record for record in records if record.serves_on(on)]
    return sorted(
        records, key=lambda r: (r.agency.order, r.unit_name.casefold(), r.name.casefold())
    )


async def liaison_in_group(chat_id: int, user_id: int) -> LiaisonRecord | None:
    if chat_id not in _CHAT_IDS:  # a forged deep link or button
        return None
    liaison = await Liaison.get_or_none(group__chat_id=chat_id, user_id=user_id)
    return _record(liaison, chat_id) if liaison else None


async def find_by_username(chat_id: int, username: str) -> LiaisonRecord | None:
    """The group's registration of the person with this @username (any case), if any."""
    rows = await Liaison.filter(group__chat_id=chat_id, username__iexact=username)
    return _record(rows[0], chat_id) if len(rows) == 1 else None


async def groups_served_by(user_id: int, now: datetime) -> list[tuple[int, str]]:
    """(chat id, title or region) of every active group the person serves as a liaison today
    (a stand-in whose leave has ended no longer does)."""
    rows = await Liaison.filter(
        user_id=user_id, status=LiaisonStatus.APPROVED, group__active=True
    ).select_related("group")
    return [
        (row.group.chat_id, row.group.region_name or row.group.title)
        for row in rows
        if _record(row, row.group.chat_id).serves_on(local_today(now, row.group.time_zone))
    ]


async def remove_liaison(chat_id: int, user_id: int) -> LiaisonRecord | None:
    """Ends a person's pending or approved registration in the group; their reports stay."""
    liaison = await Liaison.get_or_none(
        group__chat_id=chat_id,
        user_id=user_id,
        status__in=[LiaisonStatus.APPROVED, LiaisonStatus.PENDING],
    )
    if liaison is None:
        return None
    await Liaison.filter(id=liaison.id).update(status=LiaisonStatus.REMOVED)
    liaison.status = LiaisonStatus.REMOVED
    return _record(liaison, chat_id)


async def stand_ins_of(chat_id: int, leave_id: int) -> list[LiaisonRecord]:
    """The approved stand-ins covering the leave."""
    rows = await Liaison.filter(
        group__chat_id=chat_id, stand_in_for=leave_id, status=LiaisonStatus.APPROVED
    )
    return [_record(row, chat_id) for row in rows]
