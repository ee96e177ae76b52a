"""/induk and /lepas: a group asks to join the group above, which answers; either side ends it.

The request appears in the upper group with Terima and Tolak for its admins;
the outcome is told in both groups. Either group's admins end a link at once
with /lepas (a request still waiting is withdrawn the same way). What a link
lets the upper group see is ``bot.services.regional``'s business.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import TelegramError
from telegram.ext import BaseHandler, CallbackQueryHandler

from bot.context import BotContext
from bot.domain.links import GroupRef, LinkRefusal, wanted_above
from bot.domain.regions import RegionLevel, region_catalog
from bot.domain.regions.catalog import normalise_name
from bot.domain.user_input import clean_line, command_argument
from bot.services import links
from bot.services.groups import GroupSettings, find_group
from bot.services.links import LinkRecord, LinkRefused
from bot.texts.html import escape
from bot.texts.i18n import Translator
from bot.texts.regions import EXAMPLE_CODE, group_name, level_word, lookup_problem_text
from bot.transport import delivery
from bot.transport.callback_data import LinkDecision, LinkEnd, UpperChoice, parse_as
from bot.transport.errors import TelegramFault, classify
from handlers.access import admin_command, tapped_by_group_admin
from handlers.regions import NATIONAL_WORD
from handlers.registration import display_name
from handlers.replies import answer_query, group_translator, reply

log = logging.getLogger(__name__)

EXAMPLE_UPPER = "/induk 64"
EXAMPLE_END = "/lepas 64.08"
MAX_LINK_BUTTONS = 20  # a chooser longer than a phone screen helps nobody


def _ref_of(group: GroupSettings) -> GroupRef:
    return GroupRef(
        group.chat_id, group.region_name or group.title, group.region_code, group.region_level
    )


# -- /induk ---------------------------------------------------------------------------


@admin_command
async def ask_to_join(
    update: Update, context: BotContext, t: Translator, group: GroupSettings | None
) -> None:
    """Lists the groups this one may join, or asks the one named to accept it."""
    _ = t.gettext
    me = _ref_of(group) if group else None
    wanted = wanted_above(me) if me else None
    if group is None or me is None or group.region_level is None:
        await reply(update, _refusal_text(t, LinkRefusal.NO_REGION, None))
        return
    if group.region_level is RegionLevel.NASIONAL:
        await reply(update, _refusal_text(t, LinkRefusal.TOP_LEVEL, None))
        return
    if wanted is None:
        await reply(update, _refusal_text(t, LinkRefusal.NO_REGION, None))
        return
    current = await links.link_up(group.chat_id)
    if current is not None:
        reason = LinkRefusal.ALREADY_LINKED if current.approved else LinkRefusal.ALREADY_REQUESTED
        await reply(update, _refusal_text(t, reason, current.upper))
        return
    level, code = wanted
    argument = clean_line(command_argument(update.effective_message.text))
    if argument and not await _names_wanted(update, t, me, argument, level, code):
        return
    candidates = await links.candidates_above(group.chat_id)
    if not candidates:
        await reply(update, _none_above_text(t, level, code))
        return
    if argument and len(candidates) == 1:
        await _file_request(update, context, t, candidates[0].chat_id)
        return
    await reply(
        update,
        _("Pilih grup {level} yang akan diminta menerima grup ini:").format(
            level=level_word(t, level)
        ),
        InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton(
                        f"{candidate.name} ({candidate.code})"[:64]
                        if candidate.code
                        else candidate.name[:64],
                        callback_data=UpperChoice(candidate.chat_id).pack(),
                    )
                ]
                for candidate in candidates
            ]
        ),
    )


async def _names_wanted(
    update: Update,
    t: Translator,
    me: GroupRef,
    argument: str,
    level: RegionLevel,
    code: str | None,
) -> bool:
    """True when ``argument`` names the region right above; otherwise says why not."""
    _ = t.gettext
    if code is None:  # a province's upper group is national
        if argument.casefold() == NATIONAL_WORD:
            return True
        await reply(
            update,
            _(
                "Grup provinsi bergabung dengan grup tingkat nasional: ketik <code>/induk "
                "nasional</code> atau <code>/induk</code> untuk memilih."
            ),
        )
        return False
    catalog = region_catalog()
    lookup = catalog.look_up(argument)
    if lookup.problem is not None:
        await reply(update, lookup_problem_text(t, lookup, EXAMPLE_UPPER))
        return False
    if any(region.code == code for region in lookup.regions):
        return True
    upper = catalog.get(code)
    named = lookup.regions[0]
    await reply(
        update,
        _(
            "{named} ({named_code}) bukan wilayah tepat di atas {me}. Grup ini hanya dapat "
            "bergabung dengan grup {upper} ({code})."
        ).format(
            named=escape(catalog.label(named)),
            named_code=named.code,
            me=escape(me.name),
            upper=escape(upper.official_name if upper else code),
            code=code,
        )
        + "\n"
        + _("Contoh: <code>/induk {code}</code>").format(code=code),
    )
    return False


async def choose_upper(update: Update, context: BotContext) -> None:
    """Files the request to the group an admin picked from the /induk list."""
    query = update.callback_query
    t = await group_translator(update, context)
    _ = t.gettext
    if not await tapped_by_group_admin(
        update, context, t, _("Hanya admin grup yang dapat mengajukan permintaan bergabung.")
    ):
        return
    choice = parse_as(UpperChoice, query.data)
    assert choice is not None  # the handler's pattern
    await answer_query(query)
    if query.message is not None and query.message.reply_markup is not None:
        await query.edit_message_reply_markup(None)  # the list is used up
    await _file_request(update, context, t, choice.chat_id)


async def _file_request(
    update: Update, context: BotContext, t: Translator, upper_chat_id: int
) -> None:
    _ = t.gettext
    chat, user = update.effective_chat, update.effective_user
    try:
        record = await links.request_link(chat.id, upper_chat_id, user.id if user else 0)
    except LinkRefused as refused:
        await reply(update, _refusal_text(t, refused.reason, refused.other))
        return
    upper_t = context.translator(await _locale_of(upper_chat_id))
    admin = escape(display_name(user)) if user else ""
    text, markup = _request_text(upper_t, record, admin), _decision_keyboard(upper_t, record.id)
    try:
        sent = await delivery.send(context.bot, upper_chat_id, text, markup)
    except TelegramError as error:
        await links.withdraw_request(record.id)
        if classify(error) is TelegramFault.CHAT_GONE:
            await delivery.chat_gone(upper_chat_id, error)
            await reply(update, _refusal_text(t, LinkRefusal.UPPER_GONE, record.upper))
        else:
            log.warning("Could not deliver link request %s: %s", record.id, error)
            await reply(
                update,
                _("Permintaan ke {upper} tidak dapat dikirim saat ini. Coba lagi nanti.").format(
                    upper=group_name(record.upper)
                ),
            )
        return
    await links.remember_request_message(record.id, sent.message_id)
    await reply(
        update,
        _(
            "📨 Permintaan bergabung ke {upper} sudah dikirim. Menunggu jawaban admin grup "
            "tersebut. Batalkan dengan /lepas."
        ).format(upper=group_name(record.upper)),
    )


def _request_text(t: Translator, record: LinkRecord, admin: str) -> str:
    """The request as the upper group reads it."""
    _ = t.gettext
    return _(
        "📨 <b>Permintaan bergabung</b>\n{lower} meminta bergabung di bawah grup ini "
        "(diajukan oleh {admin}).\nJika diterima, grup ini dapat melihat laporan harian "
        "{lower} dan grup di bawahnya. Admin grup, silakan terima atau tolak."
    ).format(lower=group_name(record.lower), admin=admin)


def _decision_keyboard(t: Translator, link_id: int) -> InlineKeyboardMarkup:
    _ = t.gettext
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    _("Terima"), callback_data=LinkDecision(link_id, accept=True).pack()
                ),
                InlineKeyboardButton(
                    _("Tolak"), callback_data=LinkDecision(link_id, accept=False).pack()
                ),
            ]
        ]
    )


async def _locale_of(chat_id: int) -> str | None:
    group = await find_group(chat_id)
    return group.locale if group else None


def _none_above_text(t: Translator, level: RegionLevel, code: str | None) -> str:
    _ = t.gettext
    if code is None:
        return _(
            "Belum ada grup tingkat nasional yang terdaftar. Grup itu perlu menambahkan bot "
            "dan mengetik <code>/wilayah nasional</code>."
        )
    region = region_catalog().get(code)
    return _(
        "Belum ada grup terdaftar untuk {region} ({code}). Admin grup itu perlu menambahkan "
        "bot dan mengetik <code>/wilayah {code}</code>, lalu ketik /induk lagi di sini."
    ).format(region=escape(region.official_name if region else code), code=code)


def _refusal_text(t: Translator, reason: LinkRefusal, other: GroupRef | None) -> str:
    _ = t.gettext
    name = group_name(other) if other is not None else ""
    texts = {
        LinkRefusal.NO_REGION: _(
            "Atur dulu wilayah grup ini dengan kode resmi Kemendagri, contoh: <code>{example}"
            "</code>. Setelah itu ketik /induk."
        ),
        LinkRefusal.TOP_LEVEL: _("Grup tingkat nasional tidak memiliki grup di atasnya."),
        LinkRefusal.SELF: _("Grup tidak dapat bergabung dengan dirinya sendiri."),
        LinkRefusal.CYCLE: _(
            "{other} berada di bawah grup ini, sehingga tidak dapat menjadi grup induknya."
        ),
        LinkRefusal.WRONG_LEVEL: _("{other} bukan grup satu tingkat di atas grup ini."),
        LinkRefusal.OUTSIDE: _("Wilayah grup ini tidak berada di dalam wilayah {other}."),
        LinkRefusal.UPPER_GONE: _(
            "Bot tidak lagi ada di grup {other}, sehingga permintaan tidak dapat dikirim."
        ),
        LinkRefusal.ALREADY_LINKED: _(
            "Grup ini sudah berada di bawah {other}. Sebuah grup hanya dapat memiliki satu grup "
            "induk; putuskan dulu dengan /lepas bila ingin pindah."
        ),
        LinkRefusal.ALREADY_REQUESTED: _(
            "Permintaan bergabung ke {other} masih menunggu jawaban admin grup tersebut. "
            "Batalkan dengan /lepas bila ingin mengajukan ke grup lain."
        ),
    }
    return texts[reason].format(other=name, example=EXAMPLE_CODE)


# -- Terima / Tolak --------------------------------------------------------------------


async def decide_request(update: Update, context: BotContext) -> None:
    """Accepts or rejects a request to join this group; only its admins may."""
    query = update.callback_query
    t = await group_translator(update, context)
    _ = t.gettext
    if not await tapped_by_group_admin(
        update,
        context,
        t,
        _("Hanya admin grup yang dapat menerima atau menolak permintaan bergabung."),
    ):
        return
    decision = parse_as(LinkDecision, query.data)
    assert decision is not None  # the handler's pattern
    chat_id = update.effective_chat.id
    record = await links.decide(decision.link_id, chat_id, decision.accept, query.from_user.id)
    if record is None:
        await answer_query(query, _("Permintaan ini sudah dijawab atau dibatalkan."))
        if query.message.reply_markup is not None:
            await query.edit_message_reply_markup(None)
        return
    await answer_query(query)
    admin = escape(display_name(query.from_user))
    if record.approved:
        here = _(
            "✅ {lower} sekarang berada di bawah grup ini (diterima oleh {admin}). "
            "Laporannya tampil di Rekap wilayah pada /ringkasan."
        )
    else:
        here = _("❌ Permintaan bergabung dari {lower} ditolak oleh {admin}.")
    await query.edit_message_text(here.format(lower=group_name(record.lower), admin=admin))
    await _tell(context, record.lower, _outcome_below(record))


def _outcome_below(record: LinkRecord) -> Callable[[Translator], str]:
    def text(t: Translator) -> str:
        _ = t.gettext
        if record.approved:
            return _(
                "✅ Permintaan diterima: grup ini sekarang berada di bawah {upper}. Grup tersebut "
                "dapat melihat laporan harian grup ini dan grup di bawahnya. Putuskan kapan saja "
                "dengan /lepas."
            ).format(upper=group_name(record.upper))
        return _("❌ Permintaan bergabung ke {upper} ditolak oleh admin grup tersebut.").format(
            upper=group_name(record.upper)
        )

    return text


async def _tell(context: BotContext, group: GroupRef, text: Callable[[Translator], str]) -> None:
    """Tells the other group of a link what happened; a group the bot left goes quiet."""
    t = context.translator(await _locale_of(group.chat_id))
    try:
        await delivery.send(context.bot, group.chat_id, text(t))
    except TelegramError as error:
        if classify(error) is TelegramFault.CHAT_GONE:
            await delivery.chat_gone(group.chat_id, error)
        else:
            log.warning("Could not tell %s about a link: %s", group.chat_id, error)


# -- /lepas ----------------------------------------------------------------------------


@admin_command
async def end_link(
    update: Update, context: BotContext, t: Translator, group: GroupSettings | None
) -> None:
    """Ends this group's link (the one named, or the only one), or offers its links as buttons."""
    _ = t.gettext
    chat = update.effective_chat
    up = await links.link_up(chat.id)
    down = await links.links_down(chat.id)
    every = ([up] if up else []) + down
    if not every:
        await reply(update, _("Grup ini tidak terhubung dengan grup lain."))
        return
    argument = clean_line(command_argument(update.effective_message.text))
    if argument:
        named = _links_named(argument, chat.id, every)
        if named is None:
            await reply(
                update,
                _(
                    "Grup ini tidak terhubung dengan «{name}». Ketik /lepas tanpa keterangan "
                    "untuk melihat hubungan grup ini."
                ).format(name=escape(argument[:40])),
            )
            return
        every = named
    if len(every) == 1:
        await _end(update, context, t, every[0].id, chooser=None)
        return
    if len(every) > MAX_LINK_BUTTONS:  # a province with dozens below: name the one to end
        await reply(
            update,
            _(
                "Grup ini terhubung dengan {count} grup. Sebutkan yang akan diputus dengan kode "
                "atau namanya, contoh: <code>{example}</code>"
            ).format(count=t.number(len(every)), example=EXAMPLE_END),
        )
        return
    await reply(
        update,
        _("Pilih hubungan yang akan diputus:"),
        InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton(
                        _link_label(t, link, chat.id)[:64],
                        callback_data=LinkEnd(link.id).pack(),
                    )
                ]
                for link in every
            ]
        ),
    )


