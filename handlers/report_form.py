"""The report form in a liaison's private chat: one question at a time, then review.

```mermaid
stateDiagram-v2
    [*] --> Question: /lapor, deep link, or group picked
    Question --> Question: answer (or a problem: same question again)
    Question --> Review: last question answered
    Review --> Pick: Ubah
    Pick --> Question: a question picked (answer returns to Review)
    Pick --> Review: Kembali
    Review --> [*]: Kirim (report stored, group told; "Ubah laporan" under the thanks)
    Review --> Review: Kirim after yesterday closed (the form becomes today's)
    Review --> [*]: Batal or /batal
    Question --> [*]: /batal
    Question --> Question: Isi laporan kemarin (first question; the form becomes yesterday's)
```
A form opened from "Ubah laporan" starts at Review with the sent answers
(``handlers.report_entry``). The form speaks the group's language. State lives
in the database (``bot.services.form_sessions``): a restart continues where
the liaison was, and an update Telegram delivers twice is applied once.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    MaybeInaccessibleMessage,
    Message,
    Update,
)
from telegram.error import BadRequest
from telegram.ext import BaseHandler, CallbackQueryHandler

from bot.context import BotContext
from bot.domain.agencies import agency_with_unit
from bot.domain.countdown import local_today
from bot.domain.forms import (
    ChoiceReply,
    Form,
    FormProgress,
    KeepReply,
    OtherReply,
    SkipReply,
    TextReply,
    answer,
    at_review,
    begin_edit,
    resume,
)
from bot.domain.reporting_days import late_report_day
from bot.domain.zones import zone_label
from bot.services import form_sessions, reports
from bot.services.form_sessions import ActiveForm, DayClosed, NotALiaison
from bot.services.groups import find_group
from bot.services.reports import StoredReport
from bot.texts.form_texts import (
    answer_text,
    problem_text,
    question_text,
    report_day_line,
    review_text,
)
from bot.texts.html import escape
from bot.texts.i18n import Translator
from bot.texts.situation import situation_text
from bot.transport import delivery
from bot.transport.callback_data import FormTap, ReportCorrection, parse_as
from bot.transport.errors import TelegramFault, classify
from handlers import form_keyboards as keys
from handlers.replies import answer_query, reply


def form_translator(context: BotContext, form: ActiveForm) -> Translator:
    """The form speaks its group's language."""
    return context.translator(form.locale)


def review_of(context: BotContext, t: Translator, form: ActiveForm) -> str:
    """The review, headed by its day when that is not today or the form is a correction."""
    definition = form_definition(context, form)
    text = review_text(t, definition, form.progress)
    today = local_today(context.runtime.clock(), form.time_zone)
    if form.report_date is None or (form.report_date == today and not form.correcting):
        return text
    return report_day_line(t, form.report_date, today, form.correcting) + "\n" + text


def form_definition(context: BotContext, form: ActiveForm) -> Form:
    """The agency's form as asked today in the group's election stage.

    The day is the one the form reports for (``ActiveForm.day``): yesterday's
    for a late report. A form open across a change of stage keeps its day's
    questions.
    On a day the agency's form is not asked at all (a forms file may say so),
    a form already open keeps every question.
    """
    day = form.day(context.runtime.clock())
    forms = context.runtime.forms.for_day(day.phase, day.stage_id)
    if forms.has_form(form.agency):
        return forms.form_for(form.agency)
    return forms.complete.form_for(form.agency)


