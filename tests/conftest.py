"""Fixtures: both databases, the loopback Bot API server, the bot, a clock."""

from __future__ import annotations

import asyncio
import os
from datetime import UTC, datetime

import asyncpg
import pytest

from bot.services import inbox
from tests.support.botapi import TelegramServer
from tests.support.harness import TOKEN, FakeClock, running_bot
from tests.support.tally import LABELS, TALLY

POSTGRES_URL = os.environ.get("TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/test")


async def reset_postgres(url: str) -> None:
    connection = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        await connection.execute("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;")
    finally:
        await connection.close()


@pytest.fixture(params=["sqlite", "postgres"])
async def database_url(request, tmp_path) -> str:
    """An empty database of each kind; the bot migrates it at start."""
    if request.param == "sqlite":
        return f"sqlite://{tmp_path / 'posko.sqlite3'}"
    await reset_postgres(POSTGRES_URL)
    return POSTGRES_URL


@pytest.fixture
def clock() -> FakeClock:
    # 13 November 2024, 09:00 WIB: H-14 before Pilkada Serentak 2024.
    return FakeClock(datetime(2024, 11, 13, 2, 0, tzinfo=UTC))


@pytest.fixture
def slow_inbox(monkeypatch) -> None:
    """Recording updates in the inbox takes a while, as on a slow disk.

    It widens the moment between receiving an update and having it stored, in
    which Telegram must not yet hear that the update arrived.
    """
    recording = inbox.receive

    async def slow_receive(updates):
        await asyncio.sleep(0.05)
        return await recording(updates)

    monkeypatch.setattr(inbox, "receive", slow_receive)


@pytest.fixture
async def telegram():
    server = TelegramServer(TOKEN)
    await server.start()
    yield server
    await server.stop()
    TALLY["faults_injected"] += server.faults_injected


def pytest_terminal_summary(terminalreporter):
    """Prints the hardening figures: faults injected, bad inputs, anything lost or doubled."""
    if not TALLY:
        return
    terminalreporter.section("reliability")
    for key, label in LABELS.items():
        terminalreporter.write_line(f"{label}: {TALLY[key]}")


@pytest.fixture
async def bot(telegram, database_url, clock):
    async with running_bot(telegram, database_url, clock) as application:
        yield application
