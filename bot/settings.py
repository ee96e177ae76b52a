"""Typed settings, read once from the environment (and a ``.env`` file)."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from dotenv import dotenv_values

DEFAULT_DATABASE_URL = "sqlite://data/posko.sqlite3"
DEFAULT_API_URL = "https://api.telegram.org"
# BotFather tokens: a numeric bot id, a colon, and a 35-character secret.
# We accept 30+ characters after the colon to leave room for format changes.
TOKEN_PATTERN = re.compile(r"^\d{5,20}:[A-Za-z0-9_-]{30,100}$")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")


class SettingsError(ValueError):
    """The configuration cannot be used; the message says which variable and why."""


class Secret:
    """A string that never shows itself in ``repr``, ``str`` or f-strings."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def get_secret_value(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('**********')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


@dataclass(frozen=True)
class Settings:
    bot_token: Secret
    database_url: str = DEFAULT_DATABASE_URL
    telegram_api_url: str = DEFAULT_API_URL
    webhook_url: str | None = None
    webhook_port: int = 8443
    webhook_secret: Secret | None = None
    log_level: str = "INFO"
    forms_file: Path | None = None
    incidents_file: Path | None = None
    database_connect_attempts: int = 5
    # How long a new process waits for the one serving this bot on this
    # database to stop (a restart, a deploy) before it gives up with exit code 3.
    instance_wait_seconds: float = 30.0
    # The meeting's files are made in worker processes: through arq on this
    # Redis when set (``python -m bot worker`` on any machine), else in a pool
    # of ``render_workers`` processes of the bot's own.
    redis_url: str | None = None
    render_workers: int = 2

    @property
    def bot_id(self) -> int:
        """The bot's numeric id: the token's part before the colon, which is not secret."""
        return int(self.bot_token.get_secret_value().split(":", 1)[0])

    @property
    def api_base_url(self) -> str:
        """Base URL PTB appends the token and method to: ``{url}/bot{token}/{method}``."""
        return f"{self.telegram_api_url}/bot"


def _values(environ: Mapping[str, str] | None, env_file: str | Path | None) -> dict[str, str]:
    values: dict[str, str] = {}
    if env_file is not None and Path(env_file).is_file():
        values.update({k: v for k, v in dotenv_values(env_file).items() if v is not None})
    values.update(os.environ if environ is None else environ)
    return values


@dataclass(frozen=True)
class WorkerSettings:
    """What ``python -m bot worker`` needs: no token (the bot sends what workers make)."""

    redis_url: str
    database_url: str = DEFAULT_DATABASE_URL
    forms_file: Path | None = None
    incidents_file: Path | None = None


def load_worker_settings(
    environ: Mapping[str, str] | None = None, env_file: str | Path | None = ".env"
) -> WorkerSettings:
    values = _values(environ, env_file)
    redis_url = _redis_url(values)
    if redis_url is None:
        raise SettingsError("REDIS_URL is not set: workers take their jobs from Redis.")
    forms_file = values.get("FORMS_FILE", "").strip()
    incidents_file = values.get("INCIDENTS_FILE", "").strip()
    return WorkerSettings(
        redis_url=redis_url,
        database_url=values.get("DATABASE_URL", "").strip() or DEFAULT_DATABASE_URL,
        forms_file=Path(forms_file) if forms_file else None,
        incidents_file=Path(incidents_file) if incidents_file else None,
    )


def _redis_url(values: Mapping[str, str]) -> str | None:
    url = values.get("REDIS_URL", "").strip() or None
    if url is not None and not re.match(r"^rediss?://", url):
        raise SettingsError("REDIS_URL must start with redis:// or rediss://.")
    return url


def load_settings(
    environ: Mapping[str, str] | None = None, env_file: str | Path | None = ".env"
) -> Settings:
    """Builds settings from ``environ`` over the values of ``env_file`` (if it exists)."""
    values = _values(environ, env_file)

    token = values.get("BOT_TOKEN", "").strip()
    if not token:
        raise SettingsError("BOT_TOKEN is not set: get a token from @BotFather and set BOT_TOKEN.")
    if not TOKEN_PATTERN.match(token):
        # Never echo the value: a malformed token may still be mostly secret.
        raise SettingsError(
            "BOT_TOKEN is malformed: expected the form 123456789:AA... as given by @BotFather."
        )

    api_url = values.get("TELEGRAM_API_URL", "").strip().rstrip("/") or DEFAULT_API_URL
    if not re.match(r"^https?://", api_url):
        raise SettingsError("TELEGRAM_API_URL must start with http:// or https://.")

    log_level = values.get("LOG_LEVEL", "").strip().upper() or "INFO"
    if log_level not in LOG_LEVELS:
        raise SettingsError(f"LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}.")

    webhook_url = values.get("WEBHOOK_URL", "").strip() or None
    if webhook_url and not webhook_url.startswith("https://"):
        raise SettingsError("WEBHOOK_URL must be an https:// address Telegram can reach.")
    port_text = values.get("PORT", "").strip() or "8443"
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise SettingsError("PORT must be a TCP port number.")
    webhook_secret = values.get("WEBHOOK_SECRET", "").strip()

    forms_file = values.get("FORMS_FILE", "").strip()
    incidents_file = values.get("INCIDENTS_FILE", "").strip()
    attempts = values.get("DATABASE_CONNECT_ATTEMPTS", "").strip() or "5"
    if not attempts.isdigit() or not 1 <= int(attempts) <= 100:
        raise SettingsError("DATABASE_CONNECT_ATTEMPTS must be a whole number from 1 to 100.")

    wait = values.get("INSTANCE_WAIT_SECONDS", "").strip() or "30"
    if not wait.isdigit() or int(wait) > 3600:
        raise SettingsError("INSTANCE_WAIT_SECONDS must be a whole number of seconds, 0 to 3600.")

    render_workers = values.get("RENDER_WORKERS", "").strip() or "2"
    if not render_workers.isdigit() or not 1 <= int(render_workers) <= 64:
        raise SettingsError("RENDER_WORKERS must be a whole number from 1 to 64.")

    return Settings(
        bot_token=Secret(token),
        database_url=values.get("DATABASE_URL", "").strip() or DEFAULT_DATABASE_URL,
        telegram_api_url=api_url,
        webhook_url=webhook_url,
        webhook_port=int(port_text),
        webhook_secret=Secret(webhook_secret) if webhook_secret else None,
        log_level=log_level,
        forms_file=Path(forms_file) if forms_file else None,
        incidents_file=Path(incidents_file) if incidents_file else None,
        database_connect_attempts=int(attempts),
        instance_wait_seconds=float(wait),
        redis_url=_redis_url(values),
        render_workers=int(render_workers),
    )
