"""Running the real bot against the loopback Bot API server, with an injected clock."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from telegram import Update
from telegram.ext import Application

from bot.app import build_application
from bot.settings import Secret, Settings
from tests.support.botapi import Chat, TelegramServer, User

TOKEN = "7000000001:AAFakeTokenForTestsOnly_abcdefghijk"

GROUP = Chat(-1001234567890, "Forkopimda Kabupaten Kutai Timur")
OTHER_GROUP = Chat(-1009876543210, "Forkopimda Kota Jayapura")
ADMIN = User(111111111, "Budi", "budi_kesbangpol")
MEMBER = User(222222222, "Sari", "sari_kpu")


@dataclass
class FakeClock:
    """A clock the test moves by hand; the bot reads it through ``Runtime.clock``."""

    now: datetime

    def __call__(self) -> datetime:
        return self.now

    def set(self, *args: int, tz=UTC) -> None:
        self.now = datetime(*args, tzinfo=tz)


def settings_for(
    server: TelegramServer,
    database_url: str,
    forms_file: Path | None = None,
    redis_url: str | None = None,
) -> Settings:
    return Settings(
        bot_token=Secret(TOKEN),
        database_url=database_url,
        telegram_api_url=server.url,
        log_level="DEBUG",
        forms_file=forms_file,
        redis_url=redis_url,
        render_workers=1,  # one spawned process per test bot is plenty
    )


@contextlib.asynccontextmanager
async def running_bot(
    server: TelegramServer,
    database_url: str,
    clock: FakeClock,
    forms_file: Path | None = None,
    redis_url: str | None = None,
    **options,
) -> AsyncIterator[Application]:
    """Starts the bot the way ``run_polling`` does, and stops it the same way.

    ``options`` go to ``build_application``; by default the rate limiter is off
    (tests send bursts no group would) and the scheduler waits for ``tick()``.
    ``forms_file`` is the deployment's FORMS_FILE (None: the shipped forms).
    """
    application = build_application(
        settings_for(server, database_url, forms_file, redis_url),
        clock=clock,
        **{"rate_limit": False, "run_scheduler": False, **options},
    )
    await application.initialize()  # takes the instance lease
    try:
        await application.post_init(application)
        await application.updater.start_polling(
            poll_interval=0, timeout=5, allowed_updates=Update.ALL_TYPES
        )
        await application.start()
        yield application
    finally:
        # Also after a failed start: a lease left held would keep the next
        # test's bot waiting for a process that is gone.
        if application.updater.running:
            await application.updater.stop()
        if application.running:
            await application.stop()
        await application.shutdown()
        await application.post_shutdown(application)
