"""/ekspor, /grafik and /brief: the meeting's files, asked for in the group, sent to the group.

Any member may ask (they read the summaries already); the files are made by a
worker and sent as a reply by ``bot.publishing.outputs``, so the bot answers
everyone else meanwhile. Without a range, /ekspor takes the last 7 days (a
week between two rakor), /grafik the last 14 and /brief today.
"""

from __future__ import annotations

from datetime import date

from telegram import Update
from telegram.constants import ChatAction

from bot.context import BotContext
from bot.domain.countdown import local_today
from bot.domain.forum import GroupSettings
from bot.domain.ranges import DayRange, RangeError, parse_range
from bot.domain.user_input import clean_keyword, command_argument
from bot.outputs.chart_data import DEFAULT_CHARTS, ChartKind
from bot.outputs.jobs import OutputKind, brief_days
from bot.services import output_requests
from bot.texts.i18n import Translator
from bot.texts.outputs import busy_text, group_only_text
from bot.texts.ranges import range_problem_text
from handlers.access import registered_group_command
from handlers.replies import group_translator, reply

EXPORT_DAYS = 7
CHART_DAYS = 14
_CSV_WORDS = frozenset({"csv"})
_EVERY_CHART = frozenset({"semua", "all"})


async def _take(
    update: Update,
    context: BotContext,
    t: Translator,
    group: GroupSettings,
    kind: OutputKind,
    days: DayRange,
    charts: tuple[ChartKind, ...] = (),
) -> None:
    """Records the request and hands it to the desk; a second one meanwhile is told to wait."""
    message = update.effective_message
    opened = await output_requests.open_request(
        group.chat_id,
        kind.value,
        days.first,
        days.last,
        tuple(chart.value for chart in charts),
        message.message_id,
        update.effective_user.id if update.effective_user else 0,
        context.runtime.clock(),
    )
    if opened.order is None:
        await reply(update, busy_text(t, kind.value))
        return
    if not opened.new:
        return  # the same message again (replayed after a restart): already being answered
    action = ChatAction.UPLOAD_PHOTO if kind is OutputKind.CHARTS else ChatAction.UPLOAD_DOCUMENT
    await context.bot.send_chat_action(group.chat_id, action)
    context.outputs.take(opened.order)


def _today(context: BotContext, group: GroupSettings) -> date:
    return local_today(context.runtime.clock(), group.time_zone)


@registered_group_command
async def export(update: Update, context: BotContext, t: Translator, group: GroupSettings) -> None:
    """``/ekspor [csv] [rentang]``: the workbook, or the same as zipped CSV files."""
    words = clean_keyword(command_argument(update.effective_message.text)).split()
    kind = OutputKind.WORKBOOK
    if words and words[0].casefold() in _CSV_WORDS:
        kind, words = OutputKind.CSV, words[1:]
    try:
        days = parse_range(" ".join(words), _today(context, group), EXPORT_DAYS)
    except RangeError as error:
        await reply(update, range_problem_text(t, error, "ekspor"))
        return
    await _take(update, context, t, group, kind, days)


@registered_group_command
async def charts(update: Update, context: BotContext, t: Translator, group: GroupSettings) -> None:
    """``/grafik [topik] [rentang]``: charts as photos; alone, logistics and situation."""
    words = clean_keyword(command_argument(update.effective_message.text)).split()
    kinds: tuple[ChartKind, ...] = DEFAULT_CHARTS
    if words and words[0].casefold() in _EVERY_CHART:
        kinds, words = tuple(ChartKind), words[1:]
    elif words and (kind := ChartKind.from_text(words[0])) is not None:
        kinds, words = (kind,), words[1:]
    try:
        days = parse_range(" ".join(words), _today(context, group), CHART_DAYS)
    except RangeError as error:
        await reply(update, range_problem_text(t, error, "grafik"))
        return
    await _take(update, context, t, group, OutputKind.CHARTS, days, kinds)


@registered_group_command
async def brief(update: Update, context: BotContext, t: Translator, group: GroupSettings) -> None:
    """``/brief [tanggal]``: the meeting brief of a day (today unless given), as a PDF."""
    text = clean_keyword(command_argument(update.effective_message.text))
    try:
        # A date, "kemarin" or "hari ini"; a range gives the brief of its last day.
        day = parse_range(text, _today(context, group), 1).last
    except RangeError as error:
        await reply(update, range_problem_text(t, error, "brief"))
        return
    first, last = brief_days(day)
    await _take(update, context, t, group, OutputKind.BRIEF, DayRange(first, last))


async def in_private(update: Update, context: BotContext) -> None:
    """In a private chat: these files are the group's, asked for in the group."""
    t = await group_translator(update, context)
    command = (update.effective_message.text or "/").split()[0].lstrip("/").split("@")[0]
    await reply(update, group_only_text(t, command.casefold()))
