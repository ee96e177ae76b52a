"""/wilayah: the group's official region by Kemendagri code or name; buttons when a name is shared.

A group set up by a free-text name before codes existed keeps it (shown as
it is) until an admin gives a code here.
"""

from __future__ import annotations

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from bot.context import BotContext
from bot.domain.regions import Region, RegionLevel, region_catalog
from bot.domain.user_input import clean_line, command_argument
from bot.services import groups
from bot.services.groups import GroupSettings, RegionLocked
from bot.texts.html import escape
from bot.texts.i18n import Translator
from bot.texts.regions import EXAMPLE_CODE, EXAMPLE_NAME, level_word, lookup_problem_text
from bot.transport.callback_data import RegionChoice, parse_as
from handlers.access import admin_command, tapped_by_group_admin
from handlers.replies import answer_query, group_translator, reply

NATIONAL_WORD = "nasional"
NATIONAL_NAME = "Nasional"  # stored as the region name of a national group given none


def examples(t: Translator) -> str:
    _ = t.gettext
    return _("Contoh: <code>{code}</code> atau <code>{name}</code>").format(
        code=EXAMPLE_CODE, name=EXAMPLE_NAME
    )


@admin_command
async def set_region(
    update: Update, context: BotContext, t: Translator, group: GroupSettings | None
) -> None:
    """Sets the group's region from a code or a name, or offers the regions a name fits."""
    _ = t.gettext
    argument = clean_line(command_argument(update.effective_message.text))
    if not argument:
        await reply(update, _("Kode atau nama wilayah belum diisi.") + "\n" + examples(t))
        return
    if len(argument) > groups.REGION_MAX_LENGTH:
        await reply(
            update,
            _("Nama wilayah terlalu panjang ({length} karakter, maksimal {limit}).").format(
                length=t.number(len(argument)), limit=groups.REGION_MAX_LENGTH
            )
            + "\n"
            + examples(t),
        )
        return
    first, _sep, rest = argument.partition(" ")
    if first.casefold() == NATIONAL_WORD:
        await _store(update, context, t, rest or NATIONAL_NAME, None, RegionLevel.NASIONAL)
        return
    lookup = region_catalog().look_up(argument)
    if lookup.problem is not None:
        await reply(update, lookup_problem_text(t, lookup, EXAMPLE_CODE))
        return
    if len(lookup.regions) == 1:
        region = lookup.regions[0]
        await _store(update, context, t, region.official_name, region.code, region.level)
        return
    await reply(
        update,
        _("Nama «{name}» cocok dengan beberapa wilayah. Pilih wilayah grup ini:").format(
            name=escape(argument)
        ),
        choice_keyboard(lookup.regions),
    )


def choice_keyboard(regions: tuple[Region, ...]) -> InlineKeyboardMarkup:
    catalog = region_catalog()
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    f"{catalog.label(region)} ({region.code})"[:64],
                    callback_data=RegionChoice(region.code).pack(),
                )
            ]
            for region in regions
        ]
    )


async def choose_region(update: Update, context: BotContext) -> None:
    """Sets the region an admin tapped among those a name fitted."""
    query = update.callback_query
    t = await group_translator(update, context)
    _ = t.gettext
    if not await tapped_by_group_admin(
        update, context, t, _("Hanya admin grup yang dapat mengatur wilayah.")
    ):
        return
    choice = parse_as(RegionChoice, query.data)
    assert choice is not None  # the handler's pattern
    region = region_catalog().get(choice.code)
    if region is None:  # forged, or a code a newer edition of the data dropped
        await answer_query(query, _("Tombol ini sudah tidak berlaku."))
        return
    await answer_query(query)
    text = await _stored_text(update, context, t, region.official_name, region.code, region.level)
    await query.edit_message_text(text)


async def _store(
    update: Update,
    context: BotContext,
    t: Translator,
    name: str,
    code: str | None,
    level: RegionLevel,
) -> None:
    await reply(update, await _stored_text(update, context, t, name, code, level))


async def _stored_text(
    update: Update,
    context: BotContext,
    t: Translator,
    name: str,
    code: str | None,
    level: RegionLevel,
) -> str:
    """Stores the region and says what it is now, or why it cannot change."""
    _ = t.gettext
    chat = update.effective_chat
    try:
        group = await groups.set_region(
            chat.id, chat.title or "", name, code=code, level=level, now=context.runtime.clock()
        )
    except RegionLocked:
        return _(
            "Wilayah grup ini tidak dapat diganti selama grup ini terhubung dengan grup lain "
            "atau masih menunggu jawaban permintaan bergabung. Putuskan dulu dengan /lepas."
        )
    values = {"region": escape(group.region_name or name), "level": level_word(t, level)}
    if code is None:
        text = _("Wilayah grup ini sekarang: <b>{region}</b> (tingkat {level}).").format(**values)
    else:
        text = _("Wilayah grup ini sekarang: <b>{region}</b> (kode {code}, tingkat {level}).")
        text = text.format(code=code, **values)
    if level is not RegionLevel.NASIONAL:
        text += "\n" + _("Untuk bergabung dengan grup di atasnya, ketik /induk.")
    return text


def handlers() -> list[BaseHandler]:
    return [CallbackQueryHandler(choose_region, pattern=RegionChoice.matches)]
