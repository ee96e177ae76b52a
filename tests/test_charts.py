"""/grafik's charts as people get them: PNG files, decoded and looked into."""

from __future__ import annotations

import io
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from PIL import Image

from bot.domain.agencies import Agency
from bot.domain.forms import load_forms
from bot.outputs.chart_data import (
    DEFAULT_CHARTS,
    ChartKind,
    daily_figures,
    discipline,
    has_data,
    incidents_per_day,
    weekly_mean,
)
from bot.outputs.charts import day_ticks, render_charts
from bot.outputs.history import History
from tests.support.history import sample_history

FORMS = load_forms()
RAWAN_RED = (215, 38, 61)
NO_REPORT_GREY = (140, 140, 140)
AMAN_GREEN = (46, 157, 74)


def decoded(png: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    return image.convert("RGB")


def colours(image: Image.Image) -> set[tuple[int, int, int]]:
    return set(pixel_counts(image))


def pixel_counts(image: Image.Image) -> dict[tuple[int, int, int], int]:
    return {colour: count for count, colour in image.getcolors(maxcolors=1_000_000) or []}


# The legend's key of a level is a small patch; a cell of a fortnight's grid is thousands of pixels.
LEGEND_KEY_AT_MOST = 1_500


def without_reports(history: History) -> History:
    days = tuple(replace(day, reports={}) for day in history.days)
    return replace(history, days=days, versions=(), incidents=())


@pytest.fixture(scope="module")
def every_chart():
    return render_charts(sample_history(), list(ChartKind))


@pytest.mark.parametrize(
    ("typed", "kind"),
    [
        ("logistik", ChartKind.LOGISTIK),
        ("LOGISTIK", ChartKind.LOGISTIK),
        ("disiplin", ChartKind.LAPORAN),
        ("laporan", ChartKind.LAPORAN),
        (" Situasi ", ChartKind.SITUASI),
        ("status", ChartKind.SITUASI),
        ("personel", ChartKind.JUMLAH),
        ("angka", ChartKind.JUMLAH),
        ("ｓｉｔｕａｓｉ", ChartKind.SITUASI),  # full-width letters from a CJK keyboard
        ("cuaca", None),
        ("", None),
    ],
)
def test_a_topic_is_recognised_as_people_type_it(typed, kind):
    assert ChartKind.from_text(typed) is kind


def test_grafik_alone_sends_logistics_and_the_situation():
    assert DEFAULT_CHARTS == (ChartKind.LOGISTIK, ChartKind.SITUASI)


def test_each_kind_asked_gives_one_readable_chart_in_indonesian(every_chart):
    assert [chart.kind for chart in every_chart] == list(ChartKind)
    captions = {chart.kind: chart.caption for chart in every_chart}
    assert captions[ChartKind.LOGISTIK] == "Logistik tiba, 13–26 Nov 2024"
    assert captions[ChartKind.SITUASI] == "Situasi per instansi, 13–26 Nov 2024"
    assert captions[ChartKind.LAPORAN].startswith("Kedisiplinan laporan")
    assert captions[ChartKind.JUMLAH].startswith("Jumlah harian")
    for chart in every_chart:
        image = decoded(chart.png)
        width, height = image.size
        assert width >= 1000, chart.kind
        assert 500 <= height <= 1600, chart.kind
        assert len(colours(image)) > 20, f"{chart.kind} looks blank"


def test_the_situation_grid_shows_each_level_and_the_missed_days(every_chart):
    grid = next(chart for chart in every_chart if chart.kind is ChartKind.SITUASI)
    found = pixel_counts(decoded(grid.png))
    assert found.get(RAWAN_RED, 0) > 4 * LEGEND_KEY_AT_MOST  # Polri reported rawan twice
    assert found.get(AMAN_GREEN, 0) > 50 * LEGEND_KEY_AT_MOST
    assert found.get(NO_REPORT_GREY, 0) > 4 * LEGEND_KEY_AT_MOST  # Kejaksaan missed two days


def test_a_grid_without_rawan_has_no_red():
    calm = sample_history(silent=frozenset({Agency.POLRI}))  # only Polri ever said rawan
    [grid] = render_charts(calm, [ChartKind.SITUASI])
    found = pixel_counts(decoded(grid.png))
    assert 0 < found.get(RAWAN_RED, 0) <= LEGEND_KEY_AT_MOST  # the legend's key alone


def test_a_kind_without_data_is_left_out_never_drawn_blank():
    history = sample_history(silent=frozenset({Agency.KPU}))
    assert not has_data(history, ChartKind.LOGISTIK)
    assert has_data(history, ChartKind.SITUASI)
    charts = render_charts(history, [ChartKind.LOGISTIK, ChartKind.SITUASI])
    assert [chart.kind for chart in charts] == [ChartKind.SITUASI]


def test_a_history_without_reports_or_incidents_has_no_chart():
    empty = without_reports(sample_history())
    assert not any(has_data(empty, kind) for kind in ChartKind)
    assert render_charts(empty, list(ChartKind)) == []


def test_a_kind_asked_twice_is_drawn_once():
    charts = render_charts(sample_history(), [ChartKind.LAPORAN, ChartKind.LAPORAN])
    assert [chart.kind for chart in charts] == [ChartKind.LAPORAN]


def test_a_year_of_days_is_drawn_too():
    history = sample_history(first=date(2023, 11, 27), last=date(2024, 11, 26))
    charts = render_charts(history, list(ChartKind))
    assert [chart.kind for chart in charts] == list(ChartKind)
    assert all(decoded(chart.png).size[0] >= 1000 for chart in charts)
    # Babel sets the dash between thin spaces.
    assert charts[0].caption == "Logistik tiba, 27 Nov 2023\u2009–\u200926 Nov 2024"


def test_daily_figures_combine_the_agencies_by_each_rule_and_leave_gaps():
    history = sample_history()
    personnel = daily_figures(history, FORMS.questions["personel"])
    assert personnel[0] == 240  # TNI and Polri, 120 each: the sum
    assert personnel[1] == 270
    arrived = daily_figures(history, FORMS.questions["logistik_tps"])
    assert arrived[7] is None  # 20 November, a day off: a gap, not zero
    assert arrived[6] == 30


def test_incidents_are_counted_on_their_local_day():
    history = sample_history()
    first, second = history.incidents
    # 00.30 WITA on 15 November is still 14 November in UTC.
    late_night = replace(second, occurred_at=datetime(2024, 11, 14, 16, 30, tzinfo=UTC))
    counts = incidents_per_day(replace(history, incidents=(first, late_night)))
    assert counts[2] == 1  # 15 November
    assert counts[4] == 1  # 17 November, 21.15 WITA
    assert sum(counts) == 2


def test_reporting_discipline_leaves_out_days_off():
    found = discipline(sample_history())
    assert list(found) == [
        Agency.PEMDA,
        Agency.TNI,
        Agency.POLRI,
        Agency.KPU,
        Agency.BAWASLU,
        Agency.KEJAKSAAN,
    ]
    assert (found[Agency.PEMDA].reported, found[Agency.PEMDA].expected) == (13, 13)
    assert found[Agency.TNI].late == 1
    assert (found[Agency.KEJAKSAAN].reported, found[Agency.KEJAKSAAN].expected) == (11, 13)


def test_day_labels_are_indonesian_and_few_enough_to_read():
    fortnight = [text for _, text in day_ticks(date(2024, 11, 13), date(2024, 12, 1), "id")]
    assert fortnight[0] == "13 Nov"
    year = [text for _, text in day_ticks(date(2023, 11, 27), date(2024, 11, 26), "id")]
    assert 10 <= len(year) <= 13
    assert "Agu" in year and "Okt" in year  # not "Aug", "Oct"
    assert "Jan\n2024" in year
    two_weeks = day_ticks(date(2024, 11, 13), date(2024, 11, 26), "id")
    assert [text for _, text in two_weeks][:3] == ["13 Nov", "14", "15"]
    assert len(two_weeks) == 14


def test_the_weekly_mean_reads_only_reported_days():
    assert weekly_mean((2.0, None, 4.0, None)) == (2.0, 2.0, 3.0, 3.0)
    assert weekly_mean((None, None)) == (None, None)
    assert weekly_mean(tuple(float(n) for n in range(9)))[8] == 5.0  # mean of 2..8


def test_importing_the_charts_costs_nothing_and_drawing_touches_no_gui():
    script = (
        "import sys\n"
        "import bot.outputs.charts as charts\n"
        "from bot.outputs.chart_data import ChartKind\n"
        "import bot.outputs.brief\n"
        "assert 'matplotlib' not in sys.modules and 'fpdf' not in sys.modules\n"
        "from tests.support.history import sample_history\n"
        "charts.render_charts(sample_history(), [ChartKind.SITUASI])\n"
        "assert 'matplotlib' in sys.modules\n"
        "assert 'matplotlib.pyplot' not in sys.modules\n"
        "assert not [m for m in sys.modules if m.startswith('matplotlib.backends.backend_')"
        " and m != 'matplotlib.backends.backend_agg']\n"
    )
    subprocess.run([sys.executable, "-W", "error", "-c", script], check=True, timeout=60)
