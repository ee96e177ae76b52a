"""Pacing sends to Telegram's limits, with replies to people ahead of broadcasts.

Telegram lets a bot send about 30 messages a second overall and 20 a minute
to one group; beyond that it answers 429 with a ``retry_after``. PTB's
AIORateLimiter keeps the limits, but it queues every request in one line and
halts *all* requests while any 429 is waited out: a 2,000-group summary
broadcast would then hold a liaison's next form question for a minute.

This limiter keeps two lanes through one overall rate:
- interactive (the default): replies, edits, anything a person is waiting for;
- broadcast (``rate_limit_args={"broadcast": True}``): scheduled posts.
Whenever a send slot opens, a waiting interactive request takes it first, so
a reply waits at most about one slot (~35 ms) however long the broadcast queue
is; only when people keep every slot busy does every fifth go to the
broadcast, so the summaries still go out (at 6 a second at worst) during a
rush of reports. A 429 is waited out by the request that got it (and, for a
broadcast, by the broadcast lane, so the queue stops hammering); nobody else
stops.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

log = logging.getLogger(__name__)

# Telegram's overall limit. Slots are counted as a token bucket of this rate
# holding BURST: a slot missed because the event loop woke late is made up
# right after instead of lost (paced strictly, a busy loop lost one in 15),
# and no second ever holds more than OVERALL_PER_SECOND + BURST sends.
OVERALL_PER_SECOND = 30.0
BURST = 3
# While people's requests fill every slot, every BROADCAST_SHARE-th still goes
# to a waiting broadcast.
BROADCAST_SHARE = 5
GROUP_PER_MINUTE = 20
MAX_RETRIES = 3
# Methods that put or change a message in a chat: the ones Telegram counts.
_PACED_PREFIXES = ("send", "edit", "copy", "forward")

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]


class _PriorityPace:
    """Send slots at ``rate`` a second with a burst of ``burst``, people's requests first.

    The slots are a generic cell rate algorithm (a token bucket kept as one
    number): ``_due`` is when the next slot is earned; a request may take it
    up to ``burst - 1`` intervals early.
    """

    def __init__(
        self, rate: float, burst: int, broadcast_share: int, clock: Clock, sleep: Sleep
    ) -> None:
        self._interval = 1.0 / rate
        self._tolerance = (burst - 1) * self._interval
        self._broadcast_share = broadcast_share
        self._clock = clock
        self._sleep = sleep
        self._due = 0.0
        self._lanes: dict[bool, deque[asyncio.Future]] = {False: deque(), True: deque()}
        self._people_in_a_row = 0  # slots given to people while a broadcast waited
        self._broadcast_paused_until = 0.0
        self._wake = asyncio.Event()
        self._pump: asyncio.Task | None = None

    def pause_broadcasts(self, seconds: float) -> None:
        self._broadcast_paused_until = max(self._broadcast_paused_until, self._clock() + seconds)

    def _take_slot(self, now: float) -> None:
        self._due = max(self._due, now) + self._interval

    async def acquire(self, broadcast: bool) -> None:
        now = self._clock()
        idle = not self._lanes[False] and not self._lanes[True]
        paused = broadcast and now < self._broadcast_paused_until
        if idle and not paused and now >= self._due - self._tolerance:
            self._take_slot(now)
            return
        waiter = asyncio.get_running_loop().create_future()
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
        for lane in self._lanes.values():
            while lane and lane[0].done():  # cancelled while waiting
                lane.popleft()
        people, broadcasts = self._lanes[False], self._lanes[True]
        if now < self._broadcast_paused_until:
            broadcasts = deque()
        if people and broadcasts and self._people_in_a_row >= self._broadcast_share - 1:
            self._people_in_a_row = 0
            return broadcasts.popleft()
        if people:
            self._people_in_a_row += 1 if broadcasts else 0
            return people.popleft()
        self._people_in_a_row = 0
        return broadcasts.popleft() if broadcasts else None

    async def _hand_out_slots(self) -> None:
        while self._lanes[False] or self._lanes[True]:
            now = self._clock()
            early = self._due - self._tolerance - now
            if early > 0:
                await self._sleep(early)
                continue
            waiter = self._next_waiter(now)
            if waiter is not None:
                waiter.set_result(None)
                self._take_slot(now)
            elif self._lanes[True]:
                # Only paused broadcasts wait: sleep until the pause ends or a
                # person's request arrives, whichever comes first.
                await self._sleep_until_woken(self._broadcast_paused_until - now)

    async def _sleep_until_woken(self, seconds: float) -> None:
        self._wake.clear()
        sleeping = asyncio.ensure_future(self._sleep(seconds))
        woken = asyncio.ensure_future(self._wake.wait())
        try:
            await asyncio.wait({sleeping, woken}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            sleeping.cancel()
            woken.cancel()


class _GroupWindow:
    """At most ``limit`` sends to one group in any 60-second window."""

    def __init__(self, limit: int, clock: Clock, sleep: Sleep) -> None:
        self._limit = limit
        self._clock = clock
        self._sleep = sleep
        self._sent: dict[int, deque[float]] = {}
        self._locks: dict[int, asyncio.Lock] = {}

    async def acquire(self, chat_id: int) -> None:
        lock = self._locks.setdefault(chat_id, asyncio.Lock())
        async with lock:
            sent = self._sent.setdefault(chat_id, deque())
            while sent and self._clock() - sent[0] >= 60:
                sent.popleft()
            if len(sent) >= self._limit:
                await self._sleep(60 - (self._clock() - sent[0]))
                sent.popleft()
            sent.append(self._clock())
        if not lock.locked() and len(self._locks) > 1024:
            self._forget_idle(self._clock())

    def _forget_idle(self, now: float) -> None:
        for chat_id in [c for c, s in self._sent.items() if not s or now - s[-1] >= 60]:
            if not self._locks[chat_id].locked():
                del self._sent[chat_id], self._locks[chat_id]


class TelegramLimiter(BaseRateLimiter[dict]):
    """PTB rate limiter: overall rate with people first, group windows, 429s waited out.

    ``clock`` and ``sleep`` default to the event loop's; tests pass virtual ones.
    """

    def __init__(
        self,
        overall_per_second: float = OVERALL_PER_SECOND,
        group_per_minute: int = GROUP_PER_MINUTE,
        max_retries: int = MAX_RETRIES,
        *,
        burst: int = BURST,
        broadcast_share: int = BROADCAST_SHARE,
        clock: Clock | None = None,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self._overall_per_second = overall_per_second
        self._burst = burst
        self._broadcast_share = broadcast_share
        self._group_per_minute = group_per_minute
        self._max_retries = max_retries
        self._clock = clock
        self._sleep = sleep
        self._pace: _PriorityPace | None = None
        self._groups: _GroupWindow | None = None

    async def initialize(self) -> None:
        # Created here, inside the running loop the bot uses.
        clock = self._clock or asyncio.get_running_loop().time
        self._pace = _PriorityPace(
            self._overall_per_second, self._burst, self._broadcast_share, clock, self._sleep
        )
        self._groups = _GroupWindow(self._group_per_minute, clock, self._sleep)

    async def shutdown(self) -> None:
        pass

    async def take_broadcast_slot(self, chat_id: int) -> None:
        """Waits for a broadcast send slot now, for a sender that must know when it sends.

        Pass ``rate_limit_args={"broadcast": True, "slot_taken": True}`` with the
        send that uses the slot. The scheduler uses this to mark a post as
        handed over only at the moment it really is (see ``bot.scheduling.ticks``).
        """
        pace, groups = self._started()
        if chat_id < 0:
            await groups.acquire(chat_id)
        await pace.acquire(True)

    def _started(self) -> tuple[_PriorityPace, _GroupWindow]:
        if self._pace is None or self._groups is None:
            raise RuntimeError("the rate limiter is used before initialize()")
        return self._pace, self._groups

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
        pace, groups = self._started()
        for attempt in range(self._max_retries + 1):
            if paced and not (slot_taken and attempt == 0):
                if chat_id is not None and chat_id < 0:
                    await groups.acquire(chat_id)
                await pace.acquire(broadcast)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as error:
                if attempt == self._max_retries:
                    raise
                wait = error.retry_after
                seconds = wait.total_seconds() if hasattr(wait, "total_seconds") else float(wait)
                log.warning(
                    "Telegram asked to wait %.0f s (%s to %s); waiting, then retrying",
                    seconds,
                    endpoint,
                    chat_id,
                )
                if broadcast:
                    pace.pause_broadcasts(seconds)
                await self._sleep(seconds)
        raise AssertionError("unreachable")


def _chat_id(data: dict[str, Any]) -> int | None:
    value = data.get("chat_id")
    if value is None:
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
