"""Starting the bot for real: settings, logging, polling or webhook."""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from urllib.parse import urlsplit

from telegram import Update
from telegram.error import InvalidToken

from bot.app import build_application
from bot.domain.forms import FormsFileError
from bot.domain.incidents import IncidentsFileError
from bot.logging_setup import configure_logging
from bot.settings import DEFAULT_DATABASE_URL, load_settings
from bot.storage.db import DatabaseUnavailable, apply_migrations
from bot.storage.lease import AnotherInstanceRunning

log = logging.getLogger(__name__)

EXIT_ANOTHER_INSTANCE = 3


def run() -> int:
    settings = load_settings()
    secrets = [settings.bot_token.get_secret_value()]
    if settings.webhook_secret:
        secrets.append(settings.webhook_secret.get_secret_value())
    configure_logging(settings.log_level, secrets)
    try:
        application = build_application(settings, freeze_heap=True)
    except FormsFileError as error:
        print(f"posko-forkopimda: FORMS_FILE: {error}", file=sys.stderr)
        return 2
    except IncidentsFileError as error:
        print(f"posko-forkopimda: INCIDENTS_FILE: {error}", file=sys.stderr)
        return 2
    try:
        if settings.webhook_url:
            application.run_webhook(
                listen="0.0.0.0",
                port=settings.webhook_port,
                url_path=urlsplit(settings.webhook_url).path.lstrip("/"),
                webhook_url=settings.webhook_url,
                secret_token=(
                    settings.webhook_secret.get_secret_value() if settings.webhook_secret else None
                ),
                allowed_updates=Update.ALL_TYPES,
            )
        else:
            application.run_polling(allowed_updates=Update.ALL_TYPES)
    except InvalidToken:
        print("posko-forkopimda: Telegram rejected BOT_TOKEN (401 Unauthorized).", file=sys.stderr)
        return 2
    except DatabaseUnavailable as error:
        print(f"posko-forkopimda: {error}", file=sys.stderr)
        return 1
    except AnotherInstanceRunning as error:
        print(f"posko-forkopimda: {error}", file=sys.stderr)
        return EXIT_ANOTHER_INSTANCE
    if application.gave_way:  # to another process polling with this token (logged why)
        return EXIT_ANOTHER_INSTANCE
    return 0


def migrate() -> int:
    """Applies pending migrations to DATABASE_URL; needs no token."""
    from dotenv import dotenv_values

    url = os.environ.get("DATABASE_URL") or dotenv_values(".env").get("DATABASE_URL")
    configure_logging(os.environ.get("LOG_LEVEL", "INFO").upper(), [])
    applied = asyncio.run(apply_migrations(url or DEFAULT_DATABASE_URL))
    print(f"{len(applied)} migration(s) applied" + (": " + ", ".join(applied) if applied else ""))
    return 0


def work() -> int:
    """``python -m bot worker``: makes exports, charts and briefs for the bot, from Redis."""
    from bot.outputs.workers import WorkerSetup, run_worker
    from bot.settings import load_worker_settings

    settings = load_worker_settings()
    configure_logging(os.environ.get("LOG_LEVEL", "INFO").upper(), [])
    setup = WorkerSetup(settings.database_url, settings.forms_file, settings.incidents_file)
    run_worker(settings.redis_url, setup)
    return 0
