"""Measurements 8 to 10: the meeting's files (issue 13), made off the bot's event loop.

In a database of its own (``posko_bench_outputs_*``): ``output_groups``
groups with ``output_days`` days of reports from all seven agencies, a few
groups whose liaisons fill in forms, and ``brief_groups`` groups with the
fortnight a brief reads.

8. Render times in a fresh process, no database: a full year (365 days x 7
   agencies) as the workbook and as zipped CSV files, each chart of the year
   and the brief (its fortnight), each the median of ``render_runs`` runs
   after an untimed one; and the first chart after the process starts, with
   matplotlib not yet imported (a render worker's first chart).
9. The ten groups ask for a year's workbook at once (``/ekspor 365``) while
   liaisons fill in forms at 25 updates a second: the liaisons' reply latency
   while the workbooks are made, and each group's workbook sent exactly once.
   Then the same groups ask for every chart of the year and a brief, so the
   render workers load matplotlib: the bot's peak RSS (VmHWM) with charts
   loaded, and each render worker's, reported apart (they are the bot's
   spawned children). The bot without its pacing, Telegram's limits off, as
   in measurement 1: only the cost of making files shows, not the pacing.
10. Scheduled briefs for ``brief_groups`` groups due the same minute, through
   ``python -m bot`` with ``REDIS_URL`` set (in its ``.env``, as an operator
   sets it) and one, then two, ``python -m bot worker`` processes, Telegram's
   limits on (a document counts as a message): the wall time from the due
   minute to the last brief delivered, against the larger of two floors,
   Telegram's (groups / 30 a second) and the workers' (the mean time a
   worker spent per brief, read from its log, x groups / workers); 429
   answers; each brief delivered, and made, exactly once.

Workers take their jobs from a Redis database of the benchmark's own (1 to
15 on the server of ``BENCH_REDIS_URL`` or ``TEST_REDIS_URL``, claimed while
empty; the test suite flushes database 0), emptied before each run: the
second run's briefs have the first run's ids, and nothing the first left (a
result no bot took, which arq keeps an hour) may answer for them.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import random
import re
import signal
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from aiohttp import web

from bot.domain.forms import FormSet
from bot.outputs.jobs import BRIEF_DAYS
from bot.scheduling.slots import PostKind
from tests.bench.database import PROJECT, BenchDatabase, bot_environment
from tests.bench.liaison import Deadline, FormFiller, Liaison, Replies, liaisons_of_groups
from tests.bench.limits import OVERALL_PER_SECOND, BenchServer, Delivery
from tests.bench.process import DEPLOYED, MIB, UNPACED, BotProcess
from tests.bench.scales import DEPLOYED_LEAD, Scale
from tests.bench.seed import (
    AGENCIES,
    GROUP_COLUMNS,
    LIAISON_COLUMNS,
    REPORT_COLUMNS,
    Population,
    chat_id_of,
    load_tables,
    sample_answers,
    user_id_of,
    zone_of,
)
from tests.bench.stats import latency_ms
from tests.support.botapi import BotMessage, Chat, User
from tests.support.harness import TOKEN

MEMBER = User(5_999_999_997, "Anggota Forum")  # asks for the files; no liaison
FILE_TIMEOUT = 180.0  # a file asked for in measurement 9 comes within this, or is lost
# Sends Telegram counts against its limits besides sendMessage (BenchServer limits that one).
FILE_SENDS = frozenset({"sendDocument", "sendPhoto", "sendMediaGroup"})
REDIS_SERVER = os.environ.get(
    "BENCH_REDIS_URL", os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
)
CLAIM_KEY = "posko-bench:claimed-by"
WORKER_READY = "Rendering worker ready"
# arq's line for a finished job: "  0.43s ← brief--1002000000017-2024-11-26:make_output ● ..."
JOB_DONE = re.compile(r"\s(\d+\.\d+)s ← (\S+):make_output ")


def _json(value: object) -> str:
    return json.dumps(value, separators=(",", ":"))


# -- measurement 8: render times, in a process of its own ------------------------------


def render_timings(days: int, runs: int) -> dict:
    """Measurement 8 (call it in a fresh process: its first chart is matplotlib's first)."""
    from bot.domain.forms import load_forms
    from bot.outputs.chart_data import ChartKind
    from bot.outputs.jobs import OutputJob, OutputKind, brief_days, render
    from tests.support.history import sample_history

    forms = load_forms()
    last = date(2024, 11, 26)
    year = _every_agency(sample_history(last - timedelta(days=days - 1), last, forms=forms), forms)
    fortnight = _every_agency(sample_history(*brief_days(last), forms=forms), forms)

    def job(kind: OutputKind, history: Any, charts: tuple[str, ...] = ()) -> OutputJob:
        return OutputJob(history.group.chat_id, kind, history.first, last, history.made_at, charts)

    def seconds(kind: OutputKind, history: Any, charts: tuple[str, ...] = ()) -> float:
        began = time.perf_counter()
        result = render(job(kind, history, charts), history)
        took = time.perf_counter() - began
        assert result.files and all(file.data for file in result.files), kind
        return took

    loaded_before = "matplotlib" in sys.modules
    first_chart = seconds(OutputKind.CHARTS, year, (ChartKind.LOGISTIK.value,))

    def median(kind: OutputKind, history: Any, charts: tuple[str, ...] = ()) -> float:
        seconds(kind, history, charts)  # untimed: its library's import, caches
        return round(statistics.median(seconds(kind, history, charts) for _ in range(runs)), 3)

    return {
        "days": days,
        "reports": sum(len(day.reports) for day in year.days),
        "agencies": len(year.agencies),
        "runs": runs,
        "workbook_s": median(OutputKind.WORKBOOK, year),
        "csv_zip_s": median(OutputKind.CSV, year),
        "charts_s": {
            kind.value: median(OutputKind.CHARTS, year, (kind.value,)) for kind in ChartKind
        },
        "brief_s": median(OutputKind.BRIEF, fortnight),
        "brief_days": len(fortnight.days),
        "first_chart_s": round(first_chart, 3),
        "matplotlib_loaded_before_first_chart": loaded_before,
    }


def _every_agency(history: Any, forms: FormSet) -> Any:
    """``history`` (``tests.support.history``: six agencies, Kejaksaan missing every fourth
    day) with every agency's report on every day but its one day off."""
    from bot.domain.agencies import Agency
    from bot.services.reports import StoredReport

    days, added = [], []
    for day in history.days:
        if day.day_off is not None:
            days.append(day)
            continue
        reports = dict(day.reports)
        for agency in Agency:
            if agency in reports:
                continue
            reports[agency] = StoredReport(
                history.group.chat_id,
                agency,
                day.day,
                790 + agency.order,
                f"Penghubung {agency.label}",
                agency.label,
                sample_answers(forms.form_for(agency)),
                datetime.combine(day.day, clock_time(7, 30), UTC),
            )
            added.append(reports[agency])
        days.append(replace(day, expected=tuple(Agency), reports=reports))
    return replace(history, days=tuple(days), versions=(*history.versions, *added))


async def measure_renders(days: int, runs: int) -> dict:
    """Measurement 8 in a fresh ``python -c`` process, so matplotlib is really cold."""
    code = (
        "import json; from tests.bench.outputs import render_timings; "
        f"print(json.dumps(render_timings({days}, {runs})))"
    )
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-c",
        code,
        cwd=PROJECT,
        env=bot_environment(),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    output, errors = await process.communicate()
    if process.returncode != 0:
        raise RuntimeError(f"render timings failed:\n{errors.decode(errors='replace')[-3000:]}")
    return json.loads(output.decode().strip().splitlines()[-1])


# -- the loopback Telegram: files counted and limited like messages ----------------------


class FilesServer(BenchServer):
    """``BenchServer`` with documents and photos under Telegram's limits, as messages are,
    and counted per chat by name; the files' bytes are dropped once seen."""

    def __init__(self, token: str) -> None:
        super().__init__(token)
        self.files_sent: dict[int, list[str]] = defaultdict(list)  # file names, per chat
        # Sends of charts per chat: an album (several photos, one send) counts once.
        self.chart_sends: Counter[int] = Counter()
        self._albums: set[str] = set()

    def reset(self) -> None:
        self.sends.clear()
        self.group_sends.clear()
        self.files_sent.clear()
        self.chart_sends.clear()
        self.too_many_requests = 0

    async def _handle(self, request: web.Request) -> web.Response:
        if self.limits_on and request.match_info["method"] in FILE_SENDS:
            params = await request.post()  # kept by aiohttp for the base class to read again
            retry_after = self.limits.admit(int(str(params["chat_id"])), time.monotonic())
            if retry_after:
                self.too_many_requests += 1
                return web.json_response(
                    {
                        "ok": False,
                        "error_code": 429,
                        "description": f"Too Many Requests: retry after {retry_after}",
                        "parameters": {"retry_after": retry_after},
                    },
                    status=429,
                )
        return await super()._handle(request)

    async def _deliver(self, message: BotMessage) -> None:
        if message.kind in ("document", "photo") and not message.edits:
            self.files_sent[message.chat_id].append(message.file_name or "")
        if message.kind == "photo" and message.media_group_id not in self._albums:
            self.chart_sends[message.chat_id] += 1
            if message.media_group_id:
                self._albums.add(message.media_group_id)
        await super()._deliver(message)
        # 2,000 briefs of ~150 kB would otherwise stay in this process.
        message.data = None
        if message.file_id:
            self.uploads.pop(message.file_id, None)


# -- the database ------------------------------------------------------------------------


@dataclass(frozen=True)
class Layout:
    """Groups 0.. ask for files, then the liaisons' groups, then the brief groups."""

    output_groups: int
    liaison_groups: int
    brief_groups: int
    days: int  # days of reports in the groups asking for files
    now: datetime

    @property
    def groups(self) -> int:
        return self.output_groups + self.liaison_groups + self.brief_groups

    @property
    def first_liaison_group(self) -> int:
        return self.output_groups

    @property
    def first_brief_group(self) -> int:
        return self.output_groups + self.liaison_groups

    def brief_chats(self) -> set[int]:
        return {
            chat_id_of(index)
            for index in range(self.first_brief_group, self.first_brief_group + self.brief_groups)
        }

    def local_today(self, index: int) -> date:
        return self.now.astimezone(zone_of(index)).date()

    def group_rows(self) -> Iterator[tuple]:
        every_kind_off = _json({kind.value: None for kind in PostKind})
        for index in range(self.groups):
            yield (
                index + 1,
                chat_id_of(index),
                f"Forkopimda Uji {index}",
                f"Kabupaten Uji {index}",
                zone_of(index).key,
                "id",
                "Pilkada Serentak",
                # H-14: reports expected every day.
                self.local_today(index) + timedelta(days=14),
                every_kind_off,  # the briefs' time is set before each run (``due_at``)
                True,
                self.now - timedelta(days=400),
                self.now - timedelta(hours=1),
            )

    def report_rows(self, forms: FormSet) -> Iterator[tuple]:
        situation = forms.situation
        answers = {}
        for agency in AGENCIES:
            base = sample_answers(forms.form_for(agency))
            answers[agency] = [
                _json({**base, situation.question_id: level.value}) for level in situation.levels
            ]
        spans = [(index, self.days) for index in range(self.output_groups)]
        spans += [
            (index, BRIEF_DAYS)
            for index in range(self.first_brief_group, self.first_brief_group + self.brief_groups)
        ]
        for index, days in spans:
            today, zone = self.local_today(index), zone_of(index)
            for back in range(days):
                day = today - timedelta(days=back)
                for k, agency in enumerate(AGENCIES):
                    levels = answers[agency]
                    morning = datetime.combine(day, clock_time(8, k), tzinfo=zone)
                    yield (
                        agency.value,
                        day,
                        user_id_of(index, k),
                        f"Penghubung {agency.label} {index}",
                        f"{agency.label} Kabupaten Uji {index}",
                        levels[(index + back + k) % len(levels)],
                        morning.astimezone(UTC),
                        True,
                        index + 1,
                    )


async def seed_outputs(database: BenchDatabase, layout: Layout, forms: FormSet) -> dict[str, int]:
    liaisons = Population(layout.groups, 0, 0, layout.now, layout.now).liaison_rows()
    tables = {
        "groups": (
            GROUP_COLUMNS,
            layout.group_rows(),
        ),
        "liaisons": (
            LIAISON_COLUMNS,
            liaisons,
        ),
        "reports": (
            REPORT_COLUMNS,
            layout.report_rows(forms),
        ),
    }
    return await load_tables(database, tables)


# -- processes: the bot's render pool, Redis, ``python -m bot worker`` --------------------


def _proc_status(pid: int) -> dict[str, int]:
    values = {}
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            name, _, rest = line.partition(":")
            if name in ("VmRSS", "VmHWM"):
                values[name] = int(rest.split()[0]) * 1024
    return values


def _children(pid: int) -> list[tuple[int, str]]:
    """(pid, command line) of each process whose parent is ``pid``."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        with contextlib.suppress(OSError, IndexError, ValueError):
            with open(f"/proc/{entry}/stat") as stat:
                # "pid (comm) state ppid ...": comm may hold spaces, so split after its ")".
                parent = int(stat.read().rsplit(")", 1)[1].split()[1])
            if parent == pid:
                with open(f"/proc/{entry}/cmdline", "rb") as cmdline:
                    found.append((int(entry), cmdline.read().replace(b"\0", b" ").decode()))
    return found


def render_pool_peaks(bot_pid: int) -> list[int]:
    """VmHWM of each of the bot's spawned render processes (not multiprocessing's tracker)."""
    peaks = []
    for pid, command in _children(bot_pid):
        if "spawn_main" in command:
            with contextlib.suppress(OSError, KeyError):
                peaks.append(_proc_status(pid)["VmHWM"])
    return peaks


class RedisDatabase:
    """One numbered database of the Redis server, the benchmark's while it runs."""

    def __init__(self, base: str, number: int, client: Any) -> None:
        self.url = f"{base}/{number}"
        self._client = client

    @classmethod
    async def claim(cls) -> RedisDatabase:
        """The first empty database from 1 to 15, marked as taken (two runs never share one:
        their workers would take each other's jobs)."""
        from redis.asyncio import Redis

        parts = urlsplit(REDIS_SERVER)
        base = f"{parts.scheme}://{parts.netloc}"
        for number in range(1, 16):
            client = Redis.from_url(f"{base}/{number}")
            if await client.dbsize() == 0 and await client.set(
                CLAIM_KEY, str(os.getpid()), nx=True, ex=6 * 3600
            ):
                return cls(base, number, client)
            await client.aclose()
        raise RuntimeError(f"no empty Redis database (1 to 15) at {base} for the workers")

    async def clear(self) -> None:
        """Every key but the claim: queued jobs, results, workers' health checks."""
        keys = [key async for key in self._client.scan_iter(count=1000)]
        keys = [key for key in keys if key != CLAIM_KEY.encode()]
        for start in range(0, len(keys), 1000):
            await self._client.delete(*keys[start : start + 1000])

    async def results_mib(self) -> float:
        """What arq's results left in Redis take (the bot deletes each one it takes)."""
        total = 0
        async for key in self._client.scan_iter(match="arq:result:*", count=1000):
            total += await self._client.memory_usage(key) or 0
        return round(total / MIB, 1)

    async def release(self) -> None:
        await self._client.flushdb()
        await self._client.aclose()


