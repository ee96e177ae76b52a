"""One request for the meeting's files, as a worker makes it: ids and days in, files out.

The job carries only what identifies the request (the group's chat id, the
kind, the days, the charts asked for, the instant it was asked): the worker
reads the database itself, so a job is a few bytes on Redis, and what the
worker reads is what the group may see (its own data, its regions' only
through an approved link, checked in ``bot.services.regional``). The result
is the files, or why there are none; the bot sends it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from typing import Any

from bot.domain.forms import FormSet
from bot.domain.incidents import IncidentCategories
from bot.outputs.history import History, file_stem
from bot.outputs.reading import read_history
from bot.services.groups import find_group
from bot.texts.i18n import translator
from bot.texts.outputs import brief_caption, export_caption

# The brief of a day shows the fortnight up to it: the charts' trend, the latest figures.
BRIEF_DAYS = 14


class OutputKind(StrEnum):
    WORKBOOK = "xlsx"  # /ekspor
    CSV = "csv"  # /ekspor csv
    CHARTS = "grafik"  # /grafik
    BRIEF = "brief"  # /brief, and the scheduled brief


class Emptiness(StrEnum):
    """Why a request has no file: each has its own answer."""

    NO_GROUP = "no_group"  # the group is gone (or not registered)
    NO_REPORTS = "no_reports"  # not one report in the days asked
    NO_CHART_DATA = "no_chart_data"  # reports, but none of the topics asked has data


@dataclass(frozen=True)
class OutputJob:
    chat_id: int
    kind: OutputKind
    first: date
    last: date
    requested_at: datetime  # aware: the brief's "as of" and the group's "today"
    charts: tuple[str, ...] = ()  # bot.outputs.chart_data.ChartKind values, for CHARTS

    def to_wire(self) -> dict[str, Any]:
        """Plain values for a queue (arq pickles them; nothing of ours needs importing)."""
        return asdict(self) | {"kind": self.kind.value, "charts": list(self.charts)}

    @classmethod
    def from_wire(cls, data: dict[str, Any]) -> OutputJob:
        return cls(**(data | {"kind": OutputKind(data["kind"]), "charts": tuple(data["charts"])}))


@dataclass(frozen=True)
class OutputFile:
    name: str
    data: bytes
    caption: str = ""  # plain text
    photo: bool = False  # a chart, sent as a photo (in an album with the others)


@dataclass(frozen=True)
class OutputResult:
    files: tuple[OutputFile, ...] = ()
    empty: Emptiness | None = None
    # Chart topics asked for that had no data (the reply names them).
    skipped: tuple[str, ...] = ()


def brief_days(day: date) -> tuple[date, date]:
    """The days a brief of ``day`` reads."""
    return day - timedelta(days=BRIEF_DAYS - 1), day


async def produce(job: OutputJob, forms: FormSet, categories: IncidentCategories) -> OutputResult:
    """Reads what the job asks for and renders it (CPU-heavy: run it in a worker)."""
    group = await find_group(job.chat_id)
    if group is None:
        return OutputResult(empty=Emptiness.NO_GROUP)
    history = await read_history(group, job.first, job.last, forms, job.requested_at, categories)
    if not history.has_reports:
        return OutputResult(empty=Emptiness.NO_REPORTS)
    return render(job, history)


def render(job: OutputJob, history: History) -> OutputResult:
    """The files of ``job`` from its history (no database: the benchmarks call this)."""
    stem = file_stem(history)
    t = translator(history.group.locale)
    if job.kind is OutputKind.WORKBOOK:
        from bot.outputs.workbook import render_workbook

        caption = export_caption(t, history.group, job.first, job.last)
        return OutputResult((OutputFile(f"{stem}.xlsx", render_workbook(history), caption),))
    if job.kind is OutputKind.CSV:
        from bot.outputs.csv_zip import render_csv_zip

        caption = export_caption(t, history.group, job.first, job.last) + " (CSV)"
        return OutputResult((OutputFile(f"{stem}-csv.zip", render_csv_zip(history), caption),))
    from bot.outputs.chart_data import ChartKind, has_data
    from bot.outputs.charts import render_charts

    if job.kind is OutputKind.CHARTS:
        kinds = [ChartKind(value) for value in job.charts]
        skipped = tuple(kind.value for kind in kinds if not has_data(history, kind))
        charts = render_charts(history, [kind for kind in kinds if kind.value not in skipped])
        if not charts:
            return OutputResult(empty=Emptiness.NO_CHART_DATA, skipped=skipped)
        files = tuple(
            OutputFile(f"{stem}-{chart.kind.value}.png", chart.png, chart.caption, photo=True)
            for chart in charts
        )
        return OutputResult(files, skipped=skipped)
    from bot.outputs.brief import render_brief

    name = f"{file_stem(history, with_days=False)}-brief-{job.last.isoformat()}.pdf"
    caption = brief_caption(t, history.group, job.last)
    return OutputResult((OutputFile(name, render_brief(history), caption),))
