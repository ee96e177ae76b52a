"""The bot joining, leaving, and following a group that became a supergroup."""

from __future__ import annotations

import logging

from telegram import ChatMemberUpdated, Update
from telegram.constants import ChatMemberStatus
from telegram.ext import BaseHandler, ChatMemberHandler, MessageHandler, filters

from bot.context import BotContext
from bot.services import groups
from handlers.access import in_group
from handlers.replies import reply

log = logging.getLogger(__name__)

_PRESENT = (
    ChatMemberStatus.MEMBER,
    ChatMemberStatus.ADMINISTRATOR,
    ChatMemberStatus.OWNER,
    ChatMemberStatus.RESTRICTED,
)


def _is_present(change: ChatMemberUpdated, which: str) -> bool:
    member = getattr(change, which)
    if member.status == ChatMemberStatus.RESTRICTED:
        return bool(getattr(member, "is_member", False))
    return member.status in _PRESENT


async def on_bot_membership(update: Update, context: BotContext) -> None:
    """Welcomes the group when the bot is added; goes quiet when it is removed."""
    if not in_group(update):
        return
    change = update.my_chat_member
    assert change is not None  # a ChatMemberHandler for my_chat_member
    chat = update.effective_chat
    was_present, is_present = (
        _is_present(change, "old_chat_member"),
        _is_present(change, "new_chat_member"),
    )
    if is_present and not was_present:
        group = await groups.register_group(chat.id, chat.title or "", now=context.runtime.clock())
        _ = context.translator(group.locale).gettext
        await reply(
            update,
            _(
                "Terima kasih, Posko Forkopimda sudah bergabung. Bot ini mengumpulkan laporan "
                "harian instansi dan menghitung mundur menuju hari pemungutan suara.\n\n"
                "Admin grup: ketik /mulai untuk mendaftarkan grup ini dan melihat pengaturan "
                "yang perlu diisi. Ketik /bantuan untuk daftar perintah."
            ),
        )
    elif was_present and not is_present:
        await groups.deactivate_group(chat.id)
        log.info("Removed from chat %s; group marked inactive", chat.id)


async def on_migration(update: Update, context: BotContext) -> None:
    """Moves the group's data to its new supergroup id."""
    message = update.effective_message
    if message.migrate_to_chat_id:
        await groups.move_group(message.chat.id, message.migrate_to_chat_id)
        log.info("Chat %s migrated to %s", message.chat.id, message.migrate_to_chat_id)


def handlers() -> list[BaseHandler]:
    return [
        ChatMemberHandler(on_bot_membership, ChatMemberHandler.MY_CHAT_MEMBER),
        MessageHandler(filters.StatusUpdate.MIGRATE, on_migration),
    ]