class RenderWorker:
    """``python -m bot worker``, as an operator starts one, its log at INFO (one line a job)."""

    def __init__(self, database_url: str, redis_url: str, workdir: Path, log_path: Path) -> None:
        self.database_url = database_url
        self.redis_url = redis_url
        self.workdir = workdir
        self.log_path = log_path
        self.process: asyncio.subprocess.Process | None = None

    async def start(self, timeout: float = 60.0) -> None:
        with self.log_path.open("wb") as log:
            self.process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot",
                "worker",
                cwd=self.workdir,
                env=bot_environment(
                    REDIS_URL=self.redis_url, DATABASE_URL=self.database_url, LOG_LEVEL="INFO"
                ),
                stdin=asyncio.subprocess.DEVNULL,
                stdout=log,
                stderr=log,
            )
        deadline = time.monotonic() + timeout
        while WORKER_READY not in self._log():
            if self.process.returncode is not None or time.monotonic() > deadline:
                await self.stop()
                raise RuntimeError(f"the render worker did not start:\n{self._log()[-3000:]}")
            await asyncio.sleep(0.1)

    def peak_rss(self) -> int:
        assert self.process is not None
        return _proc_status(self.process.pid)["VmHWM"]

    async def stop(self) -> int | None:
        """As Ctrl-C stops it (arq finishes, or cancels, the job at hand)."""
        if self.process is None or self.process.returncode is not None:
            return self.process.returncode if self.process else None
        self.process.send_signal(signal.SIGINT)
        try:
            return await asyncio.wait_for(self.process.wait(), 30)
        except TimeoutError:
            self.process.kill()
            return await self.process.wait()

    def jobs(self) -> list[tuple[str, float]]:
        """(job id, seconds) of every job this worker finished, from arq's log lines."""
        return [(match[2], float(match[1])) for match in JOB_DONE.finditer(self._log())]

    def log_problems(self) -> list[str]:
        return [
            line
            for line in self._log().splitlines()
            if " ERROR " in line or " CRITICAL " in line or line.startswith("Traceback")
        ]

    def _log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return ""


