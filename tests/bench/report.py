"""The figures as a table for people and as JSON for machines, each against its target."""

from __future__ import annotations

import json
import operator
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

_COMPARE = {"<=": operator.le, ">=": operator.ge, "==": operator.eq}


@dataclass(frozen=True)
class Row:
    label: str
    path: tuple[str, ...]  # where the figure is in one database's results
    target: tuple[str, float] | None = None  # ("<=", 100): what the issue asks for
    unit: str = ""

    def value(self, results: dict) -> float | None:
        for key in self.path:
            if not isinstance(results, dict) or key not in results:
                return None
            results = results[key]
        return results

    def met(self, results: dict) -> bool | None:
        value = self.value(results)
        if self.target is None or value is None:
            return None
        compare: Callable = _COMPARE[self.target[0]]
        return bool(compare(value, self.target[1]))


ROWS = (
    Row("form updates/s answered, 300/s offered", ("throughput", "updates_per_s"), (">=", 300)),
    Row("  reply latency p50", ("throughput", "latency_ms", "p50"), unit="ms"),
    Row("  reply latency p95", ("throughput", "latency_ms", "p95"), unit="ms"),
    Row("  reply latency p99", ("throughput", "latency_ms", "p99"), ("<=", 100), "ms"),
    Row("form updates/s flat out (capacity)", ("saturation", "updates_per_s")),
    Row("  reply latency p50 flat out", ("saturation", "latency_ms", "p50"), unit="ms"),
    Row("form updates/s answered, 25/s offered", ("telegram_rate", "updates_per_s")),
    Row("  reply latency p50", ("telegram_rate", "latency_ms", "p50"), unit="ms"),
    Row("  reply latency p99", ("telegram_rate", "latency_ms", "p99"), ("<=", 100), "ms"),
    Row("  scheduler ticks meanwhile", ("telegram_rate", "ticks_meanwhile")),
    Row("form updates/s answered, 100/s offered", ("moderate", "updates_per_s")),
    Row("  reply latency p50", ("moderate", "latency_ms", "p50"), unit="ms"),
    Row("  reply latency p99", ("moderate", "latency_ms", "p99"), unit="ms"),
    Row("form updates/s through the bot's pacing", ("paced_by_bot", "updates_per_s")),
    Row("  429 responses, whole deployed run", ("deployed_bot", "responses_429"), ("==", 0)),
    Row("broadcast: wall time / ideal", ("broadcast", "ratio"), ("<=", 1.10)),
    Row("  wall time from the due minute", ("broadcast", "wall_s"), unit="s"),
    Row("  first delivery after the due minute", ("broadcast", "first_delivery_s"), unit="s"),
    Row("  429 responses", ("broadcast", "responses_429"), ("==", 0)),
    Row("  summaries delivered", ("broadcast", "delivered")),
    Row("  duplicates", ("broadcast", "duplicates"), ("==", 0)),
    Row(
        "  liaison reply latency p95 meanwhile",
        ("broadcast", "liaison_latency_ms", "p95"),
        unit="ms",
    ),
    Row(
        "  liaison reply latency max meanwhile",
        ("broadcast", "liaison_latency_ms", "max"),
        ("<=", 1000),
        "ms",
    ),
    Row(
        "  urgent incident reaches its group meanwhile",
        ("broadcast", "urgent_incident_s"),
        ("<=", 2),
        "s",
    ),
    Row("/ringkasan latency p50", ("summary", "latency_ms", "p50"), unit="ms"),
    Row("/ringkasan latency p95", ("summary", "latency_ms", "p95"), ("<=", 50), "ms"),
    Row("peak RSS of the bot", ("memory", "peak_rss_mib"), ("<=", 200), "MiB"),
    Row(
        "tree: national /ringkasan p95",
        ("tree_summary", "national", "latency_ms", "p95"),
        ("<=", 200),
        "ms",
    ),
    Row("  national p50", ("tree_summary", "national", "latency_ms", "p50"), unit="ms"),
    Row(
        "  province of 40 /ringkasan p95",
        ("tree_summary", "province", "latency_ms", "p95"),
        ("<=", 50),
        "ms",
    ),
    Row("  province of 40 p50", ("tree_summary", "province", "latency_ms", "p50"), unit="ms"),
    Row(
        "  regency /ringkasan p95",
        ("tree_summary", "regency", "latency_ms", "p95"),
        ("<=", 50),
        "ms",
    ),
    Row("  region named from above", ("tree_summary", "region_view", "latency_ms"), unit="ms"),
    Row(
        "  all due at once: regencies' wall / ideal",
        ("tree_broadcast", "regencies_ratio"),
        ("<=", 1.10),
    ),
    Row(
        "  regency posts after the first rollup",
        ("tree_broadcast", "regency_posts_after_first_rollup"),
        ("==", 0),
    ),
    Row("  rollups' wall time from the due minute", ("tree_broadcast", "rollups_wall_s"), unit="s"),
    Row("  429 responses", ("tree_broadcast", "responses_429"), ("==", 0)),
    Row(
        "  peak RSS, region data loaded",
        ("tree_memory", "peak_rss_mib"),
        ("<=", 200),
        "MiB",
    ),
    Row(
        "files: a year's workbook (365 days x 7)", ("outputs_render", "workbook_s"), ("<=", 1), "s"
    ),
    Row("  a year as zipped CSV files", ("outputs_render", "csv_zip_s"), unit="s"),
    *(
        Row(f"  a year's chart: {kind}", ("outputs_render", "charts_s", kind), ("<=", 0.3), "s")
        for kind in ("logistik", "laporan", "situasi", "jumlah")
    ),
    Row("  the first chart after start", ("outputs_render", "first_chart_s"), ("<=", 2), "s"),
    Row("  a brief (its 14 days)", ("outputs_render", "brief_s"), ("<=", 1.5), "s"),
    Row(
        "exports at once: reply p99 at 25/s",
        ("outputs_load", "exports", "latency_ms", "p99"),
        ("<=", 100),
        "ms",
    ),
    Row("  reply p50 meanwhile", ("outputs_load", "exports", "latency_ms", "p50"), unit="ms"),
    Row(
        "  reply p99 before any file",
        ("outputs_load", "before_files", "latency_ms", "p99"),
        unit="ms",
    ),
    Row(
        "  reply p99 while charts and briefs are made",
        ("outputs_load", "charts_and_briefs", "latency_ms", "p99"),
        unit="ms",
    ),
    Row(
        "  last workbook delivered after",
        ("outputs_load", "exports", "file_latency_s", "last"),
        unit="s",
    ),
    Row("  workbooks delivered", ("outputs_load", "workbooks_sent")),
    Row("  files sent twice", ("outputs_load", "duplicates"), ("==", 0)),
    Row(
        "peak RSS of the bot, charts loaded",
        ("outputs_memory", "bot_peak_rss_mib"),
        ("<=", 200),
        "MiB",
    ),
    Row(
        "  peak RSS of a render process", ("outputs_memory", "render_peak_rss_max_mib"), unit="MiB"
    ),
    *(
        row
        for name, workers in (("briefs_1_worker", "1 worker"), ("briefs_2_workers", "2 workers"))
        for row in (
            Row(f"scheduled briefs, {workers}: wall / floor", (name, "ratio"), ("<=", 1.15)),
            Row("  wall time from the due minute", (name, "wall_s"), unit="s"),
            Row("  floor: Telegram's 30/s", (name, "telegram_floor_s"), unit="s"),
            Row("  floor: render time x briefs / workers", (name, "render_floor_s"), unit="s"),
            Row("  render time per brief (workers' mean)", (name, "render_s_per_brief"), unit="s"),
            Row("  429 responses", (name, "responses_429"), ("==", 0)),
            Row("  briefs delivered", (name, "delivered")),
            Row("  briefs sent twice", (name, "duplicates"), ("==", 0)),
            Row("  peak RSS of the bot", (name, "bot_peak_rss_mib"), unit="MiB"),
        )
    ),
    Row("tick, nothing due (median)", ("ticks", "quiet_ms"), unit="ms"),
    Row("  longest hold of the event loop", ("ticks", "quiet_hold_ms"), unit="ms"),
    Row("tick after 100 groups changed", ("ticks", "changed_ms"), unit="ms"),
    Row("  longest hold of the event loop", ("ticks", "changed_hold_ms"), unit="ms"),
    Row("first tick, every group (at start)", ("ticks", "first_ms"), unit="ms"),
    Row("  longest hold of the event loop", ("ticks", "first_hold_ms"), unit="ms"),
    Row("every group again (every 15 min)", ("ticks", "full_ms"), unit="ms"),
    Row("  longest hold of the event loop", ("ticks", "full_hold_ms"), unit="ms"),
)


