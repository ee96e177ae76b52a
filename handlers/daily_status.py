"""/ringkasan and /belum: the group's day on request, and a region's below it (read only)."""

from __future__ import annotations

import re
from datetime import date

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from bot.context import BotContext
from bot.domain.countdown import local_today
from bot.domain.dates import (
    DateParseError,
    DateProblem,
    parse_report_date,
    split_trailing_report_date,
)
from bot.domain.regions import Lookup, LookupProblem, region_catalog
from bot.domain.rollup import TreeNode
from bot.domain.user_input import clean_line, command_argument
from bot.scheduling.composers import summary_text
from bot.services import regional
from bot.services.day_status import day_status
from bot.services.groups import GroupSettings
from bot.texts.html import escape, shorten
from bot.texts.i18n import Translator
from bot.texts.posts import day_off_notice, no_report_expected_text, not_reported_text
from bot.texts.regions import lookup_problem_text
from bot.texts.splitting import split_message
from bot.transport.callback_data import RegionView, parse_as
from handlers.access import group_command, in_group, registered_group_command
from handlers.replies import answer_query, chat_group, reply

EXAMPLE = "/ringkasan 13-11-2024"
EXAMPLE_REGION = "/ringkasan 64.08"
_DATE_SEPARATORS = re.compile(r"[-/]")


@registered_group_command
async def show_summary(
    update: Update, context: BotContext, t: Translator, group: GroupSettings
) -> None:
    """Sends the daily summary for today, "kemarin" or a date; or a region's below this group."""
    _ = t.gettext
    today = local_today(context.runtime.clock(), group.time_zone)
    argument = clean_line(command_argument(update.effective_message.text))
    day: date | None = today
    if argument:
        try:
            day = parse_report_date(argument, today)
        except DateParseError as error:
            if error.problem is not DateProblem.UNRECOGNISED or _DATE_SEPARATORS.search(argument):
                # Meant as a date (region codes have neither "-" nor "/").
                await reply(update, _bad_date_text(t, argument))
                return
            region_text, day = split_trailing_report_date(argument, today)
            await show_region_summary(update, context, t, group, region_text, day or today)
            return
    await _send_summary(update, context, t, group, group, day or today)


async def _send_summary(
    update: Update,
    context: BotContext,
    t: Translator,
    viewer: GroupSettings,
    group: GroupSettings,
    day: date,
) -> bool:
    text = await summary_text(
        t, context.runtime.forms, context.runtime.categories, viewer.chat_id, group, day
    )
    if text is None:
        return False
    for part in split_message(text):
        await reply(update, part)
    return True


async def show_region_summary(
    update: Update,
    context: BotContext,
    t: Translator,
    group: GroupSettings,
    region_text: str,
    day: date,
) -> None:
    """A region's summary as its own group sees it, for a group above it (read only).

    Only regions linked below this group are found; any other region gets
    the same answer whether or not a group for it exists, so nothing is told
    across a link that does not exist.
    """
    _ = t.gettext
    lookup = region_catalog().look_up(region_text)
    if lookup.problem is not None:
        if lookup.problem is LookupProblem.UNKNOWN_NAME or not group.has_groups_below:
            # With nothing below, a region is not what the asker meant: a date was.
            await reply(update, _bad_argument_text(t, region_text, group))
        else:
            await reply(update, lookup_problem_text(t, lookup, EXAMPLE_REGION))
        return
    codes = {region.code for region in lookup.regions}
    below = [
        node for node in await regional.linked_below(group.chat_id) if node.group.code in codes
    ]
    if not below and not lookup.exact:
        await reply(update, _bad_argument_text(t, region_text, group))
        return
    if not below:
        await reply(
            update,
            _(
                "{region} tidak terhubung di bawah grup ini, sehingga ringkasannya tidak dapat "
                "ditampilkan di sini."
            ).format(region=escape(_names(lookup))),
        )
        return
    found_codes = sorted({node.group.code for node in below if node.group.code})
    if len(found_codes) > 1:
        await reply(
            update,
            _("Nama «{name}» cocok dengan beberapa wilayah di bawah grup ini. Pilih:").format(
                name=escape(region_text)
            ),
            region_keyboard(below, day),
        )
        return
    await _show_regions(update, context, t, group, found_codes[0], day)


