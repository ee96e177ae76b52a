"""Concurrent update processing that still keeps each person's updates in order."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor


class PerSenderUpdateProcessor(BaseUpdateProcessor):
    """Runs updates from different people at once, and one person's one at a time.

    A liaison's quick double tap or two answers in a row must be applied in
    the order sent (their form state is read, changed and written back), while
    a slow send to one group (a 429 being waited out) must never hold up the
    others. Updates without a sender (channel posts) are keyed by chat.
    """

    def __init__(
        self,
        max_concurrent_updates: int = 256,
        on_handled: Callable[[int], Awaitable[None]] | None = None,
    ) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, asyncio.Lock] = {}
        self._waiting: dict[int, int] = {}
        self._on_handled = on_handled

    @staticmethod
    def _key(update: object) -> int:
        if isinstance(update, Update):
            if update.effective_user is not None:
                return update.effective_user.id
            if update.effective_chat is not None:
                return update.effective_chat.id
        return 0

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = self._key(update)
        lock = self._locks.setdefault(key, asyncio.Lock())
        self._waiting[key] = self._waiting.get(key, 0) + 1
        try:
            async with lock:
                await coroutine
                if self._on_handled is not None and isinstance(update, Update):
                    await self._on_handled(update.update_id)
        finally:
            self._waiting[key] -= 1
            if not self._waiting[key]:  # nobody else queued: free the lock's memory
                del self._waiting[key]
                del self._locks[key]

    async def initialize(self) -> None:
        pass

    async def shutdown(self) -> None:
        pass
