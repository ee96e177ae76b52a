"""The rate limiter: people's replies go ahead of a broadcast queue; 429s stay local."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from telegram.error import RetryAfter

from bot.telegram_limits import TelegramLimiter


async def make(rate: float = 100.0) -> TelegramLimiter:
    limiter = TelegramLimiter(overall_per_second=rate, group_per_minute=1000)
    await limiter.initialize()
    return limiter


async def send(limiter, log, name, broadcast=False, chat_id=-100):
    async def callback():
        log.append(name)
        return True

    return await limiter.process_request(callback, (), {}, "sendMessage", {"chat_id": chat_id},
                                         {"broadcast": True} if broadcast else None)


async def test_a_reply_overtakes_a_queued_broadcast():
    limiter, log = await make(rate=100.0), []
    broadcast = [asyncio.create_task(send(limiter, log, f"b{i}", True, -i)) for i in range(30)]
    await asyncio.sleep(0)  # the broadcast is queued
    reply = asyncio.create_task(send(limiter, log, "reply", chat_id=42))
    await asyncio.gather(reply, *broadcast)
    assert log.index("reply") <= 2, log
    assert sorted(log) == sorted(["reply"] + [f"b{i}" for i in range(30)])


async def test_reads_are_not_paced():
    limiter, log = await make(rate=1.0), []

    async def callback():
        log.append("read")
        return True

    await asyncio.wait_for(asyncio.gather(*(limiter.process_request(
        callback, (), {}, "getChatMember", {"chat_id": -1}, None) for _ in range(20))), 1)
    assert len(log) == 20


async def test_429_is_waited_out_by_its_request_only():
    limiter, log, attempts = await make(), [], []

    async def flooded():
        attempts.append(asyncio.get_running_loop().time())
        if len(attempts) == 1:
            raise RetryAfter(timedelta(seconds=0.3))
        return "delivered"

    slow = asyncio.create_task(limiter.process_request(
        flooded, (), {}, "sendMessage", {"chat_id": -1}, None))
    await asyncio.sleep(0.05)
    await asyncio.wait_for(send(limiter, log, "other", chat_id=-2), 0.2)  # not frozen
    assert await slow == "delivered"
    assert attempts[1] - attempts[0] >= 0.3
