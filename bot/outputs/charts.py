"""The charts of /grafik and of the meeting brief: PNG files drawn from one ``History``.

Four topics, each readable on a phone (1200 px wide, fonts of 11 pt and up,
thick lines), every word in the group's language and every date and number
written its way (Babel, not matplotlib's English defaults):

- ``logistik``: the shares of logistics arrived (the forms' ``charts.logistik``
  questions) day by day, with the H-1 deadline marked;
- ``laporan``: how many of the days each agency was expected to report it did;
- ``situasi``: each agency's reported situation, day by day, as a coloured grid;
- ``jumlah``: the counts (``charts.jumlah``) day by day, and the incidents recorded.

What is drawn comes from ``bot.outputs.chart_data`` (the figures, read from
the forms data, never from question ids written here); the situation levels'
colours from the forms data's emoji. A topic with nothing to draw gives no
chart rather than an empty one.

matplotlib is imported the first time a chart is drawn, and only through its
object API (``Figure`` on the Agg canvas): importing this module costs nothing,
and no GUI backend or global figure manager is ever touched.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from babel.dates import format_date, format_interval

from bot.domain.forms import ChartTopic
from bot.domain.situation import SituationScale
from bot.outputs.chart_data import (
    DAY_OFF,
    NO_LEVEL,
    NO_REPORT,
    NOT_EXPECTED,
    ChartKind,
    Discipline,
    Series,
    Values,
    discipline,
    has_data,
    incidents_per_day,
    situation_cells,
    topic_series,
    weekly_mean,
)
from bot.outputs.history import History, days_of
from bot.texts.i18n import Translator, translator

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


@dataclass(frozen=True)
class Chart:
    kind: ChartKind
    caption: str  # plain text in the group's language: "Logistik tiba, 13–26 Nov 2024"
    png: bytes


# -- colours ------------------------------------------------------------------------

# The situation levels' colours follow the emoji the forms data gives each level,
# so a deployment's own scale is coloured as its summaries mark it.
_EMOJI_COLOURS = {
    "🟢": "#2e9d4a",
    "🟡": "#f2b705",
    "🟠": "#f07f1d",
    "🔴": "#d7263d",
    "🔵": "#2b6cb0",
    "🟣": "#7b4fa0",
    "🟤": "#8b5a2b",
    "⚫": "#333333",
    "⚪": "#dddddd",
}
# A level whose emoji has no colour above takes its place between calm and serious.
_CALM_TO_SERIOUS = ("#2e9d4a", "#f2b705", "#d7263d")
_MARK_COLOURS = {
    NO_REPORT: "#8c8c8c",
    DAY_OFF: "#ededed",
    NOT_EXPECTED: "#ffffff",
    NO_LEVEL: "#a6c8e0",
}
# Lines: the Okabe–Ito palette, told apart by colour-blind readers too.
_LINE_COLOURS = ("#0072b2", "#e69f00", "#009e73", "#d55e00", "#cc79a7", "#56b4e9")
_ON_TIME = "#0072b2"
_LATE = "#8fc1e3"
_DEADLINE = "#d7263d"


def level_colour(scale: SituationScale, value: str) -> str:
    """The colour of a situation level ("#d7263d" for Rawan); ``KeyError`` if not on the scale."""
    rank = scale.rank(value)
    colour = _EMOJI_COLOURS.get(scale.levels[rank].emoji)
    if colour is not None:
        return colour
    share = rank / max(1, len(scale.levels) - 1)
    return _CALM_TO_SERIOUS[round(share * (len(_CALM_TO_SERIOUS) - 1))]


# -- drawing ------------------------------------------------------------------------

WIDTH_INCHES = 8.0
HEIGHT_INCHES = 5.0
DPI = 150  # 1200 x 750 px: sharp on a phone, small to send
# Sizes that stay readable when a phone shows the 1200 px chart some 400 px wide.
_STYLE = {
    "font.size": 12,
    "axes.titlesize": 13,
    "axes.labelsize": 12,
    "xtick.labelsize": 11,
    "ytick.labelsize": 11,
    "legend.fontsize": 11,
    "figure.titlesize": 15,
    "figure.titleweight": "bold",
    "lines.linewidth": 3.0,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#cccccc",
    "grid.linewidth": 0.8,
    "hatch.color": "#9a9a9a",
    "hatch.linewidth": 1.2,
}


def _matplotlib() -> Any:
    """matplotlib, imported the first time a chart is drawn."""
    import matplotlib  # heavy: loaded only when a chart is drawn

    return matplotlib


@contextmanager
def _style() -> Iterator[None]:
    with _matplotlib().rc_context(_STYLE):
        yield


def _new_figure(height: float = HEIGHT_INCHES) -> Figure:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(WIDTH_INCHES, height), dpi=DPI, layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def _png(figure: Figure) -> bytes:
    """The figure as an opaque PNG: no alpha channel to send or to embed in the brief."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image  # comes with matplotlib

    canvas = figure.canvas
    assert isinstance(canvas, FigureCanvasAgg)  # as _new_figure made it
    canvas.draw()
    pixels = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba())
    buffer = io.BytesIO()
    pixels.convert("RGB").save(buffer, format="PNG")
    return buffer.getvalue()


