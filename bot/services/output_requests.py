"""Requests for the meeting's files (/ekspor, /grafik, /brief): each answered once.

A request is recorded before anything is made, keyed by the command's message,
so the same update replayed after a crash finds it instead of making a second
one, and a restart finishes what was left (``unfinished``). While one request
of a kind is being made for a group, another of the same kind is refused
(the unique ``busy`` key) and told it is in progress. Its one send is claimed
like a scheduled post's: handed over to Telegram, it is never sent again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from tortoise.exceptions import IntegrityError

from bot.storage.models import Group, OutputRequest, OutputState


@dataclass(frozen=True)
class OutputOrder:
    """A request as the desk reads it: which group, what, which days, to whom it replies."""

    id: int
    chat_id: int
    kind: str  # bot.outputs.jobs.OutputKind's value
    first: date
    last: date
    charts: tuple[str, ...]
    message_id: int
    requested_by: int
    requested_at: datetime
    state: OutputState
    handed_over: bool


def _order(row: OutputRequest, chat_id: int) -> OutputOrder:
    return OutputOrder(
        id=row.id,
        chat_id=chat_id,
        kind=row.kind,
        first=row.first_day,
        last=row.last_day,
        charts=tuple(row.charts or ()),
        message_id=row.message_id,
        requested_by=row.requested_by,
        requested_at=row.requested_at,
        state=OutputState(row.state),
        handed_over=row.handed_over,
    )


@dataclass(frozen=True)
class Opened:
    order: OutputOrder | None  # None: another request of the kind is being made (busy)
    new: bool  # False: this message's request was recorded before (a replayed update)


async def open_request(
    chat_id: int,
    kind: str,
    first: date,
    last: date,
    charts: tuple[str, ...],
    message_id: int,
    requested_by: int,
    now: datetime,
) -> Opened:
    """Records the request, unless the group has one of the kind in progress."""
    group = await Group.get(chat_id=chat_id).only("id")
    earlier = await OutputRequest.get_or_none(group_id=group.id, message_id=message_id)
    if earlier is not None:
        return Opened(_order(earlier, chat_id), new=False)
    try:
        row = await OutputRequest.create(
            group_id=group.id,
            kind=kind,
            first_day=first,
            last_day=last,
            charts=list(charts),
            message_id=message_id,
            requested_by=requested_by,
            requested_at=now,
            busy=f"{group.id}:{kind}",
        )
    except IntegrityError:
        return Opened(None, new=True)
    return Opened(_order(row, chat_id), new=True)


async def claim_send(request_id: int) -> bool:
    """Takes the request's one send; False when it was taken (or answered) before."""
    return bool(
        await OutputRequest.filter(id=request_id, state=OutputState.MAKING).update(
            state=OutputState.SENDING
        )
    )


async def hand_over(request_id: int) -> None:
    """The send goes to Telegram now: from here on it may have arrived."""
    await OutputRequest.filter(id=request_id).update(handed_over=True)


async def release(request_id: int) -> None:
    """Gives the claim back after a send that certainly failed: the retry makes it again."""
    await OutputRequest.filter(id=request_id, state=OutputState.SENDING).update(
        state=OutputState.MAKING, handed_over=False
    )


async def finish(request_id: int) -> None:
    """The request is answered: the group may ask for the kind again."""
    await OutputRequest.filter(id=request_id).update(state=OutputState.DONE, busy=None)


async def unfinished() -> list[OutputOrder]:
    """Requests a previous process left unanswered, oldest first.

    One whose send was handed over may have arrived: it is settled as answered
    rather than sent twice; the others are made and sent again.
    """
    await OutputRequest.filter(state=OutputState.SENDING, handed_over=True).update(
        state=OutputState.DONE, busy=None
    )
    await OutputRequest.filter(state=OutputState.SENDING).update(state=OutputState.MAKING)
    rows = (
        await OutputRequest.filter(state=OutputState.MAKING)
        .select_related("group")
        .order_by("requested_at", "id")
    )
    return [_order(row, row.group.chat_id) for row in rows]
