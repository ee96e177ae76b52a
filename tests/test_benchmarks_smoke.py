"""The benchmark suite at a tiny scale, so it cannot rot: every figure whole, nothing lost.

Speed is never asserted here; ``python -m tests.bench`` measures it.
"""

from __future__ import annotations

import aiohttp
import pytest

from bot.domain.forms import load_forms
from tests.bench.limits import BenchServer, TelegramLimits
from tests.bench.outputs import FilesServer
from tests.bench.report import problems, table
from tests.bench.scales import SMOKE
from tests.bench.suite import run_databases
from tests.support.harness import TOKEN

pytestmark = pytest.mark.timeout(180)


def test_limits_allow_a_burst_then_the_steady_rate():
    limits = TelegramLimits()
    assert [limits.admit(1000 + n, now=0.0) for n in range(30)] == [0] * 30
    assert limits.admit(2000, now=0.0) == 1  # the 31st in the same instant: retry after 1 s
    assert limits.admit(2000, now=0.04) == 0  # a token back every 1/30 s
    group = TelegramLimits(overall_per_second=1000)
    assert [group.admit(-100, now=0.0) for _ in range(20)] == [0] * 20
    assert group.admit(-100, now=1.5) == 2  # 21st in a minute: one token back every 3 s
    assert group.admit(-200, now=1.5) == 0  # another group has its own 20


async def test_server_answers_429_with_retry_after_when_limits_are_on():
    server = BenchServer(TOKEN)
    await server.start()
    try:
        url = f"{server.url}/bot{TOKEN}/sendMessage"
        async with aiohttp.ClientSession() as session:

            async def send(chat_id: int) -> tuple[int, dict]:
                async with session.post(url, data={"chat_id": chat_id, "text": "x"}) as response:
                    return response.status, await response.json()

            assert (await send(-100))[0] == 200  # off: anything goes
            server.switch_limits(True)
            answers = [await send(-100) for _ in range(21)]
        assert [status for status, _ in answers[:20]] == [200] * 20
        status, body = answers[20]
        assert status == 429 and body["error_code"] == 429
        assert body["parameters"]["retry_after"] >= 1
        assert body["description"].startswith("Too Many Requests: retry after ")
        assert server.too_many_requests == 1 and server.sends[-100] == 21
    finally:
        await server.stop()


async def test_files_count_against_the_limits_as_messages_do():
    server = FilesServer(TOKEN)
    await server.start()
    server.switch_limits(True)
    try:
        url = f"{server.url}/bot{TOKEN}/sendDocument"
        async with aiohttp.ClientSession() as session:

            async def upload(chat_id: int) -> int:
                form = aiohttp.FormData()
                form.add_field("chat_id", str(chat_id))
                form.add_field("document", b"%PDF-1.4 brief", filename="brief.pdf")
                async with session.post(url, data=form) as response:
                    return response.status

            statuses = [await upload(-100) for _ in range(21)]
        assert statuses == [200] * 20 + [429]  # a group's 20 a minute, documents included
        assert server.too_many_requests == 1 and server.sends[-100] == 20
        assert server.files_sent[-100] == ["brief.pdf"] * 20
        assert not server.uploads  # the bytes are not kept
    finally:
        await server.stop()


