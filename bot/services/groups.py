"""Group settings: the service handlers call, and the plain record they get back."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from tortoise import timezone
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from bot.domain.agencies import EXPECTED_BY_DEFAULT, Agency
from bot.domain.forum import GroupSettings
from bot.domain.regions import RegionLevel
from bot.domain.reporting_days import late_cutoff_of
from bot.storage.db import as_date, as_datetime, as_json, fetch_pages, fetch_rows, mapped
from bot.storage.models import DEFAULT_ZONE, Group, GroupLink, LinkState

REGION_MAX_LENGTH = 100
ELECTION_NAME_MAX_LENGTH = 100
TITLE_MAX_LENGTH = 255


# Every column a GroupSettings needs, and whether an active group below is linked to it.
GROUP_COLUMNS = (
    "g.chat_id, g.title, g.region_name, g.time_zone, g.locale, g.election_name, "
    "g.polling_day, g.post_times, g.active_since, g.active, g.region_code, g.region_level, "
    "g.expected_agencies, g.late_cutoff, g.skip_holidays, g.election_preset, "
    "g.stage_corrections, "
    'EXISTS (SELECT 1 FROM group_links l JOIN "groups" b ON b.id = l.lower_id '
    "WHERE l.upper_id = g.id AND l.state = 'approved' AND b.active)"
)


def settings_of_row(row: Sequence) -> GroupSettings:
    """The record of a row selected as ``GROUP_COLUMNS`` (SQLite hands dates and JSON as text)."""
    (
        chat_id,
        title,
        region_name,
        time_zone,
        locale,
        election_name,
        polling_day,
        post_times,
        active_since,
        active,
        region_code,
        region_level,
        expected_agencies,
        late_cutoff,
        skip_holidays,
        election_preset,
        stage_corrections,
        has_groups_below,
    ) = row
    return GroupSettings(
        chat_id=chat_id,
        title=title,
        region_name=region_name,
        time_zone=time_zone,
        locale=locale,
        election_name=election_name,
        polling_day=as_date(polling_day),
        active=bool(active),
        post_times=dict(as_json(post_times) or {}),
        active_since=as_datetime(active_since),
        region_code=region_code,
        region_level=RegionLevel(region_level) if region_level else None,
        has_groups_below=bool(has_groups_below),
        expected=_expected(as_json(expected_agencies)),
        late_cutoff=late_cutoff_of(late_cutoff),
        skip_holidays=bool(skip_holidays),
        election_preset=election_preset,
        stage_corrections=corrections_of(as_json(stage_corrections)),
    )


def corrections_of(value: object) -> tuple[tuple[str, date, date], ...]:
    """The stored corrections as (stage, first, last), sorted; malformed entries dropped."""
    if not isinstance(value, dict):
        return ()
    found = []
    for stage_id, days in value.items():
        try:
            first, last = (date.fromisoformat(day) for day in days)
        except (TypeError, ValueError):
            continue
        found.append((str(stage_id), first, last))
    return tuple(sorted(found))


def touched() -> dict[str, datetime]:
    """The change marker every write to a group sets: the scheduler reads the changed ones.

    The wall clock, as for ``auto_now``: it is compared only with itself. One
    change is not marked: a group below removing the bot makes the group above
    it lose its "groups below" (and its later summary time) without a write to
    that group; the scheduler's full look (``group_book.RELOAD_EVERY``) sees it.
    """
    return {"updated_at": timezone.now()}


def _expected(values: object) -> frozenset[Agency]:
    """The stored expected agencies; the default for none, unknown values dropped."""
    if not isinstance(values, list):
        return EXPECTED_BY_DEFAULT
    return frozenset(Agency(value) for value in values if value in Agency.__members__.values())


async def find_group(chat_id: int) -> GroupSettings | None:
    rows = await fetch_rows(
        f'SELECT {GROUP_COLUMNS} FROM "groups" g WHERE g.chat_id = {int(chat_id)}'
    )
    return settings_of_row(rows[0]) if rows else None


async def _found(chat_id: int) -> GroupSettings:
    group = await find_group(chat_id)
    assert group is not None, chat_id  # the caller has just registered it
    return group


async def register_group(chat_id: int, title: str, *, now: datetime) -> GroupSettings:
    """Creates the group, or reactivates it and refreshes its title.

    ``now`` (the bot's clock) starts the group's schedule: nothing before it is due.
    """
    title = title[:TITLE_MAX_LENGTH]
    group, created = await Group.get_or_create(
        chat_id=chat_id, defaults={"title": title, "time_zone": DEFAULT_ZONE, "active_since": now}
    )
    if not created and (group.title != title or not group.active):
        changed = ["title", "active", "updated_at"]
        if not group.active:
            group.active_since = now
            changed.append("active_since")
        group.title = title
        group.active = True
        await group.save(update_fields=changed)
    return await _found(chat_id)


async def _update(chat_id: int, title: str, now: datetime, **changes: object) -> GroupSettings:
    await register_group(chat_id, title, now=now)
    await Group.filter(chat_id=chat_id).update(**changes, **touched())
    return await _found(chat_id)


class RegionLocked(Exception):
    """The group is linked (or asks to be) to a group above or below: its region cannot change."""


async def set_region(
    chat_id: int,
    title: str,
    region_name: str,
    *,
    code: str | None,
    level: RegionLevel,
    now: datetime,
) -> GroupSettings:
    """Gives the group its official region (``code`` None for the national level).

    Refused with ``RegionLocked`` while a link up or down is requested or
    approved and the region would change: the links were checked against the
    old one. Setting the same region again only refreshes its name.
    """
    await register_group(chat_id, title, now=now)
    async with in_transaction():
        group = await Group.select_for_update().get(chat_id=chat_id)
        if (group.region_code, group.region_level) != (code, level.value) and (
            await GroupLink.filter(
                Q(lower_id=group.id) | Q(upper_id=group.id),
                state__in=(LinkState.REQUESTED, LinkState.APPROVED),
            ).exists()
        ):
            raise RegionLocked(chat_id)
        group.region_name, group.region_code, group.region_level = region_name, code, level.value
        await group.save(update_fields=["region_name", "region_code", "region_level", "updated_at"])
    return await _found(chat_id)


async def set_time_zone(
    chat_id: int, title: str, zone_name: str, *, now: datetime
) -> GroupSettings:
    return await _update(chat_id, title, now, time_zone=zone_name)


async def set_polling_day(
    chat_id: int,
    title: str,
    polling_day: date,
    election_name: str,
    *,
    now: datetime,
    preset: str | None = None,
) -> GroupSettings:
    """Sets the election: a preset's calendar, or (``preset`` None) the template around
    ``polling_day``. The region's corrections belonged to the old calendar and go."""
    return await _update(
        chat_id,
        title,
        now,
        polling_day=polling_day,
        election_name=election_name,
        election_preset=preset,
        stage_corrections=None,
    )


async def set_stage_corrections(
    chat_id: int, title: str, corrections: Sequence[tuple[str, date, date]], *, now: datetime
) -> GroupSettings:
    """Stores the region's corrections to its calendar's stages (checked by the caller)."""
    stored = {stage: [first.isoformat(), last.isoformat()] for stage, first, last in corrections}
    return await _update(chat_id, title, now, stage_corrections=stored or None)


async def set_expected(
    chat_id: int, title: str, agency: Agency, expected: bool, *, now: datetime
) -> GroupSettings:
    """Adds ``agency`` to the agencies expected to report every day, or takes it out."""
    group = await register_group(chat_id, title, now=now)
    chosen = set(group.expected) | {agency} if expected else set(group.expected) - {agency}
    values = sorted((a.value for a in chosen), key=lambda value: Agency(value).order)
    return await _update(chat_id, title, now, expected_agencies=values)


async def set_locale(chat_id: int, title: str, locale: str, *, now: datetime) -> GroupSettings:
    """The language of everything the bot writes for the group (a supported locale)."""
    return await _update(chat_id, title, now, locale=locale)


async def set_late_cutoff(
    chat_id: int, title: str, cutoff: time, *, now: datetime
) -> GroupSettings:
    """Until when (local time) yesterday's report may still be sent; 00:00 takes none."""
    return await _update(chat_id, title, now, late_cutoff=cutoff.strftime("%H:%M"))


async def set_skip_holidays(
    chat_id: int, title: str, skip: bool, *, now: datetime
) -> GroupSettings:
    """Whether national holidays and cuti bersama are days off for the group."""
    return await _update(chat_id, title, now, skip_holidays=skip)


async def set_post_time(
    chat_id: int, title: str, kind: str, post_time: str | None, *, now: datetime
) -> GroupSettings:
    """Sets one scheduled post's local time ("HH:MM"), or turns it off with None."""
    await register_group(chat_id, title, now=now)
    async with in_transaction():
        group = await Group.select_for_update().get(chat_id=chat_id)
        group.post_times = {**(group.post_times or {}), kind: post_time}
        await group.save(update_fields=["post_times", "updated_at"])
    return await _found(chat_id)


_ACTIVE_GROUPS = f'SELECT {GROUP_COLUMNS} FROM "groups" g WHERE g.active'


async def active_groups() -> list[GroupSettings]:
    """Every group the bot is still in: the ones scheduled posts go to.

    Plain rows: for thousands of groups ORM objects cost twenty times the
    query, all of it holding up replies.
    """
    return await mapped(settings_of_row, await fetch_rows(_ACTIVE_GROUPS))


@dataclass(frozen=True)
class GroupRow:
    """A group as the scheduler keeps it: its row id (a chat id can change), and when it
    last changed; ``settings`` is None for a group the bot has left."""

    row_id: int
    settings: GroupSettings | None
    updated_at: datetime | None


_ACTIVE_GROUP_ROWS = f'SELECT g.id, g.updated_at, {GROUP_COLUMNS} FROM "groups" g WHERE g.active'


async def active_group_rows() -> tuple[list[GroupRow], datetime]:
    """Every active group with its row id, and the mark to read changes from next
    (``groups_changed_since``)."""

    def row_of(row: Sequence) -> GroupRow:
        return GroupRow(row[0], settings_of_row(row[2:]), as_datetime(row[1]))

    mark = timezone.now()  # before the read: a write during it is read again next time
    rows = await fetch_pages(_ACTIVE_GROUP_ROWS, "g.id", page=1000)
    return await mapped(row_of, rows, chunk=250), mark


_CHANGED_GROUPS = (
    f'SELECT g.id, g.updated_at, g.active, {GROUP_COLUMNS} FROM "groups" g WHERE g.updated_at >= '
)
# A write committed a little after a later one can carry the earlier time:
# each look goes back this far before the mark.
CHANGE_MARGIN = timedelta(seconds=10)


async def groups_changed_since(mark: datetime) -> tuple[list[GroupRow], datetime]:
    """The groups written since ``mark`` (left ones included), and the next mark.

    Every write to a group sets ``updated_at`` (``touched``; a link approved or
    ended touches both its groups), so the scheduler reads only what changed
    instead of every group at every tick. A group written just around a look
    may be read twice; none is missed. Plain rows, a chunk at a time: after a
    write to every group (a migration) this reads them all without holding up
    replies.
    """
    next_mark = timezone.now()
    since = (mark - CHANGE_MARGIN).astimezone(UTC)
    # The bound is our own timestamp, written as both dialects store and compare
    # it (SQLite keeps tortoise's "YYYY-MM-DD HH:MM:SS.ffffff+00:00" as text).
    literal = since.isoformat(sep=" ", timespec="microseconds")
    rows = await fetch_pages(f"{_CHANGED_GROUPS}'{literal}'", "g.id", page=1000)

    def row_of(row: Sequence) -> GroupRow:
        row_id, updated_at, active, *settings = row
        return GroupRow(
            row_id, settings_of_row(settings) if active else None, as_datetime(updated_at)
        )

    return await mapped(row_of, rows, chunk=250), next_mark


async def deactivate_group(chat_id: int) -> None:
    """The bot was removed: keep everything, stop talking to the chat."""
    await Group.filter(chat_id=chat_id).update(active=False, **touched())


async def move_group(old_chat_id: int, new_chat_id: int) -> None:
    """The group became a supergroup: its data follows it to the new chat id."""
    async with in_transaction():
        if await Group.exists(chat_id=new_chat_id):
            # Telegram can deliver both the old chat's service message and
            # updates from the new one; if the new id is already known, the
            # row registered under it is a fresh one with nothing of value.
            old = await Group.get_or_none(chat_id=old_chat_id)
            if old is None:
                return
            await Group.filter(chat_id=new_chat_id).delete()
        await Group.filter(chat_id=old_chat_id).update(chat_id=new_chat_id, **touched())
