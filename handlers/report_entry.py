"""Opening the report form: /lapor in a group (a deep link) or in a private chat, and
"Ubah laporan" under a sent report.

The form itself runs in the private chat so the group is not flooded; the
group gets one line when a report is submitted (see ``handlers.report_form``).
``/lapor kemarin`` opens yesterday's report, stored late, until the group's
cut-off (12.00 by default); after it the liaison is told yesterday is closed
and gets today's form. A new form for today offers yesterday's while that is
still open and missing. "Ubah laporan" opens the sent answers for a
correction, for today's report and, until the cut-off, yesterday's.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from telegram import Chat, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.ext import BaseHandler, CallbackQueryHandler

from bot.context import BotContext
from bot.domain.countdown import local_today
from bot.domain.elections import election_day
from bot.domain.forms import FormProgress, resume, start
from bot.domain.forum import GroupSettings
from bot.domain.reporting_days import late_report_day, may_report_for
from bot.domain.user_input import clean_keyword, command_argument
from bot.domain.zones import zone_label
from bot.services import incident_drafts, liaisons, reports
from bot.services.day_status import day_off_of
from bot.services.form_sessions import NotALiaison, start_form
from bot.services.groups import find_group
from bot.services.liaisons import LiaisonRecord
from bot.texts.form_texts import report_day_line
from bot.texts.html import escape
from bot.texts.i18n import Translator
from bot.transport.callback_data import GroupChoice, LateGroupChoice, ReportCorrection, parse_as
from bot.transport.deep_links import report_link, report_url
from handlers.registration import agency_unit
from handlers.replies import answer_query, chat_group, reply
from handlers.report_form import open_form_of, send_step

ONE_DAY = timedelta(days=1)
YESTERDAY_WORDS = frozenset({"kemarin", "yesterday"})
TODAY_WORDS = frozenset({"", "hari ini", "today"})


def _wants_yesterday(update: Update) -> bool | None:
    """True for ``/lapor kemarin``, False for ``/lapor``; None for anything else typed after it."""
    word = clean_keyword(command_argument(update.effective_message.text)).casefold()
    if word in YESTERDAY_WORDS:
        return True
    return False if word in TODAY_WORDS else None


def _which_day(t: Translator) -> str:
    _ = t.gettext
    return _(
        "Ketik <code>/lapor</code> untuk laporan hari ini, atau <code>/lapor kemarin</code> "
        "untuk laporan kemarin yang terlambat."
    )


def _closed(t: Translator, group: GroupSettings, yesterday: date) -> str:
    """Yesterday may no longer be reported for: when it closed."""
    _ = t.gettext
    return _(
        "Batas waktu laporan untuk kemarin, {date}, sudah lewat (pukul {time} {zone}). "
        "Silakan isi laporan hari ini."
    ).format(
        date=t.full_date(yesterday),
        time=t.time_of_day(group.late_cutoff),
        zone=zone_label(group.time_zone),
    )


async def report_from_group(update: Update, context: BotContext) -> None:
    """Answers /lapor (or /lapor kemarin) in a group with a button to the private form."""
    group, t = await chat_group(update, context)
    _ = t.gettext
    chat, user = update.effective_chat, update.effective_user
    now = context.runtime.clock()
    record = await liaisons.liaison_in_group(chat.id, user.id) if user else None
    zone = group.time_zone if group else "Asia/Jakarta"
    if record is None or not record.serves_on(local_today(now, zone)):
        await reply(
            update,
            _(
                "Hanya penghubung yang sudah disetujui yang dapat melapor. "
                "Daftar dengan <code>/daftar Polri Polres Kutai Timur</code>."
            ),
        )
        return
    late = _wants_yesterday(update)
    if late is None:
        await reply(update, _which_day(t))
        return
    if late and group is not None:
        yesterday = late_report_day(now, group.time_zone, group.late_cutoff)
        if yesterday is None:
            await reply(
                update,
                _closed(t, group, local_today(now, group.time_zone) - ONE_DAY),
                _button(t, context, chat.id, late=False),
            )
            return
        await reply(
            update,
            _(
                "{name}, isi laporan {agency} untuk kemarin, {date} (terlambat), melalui "
                "percakapan pribadi dengan bot:"
            ).format(
                name=escape(record.name), agency=agency_unit(record), date=t.full_date(yesterday)
            ),
            _button(t, context, chat.id, late=True),
        )
        return
    await reply(
        update,
        _("{name}, isi laporan harian {agency} melalui percakapan pribadi dengan bot:").format(
            name=escape(record.name), agency=agency_unit(record)
        ),
        _button(t, context, chat.id, late=False),
    )


def _button(t: Translator, context: BotContext, chat_id: int, late: bool) -> InlineKeyboardMarkup:
    _ = t.gettext
    label = _("Buka formulir laporan kemarin") if late else _("Buka formulir laporan")
    url = report_url(context.bot.username, chat_id, late)
    return InlineKeyboardMarkup([[InlineKeyboardButton(label, url=url)]])


async def report_from_deep_link(update: Update, context: BotContext) -> None:
    """Starts the form for the group named in the /start payload (today's, or yesterday's)."""
    link = report_link(context.args[0]) if context.args else None
    if link is None:
        t = context.translator()
        await reply(update, t.gettext("Tautan laporan ini tidak valid. Ketik /lapor untuk mulai."))
        return
    chat_id, late = link
    await open_form(update, context, chat_id, late=late)


async def report_in_private(update: Update, context: BotContext) -> None:
    """Starts the form at once, asking which group first when the liaison serves several."""
    t = context.translator()
    _ = t.gettext
    late = _wants_yesterday(update)
    if late is None:
        await reply(update, _which_day(t))
        return
    served = await liaisons.groups_served_by(update.effective_user.id, context.runtime.clock())
    if not served:
        await reply(
            update,
            _(
                "Anda belum terdaftar sebagai penghubung di grup mana pun. Ketik "
                "/daftar di grup Forkopimda Anda terlebih dahulu."
            ),
        )
    elif len(served) == 1:
        await open_form(update, context, served[0][0], late=late)
    else:
        buttons = [
            [
                InlineKeyboardButton(
                    name[:60] or str(chat_id),
                    callback_data=(
                        LateGroupChoice(chat_id) if late else GroupChoice(chat_id)
                    ).pack(),
                )
            ]
            for chat_id, name in served
        ]
        question = (
            _("Laporan kemarin ini untuk grup mana?") if late else _("Laporan ini untuk grup mana?")
        )
        await reply(update, question, InlineKeyboardMarkup(buttons))


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
    choice = parse_as(GroupChoice, query.data) or parse_as(LateGroupChoice, query.data)
    assert choice is not None  # the handlers' patterns
    await open_form(update, context, choice.chat_id, late=isinstance(choice, LateGroupChoice))


def _carries(message: Message | None, data: str) -> bool:
    """True if ``message`` shows a button with ``data`` (a forged tap may come on any message)."""
    markup = getattr(message, "reply_markup", None)
    return markup is not None and any(
        button.callback_data == data for row in markup.inline_keyboard for button in row
    )


async def _serving(
    update: Update, context: BotContext, chat_id: int, now: datetime
) -> tuple[GroupSettings, LiaisonRecord] | None:
    """The group and the person's registration, if they serve it today; else says why not."""
    record = await liaisons.liaison_in_group(chat_id, update.effective_user.id)
    group = await find_group(chat_id) if record is not None else None
    if (
        group is None
        or record is None
        or not group.active
        or not record.serves_on(local_today(now, group.time_zone))
    ):
        await reply(update, _not_a_liaison(context.translator(group.locale if group else None)))
        return None
    return group, record


