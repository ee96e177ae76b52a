"""The rate limiter: broadcasts at Telegram's rate, people's replies first, 429s stay local.

Time is virtual: the limiter's clock is ``VirtualTime.now``, and its sleeps
move that clock on (each by ``late`` more than asked, like a busy event loop).
"""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from telegram.error import RetryAfter

from bot.transport.limits import BROADCAST_SHARE, BURST, OVERALL_PER_SECOND, TelegramLimiter
from tests.bench.limits import TelegramLimits


class VirtualTime:
    def __init__(self, late: float = 0.0) -> None:
        self.now = 1000.0
        self.late = late

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += max(seconds, 0.0) + self.late
        await asyncio.sleep(0)


class HeldTime(VirtualTime):
    """Long sleeps (a 429's wait) last until ``release`` is set: other sends go on meanwhile."""

    def __init__(self) -> None:
        super().__init__()
        self.release = asyncio.Event()

    async def sleep(self, seconds: float) -> None:
        if seconds >= 1:
            await self.release.wait()
        await super().sleep(seconds)


async def make(
    rate: float = OVERALL_PER_SECOND, time: VirtualTime | None = None
) -> TelegramLimiter:
    time = time or VirtualTime()
    limiter = TelegramLimiter(
        overall_per_second=rate, group_per_minute=1000, clock=time.clock, sleep=time.sleep
    )
    await limiter.initialize()
    return limiter


async def send(limiter, log, name, broadcast=False, chat_id=-100, time=None):
    async def callback():
        log.append((name, time.now) if time else name)
        return True

    return await limiter.process_request(
        callback,
        (),
        {},
        "sendMessage",
        {"chat_id": chat_id},
        {"broadcast": True} if broadcast else None,
    )


async def broadcast_of(limiter, log, chats, time=None):
    tasks = [
        asyncio.create_task(send(limiter, log, f"b{i}", True, -1 - i, time)) for i in range(chats)
    ]
    await asyncio.sleep(0)  # all queued
    return tasks


async def test_a_broadcast_runs_at_telegrams_rate_and_never_beyond_it():
    time, log = VirtualTime(), []
    limiter = await make(time=time)
    started = time.now
    await asyncio.gather(*await broadcast_of(limiter, log, 300, time))
    wall = log[-1][1] - started
    assert wall == pytest.approx((300 - BURST) / OVERALL_PER_SECOND)  # the burst, then 30/s
    telegram = TelegramLimits()  # the benchmark's model of Telegram: token buckets
    refused = [name for name, at in log if telegram.admit(-1 - int(name[1:]), at)]
    assert refused == []


async def test_late_wake_ups_are_made_up_for_not_lost():
    # Every sleep ends 20 ms late (more than half a slot): a strict pace would
    # lose a slot each time and take 16 s; the burst makes them up.
    time, log = VirtualTime(late=0.020), []
    limiter = await make(time=time)
    started = time.now
    await asyncio.gather(*await broadcast_of(limiter, log, 300, time))
    assert log[-1][1] - started < 300 / OVERALL_PER_SECOND + 0.1


async def test_a_reply_overtakes_a_queued_broadcast():
    limiter, log = await make(), []
    broadcast = await broadcast_of(limiter, log, 30)
    reply = asyncio.create_task(send(limiter, log, "reply", chat_id=42))
    await asyncio.gather(reply, *broadcast)
    # The burst went out before the reply came; the reply takes the next slot.
    assert log.index("reply") == BURST, log
    assert sorted(log) == sorted(["reply"] + [f"b{i}" for i in range(30)])


async def test_a_rush_of_replies_leaves_every_fifth_slot_to_the_broadcast():
    limiter, log = await make(), []
    broadcast = await broadcast_of(limiter, log, 10)
    replies = [asyncio.create_task(send(limiter, log, f"r{i}", chat_id=100 + i)) for i in range(40)]
    await asyncio.gather(*replies, *broadcast)
    after_burst = log[BURST:]
    first_rounds = after_burst[: 5 * BROADCAST_SHARE]
    assert [name[0] for name in first_rounds] == (["r"] * (BROADCAST_SHARE - 1) + ["b"]) * 5


async def test_reads_are_not_paced():
    limiter, log = await make(rate=1.0), []

    async def callback():
        log.append("read")
        return True

    await asyncio.wait_for(
        asyncio.gather(
            *(
                limiter.process_request(callback, (), {}, "getChatMember", {"chat_id": -1}, None)
                for _ in range(20)
            )
        ),
        1,
    )
    assert len(log) == 20


async def test_429_is_waited_out_by_its_request_only():
    time, log, attempts = HeldTime(), [], []
    limiter = await make(time=time)
    retry_after_started = asyncio.Event()

    async def flooded():
        attempts.append(time.now)
        if len(attempts) == 1:
            retry_after_started.set()
            raise RetryAfter(timedelta(seconds=30))
        return "delivered"

    slow = asyncio.create_task(
        limiter.process_request(flooded, (), {}, "sendMessage", {"chat_id": -1}, None)
    )
    await retry_after_started.wait()
    await send(limiter, log, "other", chat_id=-2, time=time)  # not held up by the 429
    assert log == [("other", attempts[0])]
    time.release.set()
    assert await slow == "delivered"
    assert attempts[1] - attempts[0] >= 30
