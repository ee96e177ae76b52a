"""The instance lease: one process at a time serves a bot on a database.

Two processes serving the same bot from the same database would take turns
at Telegram's updates and at the scheduled posts. Telegram cannot be asked
whether another process is running (a new getUpdates simply ends the older
one), so the bot asks its own database instead, before its first request to
Telegram, and holds the answer for the life of the process:

- PostgreSQL: a session advisory lock (``pg_try_advisory_lock``), held by a
  connection of its own that stays open until the process ends. A pooled
  connection would not do: the lock belongs to the session that took it.
  The server drops it the moment that connection closes, killed process
  included. (A pooler in transaction mode between the bot and PostgreSQL
  would break this, as it breaks every session lock.)
- SQLite: ``flock`` on a lock file beside the database file. The kernel
  releases it when the process dies, however it dies, so a crash cannot leave
  a stale lease behind. An in-memory database belongs to one process anyway
  and needs no lease.

The lease is per bot (the token's numeric id), so two bots may share a
database, each with its own lease.
"""

from __future__ import annotations

import asyncio
import fcntl
import logging
import os
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, Protocol

import asyncpg
from tortoise.backends.base.config_generator import expand_db_url

from bot.storage.db import dialect_of, normalise_url, redacted, retry_while_unreachable, sqlite_file

log = logging.getLogger(__name__)

# How often a waiting process tries the lease again: a stopping process lets
# go at its last step, and a second's delay on a restart goes unnoticed.
RETRY_SECONDS = 1.0


class AnotherInstanceRunning(RuntimeError):
    """Another process serves this bot; the message says where, for the operator."""


class InstanceLease(Protocol):
    async def try_take(self) -> bool:
        """Takes the lease if it is free (or already ours); False when another process holds it."""

    async def release(self) -> None:
        """Lets the lease go, if held; a no-op otherwise."""


def lease_for(database_url: str, bot_id: int, *, connect_attempts: int = 5) -> InstanceLease:
    if dialect_of(database_url) == "postgres":
        return AdvisoryLockLease(database_url, bot_id, connect_attempts=connect_attempts)
    path = sqlite_file(database_url)
    if path is None:
        return InMemoryLease()
    return LockFileLease(lock_file_for(path, bot_id))


def lock_file_for(database_file: Path, bot_id: int) -> Path:
    """``data/posko.sqlite3`` -> ``data/posko.sqlite3-lease-<bot id>``.

    Beside the database (resolved through symlinks, so every path to it finds
    the same lock), named like SQLite's own ``-wal`` and ``-journal`` files.
    It is never deleted: a process could still hold the old file open and
    locked while a newcomer creates and locks a new one.
    """
    database_file = database_file.resolve()
    return database_file.with_name(f"{database_file.name}-lease-{bot_id}")


class LockFileLease:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    async def try_take(self) -> bool:
        if self._fd is not None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            # flock, not fcntl/lockf record locks: those belong to the process,
            # so a second open of the file in the same process (or closing any
            # descriptor of it) would silently share or drop the lock.
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    async def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the only descriptor drops the flock
            self._fd = None

    def __str__(self) -> str:
        return str(self.path)


class InMemoryLease:
    """An in-memory SQLite database is the process's own: nobody else can serve it."""

    async def try_take(self) -> bool:
        return True

    async def release(self) -> None:
        pass


class AdvisoryLockLease:
    """A session advisory lock, keyed by the bot id, on a connection of its own."""

    def __init__(self, database_url: str, bot_id: int, *, connect_attempts: int = 5) -> None:
        self.database_url = database_url
        # The key is the bot id itself (Telegram ids fit in 52 bits, so in the
        # lock's bigint), which an operator can find in pg_locks:
        #   SELECT pid FROM pg_locks WHERE locktype = 'advisory'
        #     AND (classid::bigint << 32 | objid::bigint) = <bot id>;
        self.key = bot_id
        self._connect_attempts = connect_attempts
        self._connection: Any = None  # an asyncpg.Connection (asyncpg has no type stubs)
        self._held = False

    async def try_take(self) -> bool:
        if self._held:
            return True
        connection = self._connection
        if connection is None:
            connection = await retry_while_unreachable(
                self._connect, self.database_url, attempts=self._connect_attempts
            )
            self._connection = connection
        self._held = await connection.fetchval("SELECT pg_try_advisory_lock($1)", self.key)
        return self._held

    async def _connect(self) -> asyncpg.Connection:
        credentials = expand_db_url(normalise_url(self.database_url))["credentials"]
        return await asyncpg.connect(
            host=credentials.get("host"),
            port=credentials.get("port"),
            user=credentials.get("user"),
            password=credentials.get("password"),
            database=credentials.get("database"),
            ssl=credentials.get("ssl"),
            # Shows in pg_stat_activity which backend holds the lease.
            server_settings={"application_name": f"posko-forkopimda lease {self.key}"},
        )

    async def release(self) -> None:
        connection, self._connection, self._held = self._connection, None, False
        if connection is None:
            return
        # Ending the session releases its advisory locks.
        try:
            await connection.close(timeout=5)
        except (OSError, asyncpg.PostgresError):  # TimeoutError is an OSError
            connection.terminate()

    def __str__(self) -> str:
        return f"{redacted(self.database_url)} (advisory lock {self.key})"


async def take_lease(
    lease: InstanceLease,
    wait_seconds: float,
    *,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    monotonic: Callable[[], float] = time.monotonic,
) -> None:
    """Takes the lease, waiting up to ``wait_seconds`` for the process holding it to stop.

    The wait covers a restart or a deploy, where the new process starts
    while the old one is still finishing its last updates.
    """
    deadline = monotonic() + wait_seconds
    if await lease.try_take():
        return
    log.warning(
        "Another process serves this bot on this database (%s); waiting up to %g s for it to stop",
        lease,
        wait_seconds,
    )
    while (left := deadline - monotonic()) > 0:
        await sleep(min(RETRY_SECONDS, left))
        if await lease.try_take():
            log.info("The other process has stopped; this one takes over")
            return
    await lease.release()  # a PostgreSQL lease's connection, opened for nothing
    raise AnotherInstanceRunning(
        f"another process already serves this bot on this database ({lease}) and did not "
        f"stop within {wait_seconds:g} s; this one exits without contacting Telegram."
    )
