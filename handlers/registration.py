"""Liaison registration: /daftar, admin approval, /penghubung, /keluar, /hapus_penghubung.

While a liaison of the agency asked for is on leave, the approval card also
offers "Setujui sebagai pengganti": the person then serves as a stand-in
until that leave's last day, and no longer (``bot.services.liaisons``).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TypeVar

from telegram import (
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    Update,
    User,
)
from telegram.error import BadRequest
from telegram.ext import BaseHandler, CallbackQueryHandler

from bot.context import BotContext
from bot.domain.agencies import Agency, agency_with_unit, registration_of
from bot.domain.countdown import local_today
from bot.domain.user_input import clean_line, command_argument
from bot.domain.zones import INDONESIAN_ZONES
from bot.services import leaves, liaisons
from bot.services.groups import GroupSettings, find_group
from bot.services.leaves import LeaveRecord
from bot.services.liaisons import LiaisonRecord
from bot.texts.html import escape, mention, shorten
from bot.texts.i18n import Translator
from bot.transport.callback_data import (
    AgencyChoice,
    LiaisonRemoval,
    RegistrationDecision,
    StandInDecision,
    parse_as,
)
from handlers.access import (
    admin_command,
    group_command,
    in_group,
    is_group_admin,
    tapped_by_group_admin,
)
from handlers.replies import answer_query, group_translator, reply

log = logging.getLogger(__name__)
T = TypeVar("T")

EXAMPLE = "/daftar Polri Polres Kutai Timur"
DEFAULT_ZONE = INDONESIAN_ZONES["WIB"]  # a group not registered yet


def display_name(user: User) -> str:
    return clean_line(user.full_name) or (user.username or str(user.id))


def agency_unit(record: LiaisonRecord) -> str:
    """The record's agency and unit, escaped for HTML."""
    return escape(agency_with_unit(record.agency, record.unit_name))


AGENCIES_PER_ROW = 4  # short names: four fit a phone's width


def agency_keyboard(
    user_id: int, agencies: Sequence[Agency] = tuple(Agency)
) -> InlineKeyboardMarkup:
    """Every agency as a button, four to a row, for the person who typed /daftar."""
    buttons = [
        InlineKeyboardButton(a.label, callback_data=AgencyChoice(user_id, a).pack())
        for a in agencies
    ]
    return InlineKeyboardMarkup(rows_of(buttons, AGENCIES_PER_ROW))


def rows_of(items: Sequence[T], width: int) -> list[list[T]]:
    """``items`` in rows of ``width``, the last row shorter when they do not divide evenly."""
    return [list(items[start : start + width]) for start in range(0, len(items), width)]


def decision_keyboard(
    t: Translator, liaison_id: int, leave: LeaveRecord | None = None
) -> InlineKeyboardMarkup:
    """Setujui and Tolak; with ``leave``, also the approval as a stand-in for it."""
    _ = t.gettext
    rows = [
        [
            InlineKeyboardButton(
                _("Setujui"),
                callback_data=RegistrationDecision(liaison_id, approve=True).pack(),
            ),
            InlineKeyboardButton(
                _("Tolak"), callback_data=RegistrationDecision(liaison_id, approve=False).pack()
            ),
        ]
    ]
    if leave is not None:
        rows.insert(
            1,
            [
                InlineKeyboardButton(
                    _("Setujui sebagai pengganti sampai {date}").format(
                        date=t.full_date(leave.last_day)
                    ),
                    callback_data=StandInDecision(liaison_id, leave.id).pack(),
                )
            ],
        )
    return InlineKeyboardMarkup(rows)


async def _leave_to_cover(chat_id: int, agency: Agency, user_id: int, today) -> LeaveRecord | None:
    """The leave a request for ``agency`` could stand in for: the latest-ending one of its
    liaisons away today (not the requester's own)."""
    away = await leaves.leaves_on(chat_id, today)
    agency_leaves = [
        away[record.user_id]
        for record in await liaisons.approved_liaisons(chat_id, on=today)
        if record.agency is agency and record.user_id in away and record.user_id != user_id
    ]
    return max(agency_leaves, key=lambda leave: leave.last_day, default=None)


