"""/ringkasan and /belum: the group's day, on request."""

from __future__ import annotations

from telegram import Update

from bot.context import BotContext
from bot.domain.countdown import local_today
from bot.domain.dates import DateParseError, parse_report_date
from bot.domain.user_input import clean_line, command_argument
from bot.services.day_status import day_status
from bot.services.groups import GroupSettings
from bot.texts.html import escape, shorten
from bot.texts.i18n import Translator
from bot.texts.posts import day_off_notice, not_reported_text
from bot.texts.splitting import split_message
from bot.texts.summary import SummaryInput, render_summary
from handlers.access import group_command, registered_group_command
from handlers.replies import reply

EXAMPLE = "/ringkasan 13-11-2024"


@registered_group_command
async def show_summary(
    update: Update, context: BotContext, t: Translator, group: GroupSettings
) -> None:
    """Sends the daily summary for today, "kemarin" or a given date."""
    _ = t.gettext
    today = local_today(context.runtime.clock(), group.time_zone)
    argument = clean_line(command_argument(update.effective_message.text))
    try:
        day = parse_report_date(argument, today) if argument else today
    except DateParseError:
        await reply(
            update,
            _(
                "Tanggal «{date}» tidak dikenali. Gunakan bentuk 2024-11-27, "
                "27-11-2024, 27/11/2024, 27 November 2024, atau kemarin."
            ).format(date=escape(shorten(argument)))
            + "\n"
            + _("Contoh: <code>{example}</code>").format(example=EXAMPLE),
        )
        return
    status = await day_status(group, day, mentions=False)
    summary = SummaryInput(
        group,
        day,
        status.reports,
        status.expected_agencies,
        context.runtime.forms,
        day_off=status.day_off,
    )
    for part in split_message(render_summary(t, summary)):
        await reply(update, part)


@group_command
async def show_not_reported(
    update: Update, context: BotContext, t: Translator, group: GroupSettings | None
) -> None:
    """Lists who has not reported today, mentioning those liaisons."""
    _ = t.gettext
    nobody = _(
        "Belum ada penghubung yang disetujui di grup ini. Daftar dengan "
        "<code>/daftar Polri Polres Kutai Timur</code>."
    )
    if group is None:
        await reply(update, nobody)
        return
    today = local_today(context.runtime.clock(), group.time_zone)
    status = await day_status(group, today)
    if status.day_off is not None:
        await reply(update, day_off_notice(t, status.day_off, group.time_zone))
        return
    if not status.expected_agencies:
        await reply(update, nobody)
        return
    text = not_reported_text(
        t, group, today, status.missing_agencies, status.missing_liaisons, status.on_leave
    )
    for part in split_message(text):
        await reply(update, part)
