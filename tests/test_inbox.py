"""The update inbox's "handled" marks: many finished updates share one write, none is lost."""

from __future__ import annotations

import asyncio

import pytest

from bot.inbox import HandledMarks
from tests.botapi import Chat, User
from tests.harness import running_bot


async def test_marks_finishing_during_a_write_share_the_next_one():
    writes: list[list[int]] = []
    first_write_may_end = asyncio.Event()

    async def store(update_ids: list[int]) -> None:
        writes.append(update_ids)
        if len(writes) == 1:
            await first_write_may_end.wait()

    marks = HandledMarks(store)
    first = asyncio.create_task(marks.mark(1))
    await asyncio.sleep(0)  # the first write is under way
    later = [asyncio.create_task(marks.mark(update_id)) for update_id in range(2, 41)]
    await asyncio.sleep(0)
    assert not any(task.done() for task in [first, *later])  # nobody returns before its write
    first_write_may_end.set()
    await asyncio.gather(first, *later)
    assert writes == [[1], list(range(2, 41))]


async def test_a_failed_write_fails_its_own_callers_only():
    calls = 0

    async def store(update_ids: list[int]) -> None:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise OSError("database is locked")

    marks = HandledMarks(store)
    with pytest.raises(OSError, match="locked"):
        await marks.mark(1)
    await marks.mark(2)  # the next write is a new one
    assert calls == 2


async def test_updates_handled_together_are_not_replayed_after_a_restart(
        telegram, database_url, clock):
    people = [User(700000000 + n, f"Warga {n}") for n in range(30)]
    async with running_bot(telegram, database_url, clock):
        for person in people:  # one batch of updates, handled concurrently
            await telegram.send_message(Chat.private_with(person), person, "/bantuan")
        for person in people:
            assert "/lapor" in (await telegram.next_message(person.id)).text
    async with running_bot(telegram, database_url, clock):
        await telegram.send_message(Chat.private_with(people[0]), people[0], "/bantuan")
        await telegram.next_message(people[0].id)  # a barrier: replays would come before it
    assert all(telegram.unread(person.id) == [] for person in people)