@group_command
async def register(
    update: Update, context: BotContext, t: Translator, group: GroupSettings | None
) -> None:
    """Registers the caller as a liaison, or shows the agency buttons."""
    _ = t.gettext
    user = update.effective_user
    if user is None or update.effective_message.sender_chat is not None:
        await reply(
            update,
            _(
                "Pendaftaran penghubung harus dilakukan dengan akun pribadi, "
                "bukan atas nama grup atau kanal."
            ),
        )
        return
    argument = clean_line(command_argument(update.effective_message.text))
    if not argument:
        await reply(
            update,
            _("{name}, pilih instansi Anda:").format(name=escape(display_name(user))),
            agency_keyboard(user.id),
        )
        return
    registration = registration_of(argument)  # clean_line left single spaces only
    if registration is None:
        first = argument.partition(" ")[0]
        await reply(
            update,
            _("Instansi «{agency}» tidak dikenal. Pilih salah satu: {choices}.").format(
                agency=escape(shorten(first)), choices=", ".join(a.label for a in Agency)
            )
            + "\n"
            + _("Contoh: <code>{example}</code>").format(example=EXAMPLE),
        )
        return
    agency, unit_name = registration
    if len(unit_name) > liaisons.UNIT_NAME_MAX_LENGTH:
        await reply(
            update,
            _("Nama satuan terlalu panjang ({length} karakter, maksimal {limit}).").format(
                length=t.number(len(unit_name)), limit=liaisons.UNIT_NAME_MAX_LENGTH
            )
            + "\n"
            + _("Contoh: <code>{example}</code>").format(example=EXAMPLE),
        )
        return
    await _file_request(update, context, t, user, agency, unit_name, keyboard_message=None)


async def choose_agency(update: Update, context: BotContext) -> None:
    """Takes the agency tapped on the /daftar keyboard, for the person who asked only."""
    query = update.callback_query
    t = await group_translator(update, context)
    _ = t.gettext
    if not in_group(update):  # a keyboard only the group gets, tapped elsewhere: forged
        await answer_query(query, _("Tombol ini sudah tidak berlaku."))
        return
    tapped = parse_as(AgencyChoice, query.data)
    if tapped is None:  # no data at all: PTB hands such a tap to the first handler
        await answer_query(query, _("Tombol ini sudah tidak berlaku."))
        return
    if tapped.user_id != query.from_user.id:
        await answer_query(
            query,
            _(
                "Tombol ini untuk orang yang mengetik /daftar. Ketik /daftar "
                "sendiri untuk mendaftar."
            ),
            show_alert=True,
        )
        return
    await _file_request(
        update,
        context,
        t,
        query.from_user,
        tapped.agency,
        tapped.agency.label,
        keyboard_message=query,
    )


async def _file_request(
    update: Update,
    context: BotContext,
    t: Translator,
    user: User,
    agency: Agency,
    unit_name: str,
    keyboard_message: CallbackQuery | None,
) -> None:
    _ = t.gettext
    chat = update.effective_chat
    existing = await liaisons.liaison_in_group(chat.id, user.id)
    if keyboard_message is not None:
        if existing and existing.request_message_id == keyboard_message.message.message_id:
            # This keyboard already became a request (a double tap, or a late
            # one): filing again would overwrite the request or its outcome.
            await answer_query(keyboard_message, _("Tombol ini sudah tidak berlaku."))
            return
        await answer_query(keyboard_message)
    if (
        existing
        and existing.approved
        and (existing.agency, existing.unit_name) == (agency, unit_name)
    ):
        text = _("{name} sudah terdaftar sebagai penghubung {agency}.").format(
            name=escape(display_name(user)), agency=agency_unit(existing)
        )
        await _show(update, keyboard_message, text)
        return
    is_admin = await is_group_admin(update, context)
    record = await liaisons.request_registration(
        chat.id,
        chat.title or "",
        user.id,
        display_name(user),
        user.username,
        agency,
        unit_name,
        approved=is_admin,
        now=context.runtime.clock(),
    )
    # A pending request this one replaces: its buttons must go (see liaisons.decide).
    replaced = existing.request_message_id if existing and existing.pending else None
    if is_admin:
        sent = await _show(
            update,
            keyboard_message,
            _("✅ {name} terdaftar sebagai penghubung {agency}.").format(
                name=mention(user.id, record.name), agency=agency_unit(record)
            ),
        )
    else:
        text = _(
            "📝 Permintaan pendaftaran penghubung\n{name} — {agency}\n"
            "Admin grup, silakan setujui atau tolak."
        ).format(name=mention(user.id, record.name), agency=agency_unit(record))
        group = await find_group(chat.id)
        today = local_today(context.runtime.clock(), group.time_zone if group else DEFAULT_ZONE)
        leave = await _leave_to_cover(chat.id, agency, user.id, today)
        if leave is not None:
            text += "\n" + _(
                "Penghubung {agency} lain sedang cuti sampai {date}: admin dapat menyetujuinya "
                "sebagai pengganti sampai tanggal itu."
            ).format(agency=agency.label, date=t.full_date(leave.last_day))
        sent = await _show(update, keyboard_message, text, decision_keyboard(t, record.id, leave))
    if isinstance(sent, Message):
        await liaisons.remember_request_message(record.id, sent.message_id)
    if replaced is not None:
        await _drop_buttons(context, chat.id, replaced)


