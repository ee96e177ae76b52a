"""Replying and answering taps in one place, so every handler copes with the same Telegram faults.

Sending goes through ``bot.transport.delivery`` (a group that has just become
a supergroup is followed there); nothing here writes to the database.
"""

from __future__ import annotations

import logging

from telegram import CallbackQuery, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest

from bot.context import BotContext
from bot.domain.forum import GroupSettings
from bot.services.groups import find_group
from bot.texts.i18n import Translator
from bot.transport import delivery
from bot.transport.errors import TelegramFault, classify

log = logging.getLogger(__name__)


async def chat_group(
    update: Update, context: BotContext
) -> tuple[GroupSettings | None, Translator]:
    """The chat's stored group (None if it is none) and the translator for its locale."""
    chat = update.effective_chat
    group = await find_group(chat.id) if chat else None
    return group, context.translator(group.locale if group else None)


async def group_translator(update: Update, context: BotContext) -> Translator:
    """The translator for the chat's stored locale (Indonesian until one is set)."""
    _, t = await chat_group(update, context)
    return t


async def reply(
    update: Update, text: str, reply_markup: InlineKeyboardMarkup | None = None
) -> Message:
    """Answers in the chat the update came from."""
    return await delivery.send(update.get_bot(), update.effective_chat.id, text, reply_markup)


async def answer_query(
    query: CallbackQuery | None, text: str | None = None, show_alert: bool = False
) -> None:
    """Stops the tapped button's spinner (with a note, if any); an expired tap is no error."""
    if query is None:
        return
    try:
        await query.answer(text, show_alert=show_alert)
    except BadRequest as error:
        if classify(error) is not TelegramFault.QUERY_EXPIRED:
            raise
        # Telegram keeps a tap about 15 s to a few minutes (e.g. across a
        # restart): the tap itself is still handled, there is no spinner left.
        log.info("Callback query %s expired before it was answered", query.id)


async def refuse_outside_group(update: Update, t: Translator) -> None:
    _ = t.gettext
    await reply(update, _("Perintah ini hanya dapat digunakan di grup Forkopimda."))


async def refuse_non_admin(update: Update, t: Translator) -> None:
    _ = t.gettext
    await reply(update, _("Maaf, pengaturan grup hanya dapat diubah oleh admin grup."))
