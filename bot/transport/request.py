"""HTTP to the Bot API that rides out short outages: retries with backoff, where safe.

Networks are poor in the last days before polling and Telegram has bad
minutes too. A request is retried (up to ``attempts`` times, waiting
0.25 s, 0.5 s, 1 s …) when it certainly did not take effect, or when doing it
twice is harmless:
- the connection failed before the request was sent (refused, DNS, connect
  timeout): always retried;
- Telegram (or a proxy in front of it) answered 5xx, JSON or an HTML error
  page: retried, since the request was not carried out;
- the answer did not come in time (read timeout): retried only for methods
  that are safe to repeat (reads, edits, callback answers). A ``sendMessage``
  that timed out may have arrived, so it is *not* sent again: a missing
  message is logged, a doubled one would confuse a whole group.
4xx answers (bad request, forbidden, 429) are never retried here; 429 is the
rate limiter's (``bot.transport.limits``).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from http import HTTPStatus
from typing import Any

import httpx
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, HTTPXRequest, RequestData

from bot.transport.polling_conflicts import PollingConflicts

log = logging.getLogger(__name__)

# Repeating these changes nothing that the first call did not already change.
SAFE_TO_REPEAT = frozenset(
    {
        "getMe",
        "getChat",
        "getChatMember",
        "getChatAdministrators",
        "getMyCommands",
        "setMyCommands",
        "deleteWebhook",
        "setWebhook",
        "answerCallbackQuery",
        "editMessageText",
        "editMessageReplyMarkup",
        "deleteMessage",
        "pinChatMessage",
        "unpinChatMessage",
        "getUpdates",
    }
)
_NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)


class _Request(HTTPXRequest):
    """PTB's HTTPX request, with the four timeouts passed on as one mapping.

    Subclasses wrap ``_send`` rather than ``do_request``, so PTB's long
    signature is written once.
    """

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        timeouts = {
            "read_timeout": read_timeout,
            "write_timeout": write_timeout,
            "connect_timeout": connect_timeout,
            "pool_timeout": pool_timeout,
        }
        return await self._send(url, method, request_data, timeouts)

    async def _send(
        self, url: str, method: str, request_data: RequestData | None, timeouts: dict[str, Any]
    ) -> tuple[int, bytes]:
        return await super().do_request(url, method, request_data, **timeouts)


class RetryingRequest(_Request):
    def __init__(self, *args, attempts: int = 4, first_backoff: float = 0.25, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._attempts = attempts
        self._first_backoff = first_backoff

    async def _send(
        self, url: str, method: str, request_data: RequestData | None, timeouts: dict[str, Any]
    ) -> tuple[int, bytes]:
        endpoint = url.rsplit("/", 1)[-1]
        backoff = self._first_backoff
        for attempt in range(1, self._attempts + 1):
            last = attempt == self._attempts
            try:
                code, payload = await super()._send(url, method, request_data, timeouts)
            except TimedOut as error:
                if last or not (_never_sent(error) or endpoint in SAFE_TO_REPEAT):
                    raise
                reason = "timed out"
            except NetworkError as error:
                if last or not (_never_sent(error) or endpoint in SAFE_TO_REPEAT):
                    raise
                reason = "could not connect"
            else:
                if code < 500 or last:
                    return code, payload
                reason = f"HTTP {code}"
            log.warning(
                "%s %s (attempt %d of %d); retrying in %.2f s",
                endpoint,
                reason,
                attempt,
                self._attempts,
                backoff,
            )
            await asyncio.sleep(backoff)
            backoff *= 2
        raise AssertionError("unreachable")


class PollingRequest(_Request):
    """getUpdates, sent only once ``confirmable()`` returns, and never after giving way.

    Each getUpdates confirms every update fetched before it (its offset), and
    Telegram never sends a confirmed update again: ``confirmable`` waits until
    those are safe in the inbox (``bot.services.inbox.DurableUpdateQueue.recorded``).
    Failures are retried by PTB's polling loop, as with its default request.

    Once the process gives way to another poller (``bot.transport.polling_conflicts``),
    PTB's last getUpdates on the way out, meant to confirm what was fetched, is
    answered here, empty, without asking Telegram: it would cut the other
    process's poll off once more, and there is nothing left to confirm, since
    the getUpdates that Telegram refused had already confirmed it all (the
    offset counts as the request arrives).
    """

    def __init__(
        self,
        confirmable: Callable[[], Awaitable[None]],
        conflicts: PollingConflicts,
        **kwargs,
    ) -> None:
        super().__init__(**kwargs)
        self._confirmable = confirmable
        self._conflicts = conflicts

    async def _send(
        self, url: str, method: str, request_data: RequestData | None, timeouts: dict[str, Any]
    ) -> tuple[int, bytes]:
        if self._conflicts.gave_way:
            return HTTPStatus.OK, b'{"ok": true, "result": []}'
        await self._confirmable()
        return await super()._send(url, method, request_data, timeouts)


def _never_sent(error: Exception) -> bool:
    """True when the request cannot have reached Telegram (the connection never opened)."""
    return isinstance(error.__cause__, _NOT_SENT)