async def _show(
    update: Update,
    keyboard_message: CallbackQuery | None,
    text: str,
    markup: InlineKeyboardMarkup | None = None,
) -> Message | bool:
    if keyboard_message is not None:
        return await keyboard_message.edit_message_text(text, reply_markup=markup)
    return await reply(update, text, markup)


async def _drop_buttons(context: BotContext, chat_id: int, message_id: int) -> None:
    """Removes an old request's buttons; a message deleted or too old to edit is no loss."""
    try:
        await context.bot.edit_message_reply_markup(chat_id, message_id, reply_markup=None)
    except BadRequest as error:
        log.info("Could not remove the buttons of request message %s: %s", message_id, error)


async def decide_request(update: Update, context: BotContext) -> None:
    """Approves or rejects a registration; only the group's admins may."""
    query = update.callback_query
    t = await group_translator(update, context)
    _ = t.gettext
    if not await tapped_by_group_admin(
        update, context, t, _("Hanya admin grup yang dapat menyetujui atau menolak pendaftaran.")
    ):
        return
    decision = parse_as(RegistrationDecision, query.data)
    assert decision is not None  # the handler's pattern
    chat_id = update.effective_chat.id
    record = await liaisons.decide(
        decision.liaison_id,
        chat_id,
        decision.approve,
        query.from_user.id,
        message_id=query.message.message_id,
    )
    if record is None:
        still = await liaisons.find_liaison(decision.liaison_id)
        if still and still.chat_id == chat_id and still.pending:
            await answer_query(
                query, _("Permintaan ini sudah diganti dengan permintaan yang lebih baru.")
            )
        else:
            await answer_query(query, _("Permintaan ini sudah diputuskan sebelumnya."))
        if query.message.reply_markup is not None:
            await _drop_buttons(context, chat_id, query.message.message_id)
        return
    await answer_query(query)
    values = {
        "name": mention(record.user_id, record.name),
        "agency": agency_unit(record),
        "admin": escape(display_name(query.from_user)),
    }
    if record.approved:
        outcome = _("✅ {name} disetujui sebagai penghubung {agency} oleh {admin}.")
    else:
        outcome = _("❌ Pendaftaran {name} sebagai penghubung {agency} ditolak oleh {admin}.")
    await query.edit_message_text(outcome.format(**values))


async def decide_stand_in(update: Update, context: BotContext) -> None:
    """Approves a request as a stand-in for a liaison's leave; only the group's admins may."""
    query = update.callback_query
    t = await group_translator(update, context)
    _ = t.gettext
    if not await tapped_by_group_admin(
        update, context, t, _("Hanya admin grup yang dapat menyetujui atau menolak pendaftaran.")
    ):
        return
    decision = parse_as(StandInDecision, query.data)
    assert decision is not None  # the handler's pattern
    chat_id = update.effective_chat.id
    group = await find_group(chat_id)
    leave = await leaves.find_leave(decision.leave_id)
    today = local_today(context.runtime.clock(), group.time_zone if group else DEFAULT_ZONE)
    if leave is None or leave.chat_id != chat_id or not leave.covers(today):
        await answer_query(
            query, _("Cuti itu sudah berakhir: setujui sebagai penghubung biasa, atau tolak.")
        )
        return
    record = await liaisons.approve_stand_in(
        decision.liaison_id, chat_id, leave, query.from_user.id, query.message.message_id
    )
    if record is None:
        await answer_query(query, _("Permintaan ini sudah diputuskan sebelumnya."))
        if query.message.reply_markup is not None:
            await _drop_buttons(context, chat_id, query.message.message_id)
        return
    await answer_query(query)
    await query.edit_message_text(
        _(
            "✅ {name} disetujui sebagai pengganti penghubung {agency} sampai {date} oleh {admin}."
        ).format(
            name=mention(record.user_id, record.name),
            agency=agency_unit(record),
            date=t.full_date(leave.last_day),
            admin=escape(display_name(query.from_user)),
        )
    )


