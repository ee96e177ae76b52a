"""Where the meeting's files are made: never on the bot's event loop.

Rendering a year's workbook or a brief takes the better part of a second of
CPU; on the bot's loop that would hold every liaison's reply. Two ways, one
interface (``Workers.make``):

- ``LocalWorkers`` (the default): a pool of processes of this machine, started
  the first time a file is asked for (a bot nobody asks pays nothing). Each
  process connects to the database once and makes jobs one at a time.
- ``RedisWorkers`` (``REDIS_URL`` set): the job goes through arq to any number
  of ``python -m bot worker`` processes, on this machine or others; the bot
  waits for the result. A national deployment's 8,000 Monday briefs are hours
  of one core: more workers, on more machines, is how it keeps to the minute.

Either way the job carries ids and days only, and the worker reads the
database itself (``bot.outputs.jobs.produce``).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import multiprocessing.context
import multiprocessing.util
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from bot.domain.forms import FormSet, load_forms
from bot.domain.incidents import IncidentCategories, load_incident_categories
from bot.outputs.jobs import OutputJob, OutputResult, produce
from bot.storage.db import close_database, connect_database

log = logging.getLogger(__name__)

# The arq function a worker runs, by name.
MAKE_OUTPUT = "make_output"
# How long a finished job's result stays on Redis if no bot takes it: a bot that
# restarts while its job is made finds the result there under the same job id.
# A result taken is deleted at once (``RedisWorkers.make``).
KEEP_RESULT_SECONDS = 3600


class Workers(Protocol):
    async def make(self, job: OutputJob, job_id: str) -> OutputResult: ...

    async def close(self) -> None: ...


@dataclass(frozen=True)
class WorkerSetup:
    """What a worker process needs to make jobs: the database and the deployment's files."""

    database_url: str
    forms_file: Path | None = None
    incidents_file: Path | None = None


# -- one worker process's state ---------------------------------------------------------


@dataclass
class _Worker:
    loop: asyncio.AbstractEventLoop
    forms: FormSet
    categories: IncidentCategories


_worker: _Worker | None = None


def _start_process(setup: WorkerSetup) -> None:
    """A pool process's start: its own event loop and database connection, kept for its life."""
    global _worker
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    loop.run_until_complete(connect_database(setup.database_url))
    _worker = _Worker(
        loop, load_forms(setup.forms_file), load_incident_categories(setup.incidents_file)
    )
    # Run as the process ends (before Python waits for its threads): SQLite's
    # connection thread would otherwise keep the process, and the pool's
    # shutdown with it, waiting forever.
    multiprocessing.util.Finalize(None, _stop_process, exitpriority=10)


def _stop_process() -> None:
    if _worker is not None:
        _worker.loop.run_until_complete(close_database())
        _worker.loop.close()


def _make_in_process(wire: dict[str, Any]) -> OutputResult:
    assert _worker is not None, "the pool's initializer sets up each process"
    job = OutputJob.from_wire(wire)
    return _worker.loop.run_until_complete(produce(job, _worker.forms, _worker.categories))


# How far below the bot a render process runs: on a small machine rendering
# must not take the CPU from the event loop that answers liaisons.
RENDER_NICENESS = 10


class _RenderProcess(multiprocessing.context.SpawnProcess):
    """A spawned process lowered in priority the moment it exists.

    Lowering it from the parent, not in the pool's initializer, matters: a
    spawned process spends its first half second of CPU importing the bot
    before any initializer runs, and two of them doing that at the bot's
    priority, just as the first files are asked for, were most of the liaisons'
    slowest replies (docs/performance.md).
    """

    def start(self) -> None:
        super().start()
        if self.pid is not None:
            with contextlib.suppress(OSError):  # it has already ended: nothing to lower
                os.setpriority(os.PRIO_PROCESS, self.pid, RENDER_NICENESS)


class _RenderContext(multiprocessing.context.SpawnContext):
    # spawn, not fork: a fork would copy the bot's running loop, its
    # connections and its threads into a process that must not use them.
    Process = _RenderProcess


