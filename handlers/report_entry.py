"""Opening the report form: /lapor in a group (a deep link) or in a private chat.

The form itself runs in the private chat so the group is not flooded; the
group gets one line when a report is submitted (see ``handlers.report_form``).
"""

from __future__ import annotations

from telegram import Chat, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from bot.context import BotContext
from bot.domain.forms import start
from bot.services import incident_drafts, liaisons, reports
from bot.services.form_sessions import NotALiaison, start_form
from bot.texts.html import escape
from bot.transport.callback_data import GroupChoice, parse_as
from bot.transport.deep_links import chat_id_from_payload, report_url
from handlers.registration import agency_unit
from handlers.replies import answer_query, group_translator, reply
from handlers.report_form import open_form_of, send_step


async def report_from_group(update: Update, context: BotContext) -> None:
    """Answers /lapor in a group with a button that opens the form in a private chat."""
    t = await group_translator(update, context)
    _ = t.gettext
    chat, user = update.effective_chat, update.effective_user
    record = await liaisons.liaison_in_group(chat.id, user.id) if user else None
    if record is None or not record.approved:
        await reply(
            update,
            _(
                "Hanya penghubung yang sudah disetujui yang dapat melapor. "
                "Daftar dengan <code>/daftar Polri Polres Kutai Timur</code>."
            ),
        )
        return
    url = report_url(context.bot.username, chat.id)
    await reply(
        update,
        _("{name}, isi laporan harian {agency} melalui percakapan pribadi dengan bot:").format(
            name=escape(record.name), agency=agency_unit(record)
        ),
        InlineKeyboardMarkup([[InlineKeyboardButton(_("Buka formulir laporan"), url=url)]]),
    )


async def report_from_deep_link(update: Update, context: BotContext) -> None:
    """Starts the form for the group named in the /start payload."""
    chat_id = chat_id_from_payload(context.args[0]) if context.args else None
    if chat_id is None:
        t = context.translator()
        await reply(update, t.gettext("Tautan laporan ini tidak valid. Ketik /lapor untuk mulai."))
        return
    await open_form(update, context, chat_id)


async def report_in_private(update: Update, context: BotContext) -> None:
    """Starts the form at once, asking which group first when the liaison serves several."""
    t = context.translator()
    _ = t.gettext
    served = await liaisons.groups_served_by(update.effective_user.id)
    if not served:
        await reply(
            update,
            _(
                "Anda belum terdaftar sebagai penghubung di grup mana pun. Ketik "
                "/daftar di grup Forkopimda Anda terlebih dahulu."
            ),
        )
    elif len(served) == 1:
        await open_form(update, context, served[0][0])
    else:
        buttons = [
            [
                InlineKeyboardButton(
                    name[:60] or str(chat_id), callback_data=GroupChoice(chat_id).pack()
                )
            ]
            for chat_id, name in served
        ]
        await reply(update, _("Laporan ini untuk grup mana?"), InlineKeyboardMarkup(buttons))


async def choose_group(update: Update, context: BotContext) -> None:
    """Starts the form for the group tapped in the private chat."""
    query = update.callback_query
    if update.effective_chat is None or update.effective_chat.type != Chat.PRIVATE:
        # The chooser only exists in a private chat: this tap is forged.
        await answer_query(query, context.translator().gettext("Tombol ini sudah tidak berlaku."))
        return
    await answer_query(query)
    if isinstance(query.message, Message) and _carries(query.message, query.data or ""):
        await query.edit_message_reply_markup(None)
    choice = parse_as(GroupChoice, query.data)
    assert choice is not None  # the handler's pattern
    await open_form(update, context, choice.chat_id)


def _carries(message: Message | None, data: str) -> bool:
    """True if ``message`` shows a button with ``data`` (a forged tap may come on any message)."""
    markup = getattr(message, "reply_markup", None)
    return markup is not None and any(
        button.callback_data == data for row in markup.inline_keyboard for button in row
    )


async def open_form(update: Update, context: BotContext, chat_id: int) -> None:
    """Resumes this group's unfinished form, or opens a new one."""
    t = context.translator()
    _ = t.gettext
    user = update.effective_user
    note, incident = await incident_drafts.drafts_of(user.id)
    if note is not None or incident is not None:
        # Messages go to those first (see handlers.private_chat): finish them before this.
        await reply(
            update,
            _(
                "Anda sedang mengisi laporan kejadian atau catatan tindak lanjut. Selesaikan "
                "atau batalkan dulu dengan /batal, lalu ketik /lapor."
            ),
        )
        return
    existing = await open_form_of(context, user.id)
    if existing is not None and existing.chat_id == chat_id:
        await send_step(
            update, context, existing, preface=_("Melanjutkan laporan yang belum selesai.")
        )
        return
    record = await liaisons.liaison_in_group(chat_id, user.id)
    try:
        if record is None or not record.approved:
            raise NotALiaison(chat_id)
        form_definition = context.runtime.forms.form_for(record.agency)
        last = await reports.last_answers(chat_id, record.agency)
        form = await start_form(user.id, chat_id, start(form_definition, last), update.update_id)
    except NotALiaison:
        await reply(
            update,
            _(
                "Anda bukan penghubung yang disetujui di grup itu, sehingga tidak "
                "dapat melapor untuknya."
            ),
        )
        return
    await send_step(
        update,
        context,
        form,
        preface=_(
            "<b>Laporan harian {agency}</b>\n{group}\nKetik /batal untuk membatalkan."
        ).format(agency=agency_unit(record), group=escape(form.group_name)),
    )


def handlers() -> list[BaseHandler]:
    return [CallbackQueryHandler(choose_group, pattern=GroupChoice.matches)]