async def _stopped(bot: BotProcess) -> dict:
    return {"module": bot.module, "exit_code": await bot.stop(), "errors": bot.log_problems()[:20]}


# -- measurement 9: a year's files asked for at once, liaisons meanwhile -----------------


def _group(index: int) -> Chat:
    return Chat(chat_id_of(index), f"Forkopimda Uji {index}")  # the title seeded


async def _ask(server: FilesServer, index: int, command: str) -> tuple[float, asyncio.Future]:
    """Sends ``command`` in group ``index``; returns when, and its next message to come."""
    expected = server.expect(chat_id_of(index))
    sent = time.perf_counter()
    await server.send_message(_group(index), MEMBER, command)
    return sent, expected


async def _files_arrived(
    server: FilesServer, wanted: Callable[[list[str]], bool], chats: list[int], timeout: float
) -> bool:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if all(wanted(server.files_sent[chat]) for chat in chats):
            return True
        await asyncio.sleep(0.05)
    return False


def _count(names: list[str], ending: str) -> int:
    return sum(1 for name in names if name.endswith(ending))


@dataclass
class FilesRun:
    """Measurements 9 and 10 on one database."""

    kind: str
    scale: Scale
    forms: FormSet
    workdir: Path
    database: BenchDatabase
    server: FilesServer
    layout: Layout
    log: Callable[[str], None]
    figures: dict = field(default_factory=dict)

    def cast(self) -> list[Liaison]:
        count = round(self.scale.telegram_rate * self.scale.think_seconds)
        return liaisons_of_groups(self.layout.first_liaison_group, count)

    async def exports_under_load(self) -> None:
        """Measurement 9: the unpaced bot, its own render pool (no Redis), limits off."""
        scale, server = self.scale, self.server
        server.switch_limits(False)
        server.reset()
        bot = BotProcess(
            self.database.url,
            server,
            self.workdir,
            self.workdir / f"bot-{self.kind}-files.log",
            UNPACED,
        )
        groups = range(self.layout.output_groups)
        chats = [chat_id_of(index) for index in groups]
        liaisons = self.cast()
        replies = Replies()
        filler = FormFiller(server, self.forms, replies)
        chance = random.Random(9)
        think = scale.think_seconds
        stop = Deadline()
        try:
            await bot.start()
            began = time.perf_counter()
            reporting = [
                asyncio.create_task(
                    filler.keep_reporting(
                        liaison,
                        lambda: chance.uniform(0.5, 1.5) * think,
                        stop,
                        first_delay=chance.uniform(0, think),
                    )
                )
                for liaison in liaisons
            ]
            # A ramp, then as long again of the load alone: the latencies before any file.
            ramp = 1.5 * think
            await asyncio.sleep(ramp + scale.output_baseline_seconds)
            self.log(
                f"[{self.kind}] {len(chats)} groups ask for {self.layout.days} days' workbook "
                f"at once, {len(liaisons) / think:g} form updates/s ..."
            )
            exports_began = time.perf_counter()
            asked = [await _ask(server, index, f"/ekspor {self.layout.days}") for index in groups]
            latencies, wrong = [], 0
            for sent, expected in asked:
                try:
                    delivery: Delivery = await asyncio.wait_for(expected, FILE_TIMEOUT)
                except TimeoutError:
                    continue
                latencies.append(delivery.at - sent)
                if delivery.message.kind != "document" or not (
                    delivery.message.file_name or ""
                ).endswith(".xlsx"):
                    wrong += 1
            exports_ended = time.perf_counter()
            self.log(f"[{self.kind}] the same groups ask for every chart of the year and a brief")
            charts_began = time.perf_counter()
            for index in groups:
                await server.send_message(
                    _group(index), MEMBER, f"/grafik semua {self.layout.days}"
                )
                await server.send_message(_group(index), MEMBER, "/brief")
            charts_arrived = await _files_arrived(
                server,
                # An album's photos all arrive with its one send.
                lambda names: _count(names, ".png") >= 1 and _count(names, ".pdf") >= 1,
                chats,
                FILE_TIMEOUT,
            )
            charts_ended = time.perf_counter()
            await asyncio.sleep(max(0.0, began + scale.output_seconds - time.perf_counter()))
            stop.at = time.perf_counter()
            await asyncio.gather(*reporting)
            await asyncio.sleep(1.0)  # a late duplicate would show up now
            bot.check_alive()
            bot_status = bot.status()
            pool_peaks = render_pool_peaks(bot.process.pid)  # type: ignore[union-attr]
        finally:
            stop.at = time.perf_counter()
            self.figures["files_bot"] = await _stopped(bot)
        measured = began + ramp

        def window(start: float, end: float) -> dict:
            seconds = max(end - start, 1e-9)
            return {
                "seconds": round(end - start, 1),
                "updates_per_s": round(replies.answered_between(start, end) / seconds, 1),
                "latency_ms": latency_ms(replies.latencies_sent_between(start, end)),
            }

        sent_files = {chat: server.files_sent[chat] for chat in chats}
        self.figures["outputs_load"] = {
            "groups": len(chats),
            "days": self.layout.days,
            "liaisons": len(liaisons),
            "offered_per_s": round(len(liaisons) / think, 1),
            "before_files": window(measured, exports_began),
            "exports": {
                **window(exports_began, exports_ended),
                "file_latency_s": {
                    "first": round(min(latencies), 2) if latencies else None,
                    "last": round(max(latencies), 2) if latencies else None,
                },
                "delivered": len(latencies),
                "wrong": wrong,
            },
            "charts_and_briefs": {
                **window(charts_began, charts_ended),
                "all_delivered": charts_arrived,
            },
            "whole_run": window(measured, stop.at),
            # Where the slowest replies fell (seconds after the exports were asked): a
            # cluster at the start is the render pool starting, spread out is rendering.
            "slowest_replies": [
                {"at_s": round(sent - exports_began, 2), "ms": round(latency * 1000, 1)}
                for sent, latency in sorted(
                    zip(replies.sent_at, replies.latencies, strict=True),
                    key=lambda pair: -pair[1],
                )[:8]
            ],
            "workbooks_sent": sum(_count(names, ".xlsx") for names in sent_files.values()),
            "charts_sent": sum(_count(names, ".png") for names in sent_files.values()),
            "briefs_sent": sum(_count(names, ".pdf") for names in sent_files.values()),
            # Each group asked once for each: a workbook, an album of charts, a brief.
            "duplicates": sum(
                max(0, _count(names, ".xlsx") - 1)
                + max(0, server.chart_sends[chat] - 1)
                + max(0, _count(names, ".pdf") - 1)
                for chat, names in sent_files.items()
            ),
            "updates": replies.updates,
            "forms_completed": sum(replies.forms_completed.values()),
            "lost": replies.lost,
            "off_script": replies.off_script,
        }
        self.figures["outputs_memory"] = {
            "bot_peak_rss_mib": round(bot_status["VmHWM"] / MIB, 1),
            "bot_rss_at_end_mib": round(bot_status["VmRSS"] / MIB, 1),
            "render_processes": len(pool_peaks),
            "render_peak_rss_mib": [round(peak / MIB, 1) for peak in pool_peaks],
            "render_peak_rss_max_mib": round(max(pool_peaks, default=0) / MIB, 1),
        }

    async def due_at(self, due_minute: datetime) -> None:
        """Only the brief groups' brief falls due, at ``due_minute`` in each one's zone; none
        sent yet today."""
        first = self.layout.first_brief_group + 1
        last = first + self.layout.brief_groups - 1
        for zone in {zone_of(index).key for index in range(self.layout.groups)}:
            times: dict[str, str | None] = {kind.value: None for kind in PostKind}
            times[PostKind.BRIEF.value] = due_minute.astimezone(ZoneInfo(zone)).strftime("%H:%M")
            await self.database.execute(
                f"UPDATE \"groups\" SET post_times = '{_json(times)}' "
                f"WHERE time_zone = '{zone}' AND id BETWEEN {first} AND {last}"
            )
        await self.database.execute(
            f"DELETE FROM scheduled_posts WHERE kind = '{PostKind.BRIEF.value}'"
        )

    async def scheduled_briefs(self, workers: int, redis: RedisDatabase) -> None:
        """Measurement 10 with ``workers`` worker processes: the deployed bot, limits on."""
        scale, server = self.scale, self.server
        folder = self.workdir / f"briefs-{workers}"
        folder.mkdir(parents=True, exist_ok=True)
        # As an operator configures it: the bot reads REDIS_URL from its .env.
        (folder / ".env").write_text(f"REDIS_URL={redis.url}\n")
        await redis.clear()
        workers_run = [
            RenderWorker(
                self.database.url, redis.url, folder, folder / f"worker-{self.kind}-{n}.log"
            )
            for n in range(1, workers + 1)
        ]
        bot = BotProcess(
            self.database.url, server, folder, folder / f"bot-{self.kind}-briefs.log", DEPLOYED
        )
        name = f"briefs_{workers}_worker" + ("s" if workers > 1 else "")
        chats = self.layout.brief_chats()
        figures: dict[str, Any] = {"groups": len(chats), "workers": workers}
        try:
            await asyncio.gather(*(worker.start() for worker in workers_run))
            now = datetime.now(UTC)
            if scale.wait_for_minute:
                earliest = now + timedelta(seconds=DEPLOYED_LEAD + 3)
                due = earliest.replace(second=0, microsecond=0) + timedelta(minutes=1)
            else:
                due = now.replace(second=0, microsecond=0)
            await self.due_at(due)
            server.switch_limits(True)
            server.reset()
            self.log(
                f"[{self.kind}] {len(chats)} briefs due at {due:%H:%M} UTC, {workers} worker(s) ..."
            )
            if scale.wait_for_minute:
                await asyncio.sleep(max(0.0, due.timestamp() - DEPLOYED_LEAD - time.time()))
            await bot.start()
            figures["ready_before_due_s"] = round(due.timestamp() - time.time(), 1)
            give_up = max(due.timestamp(), time.time()) + 3 * self._expected_seconds(workers) + 120
            await server.wait_for_groups(chats, give_up)
            await asyncio.sleep(1.0)  # a late duplicate would show up now
            bot.check_alive()
            figures["bot_peak_rss_mib"] = round(bot.status()["VmHWM"] / MIB, 1)
            figures["worker_peak_rss_mib"] = [
                round(worker.peak_rss() / MIB, 1) for worker in workers_run
            ]
            figures["redis_results_mib"] = await redis.results_mib()
        finally:
            figures["bot"] = await _stopped(bot)
            figures["worker_exit_codes"] = [await worker.stop() for worker in workers_run]
            figures["worker_errors"] = [
                line for worker in workers_run for line in worker.log_problems()
            ][:20]
        jobs = [job for worker in workers_run for job in worker.jobs()]
        seconds = [took for _, took in jobs]
        per_brief = statistics.mean(seconds) if seconds else None
        times = sorted(at for at, chat in server.group_sends if chat in chats)
        wall = (times[-1] if times else time.time()) - due.timestamp()
        telegram_floor = len(chats) / OVERALL_PER_SECOND
        render_floor = per_brief * len(chats) / workers if per_brief is not None else None
        floor = max(telegram_floor, render_floor or 0.0)
        figures |= {
            "due_minute": due.isoformat(),
            "wall_s": round(wall, 1),
            "first_delivery_s": round(times[0] - due.timestamp(), 2) if times else None,
            "telegram_floor_s": round(telegram_floor, 1),
            "render_s_per_brief": round(per_brief, 3) if per_brief is not None else None,
            "render_floor_s": round(render_floor, 1) if render_floor is not None else None,
            "ratio": round(wall / floor, 3) if floor else None,
            # How busy the workers were from the due minute to the last delivery.
            "worker_busy": round(sum(seconds) / (workers * wall), 3) if wall > 0 else None,
            "jobs_made": len(jobs),
            "jobs_made_twice": len(jobs) - len({job_id for job_id, _ in jobs}),
            "delivered": sum(1 for chat in chats if server.sends[chat]),
            "pdfs": sum(_count(server.files_sent[chat], ".pdf") for chat in chats),
            "duplicates": sum(server.sends[chat] - 1 for chat in chats if server.sends[chat] > 1),
            "responses_429": server.too_many_requests,
        }
        self.figures[name] = figures

    def _expected_seconds(self, workers: int) -> float:
        """A generous guess of a run's length, to know when to stop waiting."""
        per_brief = self.figures.get("outputs_render", {}).get("brief_s") or 1.0
        groups = self.layout.brief_groups
        return max(groups / OVERALL_PER_SECOND, 2 * per_brief * groups / workers)


