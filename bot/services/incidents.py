"""Incidents as stored: reading them back as plain records, and the claims that post them once.

Readers outside the incident flow (the exports, briefs and charts of issue
13, the regional rollups of issue 14) use ``incidents_between``,
``changes_between`` and ``category_counts``: they take the chat ids to read
and return plain records (``bot.domain.incidents.records``) with the photos'
Telegram file ids. They read exactly the groups they are given: deciding
which groups a reader may see (its own, or its regions' through an approved
link) is the caller's check, made before the call.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from tortoise.expressions import F, Q

from bot.domain.agencies import Agency
from bot.domain.incidents import (
    CategoryCount,
    Incident,
    IncidentDigest,
    IncidentStatus,
    Location,
    MediaKind,
    Photo,
    Reporter,
    StatusChange,
    Urgency,
)
from bot.storage.models import Incident as IncidentRow
from bot.storage.models import IncidentChange

# An id from button data or a deep link can be any number; the column holds 32 bits.
_IDS = range(1, 2**31)


def incident_record(row: IncidentRow, chat_id: int) -> Incident:
    location = (
        Location(row.latitude, row.longitude)
        if row.latitude is not None and row.longitude is not None
        else None
    )
    return Incident(
        id=row.id,
        chat_id=chat_id,
        number=row.number,
        year=row.year,
        category=row.category,
        urgency=Urgency(row.urgency),
        kecamatan=row.kecamatan,
        desa=row.desa,
        location=location,
        occurred_at=row.occurred_at,
        reported_at=row.reported_at,
        description=row.description,
        reporter=Reporter(
            user_id=row.reporter_user_id,
            name=row.reporter_name,
            agency=Agency(row.agency) if row.agency else None,
            unit_name=row.unit_name,
        ),
        photos=tuple(
            Photo(str(file_id), str(unique_id), MediaKind(kind))
            for file_id, unique_id, kind in row.photos
        ),
        status=IncidentStatus(row.status),
        status_at=row.status_at,
        message_id=row.message_id,
    )


def change_record(row: IncidentChange, incident: IncidentRow, chat_id: int) -> StatusChange:
    return StatusChange(
        id=row.id,
        incident_id=incident.id,
        chat_id=chat_id,
        number=incident.number,
        year=incident.year,
        status=IncidentStatus(row.status),
        note=row.note,
        user_id=row.user_id,
        name=row.name,
        agency=Agency(row.agency) if row.agency else None,
        unit_name=row.unit_name,
        at=row.at,
    )


async def incident_in(chat_id: int, incident_id: int) -> Incident | None:
    """The incident, if it belongs to this group: a button of another group's gets None."""
    if incident_id not in _IDS:
        return None
    row = await IncidentRow.get_or_none(id=incident_id, group__chat_id=chat_id)
    return incident_record(row, chat_id) if row else None


async def incident_by_id(incident_id: int) -> Incident | None:
    """For the bot's own bookkeeping (posting, a note already tied to its group)."""
    if incident_id not in _IDS:
        return None
    row = await IncidentRow.get_or_none(id=incident_id).select_related("group")
    return incident_record(row, row.group.chat_id) if row else None


async def open_incidents(chat_id: int, reported_before: datetime | None = None) -> list[Incident]:
    """The group's incidents not yet done, oldest first."""
    query = IncidentRow.filter(group__chat_id=chat_id, status__in=_OPEN)
    if reported_before is not None:
        query = query.filter(reported_at__lt=reported_before)
    rows = await query.order_by("reported_at", "id")
    return [incident_record(row, chat_id) for row in rows]


_OPEN = [status.value for status in IncidentStatus if status.is_open]


def local_day_bounds(day: date, zone: str) -> tuple[datetime, datetime]:
    """The instants a group's local ``day`` starts and ends."""
    start = datetime.combine(day, time(), ZoneInfo(zone))
    return start, start + timedelta(days=1)


async def digest(chat_id: int, day: date, zone: str) -> IncidentDigest:
    """What the summary of ``day`` says: that day's incidents by category (by when they
    happened, in the group's zone) and those reported by its end still open now."""
    start, end = local_day_bounds(day, zone)
    counts = await category_counts([chat_id], start, end)
    return IncidentDigest(
        of_day=tuple(counts.get(chat_id, ())),
        still_open=tuple(await open_incidents(chat_id, reported_before=end)),
    )


async def incidents_between(
    chat_ids: Iterable[int], start: datetime, end: datetime
) -> list[Incident]:
    """Incidents of these groups that happened in [start, end), in the order they happened."""
    rows = (
        await IncidentRow.filter(
            group__chat_id__in=list(chat_ids), occurred_at__gte=start, occurred_at__lt=end
        )
        .select_related("group")
        .order_by("occurred_at", "id")
    )
    return [incident_record(row, row.group.chat_id) for row in rows]


async def changes_between(
    chat_ids: Iterable[int], start: datetime, end: datetime
) -> list[StatusChange]:
    """Status changes of these groups' incidents made in [start, end), oldest first."""
    rows = (
        await IncidentChange.filter(
            incident__group__chat_id__in=list(chat_ids), at__gte=start, at__lt=end
        )
        .select_related("incident__group")
        .order_by("at", "id")
    )
    return [change_record(row, row.incident, row.incident.group.chat_id) for row in rows]


