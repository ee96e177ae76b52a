"""The record of scheduled posts that makes each one go out once per group, kind and day."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, time, timedelta

from tortoise.exceptions import IntegrityError

from bot.domain.forum import GroupSettings
from bot.scheduling.slots import DuePost, GroupSchedule, PostKind
from bot.storage.db import as_date, fetch_rows, mapped
from bot.storage.models import Group, PostState, ScheduledPost


def schedule_of(group: GroupSettings) -> GroupSchedule:
    times: dict[PostKind, time | None] = {}
    for kind, value in group.post_times.items():
        if kind in PostKind.__members__.values():
            times[PostKind(kind)] = time.fromisoformat(value) if value else None
    return GroupSchedule(
        chat_id=group.chat_id, time_zone=group.time_zone, times=times, polling_day=group.polling_day
    )


_KINDS = {kind.value: kind for kind in PostKind}


PostKey = tuple[int, PostKind, date]  # chat id, kind, local date
# How often the ledger reads the whole record again, to see what another
# process released.
RELOAD_EVERY = timedelta(minutes=15)


class PostLedger:
    """The keys of every post sent, claimed or given up since a day: what is not due again.

    With thousands of groups the record holds tens of thousands of rows for
    the two days a tick looks at; read whole at every tick (every 20 s), it
    cost a fifth of a second of the event loop each time. So the ledger
    reads it whole at first, when the first day moves on, and every
    RELOAD_EVERY; in between only the rows added since (by id). A tick settles
    its own claims (sent, given up or released) before the next tick reads,
    so a claim of this process it releases is never in the ledger. What makes
    a post go out once is the claim in the database, not this: an entry
    missing here costs a claim that fails, never a second post.
    """

    def __init__(self) -> None:
        self._keys: set[PostKey] = set()
        self._first_day: date | None = None
        self._read_at: datetime | None = None
        self._last_id = 0

    async def since(self, first_day: date, now: datetime) -> set[PostKey]:
        whole = (
            first_day != self._first_day
            or self._read_at is None
            or now - self._read_at >= RELOAD_EVERY
        )
        condition = f"p.local_date >= '{first_day.isoformat()}'"
        if not whole:
            condition += f" AND p.id > {self._last_id}"
        rows = await fetch_rows(
            "SELECT p.id, g.chat_id, p.kind, p.local_date FROM scheduled_posts p "
            f'JOIN "groups" g ON g.id = p.group_id WHERE {condition}'
        )
        keys = await mapped(_key, rows, chunk=5000)  # in chunks, letting replies through
        if whole:
            self._keys, self._first_day, self._read_at = set(keys), first_day, now
            self._last_id = 0
        else:
            self._keys.update(keys)
        self._last_id = max((row[0] for row in rows), default=self._last_id)
        return self._keys

    def remember(self, post: DuePost) -> None:
        self._keys.add((post.chat_id, post.kind, post.local_date))


def _key(row: Sequence) -> PostKey:
    _, chat_id, kind, day = row
    return chat_id, _KINDS[kind], as_date(day)


async def claim(post: DuePost) -> bool:
    """Takes the post for sending; False when it was already taken (sent, or by a twin)."""
    group = await Group.get_or_none(chat_id=post.chat_id).only("id")
    if group is None:
        return False
    try:
        await ScheduledPost.create(
            group_id=group.id,
            kind=post.kind.value,
            local_date=post.local_date,
            state=PostState.SENDING,
        )
    except IntegrityError:
        return False
    return True


async def finish(post: DuePost, state: PostState, message_id: int | None = None) -> None:
    await ScheduledPost.filter(
        group__chat_id=post.chat_id, kind=post.kind.value, local_date=post.local_date
    ).update(state=state, message_id=message_id)


async def release(post: DuePost) -> None:
    """Gives a claim back after a send that certainly failed, so the next tick retries it."""
    await ScheduledPost.filter(
        group__chat_id=post.chat_id,
        kind=post.kind.value,
        local_date=post.local_date,
        state=PostState.SENDING,
    ).delete()


async def hand_over(post: DuePost) -> None:
    """Marks the moment the post goes to Telegram: from now on it may have arrived."""
    await ScheduledPost.filter(
        group__chat_id=post.chat_id,
        kind=post.kind.value,
        local_date=post.local_date,
    ).update(handed_over=True)


async def release_queued() -> int:
    """At start: claims a dead process left waiting for a send slot were never sent."""
    return await ScheduledPost.filter(state=PostState.SENDING, handed_over=False).delete()


async def record_missed(posts: Iterable[DuePost]) -> int:
    """Records posts found too late to send, so they are logged once and never sent."""
    posts = list(posts)
    if not posts:
        return 0
    ids = dict(
        await Group.filter(chat_id__in={p.chat_id for p in posts}).values_list("chat_id", "id")
    )
    rows = [
        ScheduledPost(
            group_id=ids[p.chat_id],
            kind=p.kind.value,
            local_date=p.local_date,
            state=PostState.MISSED,
        )
        for p in posts
        if p.chat_id in ids
    ]
    await ScheduledPost.bulk_create(rows, ignore_conflicts=True)
    return len(rows)
