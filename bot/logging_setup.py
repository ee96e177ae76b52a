"""Logging that can never print the bot token.

httpx logs every request URL, and a Bot API URL carries the token
(``.../bot<token>/getUpdates``); exception texts can carry it too. A filter on
the root handler rewrites every record before any handler formats it.
"""

from __future__ import annotations

import logging
import sys

REDACTED = "<token>"


class RedactSecrets(logging.Filter):
    """Replaces each secret in a record's message, arguments and traceback."""

    def __init__(self, secrets: list[str]) -> None:
        super().__init__()
        self._secrets = [s for s in secrets if s]

    def _redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        record.msg = self._redact(message)
        record.args = None
        if record.exc_text:
            record.exc_text = self._redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self._redact(record.stack_info)
        return True


def configure_logging(level: str, secrets: list[str]) -> None:
    """Sends logs to stderr at ``level`` with ``secrets`` redacted from every line."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactSecrets(secrets))
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    # One line per HTTP request (a long poll every few seconds) drowns
    # everything else at INFO; at DEBUG the operator asked for it.
    quiet = logging.DEBUG if root.level <= logging.DEBUG else logging.WARNING
    for noisy in ("httpx", "httpcore", "apscheduler", "aiosqlite", "tortoise", "asyncio"):
        logging.getLogger(noisy).setLevel(max(quiet, root.level))
