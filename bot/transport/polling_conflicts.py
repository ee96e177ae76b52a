"""Telegram's 409 Conflict on getUpdates: when to stop polling and give way.

The instance lease (``bot.storage.lease``) keeps a second process off this
bot's database, but a process with the same token and another database (a
second deployment, a developer's laptop) is out of its reach. Telegram serves
whichever getUpdates came last and ends the pending one with "409 Conflict:
terminated by other getUpdates request", so two such processes cut each
other's polls off in turn, each handling the updates that happen to reach it.
A webhook set for the bot answers every getUpdates with 409 too.

PTB's polling loop hands each 409 to the error handlers and polls again after
1 s, 1.5 s, 2.25 s …; it would go on forever. Instead, a process that is
refused ``LIMIT`` times within ``WINDOW_SECONDS`` gives way: it says why and
stops (the application exits with code 3). The numbers: a single 409 can be
innocent (another process's one last getUpdates as it stops), while a fight
brings one every one to three seconds to each side, and a webhook one at every
poll; so three within a minute is a fight, settled within about five seconds.
The process that was there first is refused first and so reaches three
first; the newcomer, one behind, keeps polling undisturbed once it leaves.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

LIMIT = 3
WINDOW_SECONDS = 60.0


def cause_of(description: str) -> str:
    """What an operator should look for, from Telegram's description of the conflict."""
    if "webhook" in description.lower():
        return (
            "a webhook is set for this bot (another deployment serving it in webhook mode?), "
            "and while it is, Telegram hands out no updates by getUpdates"
        )
    return (
        "another process is polling with this BOT_TOKEN, one that does not use this database "
        "(another deployment or machine); only one process may serve a bot"
    )


class PollingConflicts:
    """Counts the 409s getUpdates receives; says when this process should give way."""

    def __init__(
        self,
        limit: int = LIMIT,
        window_seconds: float = WINDOW_SECONDS,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._limit = limit
        self._window = window_seconds
        self._monotonic = monotonic
        self._recent: deque[float] = deque()
        self.gave_way_because: str | None = None

    @property
    def gave_way(self) -> bool:
        return self.gave_way_because is not None

    def refused(self, description: str) -> bool:
        """Counts one 409; True once, at the one that makes this process give way."""
        if self.gave_way:
            return False
        now = self._monotonic()
        self._recent.append(now)
        while self._recent[0] <= now - self._window:
            self._recent.popleft()
        if len(self._recent) < self._limit:
            return False
        self.gave_way_because = cause_of(description)
        return True
