"""Generates the next aerich migration for both dialects from the current models.

Run ``python -m bot makemigrations <name>`` after changing ``bot/models.py``.
Each dialect gets a scratch database brought up to the latest committed
migration; aerich then diffs it against the models and writes the new file.
PostgreSQL comes from ``MAKEMIGRATIONS_POSTGRES_URL`` (default: the local
server's ``postgres`` database, in which a scratch database is created).
"""

from __future__ import annotations

import asyncio
import contextvars
import os
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

import asyncpg
from aerich import Command

from bot.storage.db import (
    APP,
    apply_migrations,
    forget_compiled_queries,
    migrations_location,
    tortoise_config,
)

DEFAULT_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
DIALECTS = ("sqlite", "postgres")


async def _generate(database_url: str, name: str) -> str | None:
    # In a task of its own: see ``bot.storage.db.apply_migrations``.
    try:
        return await asyncio.create_task(
            _generate_in_task(database_url, name), context=contextvars.Context()
        )
    finally:
        forget_compiled_queries()


async def _generate_in_task(database_url: str, name: str) -> str | None:
    location = migrations_location(database_url)
    first = not any((location / APP).glob("*.py"))
    if not first:
        await apply_migrations(database_url)
    command = Command(tortoise_config(database_url), app=APP, location=str(location))
    if first:
        command._init_when_aenter = False  # init_db brings its own tortoise init
        async with command:
            await command.init_db(safe=True)
        return next((location / APP).glob("*.py")).name
    async with command:
        return await command.migrate(name, no_input=True)


async def _generate_for(dialect: str, name: str) -> str | None:
    if dialect == "sqlite":
        with tempfile.TemporaryDirectory() as folder:
            return await _generate(f"sqlite://{Path(folder) / 'scratch.sqlite3'}", name)
    admin_url = os.environ.get("MAKEMIGRATIONS_POSTGRES_URL", DEFAULT_ADMIN_URL)
    scratch = f"posko_makemigrations_{uuid.uuid4().hex[:8]}"
    admin = await asyncpg.connect(admin_url.replace("postgres://", "postgresql://", 1))
    try:
        await admin.execute(f'CREATE DATABASE "{scratch}"')
        base, _, _ = admin_url.rpartition("/")
        try:
            return await _generate(f"{base}/{scratch}", name)
        finally:
            await admin.execute(f'DROP DATABASE "{scratch}" WITH (FORCE)')
    finally:
        await admin.close()


def make_migrations(name: str) -> list[str]:
    """Generates ``name`` for each dialect, each in a process of its own.

    aerich keeps the operations of a diff in class attributes, so a second
    dialect generated in the same process would inherit the first one's SQL.
    """
    written = []
    for dialect in DIALECTS:
        result = subprocess.run(
            [sys.executable, "-m", "bot.devtools.makemigrations", dialect, name],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise RuntimeError(f"{dialect}: aerich failed:\n{result.stderr}")
        written.append(f"{dialect}: {result.stdout.strip()}")
    return written


if __name__ == "__main__":
    print(asyncio.run(_generate_for(sys.argv[1], sys.argv[2])))
