"""Who may do what: group-only commands and admin-only settings."""

from __future__ import annotations

from telegram import Chat, Update
from telegram.constants import ChatMemberStatus

from bot.context import BotContext

ADMIN_STATUSES = (ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER)


def in_group(update: Update) -> bool:
    chat = update.effective_chat
    return chat is not None and chat.type in (Chat.GROUP, Chat.SUPERGROUP)


async def is_group_admin(update: Update, context: BotContext) -> bool:
    """Asks Telegram now, so a demoted admin loses the right at once."""
    chat = update.effective_chat
    message = update.effective_message
    if message is not None and message.sender_chat is not None:
        # An anonymous admin posts as the group itself; only admins can.
        return message.sender_chat.id == chat.id
    user = update.effective_user
    if user is None:
        return False
    member = await context.bot.get_chat_member(chat.id, user.id)
    return member.status in ADMIN_STATUSES
