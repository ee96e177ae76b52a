"""The private chat's messages, routed to the conversation the person is in.

Three conversations run in a private chat with the bot: a follow-up note
(asked after a Ditangani or Selesai tap), an incident report, and the daily
report form. A message goes to the first of them the person has open, in
that order: a note is one message, and an incident cannot wait, so both go
ahead of an unfinished daily form, which is kept and resumes afterwards.
/batal cancels the one in front.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, MessageHandler, filters

from bot.context import BotContext
from bot.services import form_sessions, incident_drafts
from handlers import incident_follow_up, incident_form, report_form
from handlers.replies import reply


async def on_message(update: Update, context: BotContext) -> None:
    """Hands a message to the note, the incident report or the daily form the person has open."""
    note, report = await incident_drafts.drafts_of(update.effective_user.id)
    if note is not None:
        await incident_follow_up.on_note(update, context, note)
    elif report is not None:
        await incident_form.on_message(update, context, report)
    else:
        await report_form.on_answer(update, context)


async def on_edited(update: Update, context: BotContext) -> None:
    """An edited message: answers are read as first sent, which the person is told.

    Quiet for an edited location (a live location edits its message every few
    seconds) and when no incident report or note is open (the daily form's
    decision, see ``tests/test_bad_input_corpus.py``).
    """
    message = update.edited_message
    if message is None or message.location is not None:
        return
    note, report = await incident_drafts.drafts_of(update.effective_user.id)
    if note is None and report is None:
        return
    _ = context.translator().gettext
    explanation = _(
        "Pesan yang diubah tidak dibaca ulang; jawaban tetap seperti saat pertama dikirim. "
        "Untuk mengubahnya, ketuk Ubah saat meninjau laporan."
    )
    if note is None and report is not None:
        await incident_form.send_step(update, context, report, preface=explanation)
    else:
        await reply(update, explanation)


async def cancel(update: Update, context: BotContext) -> None:
    """Cancels the conversation in front: a note, else an incident report, else the daily form."""
    _ = context.translator().gettext
    user_id = update.effective_user.id
    if await incident_drafts.cancel_note(user_id):
        await reply(update, _("Catatan dibatalkan; status kejadian tidak berubah."))
    elif await incident_drafts.cancel_report(user_id):
        text = _("Laporan kejadian dibatalkan. Ketik /kejadian untuk mulai lagi.")
        if await form_sessions.active_form(user_id) is not None:
            text += "\n" + _(
                "Laporan harian Anda yang belum selesai masih tersimpan; ketik /lapor untuk "
                "melanjutkan."
            )
        await reply(update, text)
    else:
        await report_form.cancel(update, context)


def handlers() -> list[BaseHandler]:
    private = filters.ChatType.PRIVATE
    return [
        # Only new messages (edits below), and no service messages (a pin, a new photo).
        MessageHandler(
            private & filters.UpdateType.MESSAGE & ~filters.COMMAND & ~filters.StatusUpdate.ALL,
            on_message,
        ),
        MessageHandler(private & filters.UpdateType.EDITED_MESSAGE, on_edited),
    ]
