"""Sending and answering in one place, so every handler copes with the same Telegram faults."""

from __future__ import annotations

import logging

from telegram import CallbackQuery, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest, ChatMigrated
from telegram.ext import ExtBot

from bot.context import BotContext
from bot.services.groups import GroupSettings, find_group, move_group
from bot.texts.i18n import Translator

log = logging.getLogger(__name__)

# answerCallbackQuery fails with these once a tap is older than Telegram keeps
# it (about 15 s to a few minutes, e.g. after a restart): the tap itself is
# still handled, there is just no spinner left to stop.
_EXPIRED_QUERY = ("query is too old", "query id is invalid")


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


async def send(
    bot: ExtBot, chat_id: int, text: str, reply_markup: InlineKeyboardMarkup | None = None
) -> Message:
    """Sends to a chat; if the group has just become a supergroup, moves it and sends there."""
    try:
        return await bot.send_message(chat_id, text, reply_markup=reply_markup)
    except ChatMigrated as moved:
        log.info("Chat %s became supergroup %s; following it", chat_id, moved.new_chat_id)
        await move_group(chat_id, moved.new_chat_id)
        return await bot.send_message(moved.new_chat_id, text, reply_markup=reply_markup)


async def reply(
    update: Update, text: str, reply_markup: InlineKeyboardMarkup | None = None
) -> Message:
    """Answers in the chat the update came from."""
    return await send(update.get_bot(), update.effective_chat.id, text, reply_markup)


async def answer_query(
    query: CallbackQuery, text: str | None = None, show_alert: bool = False
) -> None:
    """Stops the tapped button's spinner (with a note, if any); an expired tap is no error."""
    try:
        await query.answer(text, show_alert=show_alert)
    except BadRequest as error:
        if not any(reason in str(error).lower() for reason in _EXPIRED_QUERY):
            raise
        log.info("Callback query %s expired before it was answered", query.id)


async def refuse_outside_group(update: Update, t: Translator) -> None:
    _ = t.gettext
    await reply(update, _("Perintah ini hanya dapat digunakan di grup Forkopimda."))


async def refuse_non_admin(update: Update, t: Translator) -> None:
    _ = t.gettext
    await reply(update, _("Maaf, pengaturan grup hanya dapat diubah oleh admin grup."))
