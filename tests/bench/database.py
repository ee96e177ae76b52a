"""The benchmark's databases: created empty, migrated by the bot, bulk-loaded and read back.

The ORM is the bot's business: here rows go in by ``executemany`` (SQLite) or
``COPY`` (PostgreSQL), so a national population loads in seconds, and the
checks after a run read plain SQL.
"""

from __future__ import annotations

import asyncio
import os
import sqlite3
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

import asyncpg

from bot.storage.db import normalise_url

PROJECT = Path(__file__).resolve().parents[2]
POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/test")


def bot_environment(**variables: str) -> dict[str, str]:
    """``python -m bot``'s environment: ours without the bot's settings, and ``variables``."""
    clean = {
        name: value
        for name, value in os.environ.items()
        if name
        not in (
            "BOT_TOKEN",
            "DATABASE_URL",
            "TELEGRAM_API_URL",
            "WEBHOOK_URL",
            "LOG_LEVEL",
            "FORMS_FILE",
        )
    }
    return {**clean, "PYTHONPATH": str(PROJECT), **variables}


def _asyncpg_url(url: str) -> str:
    return normalise_url(url).replace("postgres://", "postgresql://", 1)


@dataclass(frozen=True)
class BenchDatabase:
    kind: str  # "sqlite" or "postgres"
    url: str

    @classmethod
    async def create(cls, kind: str, workdir: Path, name: str) -> BenchDatabase:
        """An empty database: a new SQLite file in ``workdir``, or PostgreSQL database ``name``.

        PostgreSQL: on the server of TEST_POSTGRES_URL, created afresh, so a
        benchmark never touches the test suite's database.
        """
        if kind == "sqlite":
            path = workdir / f"{name}.sqlite3"
            path.unlink(missing_ok=True)
            return cls(kind, f"sqlite://{path}")
        if kind != "postgres":
            raise ValueError(f"unknown database kind {kind!r}")
        server = await asyncpg.connect(_asyncpg_url(POSTGRES_URL))
        try:
            await server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            await server.execute(f'CREATE DATABASE "{name}"')
        finally:
            await server.close()
        base = POSTGRES_URL.rsplit("/", 1)[0]
        return cls(kind, f"{base}/{name}")

    async def drop(self) -> None:
        """Removes a PostgreSQL database (a SQLite file goes with its folder)."""
        if self.kind != "postgres":
            return
        server = await asyncpg.connect(_asyncpg_url(POSTGRES_URL))
        try:
            await server.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        finally:
            await server.close()

    @property
    def name(self) -> str:
        return self.url.rsplit("/", 1)[1].split("?", 1)[0]

    async def migrate(self, workdir: Path) -> None:
        """``python -m bot migrate``, as an operator runs it before the first start."""
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "migrate",
            cwd=workdir,
            env=bot_environment(DATABASE_URL=self.url, LOG_LEVEL="WARNING"),
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )
        output, _ = await process.communicate()
        if process.returncode != 0:
            raise RuntimeError(f"python -m bot migrate failed:\n{output.decode()}")

    async def insert(self, table: str, columns: Sequence[str], rows: Iterable[tuple]) -> None:
        """Bulk-inserts ``rows`` (JSON columns already encoded as text)."""
        if self.kind == "sqlite":
            self._insert_sqlite(table, columns, rows)
            return
        connection = await asyncpg.connect(_asyncpg_url(self.url))
        try:
            await connection.copy_records_to_table(table, records=list(rows), columns=list(columns))
            if "id" in columns:  # the next row the bot creates must not reuse an id
                await connection.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f'(SELECT max(id) FROM "{table}"))'
                )
        finally:
            await connection.close()

    def _insert_sqlite(self, table: str, columns: Sequence[str], rows: Iterable[tuple]) -> None:
        placeholders = ", ".join("?" for _ in columns)
        names = ", ".join(f'"{column}"' for column in columns)
        connection = sqlite3.connect(self._sqlite_path)
        try:
            with connection:
                connection.executemany(
                    f'INSERT INTO "{table}" ({names}) VALUES ({placeholders})',
                    (tuple(_sqlite_value(value) for value in row) for row in rows),
                )
        finally:
            connection.close()

    async def touch_groups(self, count: int) -> None:
        """Marks the first ``count`` groups as just written, as a settings change does."""
        if self.kind == "sqlite":
            stamp = str(datetime.now(UTC))
            self._execute_sqlite(f"UPDATE groups SET updated_at = '{stamp}' WHERE id <= {count}")
            return
        await self.fetch(f"UPDATE groups SET updated_at = now() WHERE id <= {count}")

    def _execute_sqlite(self, sql: str) -> None:
        connection = sqlite3.connect(self._sqlite_path)
        try:
            with connection:
                connection.execute(sql)
        finally:
            connection.close()

    async def analyze(self) -> None:
        """Table statistics, as PostgreSQL's autovacuum gathers them after a bulk load."""
        if self.kind == "postgres":
            await self.fetch("ANALYZE")

    async def execute(self, sql: str) -> None:
        """A statement written without parameters (the benchmark's own values only)."""
        if self.kind == "sqlite":
            connection = sqlite3.connect(self._sqlite_path)
            try:
                with connection:
                    connection.execute(sql)
            finally:
                connection.close()
            return
        connection = await asyncpg.connect(_asyncpg_url(self.url))
        try:
            await connection.execute(sql)
        finally:
            await connection.close()

    async def fetch(self, sql: str) -> list[tuple]:
        """Rows of a query written without parameters (the benchmark's own numbers only)."""
        if self.kind == "sqlite":
            connection = sqlite3.connect(self._sqlite_path)
            try:
                return connection.execute(sql).fetchall()
            finally:
                connection.close()
        connection = await asyncpg.connect(_asyncpg_url(self.url))
        try:
            return [tuple(row) for row in await connection.fetch(sql)]
        finally:
            await connection.close()

    @property
    def _sqlite_path(self) -> str:
        return self.url.split("://", 1)[1]


def _sqlite_value(value: object) -> object:
    """A value as tortoise stores it in SQLite (timestamps as text with their offset)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    return value