def _not_a_liaison(t: Translator) -> str:
    return t.gettext(
        "Anda bukan penghubung yang disetujui di grup itu, sehingga tidak dapat melapor untuknya."
    )


async def open_form(update: Update, context: BotContext, chat_id: int, late: bool = False) -> None:
    """Resumes this group's unfinished form for the day asked, or opens a new one.

    Yesterday's, once it is closed, gives way to today's with a word why; when
    yesterday's report was already sent, its answers open for a correction.
    """
    now = context.runtime.clock()
    serving = await _serving(update, context, chat_id, now)
    if serving is None:
        return
    group, record = serving
    t = context.translator(group.locale)
    _ = t.gettext
    note, incident = await incident_drafts.drafts_of(update.effective_user.id)
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
    today = local_today(now, group.time_zone)
    yesterday = late_report_day(now, group.time_zone, group.late_cutoff)
    closed_note = None
    if late and yesterday is None:
        closed_note = _closed(t, group, today - ONE_DAY)
        late = False
    if (
        late
        and yesterday is not None
        and await reports.report_of(chat_id, record.agency, yesterday) is not None
    ):
        await open_correction(update, context, group, record, yesterday)
        return
    day = yesterday if late and yesterday is not None else today
    existing = await open_form_of(context, update.effective_user.id)
    if existing is not None and existing.chat_id == chat_id:
        # /lapor kemarin resumes yesterday's; /lapor whichever is still open.
        existing_day = existing.report_date or today
        if existing_day == day or (not late and existing_day in (today, yesterday)):
            preface = _("Melanjutkan laporan yang belum selesai.")
            if existing_day != today or existing.correcting:
                line = report_day_line(t, existing_day, today, existing.correcting)
                preface = f"{line}\n{preface}"
            await send_step(update, context, existing, preface=_joined(closed_note, preface))
            return
    election = election_day(group, day)
    forms = context.runtime.forms.for_day(election.phase, election.stage_id)
    if not forms.has_form(record.agency):
        stage = _(election.stage.name) if election.stage else _("di luar tahapan")
        await reply(
            update,
            _("Pada tahap ini ({stage}) {agency} tidak diminta menyampaikan laporan.").format(
                stage=stage, agency=record.agency.label
            ),
        )
        return
    try:
        form_definition = forms.form_for(record.agency)
        last = await reports.last_answers(chat_id, record.agency)
        form = await start_form(
            update.effective_user.id,
            chat_id,
            start(form_definition, last),
            update.update_id,
            now=now,
            report_date=day,
        )
    except NotALiaison:  # removed in the meantime
        await reply(update, _not_a_liaison(t))
        return
    if day != today:
        heading = _(
            "<b>Laporan {agency} untuk kemarin, {date} (terlambat)</b>\n{group}\n"
            "Ketik /batal untuk membatalkan."
        ).format(agency=agency_unit(record), date=t.full_date(day), group=escape(form.group_name))
    else:
        heading = _(
            "<b>Laporan harian {agency}</b>\n{group}\nKetik /batal untuk membatalkan."
        ).format(agency=agency_unit(record), group=escape(form.group_name))
    offer = day == today and await _yesterday_missing(group, record, yesterday)
    if offer and yesterday is not None:
        heading += "\n\n" + _(
            "Laporan {agency} untuk kemarin, {date}, belum ada. Sampai pukul {time} {zone} "
            "laporan itu masih dapat dikirim: tekan «Isi laporan kemarin»."
        ).format(
            agency=record.agency.label,
            date=t.full_date(yesterday),
            time=t.time_of_day(group.late_cutoff),
            zone=zone_label(group.time_zone),
        )
    await send_step(
        update, context, form, preface=_joined(closed_note, heading), offer_yesterday=offer
    )