def _title(figure: Figure, history: History, caption: str) -> None:
    region = history.group.region_name or history.group.title
    figure.suptitle(f"{caption}\n{region}" if region else caption)


def date_range_text(history: History, t: Translator) -> str:
    """ "13–26 Nov 2024", or one date for a range of one day."""
    if history.first == history.last:
        return t.short_date(history.first)
    return format_interval(history.first, history.last, "yMMMd", locale=t.locale)


def day_ticks(first: date, last: date, locale: str) -> list[tuple[int, str]]:
    """Where the day axis is labelled, and how: few enough labels to read on a phone."""
    days = days_of(first, last)
    if len(days) <= 16:
        # Every day, by its number; the month where it starts or changes.
        return [
            (i, format_date(day, "d MMM" if i == 0 or day.day == 1 else "d", locale=locale))
            for i, day in enumerate(days)
        ]
    if len(days) <= 62:
        step = math.ceil(len(days) / 9)
        return [
            (i, format_date(days[i], "d MMM", locale=locale)) for i in range(0, len(days), step)
        ]
    # A long range: the months, with the year under the first one and under January.
    starts = [i for i, day in enumerate(days) if day.day == 1]
    step = math.ceil(len(starts) / 12)
    ticks = []
    for n, i in enumerate(starts[::step]):
        month = format_date(days[i], "MMM", locale=locale)
        if n == 0 or days[i].month <= step:
            month += "\n" + format_date(days[i], "y", locale=locale)
        ticks.append((i, month))
    return ticks


def _day_axis(ax: Axes, history: History) -> None:
    ticks = day_ticks(history.first, history.last, history.group.locale)
    ax.set_xticks([i for i, _ in ticks], [text for _, text in ticks])
    ax.tick_params(axis="x", length=4)


def _shade_days_off(ax: Axes, history: History) -> None:
    """Days off in light grey behind the lines: why a line has a gap there."""
    for first, length in _runs([day.day_off is not None for day in history.days]):
        ax.axvspan(first - 0.5, first + length - 0.5, color=_MARK_COLOURS[DAY_OFF], zorder=0)


def _label_space(days: int) -> float:
    """Room right of the last day, in days, for the latest values written at the lines' ends."""
    return max(0.6, days * 0.1)


def _spread(positions: list[float], gap: float, low: float, high: float) -> list[float]:
    """The positions, moved apart just enough that labels ``gap`` apart do not overlap, and
    kept within ``low``..``high``: the highest stays put, the others give way downwards."""
    order = sorted(range(len(positions)), key=positions.__getitem__, reverse=True)
    placed = [min(max(position, low), high) for position in positions]
    for above, below in pairwise(order):
        placed[below] = min(placed[below], placed[above] - gap)
    lowest = min(placed, default=low)
    if lowest < low:  # pushed out at the bottom: lift them all back in
        placed = [position + low - lowest for position in placed]
    return placed


def _latest(values: Values) -> float | None:
    return next((value for value in reversed(values) if value is not None), None)


def _plot_series(ax: Axes, values: Values, colour: str, label: str, **style: Any) -> None:
    """A line with gaps where nothing was reported; a day standing alone still shows as a dot."""
    points = [math.nan if value is None else value for value in values]
    ax.plot(range(len(points)), points, color=colour, label=label, solid_capstyle="round", **style)
    alone = [
        i
        for i, value in enumerate(values)
        if value is not None
        and (i == 0 or values[i - 1] is None)
        and (i == len(values) - 1 or values[i + 1] is None)
    ]
    if alone:
        ax.plot(alone, [points[i] for i in alone], "o", color=colour, markersize=6, **style)