async def send_step(
    update: Update,
    context: BotContext,
    form: ActiveForm,
    preface: str | None = None,
    offer_yesterday: bool = False,
) -> None:
    """Sends the current question (or the review).

    ``preface`` (a problem with the last answer, a greeting) goes in the same
    message, so the liaison reads one message per turn. ``offer_yesterday``
    adds the button that turns the form into yesterday's late report.
    """
    t = form_translator(context, form)
    definition = form_definition(context, form)
    markup: InlineKeyboardMarkup | None
    if at_review(form.progress):
        text = review_of(context, t, form)
        markup = keys.review_keyboard(t, form.token)
    else:
        text = question_text(t, definition, form.progress)
        markup = keys.question_keyboard(t, definition, form.progress, form.token)
    if offer_yesterday:
        rows = [list(row) for row in markup.inline_keyboard] if markup else []
        rows.append(
            [
                InlineKeyboardButton(
                    t.gettext("Isi laporan kemarin"),
                    callback_data=keys.data(form.token, keys.YESTERDAY),
                )
            ]
        )
        markup = InlineKeyboardMarkup(rows)
    if preface:
        text = f"{preface}\n\n{text}"
    await reply(update, text, markup)


async def open_form_of(context: BotContext, user_id: int) -> ActiveForm | None:
    """The person's unfinished form, fitted to the forms file as it is now.

    A deployment may change FORMS_FILE between restarts: answers to questions
    that no longer exist are dropped instead of breaking the form.
    """
    form = await form_sessions.active_form(user_id)
    if form is None:
        return None
    return replace(form, progress=resume(form_definition(context, form), form.progress))


async def on_answer(update: Update, context: BotContext) -> None:
    """Applies a typed answer (or a sticker, photo…) to the liaison's open form."""
    form = await open_form_of(context, update.effective_user.id)
    t = context.translator(form.locale if form else None)
    if form is None:
        await reply(
            update,
            t.gettext("Tidak ada laporan yang sedang diisi. Ketik /lapor untuk mulai melapor."),
        )
        return
    if form.already_applied(update.update_id):
        # Telegram delivered this again after a crash: the answer is stored, but
        # the reply may never have gone out. Asking the current question again
        # costs at most a repeated message; silence would leave them stuck.
        await send_step(update, context, form)
        return
    message = update.effective_message
    given = TextReply(message.text) if message.text is not None else OtherReply()
    await _apply(update, context, form, given)


async def _apply(update: Update, context: BotContext, form: ActiveForm, given) -> None:
    t = form_translator(context, form)
    definition = form_definition(context, form)
    asked = form.progress.current
    step = answer(definition, form.progress, given)
    form = await form_sessions.save_progress(form, step.progress, update.update_id)
    if step.problem is not None:
        await send_step(update, context, form, preface=problem_text(t, definition, step.problem))
        return
    if update.callback_query is not None and asked is not None:
        # Show the tapped choice in place of the buttons, so the chat reads as a record.
        question = definition.question(asked)
        asked_text = question_text(t, definition, _asking(form, asked))
        chosen = answer_text(t, question, step.progress.answers.get(asked))
        await _edit(update.callback_query.message, f"{asked_text}\n→ <b>{chosen}</b>")
    await send_step(update, context, form)


def _asking(form: ActiveForm, question_id: str) -> FormProgress:
    """The progress as it was while ``question_id`` was being asked (for re-rendering it)."""
    return replace(form.progress, current=question_id)


async def _edit(
    message: MaybeInaccessibleMessage | None,
    text: str,
    markup: InlineKeyboardMarkup | None = None,
) -> None:
    if not isinstance(message, Message):  # gone, or too old for the bot to see
        return
    try:
        await message.edit_text(text, reply_markup=markup)
    except BadRequest as error:  # unchanged: the new message says it all
        if classify(error) is not TelegramFault.NOT_MODIFIED:
            raise


