"""The real bot killed with SIGKILL and started again, and what such tests share.

A seeded group with three liaisons (``FORMS``: what each types into the
form), the bot as a subprocess that a test kills at will (``BotProcess``),
and the database read from outside, as an auditor would (``query``).
"""

from __future__ import annotations

import asyncio
import random
import signal
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import asyncpg

from bot.domain.agencies import Agency
from bot.services import groups
from bot.services.liaisons import request_registration
from bot.storage.db import close_database, open_database
from tests.support.botapi import User
from tests.support.harness import GROUP, TOKEN
from tests.support.processes import run_bot
from tests.support.tally import TALLY

FORMS = {  # liaison -> (agency, the answers they type after tapping "Rawan")
    User(333333331, "Andi Polres"): (
        Agency.POLRI,
        ["1.200", "2", "Bentrok kecil", "900", "5", "1", "-", "Patroli tambahan"],
    ),
    User(333333332, "Budi Kodim"): (Agency.TNI, ["300", "-", "0", "-", "-", "-"]),
    User(333333333, "Citra Kejari"): (Agency.KEJAKSAAN, ["4", "Dua perkara baru", "-"]),
}
ALL_OFF = {"laporan": None, "pengingat": None, "ringkasan": None, "hitungmundur": None}


class BotProcess:
    """The real bot in a subprocess, killed and restarted at the test's will."""

    def __init__(self, folder: Path, telegram, database_url: str) -> None:
        self.folder, self.telegram, self.database_url = folder, telegram, database_url
        self.process: asyncio.subprocess.Process | None = None
        self.kills = 0

    async def start(self) -> None:
        mark = len(self.telegram.calls)
        env = {
            "BOT_TOKEN": TOKEN,
            "TELEGRAM_API_URL": self.telegram.url,
            "DATABASE_URL": self.database_url,
            "LOG_LEVEL": "INFO",
        }
        with (self.folder / "bot.log").open("ab") as log:
            self.process = await run_bot(
                self.folder, env, stdout=asyncio.subprocess.DEVNULL, stderr=log
            )
        await self.telegram.wait_for_call("getUpdates", after=mark)

    async def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        await self.process.wait()
        self.kills += 1
        TALLY["faults_injected"] += 1

    async def maybe_crash(self, chance: float, rng: random.Random) -> None:
        if rng.random() < chance:
            await asyncio.sleep(rng.random() * 0.15)  # where it dies: before, during, after
            await self.kill()
            await self.start()

    async def stop(self) -> None:
        self.process.send_signal(signal.SIGINT)
        await asyncio.wait_for(self.process.wait(), 30)


async def query(database_url: str, sql: str) -> list[tuple]:
    """Reads the bot's database from outside the bot, as an auditor would."""
    if database_url.startswith("sqlite://"):
        with sqlite3.connect(database_url.removeprefix("sqlite://")) as connection:
            return connection.execute(sql).fetchall()
    connection = await asyncpg.connect(database_url.replace("postgres://", "postgresql://", 1))
    try:
        return [tuple(row) for row in await connection.fetch(sql)]
    finally:
        await connection.close()


# The groups joined long before the posts these tests watch fall due.
JOINED = datetime(2024, 1, 1, tzinfo=UTC)


async def seed(database_url: str, liaisons: bool, post_times: dict) -> None:
    await open_database(database_url)
    try:
        await groups.register_group(GROUP.id, GROUP.title, now=JOINED)
        for kind, at in post_times.items():
            await groups.set_post_time(GROUP.id, GROUP.title, kind, at, now=JOINED)
        if liaisons:
            for user, (agency, _) in FORMS.items():
                await request_registration(
                    GROUP.id,
                    GROUP.title,
                    user.id,
                    user.first_name,
                    None,
                    agency,
                    agency.label,
                    approved=True,
                    now=JOINED,
                )
    finally:
        await close_database()


async def next_containing(telegram, chat_id: int, text: str, timeout: float = 45):
    """The next message in the chat that contains ``text`` (repeats of earlier ones are skipped)."""
    seen = []
    while True:
        try:
            message = await telegram.next_message(chat_id, timeout=timeout)
        except AssertionError:
            raise AssertionError(f"waited for {text!r}; got only {seen}") from None
        if text in message.text:
            return message
        seen.append(message.text[:60])
