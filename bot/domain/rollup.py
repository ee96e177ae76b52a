"""A region's day at a glance: the reports of every group in it, combined by the forms' rules.

A group above sees one line per region below it; each line stands for the
region's own group and every group linked below that one. What a line says
comes from the forms data: the situation is the most serious level any agency
reported, and each headline figure combines by its question's rule (head
counts add up, shares are averaged, a ``part_of`` count is shown as a share of
its whole, taken over the reports that gave both). Nothing here reads a
database or knows a question id.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from bot.domain.agencies import Agency
from bot.domain.forms import FormSet
from bot.domain.forms.combining import Combined, combine, share
from bot.domain.forum import Answer
from bot.domain.links import GroupRef
from bot.domain.regions.levels import RegionLevel


@dataclass(frozen=True)
class AgencyDay:
    """One agency's current report of the day, as the rollup reads it."""

    agency: Agency
    submitted_at: datetime
    answers: Mapping[str, Answer]


@dataclass(frozen=True)
class GroupDay:
    """One group's day: the agencies it expects (approved liaisons) and the reports it got."""

    expected_agencies: frozenset[Agency]
    reports: tuple[AgencyDay, ...]  # at most one per agency

    @property
    def counted_agencies(self) -> int:
        """Agencies expected or heard from (a report outlives its liaison's removal)."""
        return len(self.expected_agencies | {report.agency for report in self.reports})


@dataclass(frozen=True)
class Figure:
    """A headline figure combined over a region; ``whole`` and ``share`` for a ``part_of`` one."""

    question_id: str
    value: Combined
    whole: Combined = None
    share: Decimal | None = None


@dataclass(frozen=True)
class Tally:
    """What a rollup line says of a region (or of all of them, in the totals line)."""

    groups: int  # groups counted: the region's own and every one linked below it
    expected_agencies: int
    reported_agencies: int
    situation: str | None  # the most serious level reported; None when none was
    figures: tuple[Figure, ...]  # the forms' headlines in their order, those with a value

    @property
    def has_reports(self) -> bool:
        return self.reported_agencies > 0

    def figure(self, question_id: str) -> Figure | None:
        return next((f for f in self.figures if f.question_id == question_id), None)


def tally(forms: FormSet, days: Iterable[GroupDay]) -> Tally:
    """The groups' day combined: counts added, the worst situation, headline figures by rule."""
    days = list(days)
    reports = sorted(
        (report for day in days for report in day.reports), key=lambda r: r.submitted_at
    )
    scale = forms.situation
    return Tally(
        groups=len(days),
        expected_agencies=sum(day.counted_agencies for day in days),
        reported_agencies=sum(len(day.reports) for day in days),
        situation=scale.worst(scale.of(report.answers) for report in reports),
        figures=tuple(
            figure
            for figure in (_figure(forms, qid, reports) for qid in forms.headlines)
            if figure is not None
        ),
    )


def _figure(forms: FormSet, question_id: str, reports: list[AgencyDay]) -> Figure | None:
    question = forms.questions.get(question_id)
    if question is None:
        return None
    if question.part_of is not None:
        whole_question = forms.questions.get(question.part_of.question)
        both = [
            r
            for r in reports
            if r.answers.get(question_id) is not None
            and r.answers.get(question.part_of.question) is not None
        ]
        if whole_question is not None and both:
            part = combine(question, [r.answers[question_id] for r in both])
            whole = combine(whole_question, [r.answers[whole_question.id] for r in both])
            return Figure(question_id, part, whole, share(part, whole))
    value = combine(question, [r.answers.get(question_id) for r in reports])
    return None if value is None else Figure(question_id, value)


def worst_first(forms: FormSet, tally: Tally, name: str) -> tuple:
    """Sort key for rollup lines: the most serious situation first, then the least reported,
    then by name; regions with no report at all come last."""
    if not tally.has_reports:
        return (1, 0, Decimal(0), name)
    rank = forms.situation.rank(tally.situation) if tally.situation is not None else -1
    reported = Decimal(tally.reported_agencies) / max(tally.expected_agencies, 1)
    return (0, -rank, reported, name)


@dataclass(frozen=True)
class TreeNode:
    """A group in the tree below a group, as the links stood when it was read."""

    group: GroupRef
    parent_chat_id: int | None  # None for the group the tree hangs from
    depth: int  # 0 for that group, 1 for the groups linked right below it, …


@dataclass(frozen=True)
class RegionLine:
    """One region below a group: its own group and every group linked below that one."""

    chat_id: int
    name: str
    code: str | None
    level: RegionLevel | None
    depth: int  # 1: linked right below the group looking
    parent_chat_id: int
    active: bool  # False: the bot was removed from the region's group; nothing of it is read
    tally: Tally


@dataclass(frozen=True)
class Rollup:
    """The "Rekap wilayah" of a group for one day: a line per region right below it, and totals.

    ``regions`` come worst first, the regions with no report at all last;
    ``every_region`` holds a line for every group in the tree (each deeper
    one's parent named), for exports that want a sheet per level.
    """

    chat_id: int
    day: date
    regions: tuple[RegionLine, ...]
    total: Tally  # every region of ``regions`` combined
    every_region: tuple[RegionLine, ...] = ()


def rollup_of(
    forms: FormSet,
    root_chat_id: int,
    day: date,
    nodes: Sequence[TreeNode],
    days: Mapping[int, GroupDay],
    *,
    every_region: bool = False,
) -> Rollup:
    """The rollup of ``root_chat_id`` from the tree below it and each active group's day."""
    below: dict[int, list[int]] = {}
    for node in nodes:
        if node.parent_chat_id is not None:
            below.setdefault(node.parent_chat_id, []).append(node.group.chat_id)

    def region_days(chat_id: int) -> list[GroupDay]:
        return [days[c] for c in _with_below(chat_id, below) if c in days]

    def line(node: TreeNode) -> RegionLine:
        group = node.group
        assert node.parent_chat_id is not None
        return RegionLine(
            chat_id=group.chat_id,
            name=group.name,
            code=group.code,
            level=group.level,
            depth=node.depth,
            parent_chat_id=node.parent_chat_id,
            active=group.active,
            tally=tally(forms, region_days(group.chat_id)),
        )

    regions = sorted(
        (line(node) for node in nodes if node.depth == 1),
        # A region whose group removed the bot comes after the silent ones: nothing is read.
        key=lambda region: (not region.active, worst_first(forms, region.tally, region.name)),
    )
    return Rollup(
        chat_id=root_chat_id,
        day=day,
        regions=tuple(regions),
        total=tally(forms, [d for region in regions for d in region_days(region.chat_id)]),
        every_region=tuple(line(node) for node in nodes if node.depth >= 1) if every_region else (),
    )


def _with_below(chat_id: int, below: Mapping[int, list[int]]) -> list[int]:
    found, stack = [], [chat_id]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(below.get(current, ()))
    return found