def _label_ends(ax: Axes, series: Sequence[tuple[float, str, str]], x: float, gap: float) -> None:
    """Writes each line's latest value at ``x`` (right of the last day), at its height, kept
    ``gap`` apart."""
    low, high = ax.get_ylim()
    heights = _spread([value for value, _, _ in series], gap, low + gap / 2, high - gap / 2)
    for height, (_, text, colour) in zip(heights, series, strict=True):
        ax.text(x, height, text, color=colour, fontweight="bold", va="center", clip_on=False)


# -- the four charts ----------------------------------------------------------------


def _logistics_chart(history: History, t: Translator) -> Chart:
    _ = t.gettext
    series = topic_series(history, ChartTopic.LOGISTICS, t)
    caption = _("Logistik tiba, {dates}").format(dates=date_range_text(history, t))
    days = len(history.days)
    figure = _new_figure()
    ax = figure.subplots()
    _shade_days_off(ax, history)
    ends = []
    for index, line in enumerate(series):
        colour = _LINE_COLOURS[index % len(_LINE_COLOURS)]
        _plot_series(ax, line.values, colour, line.label)
        latest = _latest(line.values)
        if latest is not None:
            ends.append((latest, t.percent(latest), colour))
    ax.set_ylim(-3, 105)
    ax.set_yticks(_QUARTERS, [t.percent(value) for value in _QUARTERS])
    right = max(days - 0.5, _mark_deadline(ax, history, t))
    ax.set_xlim(-0.5, right + _label_space(days))
    _label_ends(ax, ends, right + _label_space(days) * 0.1, gap=7.0)
    _day_axis(ax, history)
    ax.grid(axis="x", visible=False)
    handles, labels = ax.get_legend_handles_labels()
    columns = min(2, len(series))
    figure.legend(
        _row_major(handles, columns),
        _row_major(labels, columns),
        loc="outside lower center",
        ncols=columns,
        frameon=False,
    )
    _title(figure, history, caption)
    return Chart(ChartKind.LOGISTIK, caption, _png(figure))


_QUARTERS = [0, 25, 50, 75, 100]


def _row_major(items: Sequence[Any], columns: int) -> list[Any]:
    """The items in the order a legend filled column by column reads them row by row."""
    return [item for start in range(columns) for item in items[start::columns]]


def _mark_deadline(ax: Axes, history: History, t: Translator) -> float:
    """Marks H-1, the day logistics must be at every TPS, when it falls in or near the range.

    Returns the rightmost x it needs (the deadline may lie a little after the last day)."""
    polling_day = history.days[-1].election.polling_day
    days = len(history.days)
    if polling_day is None:
        return -1
    x = (polling_day - history.first).days - 1
    if not 0 <= x <= days - 1 + max(7, days // 4):
        return -1
    ax.axvline(x, color=_DEADLINE, linewidth=2, linestyle="--", zorder=1)
    # At the foot of the line: by H-1 the lines are near the top.
    ax.annotate(
        t.gettext("Batas H-1"),
        (x, 0),
        xytext=(-7, 4),
        textcoords="offset points",
        color=_DEADLINE,
        ha="right",
        fontweight="bold",
        bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.85, "pad": 1},
    )
    return x + 0.5


def _discipline_chart(history: History, t: Translator) -> Chart:
    _ = t.gettext
    caption = _("Kedisiplinan laporan, {dates}").format(dates=date_range_text(history, t))
    found = discipline(history)
    agencies = list(found)
    figure = _new_figure()
    ax = figure.subplots()
    rows = range(len(agencies))
    on_time = [_share(d.reported - d.late, d.expected) for d in found.values()]
    late = [_share(d.late, d.expected) for d in found.values()]
    ax.barh(rows, on_time, color=_ON_TIME, height=0.65, label=_("Tepat waktu"))
    if any(late):
        ax.barh(rows, late, left=on_time, color=_LATE, height=0.65, label=_("Terlambat"))
    for row, record in zip(rows, found.values(), strict=True):
        ax.text(102, row, _discipline_text(t, record), va="center", clip_on=False)
    ax.set_yticks(list(rows), [agency.label for agency in agencies])
    ax.invert_yaxis()  # the forum's order, top down
    ax.set_xlim(0, 100)
    ax.set_xticks(_QUARTERS, [t.percent(value) for value in _QUARTERS])
    ax.set_xlabel(_("Hari melapor dari hari yang diwajibkan"))
    ax.grid(axis="y", visible=False)
    ax.tick_params(axis="y", length=0)
    figure.legend(loc="outside lower center", ncols=2, frameon=False)
    _title(figure, history, caption)
    return Chart(ChartKind.LAPORAN, caption, _png(figure))


