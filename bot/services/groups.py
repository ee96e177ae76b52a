"""Group settings: the service handlers call, and the plain record they get back."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from bot.domain.agencies import EXPECTED_BY_DEFAULT, Agency
from bot.domain.forum import GroupSettings
from bot.domain.regions import RegionLevel
from bot.domain.reporting_days import late_cutoff_of
from bot.storage.db import as_date, as_datetime, as_json, fetch_rows, mapped
from bot.storage.models import DEFAULT_ZONE, Group, GroupLink, LinkState

REGION_MAX_LENGTH = 100
ELECTION_NAME_MAX_LENGTH = 100
TITLE_MAX_LENGTH = 255


# Every column a GroupSettings needs, and whether an active group below is linked to it.
GROUP_COLUMNS = (
    "g.chat_id, g.title, g.region_name, g.time_zone, g.locale, g.election_name, "
    "g.polling_day, g.post_times, g.active_since, g.active, g.region_code, g.region_level, "
    "g.expected_agencies, g.late_cutoff, g.skip_holidays, "
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
    )


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
    await Group.filter(chat_id=chat_id).update(**changes)
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
    chat_id: int, title: str, polling_day: date, election_name: str, *, now: datetime
) -> GroupSettings:
    return await _update(chat_id, title, now, polling_day=polling_day, election_name=election_name)


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

    Plain rows: every scheduler tick reads all groups, and for thousands of
    them ORM objects cost twenty times the query, all of it holding up replies.
    """
    return await mapped(settings_of_row, await fetch_rows(_ACTIVE_GROUPS))


async def deactivate_group(chat_id: int) -> None:
    """The bot was removed: keep everything, stop talking to the chat."""
    await Group.filter(chat_id=chat_id).update(active=False)


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
        await Group.filter(chat_id=old_chat_id).update(chat_id=new_chat_id)
