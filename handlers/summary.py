"""/ringkasan and /belum: the group's day, on request."""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler

from bot.calendar import DateParseError, local_today, parse_report_date
from bot.context import BotContext
from bot.daily import day_status
from bot.groups import find_group
from bot.post_texts import not_reported_text
from bot.splitting import split_message
from bot.summary import render_summary
from bot.text import clean_line, command_argument, escape, shorten
from handlers.access import in_group
from handlers.replies import group_translator, refuse_outside_group, reply

EXAMPLE = "/ringkasan 13-11-2024"


async def show_summary(update: Update, context: BotContext) -> None:
    """Sends the daily summary for today, "kemarin" or a given date."""
    t = await group_translator(update, context)
    _ = t.gettext
    if not in_group(update):
        await refuse_outside_group(update, t)
        return
    group = await find_group(update.effective_chat.id)
    if group is None:
        await reply(update, _("Grup ini belum terdaftar. Admin grup dapat mengetik /mulai."))
        return
    today = local_today(context.services.clock(), group.time_zone)
    argument = clean_line(command_argument(update.effective_message.text))
    try:
        day = parse_report_date(argument, today) if argument else today
    except DateParseError:
        await reply(update, _("Tanggal «{date}» tidak dikenali. Gunakan bentuk 2024-11-27, "
                              "27-11-2024, 27/11/2024, 27 November 2024, atau kemarin.")
                    .format(date=escape(shorten(argument)))
                    + "\n" + _("Contoh: <code>{example}</code>").format(example=EXAMPLE))
        return
    labels = {qid: _(label) for qid, label in context.services.forms.labels.items()}
    status = await day_status(group, day, labels)
    for part in split_message(render_summary(t, status.summary)):
        await reply(update, part)


async def show_not_reported(update: Update, context: BotContext) -> None:
    """Lists who has not reported today, mentioning those liaisons."""
    t = await group_translator(update, context)
    _ = t.gettext
    if not in_group(update):
        await refuse_outside_group(update, t)
        return
    group = await find_group(update.effective_chat.id)
    today = local_today(context.services.clock(), group.time_zone) if group else None
    status = await day_status(group, today, {}) if group else None
    if status is None or not status.summary.expected_agencies:
        await reply(update, _("Belum ada penghubung yang disetujui di grup ini. Daftar dengan "
                              "<code>/daftar Polri Polres Kutai Timur</code>."))
        return
    text = not_reported_text(t, group, today, status.missing_agencies, status.missing_liaisons)
    for part in split_message(text):
        await reply(update, part)


def handlers() -> list[BaseHandler]:
    return [
        CommandHandler("ringkasan", show_summary),
        CommandHandler("belum", show_not_reported),
    ]
