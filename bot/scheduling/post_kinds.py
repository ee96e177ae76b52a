"""The registry of scheduled post kinds: the one place a new kind plugs in.

Each entry holds what composes the post, its ``/jadwal`` name and description,
its default local time, and the days it runs on. The scheduler, ``/jadwal``
and the slot maths all read this table; ``tests/test_registries.py`` fails for
a kind declared without an entry (which, with a fall-through, would quietly
post something else).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, time
from enum import StrEnum
from types import MappingProxyType

from bot.domain.countdown import is_milestone
from bot.scheduling import composers
from bot.scheduling.composers import Composer
from bot.texts.i18n import N_


class PostKind(StrEnum):
    """A kind of scheduled post; its value is its ``/jadwal`` name and its stored key."""

    LAPORAN = "laporan"  # the daily report opens
    PENGINGAT = "pengingat"  # reminder to liaisons who have not reported
    RINGKASAN = "ringkasan"  # the daily summary
    HITUNGMUNDUR = "hitungmundur"  # countdown, on milestone days only


# (local day, polling day or None) -> whether the kind has a slot that day.
RunsOn = Callable[[date, date | None], bool]


def every_day(day: date, polling_day: date | None) -> bool:
    return True


def milestone_days(day: date, polling_day: date | None) -> bool:
    return polling_day is not None and is_milestone(day, polling_day)


@dataclass(frozen=True)
class PostKindSpec:
    kind: PostKind
    description: str  # what /jadwal says of it (a catalog message)
    default_time: time
    compose: Composer
    runs_on: RunsOn = every_day


# In this order the posts of one group due in the same minute go out: the
# report opening is read before the countdown of 07.00.
POST_KINDS: Mapping[PostKind, PostKindSpec] = MappingProxyType(
    {
        spec.kind: spec
        for spec in (
            PostKindSpec(
                PostKind.LAPORAN,
                N_("laporan harian dibuka, dengan tombol formulir"),
                time(7, 0),
                composers.report_opening,
            ),
            PostKindSpec(
                PostKind.PENGINGAT,
                N_("pengingat bagi yang belum melapor"),
                time(12, 0),
                composers.reminder,
            ),
            PostKindSpec(
                PostKind.RINGKASAN, N_("ringkasan harian"), time(17, 0), composers.daily_summary
            ),
            PostKindSpec(
                PostKind.HITUNGMUNDUR,
                N_("hitung mundur, hanya pada H-30, H-14, H-7, H-3, H-2, H-1, Hari H"),
                time(7, 0),
                composers.countdown,
                runs_on=milestone_days,
            ),
        )
    }
)
