"""Measurement 5, the scheduler's tick: what it costs, and how long it holds the event loop.

Run in the benchmark's own process against the seeded database, before any
bot starts, with the very ``Scheduler`` the bot runs (nothing is due: the seed
recorded the day's posts, so nothing is sent). Each tick is timed (wall) and
watched by a heartbeat that asks the event loop for a turn every millisecond:
its worst lateness is the longest a person's reply would have waited behind
the tick.

- ``first``: the first tick after a start, which reads and plans every group;
- ``quiet``: a tick 20 s later with nothing due and nothing changed (the
  median of several): what almost every tick costs;
- ``changed``: a tick after ``CHANGED`` groups were written (settings changed);
- ``full``: the look at every group again, every ``RELOAD_EVERY`` (15 min).

``python -m tests.bench.ticks`` measures the ticks alone at several numbers
of groups, for the performance page's table of how a tick grows.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from bot.domain.forms import FormSet, load_forms
from bot.scheduling.group_book import RELOAD_EVERY
from bot.scheduling.ticks import TICK_SECONDS, Scheduler
from bot.storage.db import close_database, open_database
from tests.bench.database import BenchDatabase
from tests.bench.seed import Population, seed
from tests.support.harness import FakeClock

CHANGED = 100
QUIET_TICKS = 5


class Heartbeat:
    """Asks the event loop for a turn every ``period`` seconds and keeps its worst lateness."""

    def __init__(self, period: float = 0.001) -> None:
        self.period = period
        self.worst = 0.0
        self._task: asyncio.Task | None = None

    async def _beat(self) -> None:
        while True:
            asked = time.perf_counter()
            await asyncio.sleep(self.period)
            self.worst = max(self.worst, time.perf_counter() - asked - self.period)

    async def around(self, work: Callable[[], Awaitable[Any]]) -> tuple[float, float]:
        """Runs ``work``; returns its wall time and the loop's longest hold meanwhile (ms)."""
        self.worst = 0.0
        self._task = asyncio.create_task(self._beat())
        await asyncio.sleep(0)
        began = time.perf_counter()
        try:
            await work()
        finally:
            wall = time.perf_counter() - began
            self._task.cancel()
        return round(wall * 1000, 1), round(self.worst * 1000, 1)


async def measure_ticks(database: BenchDatabase, forms: FormSet, now: datetime) -> dict:
    """The four ticks above on the seeded ``database``, at the seed's ``now``."""
    await open_database(database.url)
    gc.freeze()  # as the bot does once started (bot.app._post_init)
    try:
        clock = FakeClock(now)
        scheduler = Scheduler(SimpleNamespace(bot=None), clock, forms)  # type: ignore[arg-type]
        heart = Heartbeat()
        figures: dict[str, Any] = {}

        async def tick() -> None:
            result = await scheduler.tick()
            figures.setdefault("planned", []).append(result.groups_planned)
            figures.setdefault("sent", []).append(result.sent + result.failed + result.missed)

        figures["first_ms"], figures["first_hold_ms"] = await heart.around(tick)
        quiet = []
        for _ in range(QUIET_TICKS):
            clock.now += timedelta(seconds=TICK_SECONDS)
            quiet.append(await heart.around(tick))
        figures["quiet_ms"] = statistics.median(wall for wall, _ in quiet)
        figures["quiet_hold_ms"] = max(hold for _, hold in quiet)
        await database.touch_groups(CHANGED)
        clock.now += timedelta(seconds=TICK_SECONDS)
        figures["changed_ms"], figures["changed_hold_ms"] = await heart.around(tick)
        clock.now += RELOAD_EVERY
        figures["full_ms"], figures["full_hold_ms"] = await heart.around(tick)
        figures["groups_planned"] = {
            "first": figures["planned"][0],
            "quiet": max(figures["planned"][1 : 1 + QUIET_TICKS]),
            "changed": figures["planned"][1 + QUIET_TICKS],
            "full": figures["planned"][-1],
        }
        # Sent, failed or recorded missed: nothing should have been due.
        figures["posts_sent"] = sum(figures.pop("sent"))
        del figures["planned"]
        return figures
    finally:
        gc.unfreeze()
        await close_database()


async def _growth(kinds: list[str], sizes: list[int], workdir: Path) -> None:
    forms = load_forms()
    print(
        "| groups | database | first tick | hold | quiet tick | hold | 100 changed | hold |"
        " full look | hold |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for groups in sizes:
        for kind in kinds:
            database = await BenchDatabase.create(kind, workdir, f"posko_ticks_{groups}")
            await database.migrate(workdir)
            now = datetime.now(UTC)
            population = Population(groups, groups // 4, 30, now + timedelta(hours=3), now, 30)
            await seed(database, population, forms)
            try:
                f = await measure_ticks(database, forms, now)
            finally:
                await database.drop()
            print(
                f"| {groups:,} | {kind} | {f['first_ms']} ms | {f['first_hold_ms']} ms "
                f"| {f['quiet_ms']} ms | {f['quiet_hold_ms']} ms "
                f"| {f['changed_ms']} ms | {f['changed_hold_ms']} ms "
                f"| {f['full_ms']} ms | {f['full_hold_ms']} ms |",
                flush=True,
            )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench.ticks", description=__doc__)
    parser.add_argument("--groups", type=int, nargs="+", default=[1000, 2000, 4000, 8000, 16000])
    parser.add_argument("--db", choices=("sqlite", "postgres", "both"), default="both")
    args = parser.parse_args(argv)
    kinds = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(_growth(kinds, args.groups, Path(folder)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
