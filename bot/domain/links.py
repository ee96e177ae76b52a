"""Which group may join which: the rules of a link between a lower group and a group above.

A group joins the level right above its own (kecamatan → kabupaten/kota →
provinsi → nasional), only a group whose code holds its own (``64.08.01``
under ``64.08``, ``64.08`` under ``64``; every province under a national
group), at most one group above at a time, and never a group below itself.
Pure rules over plain records; the service applies them inside a transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from bot.domain.regions.levels import RegionLevel, is_inside


@dataclass(frozen=True)
class GroupRef:
    """A group as another group may know it: who it is, none of its data."""

    chat_id: int
    name: str  # its region's name, or its title while it has none
    code: str | None
    level: RegionLevel | None
    active: bool = True


class LinkRefusal(StrEnum):
    """Why a group may not join another; each has its own answer in the chat."""

    NO_REGION = "no_region"  # the lower group has no official region yet
    TOP_LEVEL = "top_level"  # a national group has nothing above it
    SELF = "self"
    CYCLE = "cycle"  # the upper group is below the lower one
    WRONG_LEVEL = "wrong_level"  # not the level right above
    OUTSIDE = "outside"  # the lower group's code is not inside the upper group's
    UPPER_GONE = "upper_gone"  # the bot is no longer in the upper group
    ALREADY_LINKED = "already_linked"  # a group has at most one group above
    ALREADY_REQUESTED = "already_requested"  # one request at a time


def refusal(lower: GroupRef, upper: GroupRef) -> LinkRefusal | None:
    """Why ``lower`` may not join ``upper`` by their regions alone; None when it may."""
    if lower.level is None or (lower.code is None and lower.level is not RegionLevel.NASIONAL):
        return LinkRefusal.NO_REGION
    if lower.level.above is None:
        return LinkRefusal.TOP_LEVEL
    if lower.chat_id == upper.chat_id:
        return LinkRefusal.SELF
    if upper.level is not lower.level.above:
        return LinkRefusal.WRONG_LEVEL
    if upper.level is not RegionLevel.NASIONAL and (
        upper.code is None or lower.code is None or not is_inside(lower.code, upper.code)
    ):
        return LinkRefusal.OUTSIDE
    if not upper.active:
        return LinkRefusal.UPPER_GONE
    return None


def wanted_above(lower: GroupRef) -> tuple[RegionLevel, str | None] | None:
    """The level and code of the group ``lower`` may join (code None: a national group)."""
    if lower.level is None or lower.level.above is None or lower.code is None:
        return None
    above = lower.level.above
    if above is RegionLevel.NASIONAL:
        return above, None
    head, _, _ = lower.code.rpartition(".")
    return above, head
