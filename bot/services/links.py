"""Links between groups: a lower group's request to join a group above, its answer, its end.

The rules of who may join whom are ``bot.domain.links``; here they are applied
inside a transaction that locks the lower group's row, so two requests at
once cannot both pass the "at most one group above" check. Reading data
across a link is ``bot.services.regional``'s business, never this module's.
"""

from __future__ import annotations

from dataclasses import dataclass

from tortoise.transactions import in_transaction

from bot.domain.links import GroupRef, LinkRefusal, refusal, wanted_above
from bot.domain.regions import RegionLevel
from bot.services.groups import touched
from bot.storage.models import Group, GroupLink, LinkState

# Ids arrive in button data, where anyone can put any number; the database
# refuses (rather than misses) one its column cannot hold.
_IDS = range(1, 2**31)
_OPEN = (LinkState.REQUESTED, LinkState.APPROVED)
# Levels bound every walk along the links: nasional, provinsi, kabupaten/kota, kecamatan.
MAX_DEPTH = 3


@dataclass(frozen=True)
class LinkRecord:
    id: int
    lower: GroupRef
    upper: GroupRef
    state: LinkState
    request_message_id: int | None = None

    @property
    def approved(self) -> bool:
        return self.state is LinkState.APPROVED

    @property
    def requested(self) -> bool:
        return self.state is LinkState.REQUESTED


