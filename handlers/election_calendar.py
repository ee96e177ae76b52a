"""/tahapan: the election calendar's stage today and what comes next; admins correct a stage.

``/tahapan`` and ``/tahapan semua`` are for everyone in the group.
``/tahapan <tahap> <dari> <sampai>`` (a regional re-vote, a delayed
recapitulation) and ``/tahapan <tahap> semula`` are for admins. A correction is
checked like the shipped calendars (``bot.domain.elections.loading``); a
refused one changes nothing.
"""

from __future__ import annotations

from telegram import Update

from bot.context import BotContext
from bot.domain.countdown import local_today
from bot.domain.dates import DateParseError, DateProblem, parse_date_range
from bot.domain.elections import CorrectionError, CorrectionProblem, calendar_of, check_correction
from bot.domain.elections.loading import POLLING_STAGE, without_correction
from bot.domain.forum import GroupSettings
from bot.domain.user_input import clean_line, command_argument
from bot.services import groups
from bot.texts.calendar_view import (
    EXAMPLE_CORRECTION,
    EXAMPLE_RESET,
    all_stages_text,
    no_calendar_text,
    stage_view_text,
)
from bot.texts.html import escape, shorten
from bot.texts.i18n import Translator
from handlers.access import group_command, is_group_admin
from handlers.replies import refuse_non_admin, reply

_ALL_WORDS = frozenset({"semua", "lengkap", "daftar"})
_RESET_WORDS = frozenset({"semula", "asli", "reset"})


@group_command
async def show_or_correct_stages(
    update: Update, context: BotContext, t: Translator, group: GroupSettings | None
) -> None:
    """Shows the stage running and the next milestones; an admin corrects one stage."""
    now = context.runtime.clock()
    words = clean_line(command_argument(update.effective_message.text)).split()
    if group is None or group.polling_day is None:
        wants_change = bool(words) and words[0].casefold() not in _ALL_WORDS
        if wants_change and not await is_group_admin(update, context):
            await refuse_non_admin(update, t)
            return
        await reply(update, no_calendar_text(t))
        return
    today = local_today(now, group.time_zone)
    if not words:
        await reply(update, stage_view_text(t, group, today))
        return
    if len(words) == 1 and words[0].casefold() in _ALL_WORDS:
        await reply(update, all_stages_text(t, group))
        return
    if not await is_group_admin(update, context):
        await refuse_non_admin(update, t)
        return
    await _correct(update, context, t, group, words)


async def _correct(
    update: Update, context: BotContext, t: Translator, group: GroupSettings, words: list[str]
) -> None:
    _ = t.gettext
    calendar = calendar_of(group)
    assert calendar is not None  # polling day is set
    election = calendar.calendar
    example = _("Contoh: <code>{example}</code>").format(example=EXAMPLE_CORRECTION)
    stage_id = words[0].casefold()
    stage = election.stage(stage_id)
    if stage is None:
        choices = ", ".join(
            f"<code>{s.id}</code>" for s in election.stages if s.id != POLLING_STAGE
        )
        await reply(
            update,
            _("Tahapan «{stage}» tidak ada dalam jadwal ini. Pilihan: {choices}.").format(
                stage=escape(shorten(words[0])), choices=choices
            )
            + "\n"
            + example,
        )
        return
    chat = update.effective_chat
    now = context.runtime.clock()
    if len(words) == 2 and words[1].casefold() in _RESET_WORDS:
        if not stage.corrected:
            await reply(
                update, _("Tahap {stage} belum pernah dikoreksi.").format(stage=_(stage.name))
            )
            return
        group = await groups.set_stage_corrections(
            chat.id, chat.title or "", without_correction(election, stage_id), now=now
        )
        today = local_today(now, group.time_zone)
        await reply(
            update,
            _("Tahap {stage} kembali ke jadwal semula.").format(stage=_(stage.name))
            + "\n\n"
            + stage_view_text(t, group, today),
        )
        return
    if len(words) == 1:
        await reply(
            update,
            _("Tulis tanggal mulai dan tanggal akhir tahap {stage}, atau «semula».").format(
                stage=_(stage.name)
            )
            + "\n"
            + example
            + "\n"
            + _("Mengembalikan jadwal: <code>{example}</code>").format(example=EXAMPLE_RESET),
        )
        return
    try:
        first, last = parse_date_range(" ".join(words[1:]))
    except DateParseError as error:
        shown = escape(shorten(error.text))
        problem = {
            DateProblem.UNRECOGNISED: _(
                "Tanggal «{date}» tidak dikenali. Tulis dua tanggal, misalnya 29-11-2024 "
                "10-12-2024 atau 29 November 2024 sampai 10 Desember 2024."
            ),
            DateProblem.IMPOSSIBLE: _("Tanggal «{date}» tidak ada di kalender."),
            DateProblem.OUT_OF_RANGE: _("Tahun pada tanggal «{date}» harus antara 2000 dan 2100."),
        }[error.problem]
        await reply(update, problem.format(date=shown) + "\n" + example)
        return
    try:
        corrections = check_correction(election, stage_id, first, last)
    except CorrectionError as error:
        await reply(update, correction_problem_text(t, group, error) + "\n" + example)
        return
    group = await groups.set_stage_corrections(chat.id, chat.title or "", corrections, now=now)
    today = local_today(now, group.time_zone)
    await reply(
        update,
        _("Tahap {stage} untuk wilayah ini sekarang {first} sampai {last}.").format(
            stage=_(stage.name), first=t.full_date(first), last=t.full_date(last)
        )
        + "\n\n"
        + stage_view_text(t, group, today),
    )


def correction_problem_text(t: Translator, group: GroupSettings, error: CorrectionError) -> str:
    """Why a stage's new dates are refused, in the group's language."""
    _ = t.gettext
    calendar = calendar_of(group)
    assert calendar is not None
    election = calendar.calendar
    stage = election.stage(error.stage_id)
    name = _(stage.name) if stage is not None else error.stage_id
    polling = t.full_date(election.polling_day)
    if error.problem is CorrectionProblem.POLLING_DAY:
        return _("Hari pemungutan suara diubah dengan /hari_h, bukan dengan /tahapan.")
    if error.problem is CorrectionProblem.REVERSED:
        return _("Tanggal akhir lebih awal daripada tanggal mulai; tulis tanggal mulai dahulu.")
    if error.problem is CorrectionProblem.OUTSIDE_SPAN:
        assert error.earliest is not None and error.latest is not None
        return _(
            "Tanggal itu di luar rentang pemilihan ini: setiap tahapan harus berada antara "
            "{earliest} dan {latest}."
        ).format(earliest=t.full_date(error.earliest), latest=t.full_date(error.latest))
    if error.problem is CorrectionProblem.CROSSES_POLLING_DAY:
        if stage is not None and stage.parallel:
            return _(
                "Tahap {stage} dimulai paling cepat pada hari pemungutan suara ({polling})."
            ).format(stage=name, polling=polling)
        return _("Tahap {stage} harus selesai sebelum hari pemungutan suara ({polling}).").format(
            stage=name, polling=polling
        )
    if error.problem is CorrectionProblem.OVERLAP:
        other = election.stage(error.other or "")
        return _(
            "Tanggal itu bertumpang tindih dengan tahap {other} ({first} sampai {last})."
        ).format(
            other=_(other.name) if other else error.other,
            first=t.full_date(other.first) if other else "",
            last=t.full_date(other.last) if other else "",
        )
    return _("Tahapan «{stage}» tidak ada dalam jadwal ini.").format(stage=escape(error.stage_id))