def _joined(*parts: str | None) -> str:
    return "\n\n".join(part for part in parts if part)


async def _yesterday_missing(
    group: GroupSettings, record: LiaisonRecord, yesterday: date | None
) -> bool:
    """Whether today's form should offer yesterday's late report: yesterday is still open,
    the agency was expected then (the group existed, no day off) and has not reported."""
    if yesterday is None or record.agency not in group.expected:
        return False
    if (
        group.active_since is not None
        and local_today(group.active_since, group.time_zone) > yesterday
    ):
        return False
    # Most agencies reported yesterday: that read first, the day-off one only if not.
    if await reports.report_of(group.chat_id, record.agency, yesterday) is not None:
        return False
    return await day_off_of(group, yesterday) is None


async def open_correction(
    update: Update,
    context: BotContext,
    group: GroupSettings,
    record: LiaisonRecord,
    day: date,
) -> None:
    """Opens the agency's sent report of ``day`` at the review, its answers filled in."""
    t = context.translator(group.locale)
    _ = t.gettext
    now = context.runtime.clock()
    if not may_report_for(day, now, group.time_zone, group.late_cutoff):
        await reply(update, _not_correctable(t, group, day))
        return
    report = await reports.report_of(group.chat_id, record.agency, day)
    if report is None:
        await reply(
            update,
            _(
                "Belum ada laporan {agency} untuk {date} yang dapat diubah. Ketik /lapor untuk "
                "melapor."
            ).format(agency=record.agency.label, date=t.full_date(day)),
        )
        return
    # The questions of that day's stage, as the report was asked.
    election = election_day(group, day)
    stage_forms = context.runtime.forms.for_day(election.phase, election.stage_id)
    if not stage_forms.has_form(record.agency):
        stage_forms = stage_forms.complete
    definition = stage_forms.form_for(record.agency)
    offered = start(definition, report.answers)
    progress = resume(definition, FormProgress(report.answers, None, remembered=offered.remembered))
    try:
        form = await start_form(
            update.effective_user.id,
            group.chat_id,
            progress,
            update.update_id,
            now=now,
            report_date=day,
            correcting=True,
        )
    except NotALiaison:  # removed in the meantime
        await reply(update, _not_a_liaison(t))
        return
    await send_step(
        update,
        context,
        form,
        preface=_(
            "<b>Ubah laporan {agency}</b>\n{group}\nTekan Ubah untuk mengganti jawaban yang "
            "keliru, lalu Kirim. Ketik /batal untuk membatalkan."
        ).format(agency=agency_unit(record), group=escape(form.group_name)),
    )


