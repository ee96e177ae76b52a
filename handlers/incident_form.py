"""The incident report in a private chat: one step at a time, photos and a pin, then Kirim.

```mermaid
stateDiagram-v2
    [*] --> Step: /kejadian, the group's button, or a group picked
    Step --> Step: answer (or a problem: same step again); a photo or a pin on the side
    Step --> Review: photos done (Selesai or Lewati)
    Review --> Pick: Ubah
    Pick --> Step: a step picked (its answer returns to Review)
    Pick --> Review: Kembali
    Review --> [*]: Kirim (incident stored, posted in the group at once)
    Review --> [*]: Batal or /batal
    Step --> [*]: /batal
```
State lives in the database (``bot.services.incident_drafts``): a restart
continues where the reporter was, and an update Telegram delivers twice is
applied once. An album arrives as one update per photo, in any order and at
any pace: each photo is stored as it comes, and one message counts them,
edited as the album's photos arrive, so the reporter reads one answer per
album.
"""

from __future__ import annotations

from dataclasses import replace

from telegram import MaybeInaccessibleMessage, Message, Update
from telegram.error import BadRequest
from telegram.ext import BaseHandler, CallbackQueryHandler

from bot.context import BotContext
from bot.domain.incidents import Location, MediaKind, Photo, Step
from bot.domain.incidents import engine as incident_engine
from bot.domain.incidents.engine import (
    ChoiceReply,
    LocationReply,
    OtherReply,
    PhotoReply,
    ProblemCode,
    Reply,
    SkipReply,
    TextReply,
)
from bot.services import incident_drafts, liaisons
from bot.services.incident_drafts import ReportDraft
from bot.services.incidents import incident_by_id
from bot.texts.html import escape
from bot.texts.incidents import STEP_LABELS, notice_text, problem_text, review_text, step_text
from bot.transport.callback_data import IncidentFormTap, parse_as
from bot.transport.errors import TelegramFault, classify
from handlers import incident_keyboards as keys
from handlers.access import ADMIN_STATUSES
from handlers.replies import answer_query, reply
from handlers.report_form import open_form_of

_PHOTO_PROBLEMS = (ProblemCode.TOO_MANY_PHOTOS, ProblemCode.SAME_PHOTO)


def reply_of(message: Message) -> Reply:
    """What a message answers: text, a pin, a photo (or an image sent as a file), or else."""
    if message.location is not None:
        location = message.location
        try:
            return LocationReply(Location(location.latitude, location.longitude))
        except ValueError:
            return OtherReply("other")
    if message.photo:
        largest = message.photo[-1]
        return PhotoReply(Photo(largest.file_id, largest.file_unique_id, MediaKind.PHOTO))
    document = message.document
    if document is not None:
        if (document.mime_type or "").startswith("image/"):
            return PhotoReply(Photo(document.file_id, document.file_unique_id, MediaKind.DOCUMENT))
        return OtherReply("file")
    if message.text is not None:
        return TextReply(message.text)
    for attribute, what in (
        ("video", "video"),
        ("animation", "video"),
        ("video_note", "video"),
        ("voice", "voice"),
        ("audio", "audio"),
        ("sticker", "sticker"),
        ("contact", "contact"),
        ("poll", "poll"),
    ):
        if getattr(message, attribute, None):
            return OtherReply(what)
    return OtherReply("other")


async def send_step(
    update: Update,
    context: BotContext,
    draft: ReportDraft,
    preface: str | None = None,
    edit: int | None = None,
) -> Message | None:
    """Sends the current step (or the review), ``preface`` first in the same message.

    With ``edit``, that message (the photo count of an album) is edited instead.
    """
    t = context.translator()
    categories = context.runtime.categories
    text = step_text(t, categories, draft.progress, draft.time_zone)
    if preface:
        text = f"{preface}\n\n{text}"
    markup = keys.step_keyboard(t, categories, draft.progress, draft.token)
    if edit is not None:
        try:
            await context.bot.edit_message_text(
                text, chat_id=update.effective_chat.id, message_id=edit, reply_markup=markup
            )
            return None
        except BadRequest as error:
            if classify(error) is TelegramFault.NOT_MODIFIED:
                return None
            if classify(error) is not TelegramFault.MESSAGE_GONE:
                raise
    return await reply(update, text, markup)


