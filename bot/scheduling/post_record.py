"""The record of scheduled posts that makes each one go out once per group, kind and day."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from tortoise.exceptions import IntegrityError
from tortoise.queryset import QuerySet

from bot.scheduling.post_kinds import PostKind
from bot.scheduling.slots import DuePost, PostKey
from bot.storage.db import as_date, as_datetime, fetch_pages, mapped
from bot.storage.models import Group, PostState, ScheduledPost

_KINDS = {kind.value: kind for kind in PostKind}

# How often the ledger reads the whole record again, to see what another
# process released.
RELOAD_EVERY = timedelta(minutes=15)


class PostLedger:
    """What the record says of every post since a day: what is not due again.

    Each key maps to None when the day's post is settled (sent, being sent or
    not needed) and to the slot instant it was missed at for a MISSED post
    (see ``bot.scheduling.slots``).

    With thousands of groups the record holds tens of thousands of rows for
    the two days a tick looks at; read whole at every tick (every 20 s), it
    cost a fifth of a second of the event loop each time. So the ledger
    reads it whole at first, when the first day moves on, and every
    RELOAD_EVERY; in between only the rows added since (by id). A tick settles
    its own claims (sent, given up or released) before the next tick reads,
    so a claim of this process it releases is never in the ledger; a post made
    beside the ticks (the brief) is forgotten when released. What makes
    a post go out once is the claim in the database, not this: an entry
    missing here costs a claim that fails, never a second post.
    """

    def __init__(self) -> None:
        self._keys: dict[PostKey, datetime | None] = {}
        self._first_day: date | None = None
        self._read_at: datetime | None = None
        self._last_id = 0
        self.read_whole = False  # the last ``since`` read the record whole

    async def since(self, first_day: date, now: datetime) -> dict[PostKey, datetime | None]:
        whole = (
            first_day != self._first_day
            or self._read_at is None
            or now - self._read_at >= RELOAD_EVERY
        )
        condition = f"p.local_date >= '{first_day.isoformat()}'"
        if not whole:
            condition += f" AND p.id > {self._last_id}"
        # By pages and in chunks: read at once, the tens of thousands of rows of
        # a whole read held up replies for a tenth of a second.
        rows = await fetch_pages(
            "SELECT p.id, g.chat_id, p.kind, p.local_date, p.state, p.slot_at "
            'FROM scheduled_posts p JOIN "groups" g ON g.id = p.group_id '
            f"WHERE {condition}",
            "p.id",
            page=5000,
        )
        entries = await mapped(_entry, rows, chunk=2500)
        self.read_whole = whole
        if whole:
            self._keys, self._first_day, self._read_at = dict(entries), first_day, now
            self._last_id = 0
        else:
            self._keys.update(entries)
        self._last_id = max((row[0] for row in rows), default=self._last_id)
        return self._keys

    def remember(self, post: DuePost, missed: bool = False) -> None:
        self._keys[post.key] = post.scheduled_at if missed else None

    def forget(self, post: DuePost) -> None:
        """A claim released after a tick may have read it: the post is due again."""
        self._keys.pop(post.key, None)


def _entry(row: Sequence) -> tuple[PostKey, datetime | None]:
    _, chat_id, kind, day, state, slot_at = row
    missed_at = as_datetime(slot_at) if state == PostState.MISSED.value else None
    local_date = as_date(day)
    assert local_date is not None  # the column is NOT NULL
    return (chat_id, _KINDS[kind], local_date), missed_at


def _record_of(post: DuePost) -> QuerySet[ScheduledPost]:
    return ScheduledPost.filter(
        group__chat_id=post.chat_id, kind=post.kind.value, local_date=post.local_date
    )


async def claim(post: DuePost) -> bool:
    """Takes the post for sending; False when it was already taken (sent, or by a twin).

    A post whose record says it was missed earlier (its time has moved since)
    is claimed by turning that record into a send: one process wins the update.
    """
    if post.was_missed:
        taken = (
            await _record_of(post)
            .filter(state=PostState.MISSED)
            .update(state=PostState.SENDING, handed_over=False, slot_at=post.scheduled_at)
        )
        return bool(taken)
    group = await Group.get_or_none(chat_id=post.chat_id).only("id")
    if group is None:
        return False
    try:
        await ScheduledPost.create(
            group_id=group.id,
            kind=post.kind.value,
            local_date=post.local_date,
            state=PostState.SENDING,
            slot_at=post.scheduled_at,
        )
    except IntegrityError:
        return False
    return True


async def finish(post: DuePost, state: PostState, message_id: int | None = None) -> None:
    await _record_of(post).update(state=state, message_id=message_id)


async def release(post: DuePost) -> None:
    """Gives a claim back after a send that certainly failed, so the next tick retries it."""
    await _record_of(post).filter(state=PostState.SENDING).delete()


async def hand_over(post: DuePost) -> None:
    """Marks the moment the post goes to Telegram: from now on it may have arrived."""
    await _record_of(post).update(handed_over=True)


async def release_queued() -> int:
    """At start: claims a dead process left waiting for a send slot were never sent."""
    return await ScheduledPost.filter(state=PostState.SENDING, handed_over=False).delete()


async def record_missed(posts: Iterable[DuePost]) -> int:
    """Records posts found too late to send, so they are logged once and never sent.

    A post already recorded as missed at an earlier slot (moved, then missed
    again) gets its slot moved on, so it is not found missed again next tick.
    """
    posts = list(posts)
    if not posts:
        return 0
    ids = dict(
        await Group.filter(chat_id__in={p.chat_id for p in posts}).values_list("chat_id", "id")
    )
    fresh = [p for p in posts if p.chat_id in ids and not p.was_missed]
    rows = [
        ScheduledPost(
            group_id=ids[p.chat_id],
            kind=p.kind.value,
            local_date=p.local_date,
            state=PostState.MISSED,
            slot_at=p.scheduled_at,
        )
        for p in fresh
    ]
    await ScheduledPost.bulk_create(rows, ignore_conflicts=True)
    for post in posts:
        if post.was_missed:
            await _record_of(post).filter(state=PostState.MISSED).update(slot_at=post.scheduled_at)
    return len(rows) + sum(1 for post in posts if post.was_missed)


@dataclass(frozen=True)
class PostRecord:
    """What became of a group's post of one kind on one local day."""

    missed: bool  # found too late and never sent: a later time today still brings it
    not_needed: bool  # due, with nothing to say (a reminder when everyone had reported)
    slot_at: datetime | None  # the slot it was sent (or missed) for; None for old records

    @property
    def delivered(self) -> bool:
        """Sent, or being sent: never sent again that day."""
        return not (self.missed or self.not_needed)


async def record_of(chat_id: int, kind: PostKind, day: date) -> PostRecord | None:
    """The record of the group's ``kind`` post of local ``day``, if there is one."""
    row = (
        await ScheduledPost.filter(group__chat_id=chat_id, kind=kind.value, local_date=day)
        .first()
        .values("state", "slot_at")
    )
    if row is None:
        return None
    state = PostState(row["state"])
    return PostRecord(
        missed=state is PostState.MISSED,
        not_needed=state is PostState.NOT_NEEDED,
        slot_at=as_datetime(row["slot_at"]),
    )