def _cell(row: Row, results: dict | None) -> str:
    if results is None:
        return "-"
    value = row.value(results)
    if value is None:
        return "-"
    text = f"{value:g}" if isinstance(value, float) else str(value)
    met = row.met(results)
    return text + ("" if met is None else (" ok" if met else " MISSED"))


def table(report: dict) -> str:
    runs = report["databases"]
    names = list(runs)
    header = ["measurement", "target", *names]
    lines = [header]
    for row in ROWS:
        target = f"{row.target[0]} {row.target[1]:g} {row.unit}".strip() if row.target else ""
        label = f"{row.label} ({row.unit})" if row.unit and not row.target else row.label
        lines.append([label, target, *(_cell(row, runs[name]) for name in names)])
    widths = [max(len(line[column]) for line in lines) for column in range(len(header))]
    rendered = [
        "  ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True))
        for line in lines
    ]
    rendered.insert(1, "  ".join("-" * width for width in widths))
    info = report["machine"]
    title = (
        f"Posko Forkopimda benchmarks, {report['scale']} scale: {info['cpus']} CPUs "
        f"({info['cpu_model']}), {info['memory_gib']} GiB, Python {info['python']}, "
        f"{report['seconds']:.0f} s"
    )
    cpu = report.get("cpu")
    if cpu:
        rendered.append(
            f"CPU seconds over {report['seconds']:.0f} s on {info['cpus']} CPUs: benchmark and "
            f"bots {cpu['benchmark_and_bots_s']:g}, PostgreSQL {cpu['postgres_s']:g}, "
            f"other processes {cpu['others_s']:g}"
        )
    return "\n".join([title, *rendered])


