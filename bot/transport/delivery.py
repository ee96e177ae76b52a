"""Sending to a chat that may have moved or gone, and what that means for the stored group.

Two things Telegram may say of a group change what the bot stores, and both
are handled here only: the group became a supergroup (its data follows it to
the new chat id, and the message goes there), and the bot can no longer
write to it (the group is marked inactive, keeping its data for when the bot
is added back). Handlers reply through ``handlers.replies``, which sends
through here; the scheduler uses the same two reactions.
"""

from __future__ import annotations

import logging
from typing import Any

from telegram import Bot, InlineKeyboardMarkup, Message
from telegram.error import ChatMigrated

from bot.services import groups

log = logging.getLogger(__name__)


async def chat_moved(old_chat_id: int, new_chat_id: int) -> None:
    """The group is a supergroup now: its settings, liaisons and reports move to the new id."""
    log.info("Chat %s became supergroup %s; following it", old_chat_id, new_chat_id)
    await groups.move_group(old_chat_id, new_chat_id)


async def chat_gone(chat_id: int, error: BaseException | None) -> None:
    """The bot cannot write to the chat any more: the group (if it is one) goes quiet."""
    log.info("Cannot write to chat %s (%s); group marked inactive", chat_id, error)
    await groups.deactivate_group(chat_id)


async def send(
    bot: Bot,
    chat_id: int,
    text: str,
    reply_markup: InlineKeyboardMarkup | None = None,
    **options: Any,
) -> Message:
    """Sends to a chat; if the group has just become a supergroup, moves it and sends there."""
    try:
        return await bot.send_message(chat_id, text, reply_markup=reply_markup, **options)
    except ChatMigrated as moved:
        await chat_moved(chat_id, moved.new_chat_id)
        return await bot.send_message(moved.new_chat_id, text, reply_markup=reply_markup, **options)
