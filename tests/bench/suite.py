"""Every measurement on each database: seed it, run the bot twice, check nothing was lost.

Per database:
1. Capacity: the bot without its pacing (``tests.bench.unpaced``) answers
   /ringkasan (measurement 3), then form updates: flat out, at about the rate
   Telegram would let it answer, at a heavy load the bot carries (100 a
   second) and at the target load (measurement 1).
   Telegram's limits are off.
2. As deployed: ``python -m bot``, Telegram's limits on, answers form updates
   through its pacing, then sends the broadcast (measurement 2).
The bot's peak RSS over both runs is measurement 4.
Then the national tree (``tests.bench.regional``, measurements 5 to 7) and the
meeting's files (``tests.bench.outputs``, measurements 8 to 10), each in
databases of their own.

The summaries must fall due at a real minute (the bot reads the system
clock). That minute is chosen first, far enough ahead for every database's
capacity run, which share the time until it. Then both databases' deployed
bots broadcast in that same minute, each to its own loopback Telegram with
its own limits: a broadcast paced at 30 messages a second leaves a 2-core
machine mostly idle, and waiting for one minute instead of two keeps this part
within five minutes. A smoke run makes the summaries due at once and runs
everything at once: its figures mean nothing, only its checks count.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bot.domain.forms import FormSet
from bot.scheduling.group_book import RELOAD_EVERY
from bot.scheduling.ticks import TICK_SECONDS
from tests.bench.broadcast import measure_broadcast
from tests.bench.database import BenchDatabase
from tests.bench.incident import prepare_incident
from tests.bench.liaison import Liaison, Replies, groups_needed, liaisons_of_groups
from tests.bench.limits import BenchServer
from tests.bench.memory import memory_figures
from tests.bench.outputs import run_outputs
from tests.bench.process import DEPLOYED, UNPACED, BotProcess
from tests.bench.regional import run_regional
from tests.bench.ringkasan import measure_summary
from tests.bench.scales import DEPLOYED_LEAD, Scale, capacity_seconds, due_minute_for
from tests.bench.seed import AGENCIES, Population, seed, user_id_of
from tests.bench.throughput import measure_paced, measure_saturation
from tests.bench.ticks import measure_ticks
from tests.support.harness import TOKEN


@dataclass(frozen=True)
class Cast:
    """Which seeded liaisons play in which measurement: never the same person twice."""

    paced: list[Liaison]
    telegram_rate: list[Liaison]
    moderate: list[Liaison]
    saturation: list[Liaison]
    broadcast: list[Liaison]
    deployed: list[Liaison]  # flat out through the deployed bot's pacing
    incident: list[Liaison]  # reports an urgent incident during the broadcast
    first_group: int
    last_group: int

    @classmethod
    def for_scale(cls, scale: Scale, population: Population) -> Cast:
        first = next_group = population.summary_group + 1
        casts = []
        # Through the deployed bot's pacing, one liaison per group (see liaisons_of_groups).
        for count, per_group in (
            (scale.paced_liaisons, 7),
            (scale.telegram_rate_liaisons, 7),
            (scale.moderate_liaisons, 7),
            (scale.saturation_liaisons, 7),
            (scale.broadcast_liaisons, 1),
            (scale.pacing_liaisons, 1),
            (1, 1),
        ):
            casts.append(liaisons_of_groups(next_group, count, per_group))
            next_group += groups_needed(count, per_group)
        if next_group > scale.groups:
            raise ValueError(
                f"scale {scale.name}: {next_group} groups needed, {scale.groups} seeded"
            )
        return cls(*casts, first_group=first, last_group=next_group - 1)


async def _stored_reports(database: BenchDatabase, cast: Cast) -> dict[int, int]:
    low, high = user_id_of(cast.first_group, 0), user_id_of(cast.last_group, len(AGENCIES))
    return dict(
        await database.fetch(
            f"SELECT user_id, COUNT(*) FROM reports WHERE user_id BETWEEN {low} AND {high} "
            "GROUP BY user_id"
        )
    )


def _check_stored(
    figures: dict, liaisons: list[Liaison], replies: Replies, stored: dict[int, int]
) -> None:
    """Adds how many reports the database holds for these liaisons, and for how many it differs."""
    users = [liaison.user.id for liaison in liaisons]
    figures["reports_stored"] = sum(stored.get(user, 0) for user in users)
    figures["reports_mismatched"] = sum(
        1 for user in users if stored.get(user, 0) != replies.forms_completed.get(user, 0)
    )


@dataclass
class Run:
    """One database's run: its data, its loopback Telegram, its liaisons, its figures."""

    kind: str
    scale: Scale
    forms: FormSet
    workdir: Path
    database: BenchDatabase
    server: BenchServer
    population: Population
    cast: Cast
    log: Callable[[str], None]
    figures: dict
    phases: dict[str, tuple[list[Liaison], Replies]] = field(default_factory=dict)
    peak_rss: dict[str, int] = field(default_factory=dict)  # VmHWM of each bot run
    deployed_rss: tuple[int, int] = (0, 0)  # after start and at the end

    @classmethod
    async def prepare(
        cls,
        kind: str,
        scale: Scale,
        forms: FormSet,
        workdir: Path,
        due: datetime,
        log: Callable[[str], None],
    ) -> Run:
        """An empty database, migrated and seeded, and a loopback Telegram for it."""
        workdir.mkdir(parents=True, exist_ok=True)  # noqa: ASYNC240 (before anything runs)
        # Named for the process, so a benchmark and the test suite's smoke run can overlap.
        database = await BenchDatabase.create(
            kind, workdir, f"posko_bench_{scale.name}_{os.getpid()}"
        )
        await database.migrate(workdir)
        population = Population(
            scale.groups,
            scale.broadcast_groups,
            scale.summary_days,
            due,
            datetime.now(UTC),
            scale.post_history_days,
        )
        began = time.perf_counter()
        rows = await seed(database, population, forms)
        seconds = round(time.perf_counter() - began, 1)
        log(f"[{kind}] seeded {rows} in {seconds} s")
        log(f"[{kind}] scheduler ticks ...")
        # Before the summaries' minute, even 15 minutes on, so nothing is due
        # (measurement 5).
        ticks_at = due - RELOAD_EVERY - timedelta(minutes=5)
        tick_figures = await measure_ticks(database, forms, ticks_at)
        server = BenchServer(TOKEN)
        await server.start()
        figures = {
            "database": kind,
            "scale": asdict(scale),
            "due_minute": due.isoformat(),
            "seed": {**rows, "seconds": seconds},
            "ticks": tick_figures,
        }
        return cls(
            kind,
            scale,
            forms,
            workdir,
            database,
            server,
            population,
            Cast.for_scale(scale, population),
            log,
            figures,
        )

    def bot(self, module: str) -> BotProcess:
        name = "capacity" if module == UNPACED else "deployed"
        return BotProcess(
            self.database.url,
            self.server,
            self.workdir,
            self.workdir / f"bot-{self.kind}-{name}.log",
            module,
        )

    async def capacity(self, paced_seconds: float) -> None:
        """Measurements 3 and 1 on the bot without its pacing; Telegram's limits off."""
        scale, population = self.scale, self.population
        self.server.switch_limits(False)
        bot = self.bot(UNPACED)
        try:
            await bot.start()
            self.log(f"[{self.kind}] /ringkasan, {scale.summary_requests} requests ...")
            self.figures["summary"] = await measure_summary(
                self.server,
                population.summary_group,
                population.local_today(population.summary_group),
                scale.summary_days,
                scale.summary_requests,
            )
            self.log(f"[{self.kind}] form updates flat out, {scale.saturation_seconds:g} s ...")
            self.figures["saturation"], replies = await measure_saturation(
                self.server, self.forms, self.cast.saturation, scale.saturation_seconds
            )
            self.phases["saturation"] = (self.cast.saturation, replies)
            await self._offered(
                "telegram_rate",
                self.cast.telegram_rate,
                scale.telegram_rate,
                scale.telegram_rate_seconds,
            )
            await self._offered(
                "moderate", self.cast.moderate, scale.moderate_rate, scale.moderate_seconds
            )
            await self._offered("throughput", self.cast.paced, scale.offered_rate, paced_seconds)
            bot.check_alive()
            self.peak_rss["capacity"] = bot.status()["VmHWM"]
        finally:
            self.figures["capacity_bot"] = await self._stopped(bot)

    async def _offered(
        self,
        phase: str,
        liaisons: list[Liaison],
        rate: float,
        seconds: float,
    ) -> None:
        """Form updates at ``rate`` a second, offered by ``liaisons`` for ``seconds``."""
        self.log(f"[{self.kind}] form updates, {rate:g}/s offered, {seconds:.0f} s ...")
        began = time.time()
        self.figures[phase], replies = await measure_paced(
            self.server, self.forms, liaisons, self.scale.think_seconds, seconds
        )
        # The bot's ticks fall on the wall clock's grid: how many ran meanwhile.
        self.figures[phase]["ticks_meanwhile"] = int(time.time() // TICK_SECONDS) - int(
            began // TICK_SECONDS
        )
        self.phases[phase] = (liaisons, replies)

    async def deployed(self) -> None:
        """Measurement 2 on ``python -m bot``, and its form updates; Telegram's limits on."""
        scale, population = self.scale, self.population
        self.server.switch_limits(True)
        bot = self.bot(DEPLOYED)
        try:
            if scale.wait_for_minute:
                await asyncio.sleep(population.due_minute.timestamp() - DEPLOYED_LEAD - time.time())
            await bot.start()
            after_start = bot.status()["VmRSS"]
            # Negative: the bot was late, and the broadcast's wall time includes its start-up.
            self.figures["deployed_ready_before_due_s"] = round(
                population.due_minute.timestamp() - time.time(), 1
            )
            if scale.wait_for_minute:  # in the time left before the summaries fall due
                await self._through_pacing()
            self.log(
                f"[{self.kind}] broadcast of {scale.broadcast_groups} summaries due "
                f"{population.due_minute:%H:%M} UTC ..."
            )
            reporter = self.cast.incident[0]
            review = await prepare_incident(self.server, reporter)
            self.figures["broadcast"], replies = await measure_broadcast(
                self.server,
                self.forms,
                scale.broadcast_groups,
                population.due_minute,
                self.cast.broadcast,
                scale.broadcast_think_seconds,
                min_seconds=0.0 if scale.wait_for_minute else 1.5,
                incident=(reporter, review),
            )
            self.phases["broadcast"] = (self.cast.broadcast, replies)
            if not scale.wait_for_minute:
                await self._through_pacing()
            bot.check_alive()
            status = bot.status()
            self.peak_rss["deployed"] = status["VmHWM"]
            self.deployed_rss = (after_start, status["VmRSS"])
        finally:
            self.figures["deployed_bot"] = await self._stopped(bot)
            self.figures["deployed_bot"]["responses_429"] = self.server.too_many_requests

    async def _through_pacing(self) -> None:
        self.log(f"[{self.kind}] form updates flat out through the bot's pacing ...")
        self.figures["paced_by_bot"], replies = await measure_saturation(
            self.server, self.forms, self.cast.deployed, self.scale.pacing_seconds
        )
        self.phases["paced_by_bot"] = (self.cast.deployed, replies)

    @staticmethod
    async def _stopped(bot: BotProcess) -> dict:
        return {
            "module": bot.module,
            "exit_code": await bot.stop(),
            "errors": bot.log_problems()[:20],
        }

    async def finish(self, keep: bool) -> dict:
        """Stops the loopback Telegram and checks the database against what the liaisons saw."""
        await self.server.stop()
        if self.peak_rss:
            self.figures["memory"] = memory_figures(
                self.scale.groups,
                self.scale.groups * len(AGENCIES),
                *self.deployed_rss,
                self.peak_rss,
            )
        stored = await _stored_reports(self.database, self.cast)
        for name, (liaisons, replies) in self.phases.items():
            _check_stored(self.figures[name], liaisons, replies, stored)
        if keep:
            self.log(f"[{self.kind}] kept the database {self.database.url}")
        else:
            await self.database.drop()
        return self.figures


