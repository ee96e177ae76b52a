"""The shipped calendars, read and checked at start, and a region's corrections, checked alike.

Format of ``presets/<id>.json`` (version 1)::

    {
      "version": 1,
      "id": "pilkada2024",                    # what /hari_h takes; "relatif" is the template
      "name": "Pilkada Serentak 2024",        # the election's name (a catalog message)
      "polling_day": "2024-11-27",            # presets only; the template has none
      "reports_outside_stages": "weekly:monday",  # days in no stage, until the calendar ends
      "reports_after_calendar": "none",       # days after its last stage or deadline
      "sources": [ {"id": ..., "short": "PKPU 2/2024", "title": ..., "checked": ...} ],
      "stages": [ STAGE, ... ],
      "deadlines": [ {"id": "logistik_tps", "name": ..., "day": DAY, "sources": [...],
                      "announce": true} ]
    }

    STAGE = {
      "id": "rekap_kabkota",                  # [a-z_]{1,24}; the forms data may name it
      "name": "rekapitulasi tingkat kabupaten/kota",  # lower case: it is read inside sentences
      "first": DAY, "last": DAY,              # an ISO date, or in the template days from
                                              # polling day (-3 is H-3)
      "sources": ["kpu_rekap_2024"],          # ids of "sources", at least one
      "reports": "daily",                     # daily | weekdays | weekly:<weekday> | none
      "reports_from": {"days_before": 30, "reports": "daily"},  # optional: the rhythm from
                                              #   H-30 on (the campaign's last weeks)
      "level": "kabkota",                     # a recapitulation's level: kecamatan, kabkota,
                                              #   provinsi, nasional
      "parallel": true,                       # runs alongside other stages (count, recaps)
      "announce": ["start", "last"],          # milestone posts on its first and last day
      "posts": ["pengingat_pagi"]             # extra scheduled post kinds on its days
    }

Rules checked for the shipped files and for every correction alike: one
``pemungutan`` stage on polling day; every stage inside the election's span
(``SPAN_BEFORE`` days before polling day to ``SPAN_AFTER`` after); a stage that
is not parallel ends before polling day and overlaps no other such stage;
parallel stages start on polling day or later.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import Enum
from functools import cache, lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from bot.domain.elections.calendar import (
    RELATIVE_ID,
    Correction,
    Deadline,
    ElectionCalendar,
    Level,
    Rhythm,
    Source,
    Stage,
)

FORMAT_VERSION = 1
PRESETS_DIR = Path(__file__).resolve().parent / "presets"
PRESET_IDS = ("pilkada2024", "pemilu2024")
POLLING_STAGE = "pemungutan"
# How far from polling day a stage may lie: the campaign and the count fit
# well inside; a date beyond is a typo (a year off), not a schedule.
SPAN_BEFORE = timedelta(days=365)
SPAN_AFTER = timedelta(days=90)
# The template is checked against this polling day at start.
_SAMPLE_POLLING_DAY = date(2024, 11, 27)

_ID = re.compile(r"[a-z][a-z0-9_]{0,23}")
_EDGES = frozenset({"start", "last"})


class CalendarFileError(ValueError):
    """A shipped calendar file cannot be used; the message names the place."""


class CorrectionProblem(Enum):
    UNKNOWN_STAGE = "unknown_stage"
    POLLING_DAY = "polling_day"  # polling day moves with /hari_h, not as a stage
    REVERSED = "reversed"
    OUTSIDE_SPAN = "outside_span"
    CROSSES_POLLING_DAY = "crosses_polling_day"
    OVERLAP = "overlap"


@dataclass
class CorrectionError(ValueError):
    """Why a stage's new dates are refused; the handler explains it in the group's language."""

    problem: CorrectionProblem
    stage_id: str
    other: str | None = None  # the stage it would overlap
    earliest: date | None = None  # the span it must stay within
    latest: date | None = None

    def __str__(self) -> str:
        return f"{self.problem.value}: {self.stage_id}"


@dataclass(frozen=True)
class _Template:
    """A calendar file as read: dates as ISO dates (presets) or days from polling day."""

    id: str
    name: str
    polling_day: date | None
    reports_outside: Rhythm
    reports_after: Rhythm
    sources: Mapping[str, Source]
    stages: tuple[dict, ...]  # "first"/"last" still as read
    deadlines: tuple[dict, ...]

    def on(self, polling_day: date) -> ElectionCalendar:
        def day(value: date | int) -> date:
            return polling_day + timedelta(days=value) if isinstance(value, int) else value

        stages = tuple(
            Stage(**{**item, "first": day(item["first"]), "last": day(item["last"])})
            for item in self.stages
        )
        deadlines = tuple(Deadline(**{**item, "day": day(item["day"])}) for item in self.deadlines)
        return ElectionCalendar(
            id=self.id,
            name=self.name,
            polling_day=polling_day,
            stages=stages,
            deadlines=deadlines,
            sources=self.sources,
            reports_outside=self.reports_outside,
            reports_after=self.reports_after,
        )


@cache
def load_presets() -> Mapping[str, ElectionCalendar]:
    """Every preset by id, read and checked (``CalendarFileError`` when one is wrong)."""
    presets = {}
    for preset_id in PRESET_IDS:
        template = _read(PRESETS_DIR / f"{preset_id}.json", relative=False)
        assert template.polling_day is not None  # checked when read
        presets[preset_id] = _checked(template.on(template.polling_day), f"{preset_id}.json")
    _relative_template()  # checked at start as well
    return MappingProxyType(presets)


def read_calendar(path: Path, polling_day: date | None = None) -> ElectionCalendar:
    """Reads and checks one calendar file: a preset, or a template placed on ``polling_day``.

    ``CalendarFileError`` names what is wrong and where.
    """
    relative = polling_day is not None
    template = _read(Path(path), relative=relative)
    day = polling_day if polling_day is not None else template.polling_day
    assert day is not None  # a preset has its own (checked when read)
    return _checked(template.on(day), Path(path).name)


def preset(preset_id: str) -> ElectionCalendar | None:
    return load_presets().get(preset_id.casefold())


@cache
def _relative_template() -> _Template:
    template = _read(PRESETS_DIR / f"{RELATIVE_ID}.json", relative=True)
    _checked(template.on(_SAMPLE_POLLING_DAY), f"{RELATIVE_ID}.json")
    return template


def relative_calendar(polling_day: date) -> ElectionCalendar:
    """The template's stages around ``polling_day``: any election without a preset."""
    return _relative_template().on(polling_day)