async def on_message(update: Update, context: BotContext, draft: ReportDraft) -> None:
    """Applies a message (text, pin, photo, or anything else) to the open incident report."""
    if draft.already_applied(update.update_id):
        await send_step(update, context, draft)  # see handlers.report_form.on_answer
        return
    message = update.effective_message
    assert message is not None  # routed here only for messages (handlers.private_chat)
    await _apply(update, context, draft, reply_of(message), message.media_group_id)


async def _apply(
    update: Update,
    context: BotContext,
    draft: ReportDraft,
    given: Reply,
    media_group: str | None = None,
) -> None:
    t = context.translator()
    now = context.runtime.clock()
    asked = draft.progress.current
    result = incident_engine.answer(
        context.runtime.categories, draft.progress, given, now, draft.time_zone
    )
    draft = await incident_drafts.save_report(draft, result.progress, update.update_id)
    if result.problem is not None:
        preface = problem_text(t, result.problem)
    elif result.notice is not None:
        preface = notice_text(t, result.notice, result.progress)
    else:
        preface = None
    counted = isinstance(given, PhotoReply) and (
        result.problem is None or result.problem.code in _PHOTO_PROBLEMS
    )
    if counted and media_group is not None:
        # One message per album, edited as its photos come in.
        if draft.tally_media_group == media_group and draft.tally_message_id:
            await send_step(update, context, draft, preface, edit=draft.tally_message_id)
            return
        sent = await send_step(update, context, draft, preface)
        if sent is not None:
            await incident_drafts.save_report(
                draft, draft.progress, update.update_id, tally=(sent.message_id, media_group)
            )
        return
    if update.callback_query is not None and asked is not None and result.problem is None:
        await _show_choice(update, context, draft, asked)
    await send_step(update, context, draft, preface)


async def _show_choice(
    update: Update, context: BotContext, draft: ReportDraft, asked: Step
) -> None:
    """Shows the tapped answer in place of the buttons, so the chat reads as a record."""
    t = context.translator()
    categories = context.runtime.categories
    asking = replace(draft.progress, current=asked, editing=False)
    review = review_text(t, categories, draft.progress, draft.time_zone).split("\n")
    # The review lists every step as "Label: value", in step order after its title.
    chosen = review[1 + incident_engine.STEPS.index(asked)]
    text = step_text(t, categories, asking, draft.time_zone) + f"\n→ <b>{chosen}</b>"
    await _edit(update.callback_query.message, text)


async def _edit(message, text: str, markup=None) -> None:
    if message is None:
        return
    try:
        await message.edit_text(text, reply_markup=markup)
    except BadRequest as error:
        if classify(error) not in (TelegramFault.NOT_MODIFIED, TelegramFault.MESSAGE_GONE):
            raise