class LocalWorkers:
    """A pool of this machine's processes, started on the first job."""

    def __init__(self, setup: WorkerSetup, processes: int) -> None:
        self._setup = setup
        self._processes = processes
        self._pool: ProcessPoolExecutor | None = None

    async def make(self, job: OutputJob, job_id: str) -> OutputResult:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=self._processes,
                mp_context=_RenderContext(),
                initializer=_start_process,
                initargs=(self._setup,),
            )
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._pool, _make_in_process, job.to_wire())

    async def close(self) -> None:
        if self._pool is not None:
            pool, self._pool = self._pool, None
            await asyncio.to_thread(pool.shutdown, wait=True, cancel_futures=True)


class RedisWorkers:
    """Jobs through arq on Redis, made by ``python -m bot worker`` processes anywhere."""

    def __init__(self, redis_url: str) -> None:
        self._redis_url = redis_url
        self._redis: Any = None

    async def _connection(self) -> Any:
        if self._redis is None:
            from arq import create_pool
            from arq.connections import RedisSettings

            self._redis = await create_pool(RedisSettings.from_dsn(self._redis_url))
        return self._redis

    async def make(self, job: OutputJob, job_id: str) -> OutputResult:
        from arq.constants import result_key_prefix
        from arq.jobs import Job

        redis = await self._connection()
        # The same id twice (a restart while the job was queued or made) finds
        # the job already there, and waits for its one result.
        queued = await redis.enqueue_job(MAKE_OUTPUT, job.to_wire(), _job_id=job_id)
        waiting = queued if queued is not None else Job(job_id, redis)
        result = await waiting.result(timeout=None, poll_delay=0.2)
        assert isinstance(result, OutputResult)
        # The files are in hand: kept an hour they would be 250 MiB of Redis after
        # a Monday's 2,000 briefs. Should this bot stop before sending, the request
        # is still unanswered and its restart has the job made again.
        await redis.delete(result_key_prefix + job_id)
        return result

    async def close(self) -> None:
        if self._redis is not None:
            redis, self._redis = self._redis, None
            await redis.aclose()


def workers_for(redis_url: str | None, setup: WorkerSetup, processes: int) -> Workers:
    return RedisWorkers(redis_url) if redis_url else LocalWorkers(setup, processes)


# -- python -m bot worker ---------------------------------------------------------------


async def _worker_startup(ctx: dict[str, Any]) -> None:
    setup: WorkerSetup = ctx["setup"]
    await connect_database(setup.database_url)
    ctx["forms"] = load_forms(setup.forms_file)
    ctx["categories"] = load_incident_categories(setup.incidents_file)
    log.info("Rendering worker ready")


async def _worker_shutdown(ctx: dict[str, Any]) -> None:
    await close_database()


async def make_output(ctx: dict[str, Any], wire: dict[str, Any]) -> OutputResult:
    """The arq job: one request's files, made here from the database."""
    return await produce(OutputJob.from_wire(wire), ctx["forms"], ctx["categories"])


def run_worker(redis_url: str, setup: WorkerSetup) -> None:
    """Takes jobs from Redis until stopped (SIGINT/SIGTERM finish the job at hand)."""
    from arq import Worker
    from arq.connections import RedisSettings
    from arq.worker import func

    worker = Worker(
        functions=[func(make_output, name=MAKE_OUTPUT)],
        redis_settings=RedisSettings.from_dsn(redis_url),
        on_startup=_worker_startup,
        on_shutdown=_worker_shutdown,
        ctx={"setup": setup},
        # Rendering holds the worker's loop: one job at a time per process, so
        # the queue spreads jobs over the workers instead of piling them on one.
        max_jobs=1,
        # arq's default 0.5 s poll left a one-job worker idle a third of the time.
        poll_delay=0.05,
        keep_result=KEEP_RESULT_SECONDS,
        job_timeout=600,
        handle_signals=True,
    )
    worker.run()