async def _run_one(
    kind: str,
    scale: Scale,
    forms: FormSet,
    workdir: Path,
    log: Callable[[str], None],
    keep: bool,
    renders: dict,
) -> dict:
    folder = workdir / kind / "outputs"
    folder.mkdir(parents=True, exist_ok=True)
    database = await BenchDatabase.create(
        kind, folder, f"posko_bench_outputs_{scale.name}_{os.getpid()}"
    )
    server = FilesServer(TOKEN)
    redis: RedisDatabase | None = None
    run: FilesRun | None = None
    try:
        await database.migrate(folder)
        count = round(scale.telegram_rate * scale.think_seconds)
        layout = Layout(
            scale.output_groups,
            -(-count // len(AGENCIES)),
            scale.brief_groups,
            scale.output_days,
            datetime.now(UTC),
        )
        began = time.perf_counter()
        rows = await seed_outputs(database, layout, forms)
        seconds = round(time.perf_counter() - began, 1)
        log(f"[{kind}] seeded the outputs' groups, {rows} in {seconds} s")
        await server.start()
        run = FilesRun(kind, scale, forms, folder, database, server, layout, log)
        run.figures["outputs_render"] = renders
        run.figures["outputs_seed"] = {**rows, "seconds": seconds}
        await run.exports_under_load()
        redis = await RedisDatabase.claim()
        for workers in scale.brief_workers:
            await run.scheduled_briefs(workers, redis)
    finally:
        await server.stop()
        if redis is not None:
            await redis.release()
        if keep:
            log(f"[{kind}] kept the outputs' database {database.url}")
        else:
            await database.drop()
    return run.figures if run is not None else {}


async def run_outputs(
    kinds: list[str],
    scale: Scale,
    forms: FormSet,
    workdir: Path,
    log: Callable[[str], None],
    keep: bool = False,
) -> dict[str, dict]:
    """Measurements 8 to 10 on each database; the figures by database.

    The render times (8) need no database: measured once, shown with each.
    The databases take turns (their workers would share two cores), except in
    a smoke run, whose figures mean nothing.
    """
    if "REDIS_URL" in os.environ:
        raise RuntimeError("unset REDIS_URL: measurement 9 is of the bot's own render pool")
    log(f"render times, {scale.output_days} days, {scale.render_runs} run(s) each ...")
    if not scale.wait_for_minute:  # a smoke run: everything at once
        renders: dict = {}
        measured = asyncio.create_task(measure_renders(scale.output_days, scale.render_runs))
        try:
            results = await asyncio.gather(
                *(_run_one(kind, scale, forms, workdir, log, keep, renders) for kind in kinds)
            )
            renders.update(await measured)
        finally:
            measured.cancel()
        return dict(zip(kinds, results, strict=True))
    renders = await measure_renders(scale.output_days, scale.render_runs)
    return {kind: await _run_one(kind, scale, forms, workdir, log, keep, renders) for kind in kinds}