async def on_button(update: Update, context: BotContext) -> None:
    """Handles every button of the form: choices, Lewati, Kirim, Ubah, Batal, laporan kemarin."""
    query = update.callback_query
    tap = parse_as(FormTap, query.data)
    if tap is None:  # PTB hands a tap without data to the first handler
        await answer_query(query, context.translator().gettext("Tombol ini sudah tidak berlaku."))
        return
    token, action, question, value = tap.token, tap.action, tap.question or "", tap.value or ""
    form = await open_form_of(context, query.from_user.id)
    t = context.translator(form.locale if form else None)
    _ = t.gettext
    if form is None or form.token != token:
        await answer_query(query, _("Tombol ini dari formulir yang sudah selesai atau dibatalkan."))
        return
    if form.already_applied(update.update_id):
        await answer_query(query)
        await send_step(update, context, form)  # see on_answer: the reply may be lost
        return
    definition = form_definition(context, form)
    await answer_query(query)
    if action == keys.CHOOSE:
        await _apply(update, context, form, ChoiceReply(question, value))
    elif action == keys.SKIP:
        await _apply(update, context, form, SkipReply(question))
    elif action == keys.KEEP:
        await _apply(update, context, form, KeepReply(question))
    elif action == keys.YESTERDAY:
        await _switch_to_yesterday(update, context, form)
    elif not at_review(form.progress):
        await send_step(
            update, context, form, preface=_("Jawab dulu pertanyaan yang sedang ditanyakan.")
        )
    elif action == keys.SUBMIT:
        await _submit(update, context, form)
    elif action == keys.CHANGE:
        await _edit(
            query.message,
            _("Pertanyaan mana yang ingin diubah?"),
            keys.change_keyboard(t, definition, form.token),
        )
    elif action == keys.BACK:
        await _edit(query.message, review_of(context, t, form), keys.review_keyboard(t, form.token))
    elif action == keys.EDIT and question not in definition.labels:
        await send_step(update, context, form, preface=_("Tombol ini sudah tidak berlaku."))
    elif action == keys.EDIT:
        progress = begin_edit(definition, form.progress, question)
        form = await form_sessions.save_progress(form, progress, update.update_id)
        await _edit(
            query.message,
            _("Mengubah: {label}").format(label=escape(_(definition.question(question).label))),
        )
        await send_step(update, context, form)
    elif action == keys.CANCEL:
        await form_sessions.cancel_form(form.user_id)
        await _edit(query.message, _("Laporan dibatalkan. Ketik /lapor untuk mulai lagi."))


async def _switch_to_yesterday(update: Update, context: BotContext, form: ActiveForm) -> None:
    """Turns a new form into yesterday's late report, while yesterday is still open."""
    t = form_translator(context, form)
    _ = t.gettext
    now = context.runtime.clock()
    group = await find_group(form.chat_id)
    yesterday = (
        late_report_day(now, group.time_zone, group.late_cutoff) if group is not None else None
    )
    today = local_today(now, form.time_zone)
    if form.report_date not in (None, today) or form.progress.answers or yesterday is None:
        # Started already, or yesterday closed since the button was sent.
        await send_step(update, context, form, preface=_("Tombol ini sudah tidak berlaku."))
        return
    form = await form_sessions.change_day(form, yesterday, update.update_id)
    await _edit(update.callback_query.message, report_day_line(t, yesterday, today, False))
    await send_step(update, context, form)


async def _submit(update: Update, context: BotContext, form: ActiveForm) -> None:
    t = form_translator(context, form)
    _ = t.gettext
    now = context.runtime.clock()
    if form.correcting and form.report_date is not None:
        sent = await reports.report_of(form.chat_id, form.agency, form.report_date)
        if sent is not None and sent.answers == dict(form.progress.answers):
            # Nothing changed: no second version, and nothing for the group to read.
            await form_sessions.cancel_form(form.user_id)
            await _edit(
                update.callback_query.message,
                _(
                    "Tidak ada jawaban yang diubah; laporan untuk {date} tetap seperti semula."
                ).format(date=t.full_date(form.report_date)),
            )
            return
    try:
        report = await form_sessions.submit_form(form, dict(form.progress.answers), now)
    except NotALiaison:
        await form_sessions.cancel_form(form.user_id)
        await reply(
            update,
            _("Anda tidak lagi terdaftar sebagai penghubung grup itu; laporan tidak dikirim."),
        )
        return
    except DayClosed as closed:
        await _offer_today(update, context, form, closed)
        return
    except LookupError:
        return  # submitted already by an earlier delivery of this same tap
    definition = form_definition(context, form)
    today = local_today(now, form.time_zone)
    await _edit(
        update.callback_query.message,
        review_text(t, definition, form.progress) + "\n\n" + await _thanks(t, report, today),
        InlineKeyboardMarkup(
            [
                [
                    InlineKeyboardButton(
                        _("Ubah laporan"),
                        callback_data=ReportCorrection(form.chat_id, report.report_date).pack(),
                    )
                ]
            ]
        ),
    )
    await delivery.send(context.bot, form.chat_id, _group_line(t, context, report, today))


