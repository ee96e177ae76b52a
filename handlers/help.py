"""/bantuan in any chat, and /start in a private chat: what the bot does."""

from __future__ import annotations

from telegram import Update

from bot.context import BotContext
from bot.transport.commands import help_lines
from handlers import commands as registry
from handlers.incident_entry import incident_from_deep_link
from handlers.incident_follow_up import follow_up_from_deep_link
from handlers.replies import group_translator, reply
from handlers.report_entry import report_from_deep_link


async def show_help(update: Update, context: BotContext) -> None:
    """Explains the bot and lists its group commands, as the registry has them."""
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
    lines += help_lines(t, registry.COMMANDS)
    lines += ["", _("Tambahkan bot ini ke grup Forkopimda, lalu admin grup mengetik /mulai.")]
    await reply(update, "\n".join(lines))


async def start(update: Update, context: BotContext) -> None:
    """Opens the form of a group's deep link (``/start lapor_…``), or explains the bot."""
    payload = context.args[0] if context.args else ""
    if payload.startswith("kejadian_"):
        await incident_from_deep_link(update, context)
    elif payload.startswith("tindak_"):
        await follow_up_from_deep_link(update, context)
    elif payload:
        await report_from_deep_link(update, context)
    else:
        await show_help(update, context)
