"""Whether a failure is the database being unavailable for a moment, or a mistake of ours.

A locked SQLite file, a PostgreSQL restart or a dropped connection answer
again soon: the person is asked to send again. Anything else the ORM raises
(a bad query, a value that does not fit) is our bug and is logged as one.
"""

from __future__ import annotations

from tortoise.exceptions import BaseORMException, DBConnectionError

_BUSY_WORDS = (
    "locked",
    "busy",
    "timeout",
    "timed out",
    "deadlock",
    "could not serialize",
    "connection",
)


def database_busy(error: BaseException | None) -> bool:
    """A database that will answer again soon (locked, unreachable), not a bad query or value."""
    if isinstance(error, DBConnectionError):
        return True
    text = str(error).lower()
    return isinstance(error, BaseORMException) and any(word in text for word in _BUSY_WORDS)