async def _thanks(t: Translator, report: StoredReport, today: date) -> str:
    """What the liaison reads once the report is stored."""
    _ = t.gettext
    values = {"agency": report.agency.label, "date": t.full_date(report.report_date)}
    if report.late:
        done = _(
            "Terima kasih, laporan {agency} untuk {date} sudah tercatat sebagai laporan terlambat."
        ).format(**values)
    else:
        done = _("Terima kasih, laporan {agency} untuk {date} sudah tercatat.").format(**values)
    if report.corrected:
        done += "\n" + _(
            "Laporan ini menggantikan laporan Anda sebelumnya untuk hari itu; "
            "versi sebelumnya tetap tersimpan."
        )
    if (
        report.report_date < today
        and await reports.report_of(report.chat_id, report.agency, today) is None
    ):
        done += "\n" + _("Ketik /lapor untuk mengisi laporan hari ini.")
    return done


def _group_line(t: Translator, context: BotContext, report: StoredReport, today: date) -> str:
    """The one line the group reads: reported, reported late, or corrected."""
    _ = t.gettext
    forms = context.runtime.forms
    values = {
        "agency": escape(agency_with_unit(report.agency, report.unit_name)),
        "status": situation_text(t, forms, forms.situation.of(report.answers)),
        "date": t.full_date(report.report_date),
    }
    if report.corrected and report.report_date == today:
        return _("✏️ {agency} memperbaiki laporan hari ini · {status}").format(**values)
    if report.corrected:
        return _("✏️ {agency} memperbaiki laporan {date} · {status}").format(**values)
    if report.late:
        return _("✅ {agency} telah melapor untuk {date} (terlambat) · {status}").format(**values)
    return _("✅ {agency} telah melapor · {status}").format(**values)


async def _offer_today(
    update: Update, context: BotContext, form: ActiveForm, closed: DayClosed
) -> None:
    """Yesterday closed before Kirim: explains, and offers the answers as today's report."""
    t = form_translator(context, form)
    now = context.runtime.clock()
    form = await form_sessions.change_day(form, local_today(now, form.time_zone), update.update_id)
    explanation = t.gettext(
        "Batas waktu laporan untuk {date} sudah lewat (pukul {time} {zone}), sehingga laporan "
        "ini tidak dapat dikirim untuk hari itu. Jawaban Anda tetap ada: tekan Kirim untuk "
        "mengirimnya sebagai laporan hari ini, {today}, atau Batal."
    ).format(
        date=t.full_date(closed.day),
        time=t.time_of_day(closed.cutoff),
        zone=zone_label(form.time_zone),
        today=t.full_date(local_today(now, form.time_zone)),
    )
    await _edit(update.callback_query.message, review_of(context, t, form))
    await send_step(update, context, form, preface=explanation)


async def cancel(update: Update, context: BotContext) -> None:
    """Cancels the form being filled in."""
    form = await form_sessions.active_form(update.effective_user.id)
    _ = context.translator(form.locale if form else None).gettext
    if await form_sessions.cancel_form(update.effective_user.id):
        await reply(update, _("Laporan dibatalkan. Ketik /lapor untuk mulai lagi."))
    else:
        await reply(update, _("Tidak ada laporan yang sedang diisi."))


def handlers() -> list[BaseHandler]:
    # Messages reach on_answer through handlers.private_chat, which routes a
    # private chat's messages to the conversation the person is in. An edited
    # answer is ignored there (the form has moved on).
    return [CallbackQueryHandler(on_button, pattern=FormTap.matches)]
