"""/bantuan in any chat, and /start in a private chat: what the bot does."""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler, filters

from bot.context import BotContext
from bot.transport.commands import GROUP_COMMANDS
from handlers.replies import group_translator, reply


async def show_help(update: Update, context: BotContext) -> None:
    """Explains the bot and lists its commands."""
    t = await group_translator(update, context)
    _ = t.gettext
    lines = [
        _(
            "<b>Posko Forkopimda</b> membantu forum koordinasi pimpinan daerah menjelang "
            "pemilihan: mengumpulkan laporan harian logistik dan keamanan dari setiap instansi, "
            "menyusun ringkasan, dan menghitung mundur menuju hari pemungutan suara."
        ),
        "",
        _("Perintah di grup:"),
    ]
    lines += [f"/{name} — {_(description)}" for name, description in GROUP_COMMANDS]
    lines += ["", _("Tambahkan bot ini ke grup Forkopimda, lalu admin grup mengetik /mulai.")]
    await reply(update, "\n".join(lines))


def handlers() -> list[BaseHandler]:
    return [
        CommandHandler("bantuan", show_help),
        # "/start <payload>" is a deep link, handled in handlers.report_entry.
        # An edited /start is ignored like every edit in the private report chat.
        CommandHandler(
            "start",
            show_help,
            filters=filters.ChatType.PRIVATE
            & filters.UpdateType.MESSAGE
            & filters.Regex(r"^/start(@\w+)?\s*$"),
        ),
    ]