class LinkRefused(Exception):
    def __init__(self, reason: LinkRefusal, other: GroupRef | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.other = other  # the group already above (or asked), or the one below for a cycle


def group_ref(group: Group) -> GroupRef:
    return GroupRef(
        chat_id=group.chat_id,
        name=group.region_name or group.title,
        code=group.region_code,
        level=RegionLevel(group.region_level) if group.region_level else None,
        active=group.active,
    )


def _record(link: GroupLink) -> LinkRecord:
    return LinkRecord(
        id=link.id,
        lower=group_ref(link.lower),
        upper=group_ref(link.upper),
        state=LinkState(link.state),
        request_message_id=link.request_message_id,
    )


async def find_link(link_id: int) -> LinkRecord | None:
    if link_id not in _IDS:
        return None
    link = await GroupLink.get_or_none(id=link_id).select_related("lower", "upper")
    return _record(link) if link else None


async def group_ref_of(chat_id: int) -> GroupRef | None:
    group = await Group.get_or_none(chat_id=chat_id)
    return group_ref(group) if group else None


async def candidates_above(chat_id: int) -> list[GroupRef]:
    """The registered groups, with the bot still in them, that this group may ask to join."""
    group = await Group.get_or_none(chat_id=chat_id)
    wanted = wanted_above(group_ref(group)) if group else None
    if group is None or wanted is None:
        return []
    level, code = wanted
    rows = await Group.filter(region_level=level.value, region_code=code, active=True).order_by(
        "region_name", "id"
    )
    return [group_ref(row) for row in rows if row.id != group.id]


async def link_up(chat_id: int) -> LinkRecord | None:
    """The group's requested or approved link to a group above, if any."""
    link = (
        await GroupLink.filter(lower__chat_id=chat_id, state__in=_OPEN)
        .select_related("lower", "upper")
        .first()
    )
    return _record(link) if link else None


async def links_down(chat_id: int) -> list[LinkRecord]:
    """The group's approved links to groups below, by region code then name."""
    links = await GroupLink.filter(upper__chat_id=chat_id, state=LinkState.APPROVED).select_related(
        "lower", "upper"
    )
    records = [_record(link) for link in links]
    return sorted(records, key=lambda r: (r.lower.code or "", r.lower.name, r.id))


async def _ancestors(group_id: int) -> set[int]:
    """Ids of the groups above ``group_id`` along approved links."""
    found: set[int] = set()
    current = group_id
    for _ in range(MAX_DEPTH + 1):
        link = await GroupLink.filter(lower_id=current, state=LinkState.APPROVED).first()
        if link is None or link.upper_id in found:
            break
        found.add(link.upper_id)
        current = link.upper_id
    return found


async def request_link(lower_chat_id: int, upper_chat_id: int, requested_by: int) -> LinkRecord:
    """Files the lower group's request to join the upper one; ``LinkRefused`` says why not.

    Nothing is stored when it is refused.
    """
    async with in_transaction():
        lower = await Group.select_for_update().get_or_none(chat_id=lower_chat_id)
        upper = await Group.get_or_none(chat_id=upper_chat_id)
        if lower is None:
            raise LinkRefused(LinkRefusal.NO_REGION)
        if upper is None:
            raise LinkRefused(LinkRefusal.UPPER_GONE)
        lower_ref, upper_ref = group_ref(lower), group_ref(upper)
        existing = (
            await GroupLink.filter(lower_id=lower.id, state__in=_OPEN)
            .select_related("lower", "upper")
            .first()
        )
        if existing is not None:
            raise LinkRefused(
                LinkRefusal.ALREADY_LINKED
                if existing.state == LinkState.APPROVED
                else LinkRefusal.ALREADY_REQUESTED,
                group_ref(existing.upper),
            )
        reason = refusal(lower_ref, upper_ref)
        if reason in (None, LinkRefusal.WRONG_LEVEL, LinkRefusal.OUTSIDE) and (
            lower.id in await _ancestors(upper.id)
        ):
            reason = LinkRefusal.CYCLE  # the levels forbid it already; say what it is
        if reason is not None:
            raise LinkRefused(reason, upper_ref)
        link = await GroupLink.create(
            lower_id=lower.id,
            upper_id=upper.id,
            state=LinkState.REQUESTED,
            requested_by=requested_by,
        )
        link.lower, link.upper = lower, upper
    return _record(link)


async def remember_request_message(link_id: int, message_id: int) -> None:
    await GroupLink.filter(id=link_id).update(request_message_id=message_id)


async def withdraw_request(link_id: int) -> None:
    """Forgets a request that never reached the upper group (the bot was removed from it)."""
    await GroupLink.filter(id=link_id, state=LinkState.REQUESTED).delete()


async def decide(
    link_id: int, upper_chat_id: int, approve: bool, admin_id: int
) -> LinkRecord | None:
    """Accepts or rejects a pending request made to this group; None when none is pending.

    A request answered already, withdrawn, or made to another group is left as it is.
    """
    upper = await Group.get_or_none(chat_id=upper_chat_id)
    if link_id not in _IDS or upper is None:
        return None
    updated = await GroupLink.filter(
        id=link_id, upper_id=upper.id, state=LinkState.REQUESTED
    ).update(state=LinkState.APPROVED if approve else LinkState.REJECTED, decided_by=admin_id)
    if not updated:
        return None
    link = await find_link(link_id)
    if link is not None and approve:
        await _touch(link)
    return link


async def end_link(link_id: int, chat_id: int, admin_id: int) -> LinkRecord | None:
    """Ends a link (or withdraws a request) one of whose two groups is ``chat_id``, at once.

    Returns the link as it stood just before (approved, or requested for a
    withdrawn request); None when there is no such open link: ended already,
    or not this group's.
    """
    before = await find_link(link_id)
    if before is None or chat_id not in (before.lower.chat_id, before.upper.chat_id):
        return None
    if before.state not in _OPEN:
        return None
    updated = await GroupLink.filter(id=link_id, state=before.state).update(
        state=LinkState.ENDED, ended_by=admin_id
    )
    if not updated:
        return None
    await _touch(before)
    return before


async def _touch(link: LinkRecord) -> None:
    """Marks both groups changed: the upper one's summary time follows whether groups are
    linked below it (``bot.scheduling.slots.summary_time_with_rollup``), and the scheduler
    reads only groups marked changed (``groups.groups_changed_since``)."""
    await Group.filter(chat_id__in=[link.lower.chat_id, link.upper.chat_id]).update(**touched())