def problems(report: dict) -> list[str]:
    """Lost updates, lost or duplicated reports and broadcasts, bot errors: what is not a speed."""
    found = []
    for name, results in report["databases"].items():
        for phase in (
            "throughput",
            "telegram_rate",
            "moderate",
            "saturation",
            "broadcast",
            "paced_by_bot",
        ):
            figures = results.get(phase, {})
            for key in ("lost", "off_script", "reports_mismatched", "duplicates"):
                if figures.get(key):
                    found.append(f"{name} {phase}: {key} = {figures[key]}")
        broadcast = results.get("broadcast", {})
        if broadcast and broadcast.get("urgent_incident_delivered") != 1:
            found.append(f"{name} broadcast: the urgent incident did not reach its group")
        if broadcast and broadcast.get("delivered") != broadcast.get("groups"):
            found.append(
                f"{name} broadcast: {broadcast.get('delivered')} of "
                f"{broadcast.get('groups')} summaries delivered"
            )
        if results.get("ticks", {}).get("posts_sent"):
            found.append(f"{name} ticks: {results['ticks']['posts_sent']} post(s) were due")
        for key in ("lost", "incomplete"):
            if results.get("summary", {}).get(key):
                found.append(f"{name} summary: {key} = {results['summary'][key]}")
        for case, figures in results.get("tree_summary", {}).items():
            for key in ("lost", "incomplete"):
                if figures.get(key):
                    found.append(f"{name} tree {case} summary: {key} = {figures[key]}")
        region_view = results.get("tree_summary", {}).get("region_view", {})
        if region_view and not (
            region_view.get("shown") and region_view.get("refused_across_provinces")
        ):
            found.append(f"{name} tree: a region named from above was not shown as the links say")
        tree = results.get("tree_broadcast", {})
        if tree:
            expected = tree["regencies"] + tree["rollup_groups"]
            if tree.get("delivered") != expected:
                found.append(f"{name} tree broadcast: {tree.get('delivered')} of {expected}")
            if tree.get("duplicates"):
                found.append(f"{name} tree broadcast: duplicates = {tree['duplicates']}")
        found += _output_problems(name, results)
        for run in ("capacity_bot", "deployed_bot", "tree_capacity_bot", "tree_deployed_bot"):
            bot = results.get(run, {})
            if bot.get("exit_code") not in (0, None):
                found.append(f"{name} {run}: exit code {bot['exit_code']}")
            found += [f"{name} {run} log: {line}" for line in bot.get("errors", [])]
    return found


def _output_problems(name: str, results: dict) -> list[str]:
    """Files lost, wrong or sent twice, and what the bots and workers logged as errors."""
    found = []
    load = results.get("outputs_load", {})
    for key in ("lost", "off_script", "duplicates"):
        if load.get(key):
            found.append(f"{name} files: {key} = {load[key]}")
    if load and load.get("workbooks_sent") != load.get("groups"):
        found.append(
            f"{name} files: {load.get('workbooks_sent')} of {load.get('groups')} workbooks"
        )
    if load.get("exports", {}).get("wrong"):
        found.append(
            f"{name} files: {load['exports']['wrong']} answer(s) to /ekspor not a workbook"
        )
    if load and not load.get("charts_and_briefs", {}).get("all_delivered"):
        found.append(f"{name} files: not every group got its charts and brief")
    for run in ("briefs_1_worker", "briefs_2_workers"):
        briefs = results.get(run)
        if not briefs:
            continue
        for key in ("delivered", "pdfs"):
            if briefs.get(key) != briefs["groups"]:
                found.append(f"{name} {run}: {key} = {briefs.get(key)} of {briefs['groups']}")
        for key in ("duplicates", "jobs_made_twice"):
            if briefs.get(key):
                found.append(f"{name} {run}: {key} = {briefs[key]}")
        if any(code not in (0, None) for code in briefs.get("worker_exit_codes", [])):
            found.append(f"{name} {run}: worker exit codes {briefs['worker_exit_codes']}")
        found += [f"{name} {run} worker log: {line}" for line in briefs.get("worker_errors", [])]
        bot = briefs.get("bot", {})
        if bot.get("exit_code") not in (0, None):
            found.append(f"{name} {run} bot: exit code {bot['exit_code']}")
        found += [f"{name} {run} bot log: {line}" for line in bot.get("errors", [])]
    bot = results.get("files_bot", {})
    if bot.get("exit_code") not in (0, None):
        found.append(f"{name} files_bot: exit code {bot['exit_code']}")
    found += [f"{name} files_bot log: {line}" for line in bot.get("errors", [])]
    return found


def write_json(report: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")
