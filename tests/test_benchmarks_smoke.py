"""The benchmark suite at a tiny scale, so it cannot rot: every figure whole, nothing lost.

Speed is never asserted here; ``python -m tests.bench`` measures it.
"""

from __future__ import annotations

import aiohttp
import pytest

from bot.domain.forms import load_forms
from tests.bench.limits import BenchServer, TelegramLimits
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
    assert "broadcast: wall time / ideal" in table(report)
    assert "tree: national /ringkasan p95" in table(report)
