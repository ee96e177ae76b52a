"""Opening an incident report: /kejadian in a group (a deep link) or in a private chat.

Approved liaisons and the group's admins may report. The report itself is
written in the private chat (``handlers.incident_form``); the group sees the
incident the moment it is sent.
"""

from __future__ import annotations

from telegram import Chat, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from bot.context import BotContext
from bot.domain.incidents import Reporter
from bot.domain.incidents import engine as incident_engine
from bot.services import incident_drafts, liaisons
from bot.services.groups import GroupSettings, find_group
from bot.texts.html import escape
from bot.texts.i18n import Translator
from bot.texts.incidents import when_text
from bot.transport.callback_data import IncidentGroupChoice, parse_as
from bot.transport.deep_links import chat_id_from_incident_payload, incident_url
from handlers.access import registered_group_command
from handlers.incident_form import may_report, send_step
from handlers.replies import answer_query, reply


@registered_group_command
async def report_incident_from_group(
    update: Update, context: BotContext, t: Translator, group: GroupSettings
) -> None:
    """Answers /kejadian in a group with a button that opens the report in a private chat."""
    _ = t.gettext
    message, user = update.effective_message, update.effective_user
    if message.sender_chat is not None or user is None:
        await reply(
            update,
            _(
                "Kirim /kejadian dari akun pribadi Anda (bukan sebagai grup), agar bot dapat "
                "membuka percakapan pribadi dengan Anda."
            ),
        )
        return
    if not await may_report(context, group.chat_id, user.id):
        await reply(
            update,
            _(
                "Hanya penghubung yang disetujui dan admin grup yang dapat melaporkan kejadian. "
                "Daftar dengan <code>/daftar Polri Polres Kutai Timur</code>."
            ),
        )
        return
    url = incident_url(context.bot.username, group.chat_id)
    await reply(
        update,
        _("{name}, laporkan kejadian melalui percakapan pribadi dengan bot:").format(
            name=escape(user.full_name)
        ),
        InlineKeyboardMarkup([[InlineKeyboardButton(_("Laporkan kejadian"), url=url)]]),
    )


async def report_incident_in_private(update: Update, context: BotContext) -> None:
    """Starts the incident report at once, asking which group first for a liaison in several."""
    _ = context.translator().gettext
    served = await liaisons.groups_served_by(update.effective_user.id, context.runtime.clock())
    if not served:
        await reply(
            update,
            _(
                "Anda belum terdaftar sebagai penghubung di grup mana pun. Admin grup dapat "
                "mengetik /kejadian di grup lalu mengetuk tombolnya."
            ),
        )
    elif len(served) == 1:
        await open_incident(update, context, served[0][0])
    else:
        buttons = [
            [
                InlineKeyboardButton(
                    name[:60] or str(chat_id), callback_data=IncidentGroupChoice(chat_id).pack()
                )
            ]
            for chat_id, name in served
        ]
        await reply(update, _("Kejadian ini untuk grup mana?"), InlineKeyboardMarkup(buttons))


async def incident_from_deep_link(update: Update, context: BotContext) -> None:
    """Starts the incident report for the group named in the /start payload."""
    chat_id = chat_id_from_incident_payload(context.args[0]) if context.args else None
    if chat_id is None:
        await reply(
            update,
            context.translator().gettext(
                "Tautan ini tidak valid. Ketik /kejadian untuk melaporkan kejadian."
            ),
        )
        return
    await open_incident(update, context, chat_id)


async def choose_group(update: Update, context: BotContext) -> None:
    """Starts the incident report for the group tapped in the private chat."""
    query = update.callback_query
    if update.effective_chat is None or update.effective_chat.type != Chat.PRIVATE:
        await answer_query(query, context.translator().gettext("Tombol ini sudah tidak berlaku."))
        return
    await answer_query(query)
    choice = parse_as(IncidentGroupChoice, query.data)
    assert choice is not None  # the handler's pattern
    await open_incident(update, context, choice.chat_id)


async def reporter_for(
    context: BotContext, chat_id: int, user_id: int, full_name: str
) -> Reporter | None:
    """How an incident or a note names this person: as the liaison they are, or as an admin."""
    record = await liaisons.liaison_in_group(chat_id, user_id)
    if record is not None and record.approved:
        return Reporter(user_id, record.name, record.agency, record.unit_name)
    if await may_report(context, chat_id, user_id):
        return Reporter(user_id, full_name, None, "")
    return None


async def open_incident(update: Update, context: BotContext, chat_id: int) -> None:
    """Resumes this person's unfinished incident report for the group, or opens a new one."""
    t = context.translator()
    _ = t.gettext
    user = update.effective_user
    _note, existing = await incident_drafts.drafts_of(user.id)
    if existing is not None and existing.chat_id == chat_id:
        started = when_text(t, existing.started_at, existing.time_zone)
        await send_step(
            update,
            context,
            existing,
            preface=_("Melanjutkan laporan kejadian yang belum selesai (dimulai {when}).").format(
                when=started
            ),
        )
        return
    group = await find_group(chat_id) if chat_id < 0 else None
    reporter = (
        await reporter_for(context, chat_id, user.id, user.full_name)
        if group is not None and group.active
        else None
    )
    if reporter is None:
        await reply(
            update,
            _(
                "Anda bukan penghubung yang disetujui atau admin di grup itu, sehingga tidak "
                "dapat melaporkan kejadian untuknya."
            ),
        )
        return
    draft = await incident_drafts.start_report(
        chat_id, reporter, incident_engine.start(), update.update_id, context.runtime.clock()
    )
    preface = _("<b>Laporan kejadian</b>\n{group}\nKetik /batal untuk membatalkan.").format(
        group=escape(draft.group_name)
    )
    if existing is not None:
        preface += "\n" + _("Laporan kejadian yang belum selesai untuk grup lain dibatalkan.")
    await send_step(update, context, draft, preface=preface)


def handlers() -> list[BaseHandler]:
    return [CallbackQueryHandler(choose_group, pattern=IncidentGroupChoice.matches)]
