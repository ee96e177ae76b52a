"""The update inbox: every update Telegram hands over is handled, once, crash or not.

PTB confirms a batch of updates to Telegram (by asking for the next ones)
while it is still handling them, so a process killed at the wrong moment
would lose updates Telegram will never send again. ``DurableUpdateQueue``
writes each update to the database before PTB can confirm it; the update
processor marks it handled afterwards (``HandledMarks``); at start, whatever
a dead process had not finished is replayed. An update id that is already in the inbox (Telegram
delivering again what a dead process had not confirmed) is not handled twice.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from telegram import Update
from tortoise.exceptions import IntegrityError

from bot.models import InboxUpdate

log = logging.getLogger(__name__)

KEEP_HANDLED = timedelta(days=2)  # long enough to recognise any re-delivery


def _timestamp(value: object) -> int:
    """Dates PTB leaves as datetime in ``to_dict`` (a pinned message's) go as Telegram sends them."""
    if isinstance(value, datetime):
        return int(value.timestamp())
    raise TypeError(f"cannot store {type(value).__name__} in the inbox")


async def receive(update: Update) -> bool:
    """Records a newly received update; False if it was received before."""
    payload = json.dumps(update.to_dict(), default=_timestamp, ensure_ascii=True)
    try:
        await InboxUpdate.create(update_id=update.update_id, payload=payload)
    except IntegrityError:
        return False
    return True


async def store_handled(update_ids: list[int]) -> None:
    await InboxUpdate.filter(update_id__in=update_ids).update(handled=True)


class HandledMarks:
    """Marks updates handled, many in one write when they finish together.

    Each caller returns once its own mark is stored, as with one write per
    update. Marks that arrive while a write is under way gather for the next
    one: under load that is one UPDATE for dozens of updates instead of dozens
    of UPDATEs, and an idle bot still writes each mark at once.
    """

    def __init__(self, store: Callable[[list[int]], Awaitable[None]] = store_handled) -> None:
        self._store = store
        self._gathering: list[int] = []
        self._gathered: asyncio.Future | None = None  # done when the gathering ones are stored
        self._writer: asyncio.Task | None = None

    async def mark(self, update_id: int) -> None:
        if self._gathered is None:
            self._gathered = asyncio.get_running_loop().create_future()
        self._gathering.append(update_id)
        stored = self._gathered
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write_gathered())
        # Shielded: one caller cancelled must not cancel the others' write.
        await asyncio.shield(stored)

    async def _write_gathered(self) -> None:
        while self._gathering:
            update_ids, stored = self._gathering, self._gathered
            self._gathering, self._gathered = [], None
            try:
                await self._store(update_ids)
            except Exception as error:  # every waiter raises it, as its own write would
                stored.set_exception(error)
            else:
                stored.set_result(None)


async def unhandled() -> list[dict]:
    """Payloads of updates received but not handled (a crash got in between), oldest first."""
    rows = await InboxUpdate.filter(handled=False).order_by("update_id").values_list(
        "payload", flat=True)
    return [json.loads(row) for row in rows]


async def forget_handled(before: datetime) -> int:
    return await InboxUpdate.filter(handled=True, received_at__lt=before).delete()


class DurableUpdateQueue(asyncio.Queue):
    """The application's update queue, written through to the inbox."""

    async def put(self, item: object) -> None:
        if isinstance(item, Update):
            try:
                fresh = await receive(item)
            except Exception:
                # Handling it without the safety net beats refusing it: PTB
                # would fetch the same batch again and again.
                log.exception("Could not record update %s in the inbox", item.update_id)
                fresh = True
            if not fresh:
                log.info("Update %s was delivered again; already handled or queued",
                         item.update_id)
                return
        await super().put(item)

    async def replay(self, item: Update) -> None:
        """Queues an update already in the inbox (from a process that died)."""
        await super().put(item)