@cache
def known_stage_ids() -> frozenset[str]:
    """Every stage id any shipped calendar uses: what the forms data may name."""
    calendars = [*load_presets().values(), relative_calendar(_SAMPLE_POLLING_DAY)]
    return frozenset(stage.id for calendar in calendars for stage in calendar.stages)


@lru_cache(maxsize=4096)
def build_calendar(
    preset_id: str | None, polling_day: date, corrections: tuple[Correction, ...] = ()
) -> ElectionCalendar:
    """A group's calendar: a preset (or the template around ``polling_day``), corrected.

    A stored correction that no longer fits (the shipped data changed since)
    is left out rather than breaking the group's calendar.
    """
    base = preset(preset_id) if preset_id else None
    calendar = base if base is not None else relative_calendar(polling_day)
    for stage_id, first, last in corrections:
        try:
            calendar = corrected(calendar, stage_id, first, last)
        except CorrectionError:
            continue
    return calendar


def corrected(
    calendar: ElectionCalendar, stage_id: str, first: date, last: date
) -> ElectionCalendar:
    """The calendar with one stage's dates changed; ``CorrectionError`` says why not."""
    stage = calendar.stage(stage_id)
    if stage is None:
        raise CorrectionError(CorrectionProblem.UNKNOWN_STAGE, stage_id)
    if stage_id == POLLING_STAGE:
        raise CorrectionError(CorrectionProblem.POLLING_DAY, stage_id)
    changed = replace(stage, first=first, last=last, corrected=True)
    stages = tuple(changed if s.id == stage_id else s for s in calendar.stages)
    kept = tuple(c for c in calendar.corrections if c[0] != stage_id)
    result = replace(
        calendar, stages=stages, corrections=tuple(sorted((*kept, (stage_id, first, last))))
    )
    problem = _problem(result, changed)
    if problem is not None:
        raise problem
    return result


def check_correction(
    calendar: ElectionCalendar, stage_id: str, first: date, last: date
) -> tuple[Correction, ...]:
    """The corrections to store once ``stage_id`` runs ``first`` to ``last``; or CorrectionError."""
    return corrected(calendar, stage_id, first, last).corrections


def without_correction(calendar: ElectionCalendar, stage_id: str) -> tuple[Correction, ...]:
    """The corrections to store once ``stage_id`` is back to the calendar's own dates."""
    return tuple(c for c in calendar.corrections if c[0] != stage_id)


