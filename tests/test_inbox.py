"""The update inbox: updates recorded before Telegram is told, in batches; marks shared too."""

from __future__ import annotations

import asyncio

import pytest
from telegram import Update

from bot.services.inbox import DurableUpdateQueue, HandledMarks
from bot.storage.db import close_database, open_database
from bot.storage.models import InboxUpdate
from tests.support.botapi import Chat, User
from tests.support.harness import running_bot


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
    telegram, database_url, clock
):
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


@pytest.fixture
async def inbox_db(database_url):
    await open_database(database_url)
    yield
    await close_database()


def update(update_id: int, text: str = "/bantuan") -> Update:
    person = User(800000000 + update_id, "Warga")
    return Update.de_json(
        {
            "update_id": update_id,
            "message": {
                "message_id": update_id,
                "date": 0,
                "chat": Chat.private_with(person).to_dict(),
                "from": person.to_dict(),
                "text": text,
            },
        },
        None,
    )


async def test_a_webhook_update_is_recorded_before_it_is_confirmed(inbox_db):
    queue = DurableUpdateQueue(put_waits=True)
    await queue.put(update(1))  # the webhook answers Telegram (confirms) after this
    assert await InboxUpdate.filter(update_id=1).count() == 1
    await queue.put(update(1))  # delivered again: not handled twice
    assert queue.qsize() == 1 and (await queue.get()).update_id == 1


async def test_a_polled_batch_is_recorded_at_once_and_queued_in_order(inbox_db):
    queue = DurableUpdateQueue(put_waits=False)
    await queue.put(update(5))
    await queue.recorded()
    batch = [update(update_id) for update_id in (4, 5, 6, 7, 7)]  # 5 again, 7 twice
    for item in batch:
        await queue.put(item)  # PTB puts a whole batch, then asks for the next one
    assert queue.qsize() == 1  # nothing of the batch is queued before it is recorded
    await queue.recorded()  # what the next getUpdates waits for
    queued = [queue.get_nowait().update_id for _ in range(queue.qsize())]
    assert queued == [5, 4, 6, 7]
    stored = await InboxUpdate.all().order_by("update_id").values_list("update_id", flat=True)
    assert stored == [4, 5, 6, 7]


async def test_telegram_is_told_of_updates_only_once_they_are_in_the_inbox(
    telegram, database_url, clock, slow_inbox
):
    confirmed, unrecorded = [], []

    async def check(update_ids: list[int]) -> None:
        stored = await InboxUpdate.filter(update_id__in=update_ids).values_list(
            "update_id", flat=True
        )
        confirmed.extend(update_ids)
        unrecorded.extend(set(update_ids) - set(stored))

    telegram.on_confirm = check
    people = [User(710000000 + n, f"Warga {n}") for n in range(20)]
    async with running_bot(telegram, database_url, clock):
        for person in people:
            await telegram.send_message(Chat.private_with(person), person, "/bantuan")
        for person in people:
            await telegram.next_message(person.id)
    assert len(confirmed) == len(people) and unrecorded == []