def _not_correctable(t: Translator, group: GroupSettings, day: date) -> str:
    _ = t.gettext
    return _(
        "Laporan untuk {date} tidak dapat diubah lagi. Yang dapat diubah hanya laporan hari ini "
        "dan, sampai pukul {time} {zone}, laporan kemarin."
    ).format(
        date=t.full_date(day),
        time=t.time_of_day(group.late_cutoff),
        zone=zone_label(group.time_zone),
    )


async def correct_report(update: Update, context: BotContext) -> None:
    """ "Ubah laporan": opens the sent report for a correction, while its day is still open."""
    query = update.callback_query
    if update.effective_chat is None or update.effective_chat.type != Chat.PRIVATE:
        await answer_query(query, context.translator().gettext("Tombol ini sudah tidak berlaku."))
        return
    correction = parse_as(ReportCorrection, query.data)
    assert correction is not None  # the handler's pattern
    await answer_query(query)
    now = context.runtime.clock()
    serving = await _serving(update, context, correction.chat_id, now)
    if serving is None:
        return
    group, record = serving
    await open_correction(update, context, group, record, correction.report_date)


def handlers() -> list[BaseHandler]:
    return [
        CallbackQueryHandler(choose_group, pattern=GroupChoice.matches),
        CallbackQueryHandler(choose_group, pattern=LateGroupChoice.matches),
        CallbackQueryHandler(correct_report, pattern=ReportCorrection.matches),
    ]
