"""The last line of defence: log the fault, tell the user to try again."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import Forbidden, NetworkError

from bot.context import BotContext

log = logging.getLogger(__name__)


async def on_error(update: object, context: BotContext) -> None:
    """Logs an unexpected error and, where there is a chat, apologises in it."""
    error = context.error
    if isinstance(error, Forbidden):
        log.info("Cannot write to a chat: %s", error)
        return
    log.error("Error while handling an update", exc_info=error)
    if isinstance(update, Update) and update.effective_chat and not isinstance(
        error, NetworkError
    ):
        _ = context.translator().gettext
        try:
            await update.effective_chat.send_message(
                _("Maaf, terjadi gangguan saat memproses permintaan ini. Silakan coba lagi "
                  "sebentar lagi; data yang sudah tersimpan tidak berubah."))
        except NetworkError:
            log.warning("Could not send the apology either")
