"""The registry of scheduled post kinds: the one place a new kind plugs in.

Each entry holds what composes the post, its ``/jadwal`` name and description,
its default local time, and the days it runs on: ``runs_on`` reads the
group's election day (``bot.domain.elections.ElectionDay``: its stage, whether
reports are expected, its milestones), so the stage decides the rhythm. The scheduler, ``/jadwal``
and the slot maths all read this table; ``tests/test_registries.py`` fails for
a kind declared without an entry (which, with a fall-through, would quietly
post something else).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import time
from enum import StrEnum
from types import MappingProxyType

from bot.domain.elections import CalendarFileError, ElectionCalendar, ElectionDay
from bot.scheduling import composers
from bot.scheduling.composers import Composer
from bot.texts.i18n import N_


class PostKind(StrEnum):
    """A kind of scheduled post; its value is its ``/jadwal`` name and its stored key."""

    LAPORAN = "laporan"  # the daily report opens
    PENGINGAT = "pengingat"  # reminder to liaisons who have not reported
    RINGKASAN = "ringkasan"  # the daily summary
    PENGINGAT_PAGI = "pengingat_pagi"  # polling day's extra round: a morning reminder
    RINGKASAN_SIANG = "ringkasan_siang"  # ... and a first summary
    HITUNGMUNDUR = "hitungmundur"  # countdown and the calendar's milestones
    BRIEF = "brief"  # the meeting brief as a PDF: off unless an admin sets it, daily or weekly


# What kind of day it is for the group (its stage, whether reports are
# expected, its milestones: bot.domain.elections) -> whether the kind has a
# slot that day.
RunsOn = Callable[[ElectionDay], bool]


def report_days(day: ElectionDay) -> bool:
    """The days the group's stage expects reports (every day without a calendar)."""
    return day.reports_expected


def stage_posts(day: ElectionDay, kind: str) -> bool:
    """The days whose stage lists ``kind`` among its extra posts (polling day's round)."""
    return kind in day.posts


def milestone_days(day: ElectionDay) -> bool:
    return bool(day.milestones)


def every_day(day: ElectionDay) -> bool:
    """The brief reads the fortnight up to its day: a Monday meeting needs it whatever
    the stage asks of that Monday."""
    return True


@dataclass(frozen=True)
class PostKindSpec:
    kind: PostKind
    description: str  # what /jadwal says of it (a catalog message)
    default_time: time | None  # None: off until an admin sets a time
    compose: Composer
    runs_on: RunsOn = report_days
    # Unless the group set this kind's own time, it goes out at that kind's
    # (the milestone posts at the morning post's time).
    follows: PostKind | None = None
    # An admin may set it for one weekday ("/jadwal brief Senin 08.00"), not only daily.
    weekly: bool = False
    # A worker makes its file (the brief): seconds, and minutes when thousands fall
    # due at once, so it goes out beside the ticks instead of within one.
    made_by_worker: bool = False


# In this order the posts of one group due in the same minute go out: the
# report opening is read before the countdown of 07.00.
POST_KINDS: Mapping[PostKind, PostKindSpec] = MappingProxyType(
    {
        spec.kind: spec
        for spec in (
            PostKindSpec(
                PostKind.LAPORAN,
                N_("laporan dibuka, dengan tombol formulir, pada hari laporan diminta"),
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
                PostKind.PENGINGAT_PAGI,
                N_("pengingat pagi, hanya pada hari pemungutan suara"),
                time(10, 0),
                composers.reminder,
                runs_on=lambda day: stage_posts(day, PostKind.PENGINGAT_PAGI),
            ),
            PostKindSpec(
                PostKind.RINGKASAN_SIANG,
                N_("ringkasan sementara, hanya pada hari pemungutan suara"),
                time(14, 0),
                composers.interim_summary,
                runs_on=lambda day: stage_posts(day, PostKind.RINGKASAN_SIANG),
            ),
            PostKindSpec(
                PostKind.HITUNGMUNDUR,
                N_(
                    "hitung mundur dan tonggak tahapan (kampanye, masa tenang, H-1, hari H, "
                    "rekapitulasi), pada jam laporan dibuka"
                ),
                time(7, 0),
                composers.countdown,
                runs_on=milestone_days,
                follows=PostKind.LAPORAN,
            ),
            PostKindSpec(
                PostKind.BRIEF,
                N_(
                    "brief rapat koordinasi (PDF) dua pekan terakhir; mati kecuali diatur, "
                    "harian atau mingguan: /jadwal brief Senin 08.00"
                ),
                None,
                composers.brief,
                runs_on=every_day,
                weekly=True,
                made_by_worker=True,
            ),
        )
    }
)


def check_stage_posts(calendars: Iterable[ElectionCalendar]) -> None:
    """Every extra post a calendar's stage names is a kind here: a typo fails at start."""
    for calendar in calendars:
        for stage in calendar.stages:
            unknown = sorted(stage.posts - {kind.value for kind in POST_KINDS})
            if unknown:
                raise CalendarFileError(
                    f"calendar {calendar.id}, stage '{stage.id}': 'posts' names no post kind: "
                    f"{unknown}; kinds: {[kind.value for kind in POST_KINDS]}"
                )
