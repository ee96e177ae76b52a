"""The update inbox: every update Telegram hands over is handled, once, crash or not.

PTB confirms a batch of updates to Telegram (by asking for the next ones)
while it is still handling them, so a process killed at the wrong moment
would lose updates Telegram will never send again. ``DurableUpdateQueue``
writes the updates to the database before they can be confirmed; the update
processor marks each handled afterwards (``HandledMarks``); at start,
whatever a dead process had not finished is replayed. An update id that is
already in the inbox (Telegram delivering again what a dead process had not
confirmed) is not handled twice.

Updates arriving together are written together: a getUpdates batch of fifty
is one transaction, not fifty.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, timedelta
from typing import Generic, TypeVar, cast

from telegram import Update
from tortoise.transactions import in_transaction

from bot.storage.models import InboxUpdate

log = logging.getLogger(__name__)

T = TypeVar("T")

KEEP_HANDLED = timedelta(days=2)  # long enough to recognise any re-delivery


def _timestamp(value: object) -> int:
    """A date PTB leaves as datetime in ``to_dict`` (a pinned message's), as Telegram sends it."""
    if isinstance(value, datetime):
        return int(value.timestamp())
    raise TypeError(f"cannot store {type(value).__name__} in the inbox")


def _payload(update: Update) -> str:
    return json.dumps(update.to_dict(), default=_timestamp, ensure_ascii=True)


async def receive(updates: Sequence[Update]) -> list[Update]:
    """Records newly received updates in one transaction; returns those not received before."""
    ids = [update.update_id for update in updates]
    async with in_transaction():
        known = set(await InboxUpdate.filter(update_id__in=ids).values_list("update_id", flat=True))
        fresh = {
            update.update_id: update for update in updates if update.update_id not in known
        }  # an id twice in one batch: once
        await InboxUpdate.bulk_create(
            [
                InboxUpdate(update_id=update_id, payload=_payload(update))
                for update_id, update in fresh.items()
            ]
        )
    return list(fresh.values())


async def store_handled(update_ids: list[int]) -> None:
    await InboxUpdate.filter(update_id__in=update_ids).update(handled=True)


class GroupWriter(Generic[T]):
    """Writes items in batches: what arrives while a write is under way goes in the next one.

    Under load that is one write for dozens of items instead of dozens of
    writes; when idle, an item is written at once, with no delay added.
    """

    def __init__(self, write: Callable[[list[T]], Awaitable[None]]) -> None:
        self._write = write
        self._gathering: list[T] = []
        self._gathered: asyncio.Future | None = None  # done when the gathering ones are written
        self._writer: asyncio.Task | None = None

    def add(self, item: T) -> asyncio.Future:
        """Gathers ``item``; the future is done once its batch is written (or raises why not).

        Await it shielded: one caller cancelled must not cancel the others' write.
        """
        if self._gathered is None:
            self._gathered = asyncio.get_running_loop().create_future()
        self._gathering.append(item)
        written = self._gathered
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write_gathered())
        return written

    async def written(self) -> None:
        """Returns once every item added so far has been written (or has failed to be)."""
        while self._writer is not None and not self._writer.done():
            await asyncio.shield(self._writer)

    async def _write_gathered(self) -> None:
        while self._gathering:
            items, written = self._gathering, self._gathered
            assert written is not None  # set whenever something is gathering
            self._gathering, self._gathered = [], None
            try:
                await self._write(items)
            except Exception as error:  # every waiter raises it, as its own write would
                written.set_exception(error)
            else:
                written.set_result(None)


class HandledMarks:
    """Marks updates handled, the ones that finish together in one write (``GroupWriter``).

    Each caller returns once its own mark is stored, as with one write per update.
    """

    def __init__(self, store: Callable[[list[int]], Awaitable[None]] = store_handled) -> None:
        self._marks = GroupWriter(store)

    async def mark(self, update_id: int) -> None:
        await asyncio.shield(self._marks.add(update_id))


async def unhandled() -> list[dict]:
    """Payloads of updates received but not handled (a crash got in between), oldest first."""
    rows = (
        await InboxUpdate.filter(handled=False)
        .order_by("update_id")
        .values_list("payload", flat=True)
    )
    return [json.loads(cast(str, row)) for row in rows]


async def forget_handled(before: datetime) -> int:
    return await InboxUpdate.filter(handled=True, received_at__lt=before).delete()


class DurableUpdateQueue(asyncio.Queue):
    """The application's update queue, written through to the inbox.

    An update is queued for handling once it is recorded. ``put`` returns once
    the update is recorded when ``put_waits`` (webhook: the answer to
    Telegram's request confirms the update); long polling instead calls
    ``recorded`` before each getUpdates, which is what confirms, so ``put``
    returns at once and a whole batch is recorded in one go.
    """

    def __init__(self, put_waits: bool = True) -> None:
        super().__init__()
        self._put_waits = put_waits
        self._arrivals = GroupWriter(self._record_and_queue)

    async def put(self, item: object) -> None:
        if not isinstance(item, Update):
            await super().put(item)
            return
        recorded = self._arrivals.add(item)
        if self._put_waits:
            await asyncio.shield(recorded)

    async def recorded(self) -> None:
        """Returns once every update put so far is in the inbox (or could not be put there)."""
        await self._arrivals.written()

    async def _record_and_queue(self, batch: list[Update]) -> None:
        try:
            fresh = await receive(batch)
        except Exception:
            # Handling them without the safety net beats refusing them: PTB
            # would fetch the same batch again and again.
            log.exception(
                "Could not record updates %s in the inbox",
                ", ".join(str(update.update_id) for update in batch),
            )
            fresh = batch
        if len(fresh) < len(batch):
            fresh_ids = {update.update_id for update in fresh}
            log.info(
                "Update(s) %s delivered again; already handled or queued",
                ", ".join(
                    str(update.update_id) for update in batch if update.update_id not in fresh_ids
                ),
            )
        for update in fresh:
            self.put_nowait(update)  # the queue is unbounded: never full

    async def replay(self, item: Update) -> None:
        """Queues an update already in the inbox (from a process that died)."""
        await super().put(item)