def _share(part: int, whole: int) -> float:
    return 100 * part / whole if whole else 0.0


def _discipline_text(t: Translator, record: Discipline) -> str:
    if not record.expected:
        return t.gettext("Tidak diwajibkan")
    # No plural forms: Indonesian has none, and no other message of the bot uses them.
    text = t.gettext("{reported} dari {expected} hari").format(
        reported=t.number(record.reported), expected=t.number(record.expected)
    )
    if record.late:
        text += "\n" + t.gettext("{late} terlambat").format(late=t.number(record.late))
    return text


def _situation_chart(history: History, t: Translator) -> Chart:
    import numpy  # comes with matplotlib

    _ = t.gettext
    caption = _("Situasi per instansi, {dates}").format(dates=date_range_text(history, t))
    scale = history.forms.situation
    cells = situation_cells(history)
    colours = _grid_colours(scale)
    # One image of the grid, coloured cell by cell: a year of seven agencies is
    # one array, not 2,500 rectangles.
    rgb = numpy.array([[colours[cell] for cell in row] for row in cells], dtype=float)
    agencies = history.agencies
    days = len(history.days)
    figure = _new_figure(max(3.6, 1.9 + 0.45 * len(agencies)))
    ax = figure.subplots()
    ax.imshow(
        rgb,
        aspect="auto",
        interpolation="nearest",
        extent=(-0.5, days - 0.5, len(agencies) - 0.5, -0.5),
    )
    _hatch_days_off(ax, history, len(agencies))
    ax.set_yticks(range(len(agencies)), [agency.label for agency in agencies])
    _day_axis(ax, history)
    ax.grid(visible=False)
    # White lines between the rows, and between the days while each is wide enough to see.
    ax.set_yticks([row + 0.5 for row in range(len(agencies) - 1)], minor=True)
    if days <= 62:
        ax.set_xticks([day + 0.5 for day in range(days - 1)], minor=True)
    ax.grid(which="minor", color="white", linewidth=2)
    ax.tick_params(which="both", length=0)
    for side in ax.spines.values():
        side.set_visible(False)
    handles = _situation_legend(history, t, cells)
    columns = len(handles) if len(handles) <= 5 else math.ceil(len(handles) / 2)
    figure.legend(
        handles=_row_major(handles, columns),
        loc="outside lower center",
        ncols=columns,
        frameon=False,
    )
    _title(figure, history, caption)
    return Chart(ChartKind.SITUASI, caption, _png(figure))


def _grid_colours(scale: SituationScale) -> dict[int, tuple[float, ...]]:
    to_rgb = _matplotlib().colors.to_rgb
    colours = {
        rank: to_rgb(level_colour(scale, level.value)) for rank, level in enumerate(scale.levels)
    }
    return colours | {mark: to_rgb(colour) for mark, colour in _MARK_COLOURS.items()}


def _hatch_days_off(ax: Axes, history: History, rows: int) -> None:
    from matplotlib.patches import Rectangle

    for first, length in _runs([day.day_off is not None for day in history.days]):
        ax.add_patch(
            Rectangle((first - 0.5, -0.5), length, rows, fill=False, hatch="//", linewidth=0)
        )


def _runs(flags: Sequence[bool]) -> list[tuple[int, int]]:
    """(start, length) of each run of True."""
    runs: list[tuple[int, int]] = []
    for index, flag in enumerate(flags):
        if not flag:
            continue
        if runs and runs[-1][0] + runs[-1][1] == index:
            runs[-1] = (runs[-1][0], runs[-1][1] + 1)
        else:
            runs.append((index, 1))
    return runs


