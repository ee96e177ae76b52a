"""Pauses of a group's work (/jeda, /lanjut): stored spans, read back as ``PauseSpan``.

A group has at most one pause running at a time: ``/jeda`` while paused
changes when the running one ends. Past pauses stay, so the summary of a day
in one still reads as paused after the forum has resumed.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from bot.domain.days_off import PauseSpan, pause_end
from bot.services.groups import register_group
from bot.storage.models import Group, Pause


def _span(row: Pause) -> PauseSpan:
    return PauseSpan(starts_at=row.starts_at, ends_at=row.ends_at, until=row.until)


def _running(chat_id: int, now: datetime):
    return Pause.filter(
        Q(ends_at__isnull=True) | Q(ends_at__gt=now), group__chat_id=chat_id, starts_at__lte=now
    )


async def current_pause(chat_id: int, now: datetime) -> PauseSpan | None:
    """The pause running at ``now``, if any."""
    row = await _running(chat_id, now).order_by("-starts_at").first()
    return _span(row) if row else None


async def pause(
    chat_id: int, title: str, *, now: datetime, until: date | None, zone: str, by: int
) -> tuple[PauseSpan, bool]:
    """Pauses the group from ``now`` until the end of ``until`` (None: until /lanjut).

    Returns the pause and whether it was already running (its end then moves).
    """
    group = await register_group(chat_id, title, now=now)
    ends_at = pause_end(until, zone) if until else None
    async with in_transaction():
        running = await _running(chat_id, now).select_for_update().order_by("-starts_at").first()
        if running is not None:
            running.ends_at, running.until = ends_at, until
            await running.save(update_fields=["ends_at", "until", "updated_at"])
            return _span(running), True
        row = await Pause.create(
            group=await Group.get(chat_id=group.chat_id),
            starts_at=now,
            ends_at=ends_at,
            until=until,
            set_by=by,
        )
    return _span(row), False


async def resume(chat_id: int, now: datetime) -> PauseSpan | None:
    """Ends the running pause at ``now``; None when the group was not paused."""
    async with in_transaction():
        running = await _running(chat_id, now).select_for_update().order_by("-starts_at").first()
        if running is None:
            return None
        running.ends_at = now
        await running.save(update_fields=["ends_at", "updated_at"])
    return _span(running)


async def pauses_around(chat_id: int, first_day: date, last_day: date) -> list[PauseSpan]:
    """The group's pauses that may cover a day from ``first_day`` to ``last_day``, in any zone.

    A day's boundaries differ by zone; a day either side is read, and
    ``PauseSpan.covers_day`` decides.
    """
    earliest = datetime.combine(first_day - timedelta(days=1), time(0), tzinfo=UTC)
    latest = datetime.combine(last_day + timedelta(days=2), time(0), tzinfo=UTC)
    rows = await Pause.filter(
        Q(ends_at__isnull=True) | Q(ends_at__gt=earliest),
        group__chat_id=chat_id,
        starts_at__lt=latest,
    ).order_by("starts_at")
    return [_span(row) for row in rows]


async def recent_pauses(since: datetime) -> dict[int, tuple[PauseSpan, ...]]:
    """Every group's pauses running at or after ``since``: what a scheduler tick needs.

    One query for all groups; few rows, since pauses that ended before
    ``since`` are not read.
    """
    rows = (
        await Pause.filter(Q(ends_at__isnull=True) | Q(ends_at__gt=since))
        .order_by("starts_at")
        .values_list("group__chat_id", "starts_at", "ends_at", "until")
    )
    spans: dict[int, tuple[PauseSpan, ...]] = {}
    for chat_id, starts_at, ends_at, until in rows:
        spans[chat_id] = (*spans.get(chat_id, ()), PauseSpan(starts_at, ends_at, until))
    return spans
