"""The record of scheduled posts that makes each one go out once per group, kind and day."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, time

from tortoise.exceptions import IntegrityError

from bot.db import as_date, fetch_rows, mapped
from bot.groups import GroupSettings
from bot.models import Group, PostState, ScheduledPost
from bot.schedule import DuePost, GroupSchedule, PostKind


def schedule_of(group: GroupSettings) -> GroupSchedule:
    times: dict[PostKind, time | None] = {}
    for kind, value in group.post_times.items():
        if kind in PostKind.__members__.values():
            times[PostKind(kind)] = time.fromisoformat(value) if value else None
    return GroupSchedule(chat_id=group.chat_id, time_zone=group.time_zone, times=times,
                         polling_day=group.polling_day)


_KINDS = {kind.value: kind for kind in PostKind}


async def recorded_since(first_day: date) -> set[tuple[int, PostKind, date]]:
    """(chat id, kind, local date) of every post sent, claimed or given up since ``first_day``.

    Every tick reads tens of thousands of these (a few per group and day): as
    plain rows, turned into keys a chunk at a time to let replies through.
    """
    rows = await fetch_rows(
        'SELECT g.chat_id, p.kind, p.local_date FROM scheduled_posts p '
        'JOIN "groups" g ON g.id = p.group_id '
        f"WHERE p.local_date >= '{first_day.isoformat()}'")
    return set(await mapped(_key, rows, chunk=5000))


def _key(row: Sequence) -> tuple[int, PostKind, date]:
    chat_id, kind, day = row
    return chat_id, _KINDS[kind], as_date(day)


async def claim(post: DuePost) -> bool:
    """Takes the post for sending; False when it was already taken (sent, or by a twin)."""
    group = await Group.get_or_none(chat_id=post.chat_id).only("id")
    if group is None:
        return False
    try:
        await ScheduledPost.create(group_id=group.id, kind=post.kind.value,
                                   local_date=post.local_date, state=PostState.SENDING)
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
        group__chat_id=post.chat_id, kind=post.kind.value, local_date=post.local_date,
        state=PostState.SENDING,
    ).delete()


async def hand_over(post: DuePost) -> None:
    """Marks the moment the post goes to Telegram: from now on it may have arrived."""
    await ScheduledPost.filter(
        group__chat_id=post.chat_id, kind=post.kind.value, local_date=post.local_date,
    ).update(handed_over=True)


async def release_queued() -> int:
    """At start: claims a dead process left waiting for a send slot were never sent."""
    return await ScheduledPost.filter(state=PostState.SENDING, handed_over=False).delete()


async def record_missed(posts: Iterable[DuePost]) -> int:
    """Records posts found too late to send, so they are logged once and never sent."""
    posts = list(posts)
    if not posts:
        return 0
    ids = dict(await Group.filter(chat_id__in={p.chat_id for p in posts}).values_list(
        "chat_id", "id"))
    rows = [ScheduledPost(group_id=ids[p.chat_id], kind=p.kind.value, local_date=p.local_date,
                          state=PostState.MISSED) for p in posts if p.chat_id in ids]
    await ScheduledPost.bulk_create(rows, ignore_conflicts=True)
    return len(rows)