def _situation_legend(history: History, t: Translator, cells: list[list[int]]) -> list[Any]:
    from matplotlib.patches import Patch

    _ = t.gettext
    scale = history.forms.situation
    question = history.forms.questions.get(scale.question_id)
    handles = []
    for level in scale.levels:
        choice = question.choice(level.value) if question is not None else None
        label = _(choice.label) if choice is not None else level.value
        handles.append(Patch(facecolor=level_colour(scale, level.value), label=label))
    seen = {cell for row in cells for cell in row}
    marks = [
        (NO_REPORT, _("Tidak melapor"), ""),
        (DAY_OFF, _("Libur/jeda"), "//"),
        (NOT_EXPECTED, _("Tidak diwajibkan"), ""),
        (NO_LEVEL, _("Melapor tanpa situasi"), ""),
    ]
    for mark, label, hatch in marks:
        if mark in seen or mark == NO_REPORT:
            handles.append(
                Patch(
                    facecolor=_MARK_COLOURS[mark],
                    edgecolor="#9a9a9a",
                    hatch=hatch,
                    label=label,
                )
            )
    return handles


def _counts_chart(history: History, t: Translator) -> Chart:
    """One panel per figure, one above the other: personnel in hundreds and incidents in
    ones cannot share an axis and stay readable."""
    _ = t.gettext
    caption = _("Jumlah harian, {dates}").format(dates=date_range_text(history, t))
    panels = topic_series(history, ChartTopic.COUNTS, t)
    recorded = incidents_per_day(history)
    if any(recorded):
        panels.append(Series(_("Kejadian tercatat (laporan kejadian)"), recorded))
    days = len(history.days)
    # Over a long range the days' ups and downs fill the panel solid; a weekly mean
    # drawn over the pale daily line shows the trend.
    smoothed = days > _LONG_RANGE
    figure = _new_figure(1.6 + 1.5 * len(panels) + (0.3 if smoothed else 0))
    axes = figure.subplots(len(panels), 1, sharex=True, squeeze=False)[:, 0]
    for index, (ax, series) in enumerate(zip(axes, panels, strict=True)):
        colour = _LINE_COLOURS[index % len(_LINE_COLOURS)]
        _shade_days_off(ax, history)
        if smoothed:
            _plot_series(ax, series.values, colour, "", linewidth=1, alpha=0.35)
            _plot_series(ax, weekly_mean(series.values), colour, "")
        else:
            _plot_series(ax, series.values, colour, series.label)
        ax.set_title(series.label, loc="left", color=colour, fontweight="bold")
        ax.set_xlim(-0.5, days - 0.5 + _label_space(days))
        _count_axis(ax, t)
        latest = _latest(series.values)
        if latest is not None:
            _label_ends(ax, [(latest, t.number(latest), colour)], days - 0.5 + days * 0.01, 0)
        ax.grid(axis="x", visible=False)
    _day_axis(axes[-1], history)  # the panels share it; only the lowest shows its labels
    if smoothed:
        figure.supxlabel(
            _("Garis tipis: per hari · garis tebal: rata-rata 7 hari"), fontsize=11, color="#555555"
        )
    _title(figure, history, caption)
    return Chart(ChartKind.JUMLAH, caption, _png(figure))


_LONG_RANGE = 62  # days


def _count_axis(ax: Axes, t: Translator) -> None:
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    top = ax.get_ylim()[1]
    ax.set_ylim(0, max(top * 1.1, 1))
    ax.yaxis.set_major_locator(MaxNLocator(nbins=3, integer=True, min_n_ticks=2))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _: t.number(round(value))))


_RENDERERS = {
    ChartKind.LOGISTIK: _logistics_chart,
    ChartKind.LAPORAN: _discipline_chart,
    ChartKind.SITUASI: _situation_chart,
    ChartKind.JUMLAH: _counts_chart,
}


def render_charts(history: History, kinds: Sequence[ChartKind]) -> list[Chart]:
    """The charts asked for, in the order asked, each once; a kind with nothing to draw is left
    out."""
    t = translator(history.group.locale)
    wanted = [kind for kind in dict.fromkeys(kinds) if has_data(history, kind)]
    charts = []
    with _style():
        for kind in wanted:
            charts.append(_RENDERERS[kind](history, t))
    return charts
