"""The loopback Bot API server for benchmarks: Telegram's flood limits, and light recording.

``BenchServer`` is ``tests.support.botapi.TelegramServer`` with two changes:

- Telegram's limits can be switched on (``limits_on``): about 30 sendMessage
  per second overall and 20 per minute per group chat, answered beyond that
  with a 429 and ``retry_after``, as Telegram does. Each limit is a token
  bucket (a full bucket allows a burst of 30, or 20 in a group, then the
  steady rate): the most lenient reading of "30 per second", so any 429 it
  counts is one Telegram would send too.
- Recording is light: nothing is kept per message beyond what an edit needs;
  sends are counted per chat and time-stamped, and a simulated user waits for
  *its* chat's next reply (``expect``) instead of every waiter waking on every
  message.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import time
from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field

from aiohttp import web

from tests.support.botapi import BotMessage, TelegramServer

OVERALL_PER_SECOND = 30
GROUP_PER_MINUTE = 20


class TokenBucket:
    """``capacity`` tokens, refilled at ``rate`` per second; one per message."""

    def __init__(self, capacity: float, rate: float, now: float) -> None:
        self.capacity = capacity
        self.rate = rate
        self.tokens = capacity
        self.updated = now

    def wait_needed(self, now: float) -> float:
        """Seconds until a token is free (0: one is free now)."""
        self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.rate)
        self.updated = now
        return 0.0 if self.tokens >= 1 else (1 - self.tokens) / self.rate

    def take(self) -> None:
        self.tokens -= 1


@dataclass
class TelegramLimits:
    """Which sendMessage Telegram would refuse, and for how long."""

    overall_per_second: float = OVERALL_PER_SECOND
    group_per_minute: float = GROUP_PER_MINUTE
    _overall: TokenBucket | None = None
    _groups: dict[int, TokenBucket] = field(default_factory=dict)

    def admit(self, chat_id: int, now: float) -> int:
        """Takes the message's tokens and returns 0, or else the retry_after (whole seconds)."""
        if self._overall is None:
            self._overall = TokenBucket(self.overall_per_second, self.overall_per_second, now)
        buckets = [self._overall]
        if chat_id < 0:
            group = self._groups.get(chat_id)
            if group is None:
                group = self._groups[chat_id] = TokenBucket(
                    self.group_per_minute, self.group_per_minute / 60, now
                )
            buckets.append(group)
        wait = max(bucket.wait_needed(now) for bucket in buckets)
        if wait > 0:
            return max(1, math.ceil(wait))
        for bucket in buckets:
            bucket.take()
        return 0


@dataclass(frozen=True)
class Delivery:
    """A message the bot sent or edited, as a waiting user receives it."""

    message: BotMessage
    at: float  # time.perf_counter() when the server received it


class BenchServer(TelegramServer):
    """The fake Telegram, with switchable flood limits and per-chat reply waiting."""

    def __init__(self, token: str) -> None:
        super().__init__(token)
        self.calls = deque(maxlen=500)  # the last calls only, for a post-mortem
        self.limits_on = False
        self.limits = TelegramLimits()
        self.too_many_requests = 0
        self.sends: Counter[int] = Counter()  # sendMessage accepted, per chat
        # (time.time(), chat_id) of every sendMessage accepted in a group chat.
        self.group_sends: list[tuple[float, int]] = []
        self._group_sent = asyncio.Event()  # set on every group send, for wait_for_groups
        self.polling = asyncio.Event()  # set once the bot long-polls for updates
        self._expected: dict[int, deque[tuple[str, asyncio.Future[Delivery]]]] = defaultdict(deque)

    def switch_limits(self, on: bool) -> None:
        self.limits_on = on
        self.limits = TelegramLimits()  # a full bucket: what an idle bot has at Telegram

    def expect(self, chat_id: int, kind: str = "send") -> asyncio.Future[Delivery]:
        """The next message the bot sends (``send``) or edits (``edit``) in the chat.

        Ask before causing it: the reply cannot slip by unseen.
        """
        future: asyncio.Future[Delivery] = asyncio.get_running_loop().create_future()
        self._expected[chat_id].append((kind, future))
        return future

    async def wait_for_groups(self, chats: set[int], deadline: float) -> None:
        """Returns once every chat in ``chats`` has had a message, or at ``deadline``.

        ``deadline`` is a ``time.time()``.
        """
        waiting = set(chats)
        while time.time() < deadline:
            waiting = {chat for chat in waiting if not self.sends[chat]}
            if not waiting:
                return
            self._group_sent.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._group_sent.wait(), deadline - time.time())

    def forget(self, chat_id: int) -> None:
        """Drops what a user gave up waiting for."""
        for _, future in self._expected.pop(chat_id, ()):
            future.cancel()

    async def _handle(self, request: web.Request) -> web.Response:
        if self.limits_on and request.match_info["method"] == "sendMessage":
            params = await request.post()  # aiohttp keeps it for the base class to read again
            retry_after = self.limits.admit(int(params["chat_id"]), time.monotonic())
            if retry_after:
                self.too_many_requests += 1
                return web.json_response(
                    {
                        "ok": False,
                        "error_code": 429,
                        "description": f"Too Many Requests: retry after {retry_after}",
                        "parameters": {"retry_after": retry_after},
                    },
                    status=429,
                )
        return await super()._handle(request)

    async def _api_getUpdates(self, params: dict) -> list[dict]:
        if float(params.get("timeout", 0) or 0) > 0:  # a long poll: the bot is up, not checking
            self.polling.set()
        return await super()._api_getUpdates(params)

    async def _deliver(self, message: BotMessage) -> None:
        kind = "edit" if message.edits else "send"
        if kind == "send":
            self.sends[message.chat_id] += 1
            if message.chat_id < 0:
                self.group_sends.append((time.time(), message.chat_id))
                self._group_sent.set()
        waiting = self._expected.get(message.chat_id)
        if not waiting:
            return
        for index, (expected_kind, future) in enumerate(waiting):
            if expected_kind == kind:
                del waiting[index]
                if not future.done():
                    future.set_result(Delivery(message, time.perf_counter()))
                return
