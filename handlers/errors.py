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
from telegram.error import Conflict, Forbidden, NetworkError

from bot.context import BotContext
from bot.instance import SingleInstanceApplication
from bot.services.outages import database_busy
from bot.transport import delivery
from bot.transport.errors import TelegramFault, classify

log = logging.getLogger(__name__)


def _is_group(chat: Chat | None) -> bool:
    return chat is not None and chat.type in (Chat.GROUP, Chat.SUPERGROUP)


async def on_error(update: object, context: BotContext) -> None:
    """Logs the fault as what it is and, where it helps, tells the person in the chat."""
    error = context.error
    chat = update.effective_chat if isinstance(update, Update) else None
    _ = context.translator().gettext
    fault = classify(error)
    if fault is TelegramFault.CHAT_GONE:
        if _is_group(chat):
            await delivery.chat_gone(chat.id, error)
        else:
            log.info("Cannot write to chat %s (%s)", chat.id if chat else "?", error)
        return
    if isinstance(error, Conflict) and isinstance(context.application, SingleInstanceApplication):
        # Only getUpdates gets a 409: PTB's polling loop hands it here (update is None).
        context.application.polling_refused(error)
        return
    if fault is TelegramFault.NOT_MODIFIED:
        log.debug("Edit left a message unchanged: %s", error)
        return
    if fault in (TelegramFault.MAYBE_DELIVERED, TelegramFault.NOT_DELIVERED):
        log.warning("Telegram unreachable while handling an update: %s", error)
        return
    if database_busy(error):
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
