"""One process serves a bot: the instance lease, taken before the first request to Telegram.

``SingleInstanceApplication`` takes the instance lease in ``initialize()``,
before PTB's first request to Telegram (its getMe), so a second process on
the same database sends Telegram nothing at all; ``run_polling``,
``run_webhook`` and the tests' harness all start through ``initialize()``
and end through ``shutdown()``, which gives the lease back.
"""

from __future__ import annotations

from typing import Any

from telegram.ext import Application

from bot.storage.lease import InstanceLease, take_lease


class SingleInstanceApplication(Application):
    def __init__(
        self,
        *,
        lease: InstanceLease,
        lease_wait_seconds: float,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.lease = lease
        self.lease_wait_seconds = lease_wait_seconds

    async def initialize(self) -> None:
        """Takes the lease (or raises ``AnotherInstanceRunning``), then initialises PTB."""
        await take_lease(self.lease, self.lease_wait_seconds)
        try:
            await super().initialize()
        except BaseException:
            await self.lease.release()
            raise

    async def shutdown(self) -> None:
        try:
            await super().shutdown()
        finally:
            if not self.running:  # PTB refuses to shut a running application down
                await self.lease.release()
