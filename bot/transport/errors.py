"""What a Telegram error means, decided in one place.

Telegram tells most of its faults apart only by the text of a 400 answer, and
PTB's exception classes nest (a ``BadRequest`` and a ``TimedOut`` are both
``NetworkError``). Every caller asks ``classify`` instead of matching texts
itself, so a new wording Telegram adopts is taught here once.
"""

from __future__ import annotations

from enum import Enum

from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)


class TelegramFault(Enum):
    CHAT_GONE = "chat_gone"  # the bot was removed or blocked, or the chat no longer exists
    CHAT_MIGRATED = "chat_migrated"  # the group became a supergroup under a new id
    NOT_MODIFIED = "not_modified"  # an edit that changes nothing: the message is as wanted
    QUERY_EXPIRED = "query_expired"  # a tap answered too late: no spinner left to stop
    MESSAGE_GONE = "message_gone"  # the message to edit was deleted or is too old to edit
    MAYBE_DELIVERED = "maybe_delivered"  # timed out after sending: it may have arrived
    NOT_DELIVERED = "not_delivered"  # the network failed before Telegram took it
    RATE_LIMITED = "rate_limited"  # 429: wait ``retry_after``
    NO_RIGHTS = "no_rights"  # the bot lacks an admin right (pinning) in the chat
    REFUSED = "refused"  # any other 400: our request is wrong; repeating it cannot help
    OTHER = "other"  # not a Telegram error, or one we do not expect


# Most "gone" answers are 403 Forbidden (removed, blocked, kicked); this one is a 400.
_CHAT_GONE_TEXTS = ("chat not found",)
_NOT_MODIFIED_TEXTS = ("message is not modified",)
_QUERY_EXPIRED_TEXTS = ("query is too old", "query id is invalid")
_NO_RIGHTS_TEXTS = ("not enough rights", "chat_admin_required", "need administrator rights")
_MESSAGE_GONE_TEXTS = (
    "message to edit not found",
    "message can't be edited",
    "message to delete not found",
    "message can't be deleted",
)


def classify(error: BaseException | None) -> TelegramFault:
    """The meaning of ``error`` for whoever must react to it."""
    if isinstance(error, Forbidden):
        return TelegramFault.CHAT_GONE
    if isinstance(error, ChatMigrated):
        return TelegramFault.CHAT_MIGRATED
    if isinstance(error, RetryAfter):
        return TelegramFault.RATE_LIMITED
    if isinstance(error, BadRequest):
        text = str(error).lower()
        for texts, fault in (
            (_CHAT_GONE_TEXTS, TelegramFault.CHAT_GONE),
            (_NOT_MODIFIED_TEXTS, TelegramFault.NOT_MODIFIED),
            (_QUERY_EXPIRED_TEXTS, TelegramFault.QUERY_EXPIRED),
            (_MESSAGE_GONE_TEXTS, TelegramFault.MESSAGE_GONE),
            (_NO_RIGHTS_TEXTS, TelegramFault.NO_RIGHTS),
        ):
            if any(known in text for known in texts):
                return fault
        return TelegramFault.REFUSED
    if isinstance(error, TimedOut):
        return TelegramFault.MAYBE_DELIVERED
    if isinstance(error, NetworkError):
        return TelegramFault.NOT_DELIVERED
    if isinstance(error, TelegramError):
        return TelegramFault.OTHER
    return TelegramFault.OTHER