def _links_named(argument: str, chat_id: int, every: list[LinkRecord]) -> list[LinkRecord] | None:
    """The links whose other group the argument names by code, name or "nasional"."""
    wanted = normalise_name(argument)
    lookup = region_catalog().look_up(argument)
    codes = {region.code for region in lookup.regions}
    found = []
    for link in every:
        other = link.upper if link.lower.chat_id == chat_id else link.lower
        if (
            (other.code is not None and other.code in codes)
            or normalise_name(other.name) == wanted
            or (other.level is RegionLevel.NASIONAL and wanted == NATIONAL_WORD)
        ):
            found.append(link)
    return found or None


def _link_label(t: Translator, link: LinkRecord, chat_id: int) -> str:
    _ = t.gettext
    if link.lower.chat_id == chat_id:
        if link.requested:
            return _("Batalkan permintaan ke {name}").format(name=link.upper.name)
        return _("Grup induk: {name}").format(name=link.upper.name)
    return _("Di bawah: {name}").format(name=link.lower.name)


async def choose_link_to_end(update: Update, context: BotContext) -> None:
    """Ends the link an admin picked on the /lepas chooser."""
    query = update.callback_query
    t = await group_translator(update, context)
    _ = t.gettext
    if not await tapped_by_group_admin(
        update, context, t, _("Hanya admin grup yang dapat memutus hubungan antargrup.")
    ):
        return
    choice = parse_as(LinkEnd, query.data)
    assert choice is not None  # the handler's pattern
    await _end(update, context, t, choice.link_id, chooser=query)