@group_command
async def list_liaisons(
    update: Update, context: BotContext, t: Translator, group: GroupSettings | None
) -> None:
    """Lists the group's approved liaisons per agency, with their leave or stand-in period."""
    _ = t.gettext
    chat_id = update.effective_chat.id
    today = local_today(context.runtime.clock(), group.time_zone if group else DEFAULT_ZONE)
    records = await liaisons.approved_liaisons(chat_id, on=today)
    away = await leaves.leaves_on(chat_id, today)
    if not records:
        await reply(
            update,
            _("Belum ada penghubung yang disetujui. Daftar dengan <code>{example}</code>.").format(
                example=EXAMPLE
            ),
        )
        return
    lines = [_("<b>Penghubung terdaftar</b>")]
    for agency in Agency:
        members = [r for r in records if r.agency is agency]
        if members:
            lines.append(f"\n<b>{agency.label}</b>")
            lines += [
                f"• {escape(r.name)}"
                + (f" ({escape(r.unit_name)})" if r.unit_name != agency.label else "")
                + _period(t, r, away)
                for r in members
            ]
    await reply(update, "\n".join(lines))


def _period(t: Translator, record: LiaisonRecord, away: dict[int, LeaveRecord]) -> str:
    """ " — cuti sampai …" or " — pengganti sampai …", when either applies."""
    _ = t.gettext
    if record.user_id in away:
        return " — " + _("cuti sampai {date}").format(
            date=t.full_date(away[record.user_id].last_day)
        )
    if record.stand_in_until is not None:
        return " — " + _("pengganti sampai {date}").format(date=t.full_date(record.stand_in_until))
    return ""


@group_command
async def leave(
    update: Update, context: BotContext, t: Translator, group: GroupSettings | None
) -> None:
    """Removes the caller's own registration in this group."""
    _ = t.gettext
    user = update.effective_user
    record = await liaisons.remove_liaison(update.effective_chat.id, user.id) if user else None
    if record is None:
        await reply(update, _("Anda belum terdaftar sebagai penghubung di grup ini."))
        return
    await reply(
        update,
        _("{name} tidak lagi menjadi penghubung {agency}.").format(
            name=escape(record.name), agency=agency_unit(record)
        ),
    )


@admin_command
async def remove_liaison(
    update: Update, context: BotContext, t: Translator, group: GroupSettings | None
) -> None:
    """Lets an admin remove a liaison: the one replied to, or one chosen from buttons."""
    _ = t.gettext
    chat = update.effective_chat
    target = update.effective_message.reply_to_message
    if target is not None and target.from_user is not None:
        record = await liaisons.remove_liaison(chat.id, target.from_user.id)
        if record is None:
            await reply(
                update,
                _("{name} bukan penghubung di grup ini.").format(
                    name=escape(display_name(target.from_user))
                ),
            )
        else:
            await reply(
                update,
                _("{name} tidak lagi menjadi penghubung {agency}.").format(
                    name=escape(record.name), agency=agency_unit(record)
                ),
            )
        return
    records = await liaisons.approved_liaisons(chat.id)
    if not records:
        await reply(update, _("Belum ada penghubung yang disetujui di grup ini."))
        return
    buttons = [
        [
            InlineKeyboardButton(
                f"{r.agency.label} · {r.name}"[:60], callback_data=LiaisonRemoval(r.id).pack()
            )
        ]
        for r in records
    ]
    await reply(
        update,
        _("Pilih penghubung yang akan dihapus (atau balas pesannya dengan /hapus_penghubung):"),
        InlineKeyboardMarkup(buttons),
    )


async def confirm_removal(update: Update, context: BotContext) -> None:
    """Removes the liaison an admin tapped."""
    query = update.callback_query
    t = await group_translator(update, context)
    _ = t.gettext
    if not await tapped_by_group_admin(
        update, context, t, _("Hanya admin grup yang dapat menghapus penghubung.")
    ):
        return
    removal = parse_as(LiaisonRemoval, query.data)
    assert removal is not None  # the handler's pattern
    record = await liaisons.find_liaison(removal.liaison_id)
    chat_id = update.effective_chat.id
    removed = (
        await liaisons.remove_liaison(chat_id, record.user_id)
        if record and record.chat_id == chat_id
        else None
    )
    if removed is None:
        # A second tap, or an old chooser: say so on the button, leave the message be.
        await answer_query(query, _("Penghubung itu sudah tidak terdaftar."))
        return
    await answer_query(query)
    await query.edit_message_text(
        _("{name} tidak lagi menjadi penghubung {agency}.").format(
            name=escape(removed.name), agency=agency_unit(removed)
        )
    )


def handlers() -> list[BaseHandler]:
    return [
        CallbackQueryHandler(choose_agency, pattern=AgencyChoice.matches),
        CallbackQueryHandler(decide_request, pattern=RegistrationDecision.matches),
        CallbackQueryHandler(decide_stand_in, pattern=StandInDecision.matches),
        CallbackQueryHandler(confirm_removal, pattern=LiaisonRemoval.matches),
    ]