async def history(incident_id: int) -> list[StatusChange]:
    """One incident's changes, oldest first."""
    rows = (
        await IncidentChange.filter(incident_id=incident_id)
        .select_related("incident__group")
        .order_by("at", "id")
    )
    return [change_record(row, row.incident, row.incident.group.chat_id) for row in rows]


async def category_counts(
    chat_ids: Sequence[int], start: datetime, end: datetime
) -> dict[int, list[CategoryCount]]:
    """Per group, incidents that happened in [start, end) by category, most first."""
    rows = await IncidentRow.filter(
        group__chat_id__in=list(chat_ids), occurred_at__gte=start, occurred_at__lt=end
    ).values_list("group__chat_id", "category")
    per_group: dict[int, Counter[str]] = {}
    for chat_id, category in rows:
        per_group.setdefault(chat_id, Counter())[category] += 1
    return {
        chat_id: [
            CategoryCount(category, count)
            for category, count in sorted(counter.items(), key=lambda item: (-item[1], item[0]))
        ]
        for chat_id, counter in per_group.items()
    }


# -- posting once --------------------------------------------------------------------


async def claim_part(incident_id: int, index: int, total: int) -> bool:
    """Takes part ``index`` of the post for sending; False when it was taken before.

    Parts go in order: the claim raises the count of parts handed over from
    ``index``, so of two senders (a retry and a redelivered tap) one wins, and
    a part once claimed is never sent again, even if its sender died.
    """
    taken = await IncidentRow.filter(id=incident_id, parts_handed=index).update(
        parts_handed=index + 1, parts_total=total
    )
    return bool(taken)


async def release_part(incident_id: int, index: int) -> None:
    """Gives a claim back after a send that certainly failed, so a retry sends it."""
    await IncidentRow.filter(id=incident_id, parts_handed=index + 1).update(parts_handed=index)


async def post_progress(incident_id: int) -> tuple[int, int | None]:
    """(parts handed over, parts in all) of the incident's post."""
    row = await IncidentRow.filter(id=incident_id).first().values("parts_handed", "parts_total")
    return (row["parts_handed"], row["parts_total"]) if row else (0, None)


async def record_messages(
    incident_id: int, message_id: int | None = None, control_message_id: int | None = None
) -> None:
    changes = {}
    if message_id is not None:
        changes["message_id"] = message_id
    if control_message_id is not None:
        changes["control_message_id"] = control_message_id
    if changes:
        await IncidentRow.filter(id=incident_id).update(**changes)


async def control_message_of(incident_id: int) -> int | None:
    row = await IncidentRow.filter(id=incident_id).first().values("control_message_id")
    return row["control_message_id"] if row else None


async def set_pinned(incident_id: int, pinned: bool) -> None:
    await IncidentRow.filter(id=incident_id).update(pinned=pinned)


async def is_pinned(incident_id: int) -> bool:
    row = await IncidentRow.filter(id=incident_id).first().values("pinned")
    return bool(row and row["pinned"])


async def unposted(reported_before: datetime) -> list[int]:
    """Incidents whose post has parts never handed over, reported before the instant."""
    rows = await IncidentRow.filter(
        Q(parts_total__isnull=True) | Q(parts_handed__lt=F("parts_total")),
        reported_at__lt=reported_before,
    ).values_list("id", flat=True)
    return [int(str(row)) for row in rows]


async def posted_without_buttons(reported_before: datetime) -> list[int]:
    """Open incidents whose post is all handed over and its first message recorded, but
    no message with their buttons: a crash (or a timeout) came between the claim of the
    buttons' message and its arrival. An incident posted as one message records both ids
    at once, so only albums (whose buttons come as a reply of their own) are found here."""
    rows = (
        await IncidentRow.filter(
            parts_total__isnull=False,
            parts_handed=F("parts_total"),
            message_id__isnull=False,
            control_message_id__isnull=True,
            reported_at__lt=reported_before,
        )
        .exclude(status=IncidentStatus.DONE.value)
        .values_list("id", flat=True)
    )
    return [int(str(row)) for row in rows]


async def claim_change_reply(change_id: int) -> bool:
    return bool(
        await IncidentChange.filter(id=change_id, handed_over=False).update(handed_over=True)
    )


async def release_change_reply(change_id: int) -> None:
    await IncidentChange.filter(id=change_id).update(handed_over=False)


async def record_change_message(change_id: int, message_id: int) -> None:
    await IncidentChange.filter(id=change_id).update(message_id=message_id)


async def change_replies_unconfirmed(made_before: datetime) -> list[int]:
    """Changes whose reply was claimed but never recorded as sent: a crash (or a timeout)
    came between the claim and Telegram's answer."""
    rows = await IncidentChange.filter(
        handed_over=True, message_id__isnull=True, at__lt=made_before
    ).values_list("id", flat=True)
    return [int(str(row)) for row in rows]


async def unposted_changes(made_before: datetime) -> list[int]:
    rows = await IncidentChange.filter(handed_over=False, at__lt=made_before).values_list(
        "id", flat=True
    )
    return [int(str(row)) for row in rows]


async def change_by_id(change_id: int) -> StatusChange | None:
    row = await IncidentChange.get_or_none(id=change_id).select_related("incident__group")
    return change_record(row, row.incident, row.incident.group.chat_id) if row else None