async def _show_regions(
    update: Update,
    context: BotContext,
    t: Translator,
    viewer: GroupSettings,
    code: str,
    day: date,
) -> None:
    """Sends the summary of every group of that region the viewer may see now."""
    _ = t.gettext
    shown = False
    for node in await regional.linked_below(viewer.chat_id):
        if node.group.code != code:
            continue
        target = await regional.group_seen_by(viewer.chat_id, node.group.chat_id)
        if target is None or not target.active:
            continue
        shown = await _send_summary(update, context, t, viewer, target, day) or shown
    if not shown:
        region = region_catalog().get(code)
        await reply(
            update,
            _(
                "{region} tidak terhubung di bawah grup ini, sehingga ringkasannya tidak dapat "
                "ditampilkan di sini."
            ).format(region=escape(region.official_name if region else code)),
        )


def region_keyboard(nodes: list[TreeNode], day: date) -> InlineKeyboardMarkup:
    seen: dict[str, str] = {}
    for node in nodes:
        if node.group.code and node.group.code not in seen:
            seen[node.group.code] = node.group.name
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    f"{name} ({code})"[:64], callback_data=RegionView(code, day).pack()
                )
            ]
            for code, name in seen.items()
        ]
    )


async def view_region(update: Update, context: BotContext) -> None:
    """Shows the summary of the region tapped, if this group may see it now."""
    query = update.callback_query
    group, t = await chat_group(update, context)
    if not in_group(update) or group is None:
        await answer_query(query, t.gettext("Tombol ini sudah tidak berlaku."))
        return
    view = parse_as(RegionView, query.data)
    assert view is not None  # the handler's pattern
    await answer_query(query)
    await _show_regions(update, context, t, group, view.code, view.day)


def _names(lookup: Lookup) -> str:
    catalog = region_catalog()
    return ", ".join(catalog.label(region) for region in lookup.regions[:3])


def _bad_argument_text(t: Translator, argument: str, group: GroupSettings) -> str:
    _ = t.gettext
    if not group.has_groups_below:
        return _bad_date_text(t, argument)
    unknown = _(
        "«{argument}» bukan tanggal atau wilayah yang dikenal. Gunakan tanggal "
        "(27-11-2024, 27 November 2024, kemarin) atau kode/nama wilayah di bawah grup ini."
    ).format(argument=escape(shorten(argument)))
    example = _("Contoh: <code>{example}</code> atau <code>{region}</code>").format(
        example=EXAMPLE, region=EXAMPLE_REGION
    )
    return unknown + "\n" + example


def _bad_date_text(t: Translator, argument: str) -> str:
    _ = t.gettext
    return (
        _(
            "Tanggal «{date}» tidak dikenali. Gunakan bentuk 2024-11-27, "
            "27-11-2024, 27/11/2024, 27 November 2024, atau kemarin."
        ).format(date=escape(shorten(argument)))
        + "\n"
        + _("Contoh: <code>{example}</code>").format(example=EXAMPLE)
    )


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
    status = await day_status(group, today, context.runtime.forms)
    if status.day_off is not None:
        await reply(update, day_off_notice(t, status.day_off, group.time_zone))
        return
    if not status.has_liaisons:
        await reply(update, nobody)
        return
    if not status.day.reports_expected:
        await reply(update, no_report_expected_text(t, group, today))
        return
    text = not_reported_text(
        t, group, today, status.missing_agencies, status.missing_liaisons, status.on_leave
    )
    for part in split_message(text):
        await reply(update, part)


def handlers() -> list[BaseHandler]:
    return [CallbackQueryHandler(view_region, pattern=RegionView.matches)]