def _problem(calendar: ElectionCalendar, stage: Stage) -> CorrectionError | None:
    """What is wrong with ``stage`` in ``calendar``, or None."""
    polling_day = calendar.polling_day
    earliest, latest = polling_day - SPAN_BEFORE, polling_day + SPAN_AFTER
    if stage.first > stage.last:
        return CorrectionError(CorrectionProblem.REVERSED, stage.id)
    if stage.first < earliest or stage.last > latest:
        return CorrectionError(
            CorrectionProblem.OUTSIDE_SPAN, stage.id, earliest=earliest, latest=latest
        )
    if stage.id == POLLING_STAGE:
        if stage.first != polling_day or stage.last != polling_day:
            return CorrectionError(CorrectionProblem.POLLING_DAY, stage.id)
        return None
    if stage.parallel and stage.first < polling_day:
        return CorrectionError(
            CorrectionProblem.CROSSES_POLLING_DAY, stage.id, earliest=polling_day, latest=latest
        )
    if not stage.parallel and stage.last >= polling_day:
        return CorrectionError(
            CorrectionProblem.CROSSES_POLLING_DAY,
            stage.id,
            earliest=earliest,
            latest=polling_day - timedelta(days=1),
        )
    if not stage.parallel:
        for other in calendar.stages:
            if other.id == stage.id or other.parallel or other.id == POLLING_STAGE:
                continue
            if other.first <= stage.last and stage.first <= other.last:
                return CorrectionError(CorrectionProblem.OVERLAP, stage.id, other=other.id)
    return None


def _checked(calendar: ElectionCalendar, where: str) -> ElectionCalendar:
    """Every rule a correction must keep, checked for a shipped calendar as a whole."""
    polling = calendar.stage(POLLING_STAGE)
    if polling is None:
        raise CalendarFileError(f"calendar {where}: no '{POLLING_STAGE}' stage")
    for stage in calendar.stages:
        problem = _problem(calendar, stage)
        if problem is not None:
            detail = f" (overlaps '{problem.other}')" if problem.other else ""
            raise CalendarFileError(
                f"calendar {where}, stage '{stage.id}': {problem.problem.value}{detail}"
            )
    for deadline in calendar.deadlines:
        if not (
            calendar.polling_day - SPAN_BEFORE <= deadline.day <= calendar.polling_day + SPAN_AFTER
        ):
            raise CalendarFileError(f"calendar {where}, deadline '{deadline.id}': outside the span")
    return calendar


# Reading the files: strict about keys and types, like the forms loader.

_TOP = {
    "version",
    "id",
    "name",
    "polling_day",
    "reports_outside_stages",
    "reports_after_calendar",
    "sources",
    "stages",
    "deadlines",
}
_STAGE_KEYS = {
    "id",
    "name",
    "first",
    "last",
    "sources",
    "reports",
    "level",
    "parallel",
    "announce",
    "posts",
    "reports_from",
}


def _read(path: Path, *, relative: bool) -> _Template:
    where = f"calendar {path.name}"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CalendarFileError(f"{where}: cannot be read: {error}") from None
    _keys(data, where, required=_TOP - {"polling_day"}, allowed=_TOP)
    if data["version"] != FORMAT_VERSION:
        raise CalendarFileError(f"{where}: 'version' must be {FORMAT_VERSION}")
    if relative == ("polling_day" in data):
        need = "has no" if relative else "needs a"
        raise CalendarFileError(
            f"{where}: the {'template' if relative else 'preset'} {need} 'polling_day'"
        )
    sources = {}
    for item in _list(data["sources"], f"{where}: 'sources'"):
        _keys(item, f"{where}, source", required={"id", "short", "title", "checked"})
        sources[item["id"]] = Source(**{key: _text(item[key], where) for key in item})
    stage_ids: set[str] = set()
    stages = []
    for item in _list(data["stages"], f"{where}: 'stages'"):
        stage = _stage(item, where, sources, relative)
        if stage["id"] in stage_ids:
            raise CalendarFileError(f"{where}: stage '{stage['id']}' is listed twice")
        stage_ids.add(stage["id"])
        stages.append(stage)
    deadlines = []
    for item in _list(data["deadlines"], f"{where}: 'deadlines'"):
        here = f"{where}, deadline {item.get('id')!r}"
        _keys(
            item,
            here,
            required={"id", "name", "day", "sources"},
            allowed={"id", "name", "day", "sources", "announce"},
        )
        deadlines.append(
            {
                "id": _identifier(item["id"], here),
                "name": _text(item["name"], here),
                "day": _day(item["day"], f"{here}: 'day'", relative),
                "sources": _sources(item["sources"], here, sources),
                "announce": _bool(item.get("announce", False), f"{here}: 'announce'"),
            }
        )
    return _Template(
        id=_identifier(data["id"], where),
        name=_text(data["name"], where),
        polling_day=None if relative else _iso_day(data["polling_day"], f"{where}: 'polling_day'"),
        reports_outside=_rhythm(data["reports_outside_stages"], where),
        reports_after=_rhythm(data["reports_after_calendar"], where),
        sources=MappingProxyType(sources),
        stages=tuple(stages),
        deadlines=tuple(deadlines),
    )


