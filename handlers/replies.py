"""Small reply helpers shared by the handler modules."""

from __future__ import annotations

from telegram import Update

from bot.context import BotContext
from bot.groups import find_group
from bot.i18n import Translator


async def group_translator(update: Update, context: BotContext) -> Translator:
    """The translator for the chat's stored locale (Indonesian until one is set)."""
    chat = update.effective_chat
    group = await find_group(chat.id) if chat else None
    return context.translator(group.locale if group else None)


async def reply(update: Update, text: str) -> None:
    await update.effective_chat.send_message(text)


async def refuse_outside_group(update: Update, t: Translator) -> None:
    _ = t.gettext
    await reply(update, _("Perintah ini hanya dapat digunakan di grup Forkopimda."))


async def refuse_non_admin(update: Update, t: Translator) -> None:
    _ = t.gettext
    await reply(update, _("Maaf, pengaturan grup hanya dapat diubah oleh admin grup."))
