"""Following an incident up until done: Ditangani and Selesai, each with a note; /kejadian_terbuka.

A tap on the incident's button in its group asks the tapper, in a private
chat, for a short note; the note stores the change (kept in the incident's
history with who and when) and posts it in the group as a reply to the
incident. A tap on another group's incident, or by someone who is neither an
approved liaison nor an admin of the group, changes nothing and says why.
"""

from __future__ import annotations

from telegram import Update
from telegram.error import Forbidden
from telegram.ext import BaseHandler, CallbackQueryHandler

from bot.context import BotContext
from bot.domain.incidents import Incident, IncidentStatus
from bot.domain.incidents.engine import NOTE_MAX_LENGTH, Problem, clean_note
from bot.services import incident_drafts, incidents
from bot.services.groups import GroupSettings
from bot.services.incident_drafts import ChangeRefused, NoteDraft
from bot.texts.html import escape
from bot.texts.i18n import Translator
from bot.texts.incidents import STATUS_LABELS, category_text, open_list_text, problem_text
from bot.texts.splitting import split_message
from bot.transport.callback_data import IncidentFollowUp, parse_as
from bot.transport.deep_links import follow_up_from_payload, follow_up_url
from handlers.access import in_group, registered_group_command
from handlers.incident_entry import reporter_for
from handlers.incident_form import send_step
from handlers.replies import answer_query, reply


@registered_group_command
async def show_open_incidents(
    update: Update, context: BotContext, t: Translator, group: GroupSettings
) -> None:
    """Lists the group's incidents not yet done, oldest first."""
    open_ones = await incidents.open_incidents(group.chat_id)
    text = open_list_text(t, context.runtime.categories, open_ones, group.time_zone)
    for part in split_message(text):
        await reply(update, part)


def _note_prompt(t: Translator, context: BotContext, incident: Incident, status: IncidentStatus):
    _ = t.gettext
    return "\n".join(
        [
            _("<b>Kejadian #{number} · {category} → {status}</b>").format(
                number=incident.number,
                category=category_text(t, context.runtime.categories, incident.category),
                status=_(STATUS_LABELS[status]),
            ),
            _(
                "Tulis catatan singkat (paling banyak {limit} karakter), misalnya "
                "<code>Tim sudah di lokasi, situasi kondusif.</code>"
            ).format(limit=t.number(NOTE_MAX_LENGTH)),
            _("Ketik /batal untuk membatalkan."),
        ]
    )


async def on_tap(update: Update, context: BotContext) -> None:
    """Ditangani or Selesai under an incident: asks the tapper for a note in a private chat."""
    query = update.callback_query
    _ = context.translator().gettext
    tap = parse_as(IncidentFollowUp, query.data)
    assert tap is not None  # the handler's pattern
    if not in_group(update):
        await answer_query(query, _("Tombol ini sudah tidak berlaku."))
        return
    incident = await incidents.incident_in(update.effective_chat.id, tap.incident_id)
    if incident is None:
        await answer_query(
            query, _("Tombol ini bukan untuk kejadian di grup ini."), show_alert=True
        )
        return
    user = query.from_user
    reporter = await reporter_for(context, incident.chat_id, user.id, user.full_name)
    if reporter is None:
        await answer_query(
            query,
            _(
                "Hanya penghubung yang disetujui dan admin grup yang dapat "
                "menindaklanjuti kejadian."
            ),
            show_alert=True,
        )
        return
    if not incident.is_open:
        await answer_query(
            query, _("Kejadian #{number} sudah selesai.").format(number=incident.number)
        )
        return
    await incident_drafts.start_note(
        incident.chat_id,
        incident.id,
        tap.status,
        reporter,
        update.update_id,
        context.runtime.clock(),
    )
    t = context.translator()
    try:
        await context.bot.send_message(user.id, _note_prompt(t, context, incident, tap.status))
    except Forbidden:
        # The bot may not write first to someone who never opened a chat with it:
        # the link opens that chat, and its /start asks for the note.
        await query.answer(url=follow_up_url(context.bot.username, incident.id, tap.status.value))
        return
    await answer_query(query, _("Tulis catatannya di percakapan pribadi dengan bot."))


async def follow_up_from_deep_link(update: Update, context: BotContext) -> None:
    """/start tindak_<id>_<status>: asks the note of that change, after the same checks."""
    _ = context.translator().gettext
    parsed = follow_up_from_payload(context.args[0]) if context.args else None
    incident = await incidents.incident_by_id(parsed[0]) if parsed else None
    user = update.effective_user
    reporter = (
        await reporter_for(context, incident.chat_id, user.id, user.full_name) if incident else None
    )
    if parsed is None or incident is None or reporter is None:
        await reply(update, _("Tautan ini tidak valid atau bukan untuk Anda."))
        return
    if not incident.is_open:
        await reply(update, _("Kejadian #{number} sudah selesai.").format(number=incident.number))
        return
    status = IncidentStatus(parsed[1])
    await incident_drafts.start_note(
        incident.chat_id, incident.id, status, reporter, update.update_id, context.runtime.clock()
    )
    await reply(update, _note_prompt(context.translator(), context, incident, status))


async def on_note(update: Update, context: BotContext, draft: NoteDraft) -> None:
    """Stores the change with the note typed, and posts it in the group as a reply."""
    t = context.translator()
    _ = t.gettext
    incident = await incidents.incident_by_id(draft.incident_id)
    if incident is None:
        await incident_drafts.cancel_note(draft.user_id)
        return
    if draft.already_applied(update.update_id):
        await reply(update, _note_prompt(t, context, incident, draft.status))
        return
    message = update.effective_message
    note = clean_note(message.text) if message.text is not None else None
    if not isinstance(note, str):
        await incident_drafts.mark_note_applied(draft.user_id, update.update_id)
        problem = (
            problem_text(t, note) if isinstance(note, Problem) else _("Tulis catatan sebagai teks.")
        )
        await reply(update, problem + "\n\n" + _note_prompt(t, context, incident, draft.status))
        return
    if await reporter_for(context, draft.chat_id, draft.user_id, draft.reporter.name) is None:
        await incident_drafts.cancel_note(draft.user_id)
        await reply(
            update,
            _("Anda tidak lagi penghubung atau admin grup itu; catatan tidak disimpan."),
        )
        return
    try:
        change = await incident_drafts.submit_note(draft, note, context.runtime.clock())
    except ChangeRefused:
        await reply(
            update,
            _("Kejadian #{number} sudah selesai; catatan tidak disimpan.").format(
                number=incident.number
            ),
        )
        return
    except LookupError:
        found = await incident_drafts.change_of_draft(draft.user_id, draft.token)
        if found is None:
            return
        change = found
    await context.publisher.publish_change(change.id)
    done = _("✅ Tercatat: Kejadian #{number} kini {status}.").format(
        number=incident.number, status=escape(_(STATUS_LABELS[change.status]))
    )
    _note, report = await incident_drafts.drafts_of(draft.user_id)
    if report is not None:
        await send_step(
            update, context, report, preface=done + "\n" + _("Melanjutkan laporan kejadian Anda:")
        )
    else:
        await reply(update, done)


def handlers() -> list[BaseHandler]:
    return [CallbackQueryHandler(on_tap, pattern=IncidentFollowUp.matches)]