# The suite's parts, each in databases of its own: the flat population (measurements
# 1 to 4), the national tree (5 to 7, tests/bench/regional.py), the meeting's files
# (8 to 10, tests/bench/outputs.py).
PARTS = ("flat", "tree", "outputs")


async def run_databases(
    kinds: list[str],
    scale: Scale,
    forms: FormSet,
    workdir: Path,
    log: Callable[[str], None] = print,
    keep: bool = False,
    parts: tuple[str, ...] = PARTS,
) -> dict[str, dict]:
    """Every measurement of ``parts`` on each database (``sqlite``, ``postgres``); the
    figures by database.

    ``keep`` leaves the PostgreSQL databases in place (SQLite files and bot logs
    are in ``workdir`` anyway).
    """
    figures: dict[str, dict] = {kind: {} for kind in kinds}
    runs = []
    if "flat" in parts:
        runs.append(run_flat)
    if "tree" in parts:
        runs.append(run_regional)
    if "outputs" in parts:
        runs.append(run_outputs)
    for run in runs:
        for kind, part_figures in (await run(kinds, scale, forms, workdir, log, keep)).items():
            figures[kind].update(part_figures)
    return figures


async def run_flat(
    kinds: list[str],
    scale: Scale,
    forms: FormSet,
    workdir: Path,
    log: Callable[[str], None],
    keep: bool = False,
) -> dict[str, dict]:
    """Measurements 1 to 4 on each database; the figures by database."""
    due = due_minute_for(scale, datetime.now(UTC), len(kinds))
    log(f"summaries due at {due:%H:%M} UTC")
    runs: list[Run] = []
    try:
        for kind in kinds:
            runs.append(await Run.prepare(kind, scale, forms, workdir / kind, due, log))
        if not scale.wait_for_minute:
            await asyncio.gather(*(run.deployed() for run in runs))
            await asyncio.gather(*(run.capacity(scale.paced_seconds) for run in runs))
        else:
            for index, run in enumerate(runs):
                # The runs left share the time until the deployed bots must start.
                left = len(runs) - index
                spare = (
                    due.timestamp()
                    - DEPLOYED_LEAD
                    - time.time()
                    - left * capacity_seconds(scale, 0)
                )
                await run.capacity(max(spare / left, 2.0))
            await asyncio.gather(*(run.deployed() for run in runs))
    finally:
        figures = {run.kind: await run.finish(keep) for run in runs}  # servers stopped either way
    return figures
