"""The instance lease on each database: one process per bot, freed as soon as it stops."""

from __future__ import annotations

import pytest

from bot.storage.lease import AnotherInstanceRunning, lease_for, take_lease
from tests.support.botapi import BOT_ID

OTHER_BOT_ID = 7000000002


async def test_one_holder_per_bot_and_database(database_url):
    first, second = lease_for(database_url, BOT_ID), lease_for(database_url, BOT_ID)
    other_bot = lease_for(database_url, OTHER_BOT_ID)
    try:
        assert await first.try_take()
        assert await first.try_take()  # taking it again while held: still ours
        assert not await second.try_take()
        assert await other_bot.try_take()  # two bots may share one database
        await first.release()
        assert await second.try_take()
        assert not await first.try_take()
    finally:
        for lease in (first, second, other_bot):
            await lease.release()


async def test_an_in_memory_database_needs_no_lease():
    first, second = lease_for("sqlite://:memory:", BOT_ID), lease_for("sqlite://:memory:", BOT_ID)
    assert await first.try_take() and await second.try_take()


class FakeTime:
    """``sleep`` and ``monotonic`` for ``take_lease``; runs ``at`` callbacks as time passes."""

    def __init__(self) -> None:
        self.now = 0.0
        self.events: dict[float, object] = {}

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += seconds
        for at in sorted(self.events):
            if at <= self.now:
                await self.events.pop(at)()


async def test_a_lease_freed_while_waiting_is_taken(tmp_path):
    url = f"sqlite://{tmp_path / 'posko.sqlite3'}"
    holder, newcomer = lease_for(url, BOT_ID), lease_for(url, BOT_ID)
    assert await holder.try_take()
    time = FakeTime()
    time.events[4.0] = holder.release  # the old process stops 4 s into the wait
    try:
        await take_lease(newcomer, 30, sleep=time.sleep, monotonic=time.monotonic)
        assert time.now == 4.0
        assert not await holder.try_take()
    finally:
        await newcomer.release()


async def test_a_lease_still_held_after_the_wait_is_refused(tmp_path):
    url = f"sqlite://{tmp_path / 'posko.sqlite3'}"
    holder, newcomer = lease_for(url, BOT_ID), lease_for(url, BOT_ID)
    assert await holder.try_take()
    time = FakeTime()
    try:
        with pytest.raises(AnotherInstanceRunning, match="did not stop within 30 s"):
            await take_lease(newcomer, 30, sleep=time.sleep, monotonic=time.monotonic)
        assert time.now == 30.0
    finally:
        await holder.release()
    assert await newcomer.try_take()  # nothing of the failed attempt stays behind
    await newcomer.release()
