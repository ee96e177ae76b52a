"""The last line of defence: each Telegram or database fault handled as what it means.

Faults that are the world's (a group that removed the bot, a tap that
expired, a network that dropped) are logged briefly and never as errors; the
user is told to try again only where that helps them. Unexpected exceptions
are logged in full, and the person gets an apology saying nothing was lost:
handlers store nothing until an answer is fully accepted.
"""

from __future__ import annotations

import logging

from telegram import Chat, Update
from telegram.error import BadRequest, Conflict, Forbidden, NetworkError, TimedOut
from tortoise.exceptions import BaseORMException, DBConnectionError

from bot.context import BotContext
from bot.instance import SingleInstanceApplication
from bot.services.groups import deactivate_group

log = logging.getLogger(__name__)


_BUSY_WORDS = (
    "locked",
    "busy",
    "timeout",
    "timed out",
    "deadlock",
    "could not serialize",
    "connection",
)


def _database_busy(error: Exception | None) -> bool:
    """A database that will answer again soon (locked, unreachable), not a bad query or value."""
    if isinstance(error, DBConnectionError):
        return True
    text = str(error).lower()
    return isinstance(error, BaseORMException) and any(word in text for word in _BUSY_WORDS)


def _is_group(chat: Chat | None) -> bool:
    return chat is not None and chat.type in (Chat.GROUP, Chat.SUPERGROUP)


async def on_error(update: object, context: BotContext) -> None:
    """Logs the fault as what it is and, where it helps, tells the person in the chat."""
    error = context.error
    chat = update.effective_chat if isinstance(update, Update) else None
    _ = context.translator().gettext
    text = str(error).lower()
    if isinstance(error, Forbidden) or (isinstance(error, BadRequest) and "chat not found" in text):
        log.info("Cannot write to chat %s (%s)", chat.id if chat else "?", error)
        if _is_group(chat):
            await deactivate_group(chat.id)
        return
    if isinstance(error, Conflict) and isinstance(context.application, SingleInstanceApplication):
        # Only getUpdates gets a 409: PTB's polling loop hands it here (update is None).
        context.application.polling_refused(error)
        return
    if isinstance(error, BadRequest) and "message is not modified" in text:
        log.debug("Edit left a message unchanged: %s", error)
        return
    if isinstance(error, TimedOut) or (
        isinstance(error, NetworkError) and not isinstance(error, BadRequest)
    ):
        log.warning("Telegram unreachable while handling an update: %s", error)
        return
    if _database_busy(error):
        log.warning("Database busy or unreachable while handling an update: %s", error)
        apology = _(
            "Maaf, basis data sedang sibuk. Silakan kirim ulang jawaban atau perintah "
            "Anda sebentar lagi; jawaban yang sudah tersimpan tetap aman."
        )
    else:
        log.error("Error while handling an update", exc_info=error)
        apology = _(
            "Maaf, terjadi gangguan saat memproses permintaan ini. Silakan coba lagi "
            "sebentar lagi; data yang sudah tersimpan tidak berubah."
        )
    if chat is None:
        return
    try:
        # Plain text: if the fault was our HTML, the apology must not repeat it.
        await context.bot.send_message(chat.id, apology, parse_mode=None)
    except (NetworkError, Forbidden) as second:
        log.warning("Could not send the apology either: %s", second)