def _stage(item: Any, where: str, sources: Mapping[str, Source], relative: bool) -> dict:
    here = f"{where}, stage {item.get('id') if isinstance(item, dict) else item!r}"
    _keys(
        item,
        here,
        required={"id", "name", "first", "last", "sources", "reports"},
        allowed=_STAGE_KEYS,
    )
    level = item.get("level")
    if level is not None and level not in {lv.key for lv in Level}:
        raise CalendarFileError(f"{here}: 'level' must be one of {[lv.key for lv in Level]}")
    announce = frozenset(_list(item.get("announce", []), f"{here}: 'announce'"))
    if not announce <= _EDGES:
        raise CalendarFileError(f"{here}: 'announce' may hold 'start' and 'last' only")
    posts = _list(item.get("posts", []), f"{here}: 'posts'")
    reports_from = item.get("reports_from")
    if reports_from is not None:
        _keys(reports_from, f"{here}: 'reports_from'", required={"days_before", "reports"})
        days_before = reports_from["days_before"]
        if not isinstance(days_before, int) or isinstance(days_before, bool) or days_before < 0:
            raise CalendarFileError(f"{here}: 'reports_from': 'days_before' is a whole number")
        reports_from = (days_before, _rhythm(reports_from["reports"], here))
    return {
        "id": _identifier(item["id"], here),
        "name": _text(item["name"], here),
        "first": _day(item["first"], f"{here}: 'first'", relative),
        "last": _day(item["last"], f"{here}: 'last'", relative),
        "sources": _sources(item["sources"], here, sources),
        "reports": _rhythm(item["reports"], here),
        "reports_from": reports_from,
        "level": None if level is None else Level.from_key(level),
        "parallel": _bool(item.get("parallel", False), f"{here}: 'parallel'"),
        "announce": announce,
        "posts": frozenset(_identifier(post, f"{here}: 'posts'") for post in posts),
    }


def _keys(value: Any, where: str, *, required: set[str], allowed: set[str] | None = None) -> None:
    if not isinstance(value, dict):
        raise CalendarFileError(f"{where}: must be a JSON object")
    missing = sorted(required - set(value))
    if missing:
        raise CalendarFileError(f"{where}: missing {missing}")
    extra = sorted(set(value) - (allowed if allowed is not None else required))
    if extra:
        raise CalendarFileError(f"{where}: unexpected keys {extra}")


def _list(value: Any, where: str) -> list:
    if not isinstance(value, list):
        raise CalendarFileError(f"{where} must be a JSON list")
    return value


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise CalendarFileError(f"{where}: expected non-empty text, found {value!r}")
    return value


def _bool(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise CalendarFileError(f"{where} must be true or false")
    return value


def _identifier(value: Any, where: str) -> str:
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise CalendarFileError(f"{where}: an id is [a-z][a-z0-9_]{{0,23}}, found {value!r}")
    return value


def _day(value: Any, where: str, relative: bool) -> date | int:
    if relative:
        if not isinstance(value, int) or isinstance(value, bool):
            raise CalendarFileError(f"{where}: the template counts days from polling day (-3)")
        return value
    return _iso_day(value, where)


def _iso_day(value: Any, where: str) -> date:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise CalendarFileError(f"{where}: not an ISO date: {value!r}") from None


def _rhythm(value: Any, where: str) -> Rhythm:
    try:
        return Rhythm.parse(value if isinstance(value, str) else "")
    except ValueError:
        raise CalendarFileError(
            f"{where}: reports must be daily, weekdays, weekly:<weekday> or none, found {value!r}"
        ) from None


def _sources(value: Any, where: str, sources: Mapping[str, Source]) -> tuple[str, ...]:
    ids = tuple(_list(value, f"{where}: 'sources'"))
    unknown = [source for source in ids if source not in sources]
    if not ids or unknown:
        raise CalendarFileError(f"{where}: 'sources' must name listed sources, found {list(ids)}")
    return ids