async def _end(
    update: Update,
    context: BotContext,
    t: Translator,
    link_id: int,
    chooser: CallbackQuery | None,
) -> None:
    _ = t.gettext
    chat = update.effective_chat
    admin = update.effective_user
    record = await links.end_link(link_id, chat.id, admin.id if admin else 0)
    if record is None:
        if chooser is not None:
            await answer_query(chooser, _("Hubungan itu sudah diputus."))
        else:
            await reply(update, _("Hubungan itu sudah diputus."))
        return
    ours_is_lower = record.lower.chat_id == chat.id
    other = record.upper if ours_is_lower else record.lower
    withdrawn = record.requested
    if withdrawn:
        here = _("Permintaan bergabung ke {other} dibatalkan.").format(other=group_name(other))
    elif ours_is_lower:
        here = _(
            "🔌 Grup ini tidak lagi berada di bawah {other}. Grup tersebut tidak lagi dapat "
            "melihat laporan grup ini."
        ).format(other=group_name(other))
    else:
        here = _(
            "🔌 {other} tidak lagi berada di bawah grup ini. Laporannya tidak lagi tampil di sini."
        ).format(other=group_name(other))
    if chooser is not None:
        await answer_query(chooser)
        await chooser.edit_message_text(here)
    else:
        await reply(update, here)
    if withdrawn:
        await _drop_request(context, record)
        return
    name = escape(display_name(admin)) if admin else ""
    here_group = record.lower if ours_is_lower else record.upper

    def there(t: Translator) -> str:
        _ = t.gettext
        if ours_is_lower:
            return _(
                "🔌 {lower} memutus hubungan dengan grup ini (oleh {admin}). Laporannya tidak "
                "lagi tampil di sini."
            ).format(lower=group_name(here_group), admin=name)
        return _(
            "🔌 {upper} memutus hubungan dengan grup ini (oleh {admin}). Grup tersebut tidak "
            "lagi dapat melihat laporan grup ini."
        ).format(upper=group_name(here_group), admin=name)

    await _tell(context, other, there)


async def _drop_request(context: BotContext, record: LinkRecord) -> None:
    """The upper group's request message loses its buttons and says the request was withdrawn."""
    if record.request_message_id is None:
        return
    t = context.translator(await _locale_of(record.upper.chat_id))
    text = t.gettext("Permintaan bergabung dari {lower} dibatalkan oleh grup tersebut.").format(
        lower=group_name(record.lower)
    )
    try:
        await context.bot.edit_message_text(text, record.upper.chat_id, record.request_message_id)
    except TelegramError as error:
        log.info("Could not update request message %s: %s", record.request_message_id, error)


def handlers() -> list[BaseHandler]:
    return [
        CallbackQueryHandler(choose_upper, pattern=UpperChoice.matches),
        CallbackQueryHandler(decide_request, pattern=LinkDecision.matches),
        CallbackQueryHandler(choose_link_to_end, pattern=LinkEnd.matches),
    ]
