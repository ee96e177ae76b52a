"""One process serves a bot: the lease before the first request, giving way on 409s.

``SingleInstanceApplication`` takes the instance lease in ``initialize()``,
before PTB's first request to Telegram (its getMe), so a second process on
the same database sends Telegram nothing at all; ``run_polling``,
``run_webhook`` and the tests' harness all start through ``initialize()``
and end through ``shutdown()``, which gives the lease back. A process on
another database is left to Telegram's 409s (``polling_refused``).
"""

from __future__ import annotations

import logging
from typing import Any

from telegram.error import Conflict
from telegram.ext import Application

from bot.storage.lease import InstanceLease, take_lease
from bot.transport.polling_conflicts import LIMIT, WINDOW_SECONDS, PollingConflicts

log = logging.getLogger(__name__)


class SingleInstanceApplication(Application):
    def __init__(
        self,
        *,
        lease: InstanceLease,
        lease_wait_seconds: float,
        polling_conflicts: PollingConflicts,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.lease = lease
        self.lease_wait_seconds = lease_wait_seconds
        self.polling_conflicts = polling_conflicts

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

    @property
    def gave_way(self) -> bool:
        """True once Telegram's 409s made this process stop (another poller, or a webhook)."""
        return self.polling_conflicts.gave_way

    def polling_refused(self, error: Conflict) -> None:
        """Counts a 409 to getUpdates; at the last straw, stops the application.

        ``run_polling`` hands every error of its getUpdates loop to the error
        handlers, and ``stop_running`` is its way out from there: polling
        stops, the updates already received are handled, ``run_polling``
        returns, and the runner exits with code 3 (``gave_way``).
        """
        if not self.polling_conflicts.refused(error.message):
            log.warning("Telegram refused getUpdates: %s", error.message)
            return
        log.error(
            "Telegram refused getUpdates with 409 Conflict %d times within %g s (%s): %s. "
            "This process stops and exits with code 3, after handling the updates it has.",
            LIMIT,
            WINDOW_SECONDS,
            error.message,
            self.polling_conflicts.gave_way_because,
        )
        self.stop_running()
