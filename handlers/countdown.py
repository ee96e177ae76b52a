"""/hitungmundur: how many days remain until polling day, in the group's zone."""

from __future__ import annotations

from telegram import Update

from bot.context import BotContext
from bot.domain.countdown import local_today
from bot.services.groups import GroupSettings
from bot.texts.group_view import EXAMPLE_POLLING_DAY, countdown_line
from bot.texts.i18n import Translator
from handlers.access import group_command
from handlers.replies import reply


@group_command
async def show_countdown(
    update: Update, context: BotContext, t: Translator, group: GroupSettings | None
) -> None:
    """Replies with the H-N countdown to the group's polling day."""
    _ = t.gettext
    if group is None or group.polling_day is None:
        await reply(
            update,
            _(
                "Hari H belum diatur. Admin grup dapat mengaturnya, contoh: <code>{example}</code>"
            ).format(example=EXAMPLE_POLLING_DAY),
        )
        return
    today = local_today(context.runtime.clock(), group.time_zone)
    await reply(update, countdown_line(t, group, today) or "")
