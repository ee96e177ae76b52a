"""Pacing sends to Telegram's limits, with replies to people ahead of broadcasts.

Telegram lets a bot send about 30 messages a second overall and 20 a minute
to one group; beyond that it answers 429 with a ``retry_after``. PTB's
AIORateLimiter keeps the limits, but it queues every request in one line and
halts *all* requests while any 429 is waited out: a 2,000-group summary
broadcast would then hold a liaison's next form question for a minute.

This limiter keeps two lanes through one overall pace:
- interactive (the default): replies, edits, anything a person is waiting for;
- broadcast (``rate_limit_args={"broadcast": True}``): scheduled posts.
Whenever a send slot opens, a waiting interactive request takes it first, so
a reply waits at most one slot (~35 ms) however long the broadcast queue is.
A 429 is waited out by the request that got it (and, for a broadcast, by the
broadcast lane, so the queue stops hammering); nobody else stops.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import deque
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

log = logging.getLogger(__name__)

# Just under 30/s with no burst: at most 30 sends in any one-second window.
OVERALL_PER_SECOND = 29.0
GROUP_PER_MINUTE = 20
MAX_RETRIES = 3
# Methods that put or change a message in a chat: the ones Telegram counts.
_PACED_PREFIXES = ("send", "edit", "copy", "forward")


class _PriorityPace:
    """One send slot every ``1/rate`` seconds, handed to interactive waiters first."""

    def __init__(self, rate: float) -> None:
        self._interval = 1.0 / rate
        self._next_slot = 0.0
        self._lanes: dict[bool, deque[asyncio.Future]] = {False: deque(), True: deque()}
        self._broadcast_paused_until = 0.0
        self._wake = asyncio.Event()
        self._pump: asyncio.Task | None = None

    def pause_broadcasts(self, seconds: float) -> None:
        loop = asyncio.get_running_loop()
        self._broadcast_paused_until = max(self._broadcast_paused_until, loop.time() + seconds)

    async def acquire(self, broadcast: bool) -> None:
        loop = asyncio.get_running_loop()
        now = loop.time()
        idle = not self._lanes[False] and not self._lanes[True]
        paused = broadcast and now < self._broadcast_paused_until
        if idle and not paused and now >= self._next_slot:
            self._next_slot = now + self._interval
            return
        waiter = loop.create_future()
        self._lanes[broadcast].append(waiter)
        self._wake.set()
        if self._pump is None or self._pump.done():
            self._pump = asyncio.create_task(self._hand_out_slots())
        try:
            await waiter
        except asyncio.CancelledError:
            if not waiter.done():
                waiter.cancel()
            raise

    def _next_waiter(self, now: float) -> asyncio.Future | None:
        lanes = [self._lanes[False]]
        if now >= self._broadcast_paused_until:
            lanes.append(self._lanes[True])
        for lane in lanes:
            while lane and lane[0].done():  # cancelled while waiting
                lane.popleft()
            if lane:
                return lane.popleft()
        return None

    async def _hand_out_slots(self) -> None:
        loop = asyncio.get_running_loop()
        while self._lanes[False] or self._lanes[True]:
            delay = self._next_slot - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            now = loop.time()
            waiter = self._next_waiter(now)
            if waiter is None:
                if not self._lanes[False] and not self._lanes[True]:
                    break
                # Only paused broadcasts wait: sleep until the pause ends or a
                # person's request arrives, whichever comes first.
                self._wake.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(),
                                           self._broadcast_paused_until - now)
                continue
            waiter.set_result(None)
            self._next_slot = max(now, self._next_slot) + self._interval


class _GroupWindow:
    """At most ``limit`` sends to one group in any 60-second window."""

    def __init__(self, limit: int) -> None:
        self._limit = limit
        self._sent: dict[int, deque[float]] = {}
        self._locks: dict[int, asyncio.Lock] = {}

    async def acquire(self, chat_id: int) -> None:
        lock = self._locks.setdefault(chat_id, asyncio.Lock())
        async with lock:
            loop = asyncio.get_running_loop()
            sent = self._sent.setdefault(chat_id, deque())
            while sent and loop.time() - sent[0] >= 60:
                sent.popleft()
            if len(sent) >= self._limit:
                await asyncio.sleep(60 - (loop.time() - sent[0]))
                sent.popleft()
            sent.append(loop.time())
        if not lock.locked() and len(self._locks) > 1024:
            self._forget_idle(loop.time())

    def _forget_idle(self, now: float) -> None:
        for chat_id in [c for c, s in self._sent.items() if not s or now - s[-1] >= 60]:
            if not self._locks[chat_id].locked():
                del self._sent[chat_id], self._locks[chat_id]


class TelegramLimiter(BaseRateLimiter[dict]):
    """PTB rate limiter: overall pace with interactive priority, group windows, 429s waited out."""

    def __init__(
        self,
        overall_per_second: float = OVERALL_PER_SECOND,
        group_per_minute: int = GROUP_PER_MINUTE,
        max_retries: int = MAX_RETRIES,
    ) -> None:
        self._overall_per_second = overall_per_second
        self._group_per_minute = group_per_minute
        self._max_retries = max_retries
        self._pace: _PriorityPace | None = None
        self._groups: _GroupWindow | None = None

    async def initialize(self) -> None:
        # Created here, inside the running loop the bot uses.
        self._pace = _PriorityPace(self._overall_per_second)
        self._groups = _GroupWindow(self._group_per_minute)

    async def shutdown(self) -> None:
        pass

    async def take_broadcast_slot(self, chat_id: int) -> None:
        """Waits for a broadcast send slot now, for a sender that must know when it sends.

        Pass ``rate_limit_args={"broadcast": True, "slot_taken": True}`` with the
        send that uses the slot. The scheduler uses this to mark a post as
        handed over only at the moment it really is (see ``bot.scheduler``).
        """
        if chat_id < 0:
            await self._groups.acquire(chat_id)
        await self._pace.acquire(True)

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, bool | dict | list[dict]]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: dict | None,
    ) -> bool | dict | list[dict]:
        broadcast = bool(rate_limit_args and rate_limit_args.get("broadcast"))
        slot_taken = bool(rate_limit_args and rate_limit_args.get("slot_taken"))
        paced = endpoint.startswith(_PACED_PREFIXES)
        chat_id = _chat_id(data)
        for attempt in range(self._max_retries + 1):
            if paced and not (slot_taken and attempt == 0):
                if chat_id is not None and chat_id < 0:
                    await self._groups.acquire(chat_id)
                await self._pace.acquire(broadcast)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as error:
                if attempt == self._max_retries:
                    raise
                wait = error.retry_after
                seconds = wait.total_seconds() if hasattr(wait, "total_seconds") else float(wait)
                log.warning("Telegram asked to wait %.0f s (%s to %s); waiting, then retrying",
                            seconds, endpoint, chat_id)
                if broadcast:
                    self._pace.pause_broadcasts(seconds)
                await asyncio.sleep(seconds)
        raise AssertionError("unreachable")


def _chat_id(data: dict[str, Any]) -> int | None:
    try:
        return int(data.get("chat_id"))
    except (TypeError, ValueError):
        return None