async def on_button(update: Update, context: BotContext) -> None:
    """Handles every button of the incident report: choices, Lewati, Kirim, Ubah, Batal."""
    query = update.callback_query
    t = context.translator()
    _ = t.gettext
    tap = parse_as(IncidentFormTap, query.data)
    assert tap is not None  # the handler's pattern
    _note, draft = await incident_drafts.drafts_of(query.from_user.id)
    if draft is None or draft.token != tap.token:
        submitted = await incident_drafts.incident_of_draft(query.from_user.id, tap.token)
        if submitted is not None and tap.action == keys.SUBMIT:
            # Kirim delivered again after a crash: the incident is stored; finish its post.
            await answer_query(query)
            await finish_submission(update, context, submitted.id, query.message)
            return
        await answer_query(
            query, _("Tombol ini dari laporan kejadian yang sudah terkirim atau dibatalkan.")
        )
        return
    if draft.already_applied(update.update_id):
        await answer_query(query)
        await send_step(update, context, draft)
        return
    await answer_query(query)
    action, step_value, value = tap.action, tap.question or "", tap.value or ""
    step = Step(step_value) if step_value in {s.value for s in Step} else None
    if action in (keys.CHOOSE, keys.SKIP) and step is None:
        await send_step(update, context, draft, preface=_("Tombol ini sudah tidak berlaku."))
    elif action == keys.CHOOSE:
        assert step is not None
        await _apply(update, context, draft, ChoiceReply(step, value))
    elif action == keys.SKIP:
        assert step is not None
        await _apply(update, context, draft, SkipReply(step))
    elif not draft.progress.at_review:
        await send_step(
            update, context, draft, preface=_("Jawab dulu langkah yang sedang ditanyakan.")
        )
    elif action == keys.SUBMIT:
        await submit(update, context, draft)
    elif action == keys.CHANGE:
        await _edit(
            query.message,
            _("Bagian mana yang ingin diubah?"),
            keys.change_keyboard(t, draft.token),
        )
    elif action == keys.BACK:
        await _edit(
            query.message,
            review_text(t, context.runtime.categories, draft.progress, draft.time_zone),
            keys.review_keyboard(t, draft.token),
        )
    elif action == keys.EDIT and step is not None:
        progress = incident_engine.begin_edit(draft.progress, step)
        draft = await incident_drafts.save_report(draft, progress, update.update_id)
        await _edit(
            query.message, _("Mengubah: {label}").format(label=escape(_(STEP_LABELS[step])))
        )
        await send_step(update, context, draft)
    elif action == keys.CANCEL:
        await incident_drafts.cancel_report(draft.user_id)
        await _edit(
            query.message, _("Laporan kejadian dibatalkan. Ketik /kejadian untuk mulai lagi.")
        )
    else:
        await send_step(update, context, draft, preface=_("Tombol ini sudah tidak berlaku."))


async def may_report(context: BotContext, chat_id: int, user_id: int) -> bool:
    """An approved liaison of the group, or one of its admins (asked of Telegram now)."""
    record = await liaisons.liaison_in_group(chat_id, user_id)
    if record is not None and record.approved:
        return True
    try:
        member = await context.bot.get_chat_member(chat_id, user_id)
    except BadRequest:
        return False
    return member.status in ADMIN_STATUSES


async def submit(update: Update, context: BotContext, draft: ReportDraft) -> None:
    """Stores the incident and posts it in the group at once; a repeated Kirim posts nothing new."""
    t = context.translator()
    _ = t.gettext
    query = update.callback_query
    if not await may_report(context, draft.chat_id, draft.user_id):
        await incident_drafts.cancel_report(draft.user_id)
        await reply(
            update,
            _(
                "Anda tidak lagi terdaftar sebagai penghubung atau admin grup itu; laporan "
                "kejadian tidak dikirim."
            ),
        )
        return
    try:
        incident = await incident_drafts.submit_report(draft, context.runtime.clock())
    except LookupError:
        # Delivered again after a crash: the first delivery stored it; finish its post.
        found = await incident_drafts.incident_of_draft(draft.user_id, draft.token)
        if found is None:
            return
        incident = found
    await finish_submission(update, context, incident.id, query.message if query else None)


async def finish_submission(
    update: Update,
    context: BotContext,
    incident_id: int,
    review: MaybeInaccessibleMessage | None,
) -> None:
    """Posts the incident (what is left of its post) and tells the reporter how it went."""
    t = context.translator()
    _ = t.gettext
    posted = await context.publisher.publish(incident_id)
    incident = await incident_by_id(incident_id)
    if incident is None:
        return
    if posted:
        done = _("✅ Kejadian #{number} terkirim ke grup.").format(number=incident.number)
    else:
        done = _("Kejadian #{number} tersimpan; pengirimannya ke grup sedang dicoba lagi.").format(
            number=incident.number
        )
    if await open_form_of(context, update.effective_user.id) is not None:
        done += "\n" + _(
            "Laporan harian Anda yang belum selesai masih tersimpan; ketik /lapor untuk "
            "melanjutkan."
        )
    if isinstance(review, Message):  # not gone, nor too old for the bot to edit
        await _edit(review, done)
    else:
        await reply(update, done)


def handlers() -> list[BaseHandler]:
    return [CallbackQueryHandler(on_button, pattern=IncidentFormTap.matches)]