async def test_every_measurement_runs_and_loses_nothing(tmp_path):
    runs = await run_databases(
        ["sqlite", "postgres"], SMOKE, load_forms(), tmp_path, log=lambda _: None
    )
    report = {
        "scale": SMOKE.name,
        "seconds": 0.0,
        "databases": runs,
        "machine": {"cpus": 2, "cpu_model": "", "memory_gib": 0, "python": ""},
    }
    assert problems(report) == []
    for figures in runs.values():
        for phase in ("throughput", "telegram_rate", "moderate", "saturation", "paced_by_bot"):
            run = figures[phase]
            assert run["updates"] > 0 and run["forms_completed"] > 0, phase
            assert run["lost"] == run["off_script"] == 0, phase
            assert run["reports_stored"] == run["forms_completed"], phase
            assert run["reports_mismatched"] == 0, phase
            assert run["latency_ms"]["p50"] is not None, phase
        ticks = figures["ticks"]
        assert ticks["groups_planned"]["first"] == ticks["groups_planned"]["full"] == SMOKE.groups
        assert ticks["groups_planned"]["changed"] >= 1 and ticks["posts_sent"] == 0
        assert all(ticks[f"{tick}_hold_ms"] >= 0 for tick in ("first", "quiet", "changed", "full"))
        assert figures["telegram_rate"]["ticks_meanwhile"] >= 0
        broadcast = figures["broadcast"]
        assert broadcast["delivered"] == SMOKE.broadcast_groups
        assert broadcast["duplicates"] == 0 and broadcast["responses_429"] == 0
        assert broadcast["forms_completed"] == broadcast["reports_stored"] > 0
        assert broadcast["urgent_incident_delivered"] == 1
        assert broadcast["urgent_incident_s"] is not None
        assert figures["deployed_bot"]["responses_429"] == 0
        summary = figures["summary"]
        assert summary["latency_ms"]["count"] == SMOKE.summary_requests
        assert summary["lost"] == summary["incomplete"] == 0
        memory = figures["memory"]
        assert memory["peak_rss_mib"] >= memory["rss_after_start_mib"] > 0
        for bot in ("capacity_bot", "deployed_bot"):
            assert figures[bot]["exit_code"] == 0 and figures[bot]["errors"] == []
        tree = figures["tree_summary"]
        for case in ("national", "province", "regency"):
            assert tree[case]["latency_ms"]["count"] == SMOKE.tree_requests, case
            assert tree[case]["lost"] == tree[case]["incomplete"] == 0, case
        assert tree["region_view"]["shown"] and tree["region_view"]["refused_across_provinces"]
        broadcast = figures["tree_broadcast"]
        assert broadcast["delivered"] == 1 + SMOKE.tree_provinces + SMOKE.tree_regencies
        assert broadcast["regencies"] == SMOKE.tree_regencies
        assert broadcast["rollups_delivered"] == 1 + SMOKE.tree_provinces
        assert broadcast["duplicates"] == 0 and broadcast["responses_429"] == 0
        assert figures["tree_memory"]["peak_rss_mib"] > 0
        for bot in ("tree_capacity_bot", "tree_deployed_bot"):
            assert figures[bot]["exit_code"] == 0 and figures[bot]["errors"] == []
        check_outputs(figures)
    assert "broadcast: wall time / ideal" in table(report)
    assert "tree: national /ringkasan p95" in table(report)
    assert "scheduled briefs, 2 workers: wall / floor" in table(report)


def check_outputs(figures: dict) -> None:
    """Measurements 8 to 10: every file made, sent once, and every figure there."""
    render = figures["outputs_render"]
    assert render["agencies"] == 7 and render["days"] == SMOKE.output_days
    assert render["matplotlib_loaded_before_first_chart"] is False
    assert render["workbook_s"] > 0 and render["brief_s"] > 0 and render["first_chart_s"] > 0
    assert set(render["charts_s"]) == {"logistik", "laporan", "situasi", "jumlah"}
    load = figures["outputs_load"]
    assert load["workbooks_sent"] == load["exports"]["delivered"] == SMOKE.output_groups
    assert load["exports"]["wrong"] == load["duplicates"] == 0
    assert load["briefs_sent"] == SMOKE.output_groups and load["charts_sent"] > 0
    assert load["charts_and_briefs"]["all_delivered"]
    assert load["forms_completed"] > 0 and load["lost"] == load["off_script"] == 0
    assert load["exports"]["latency_ms"]["count"] > 0
    assert figures["files_bot"]["exit_code"] == 0 and figures["files_bot"]["errors"] == []
    memory = figures["outputs_memory"]
    # The bot's own spawned render pool (RENDER_WORKERS, 2 by default) made the files.
    assert memory["render_processes"] == 2 and memory["bot_peak_rss_mib"] > 0
    for workers in SMOKE.brief_workers:
        briefs = figures[f"briefs_{workers}_worker" + ("s" if workers > 1 else "")]
        assert briefs["workers"] == workers and len(briefs["worker_peak_rss_mib"]) == workers
        assert briefs["delivered"] == briefs["pdfs"] == briefs["jobs_made"] == SMOKE.brief_groups
        assert briefs["duplicates"] == briefs["jobs_made_twice"] == 0
        assert briefs["responses_429"] == 0
        assert briefs["render_s_per_brief"] > 0 and briefs["ratio"] is not None
        assert briefs["worker_exit_codes"] == [0] * workers and briefs["worker_errors"] == []
        assert briefs["bot"]["exit_code"] == 0 and briefs["bot"]["errors"] == []
