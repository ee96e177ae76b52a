"""The daily summary: every agency's latest report for one day, read at a glance on a phone.

The forum meets with this message on the table, so it leads with the most
serious situation reported and how many agencies have spoken, then gives each
reporting agency a short block of its figures, and ends with who is still
silent. How each answer reads comes from the forms data (each question's
``summary`` format, its unit, the question whose line it completes or whose
share it is), so a deployment that renames or adds questions gets them shown
as its data says, and nothing here knows a question id.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from operator import attrgetter
from zoneinfo import ZoneInfo

from bot.domain.agencies import Agency
from bot.domain.days_off import DayOff, holiday_names
from bot.domain.elections import election_day
from bot.domain.forms import Form, FormSet, Question, QuestionKind
from bot.domain.forms.combining import Combined, decimal_of, share
from bot.domain.forum import Answer, GroupSettings, SubmittedReport
from bot.domain.incidents import IncidentCategories, IncidentDigest
from bot.texts.calendar_view import rhythm_text
from bot.texts.group_view import EXAMPLE_REGION, countdown_line
from bot.texts.html import escape
from bot.texts.i18n import Translator
from bot.texts.incidents import digest_block
from bot.texts.situation import situation_text

__all__ = [
    "SubmittedReport",
    "SummaryInput",
    "answer_text",
    "overall_status",
    "render_summary",
    "share_text",
]


@dataclass(frozen=True)
class SummaryInput:
    group: GroupSettings
    report_date: date
    reports: Sequence[SubmittedReport]  # the latest per agency
    expected_agencies: Sequence[Agency]  # agencies expected that day, with approved liaisons
    forms: FormSet  # what each answer means and how it reads
    # The day's incidents by category and those still open, with what their categories
    # are called; None leaves the incidents out (a summary from before they existed).
    incidents: IncidentDigest | None = None
    categories: IncidentCategories | None = None
    day_off: DayOff | None = None  # a paused day or a skipped holiday: nobody was expected
    interim: bool = False  # polling day's afternoon summary: the day so far


def overall_status(forms: FormSet, reports: Sequence[SubmittedReport]) -> str | None:
    """The most serious situation reported; None when nobody gave one."""
    return forms.situation.worst(forms.situation.of(report.answers) for report in reports)


def render_summary(t: Translator, data: SummaryInput) -> str:
    """The summary as Telegram HTML; long ones go through ``bot.texts.splitting.split_message``."""
    _ = t.gettext
    reports = _latest_per_agency(data.reports)
    reported = {report.agency for report in reports}
    missing = sorted(set(data.expected_agencies) - reported, key=attrgetter("order"))
    zone = ZoneInfo(data.group.time_zone)
    day = election_day(data.group, data.report_date)
    # Each day's answers read under the questions of that day's stage.
    day_forms = data.forms.for_day(day.phase, day.stage_id)
    blocks = [_heading(t, data)]
    if data.day_off is not None:
        blocks.append(day_off_text(t, data.day_off, data.group.time_zone))
    expected = None if data.day_off else len(reported | set(data.expected_agencies))
    blocks.append(_overall(t, data.forms, reports, expected))
    if not reports and not day.reports_expected and data.day_off is None:
        blocks[-1] = _(
            "Tidak ada laporan yang diharapkan pada hari ini (laporan {rhythm})."
        ).format(rhythm=rhythm_text(t, day.rhythm))
    follow_ups = _follow_ups(t, data.forms, reports)
    if follow_ups:
        blocks.append(follow_ups)
    if data.incidents is not None and data.categories is not None:
        blocks.append(digest_block(t, data.categories, data.incidents, data.group.time_zone))
    blocks += [_report_block(t, report, data, day_forms, zone) for report in reports]
    if missing:
        blocks.append(
            _("Belum melapor: {agencies}").format(
                agencies=", ".join(agency.label for agency in missing)
            )
        )
    return "\n\n".join(blocks)


def _latest_per_agency(reports: Sequence[SubmittedReport]) -> list[SubmittedReport]:
    latest: dict[Agency, SubmittedReport] = {}
    for report in reports:
        known = latest.get(report.agency)
        if known is None or report.submitted_at > known.submitted_at:
            latest[report.agency] = report
    return sorted(latest.values(), key=lambda report: report.agency.order)


def _heading(t: Translator, data: SummaryInput) -> str:
    _ = t.gettext
    group = data.group
    if group.region_name:
        region = escape(group.region_name)
    else:
        region = _("Wilayah belum diatur (contoh: <code>{example}</code>)").format(
            example=EXAMPLE_REGION
        )
    title = (
        _("<b>Ringkasan sementara Posko Forkopimda</b>")
        if data.interim
        else _("<b>Ringkasan Harian Posko Forkopimda</b>")
    )
    lines = [title, region, t.full_date(data.report_date)]
    countdown = countdown_line(t, group, data.report_date)
    if countdown:
        lines.append(countdown)
    return "\n".join(lines)


def day_off_text(t: Translator, day_off: DayOff, zone: str) -> str:
    """Why nothing was expected that day: the pause (until when), or the holiday's name."""
    _ = t.gettext
    if day_off.paused:
        last = day_off.pause.last_day(zone) if day_off.pause else None
        if last is None:
            return _("⏸ Posko dijeda hari ini: tidak ada laporan yang diwajibkan.")
        return _(
            "⏸ Posko dijeda sampai {date}: tidak ada laporan yang diwajibkan hari ini."
        ).format(date=t.full_date(last))
    names = ", ".join(escape(name) for name in holiday_names(day_off.day, t.locale))
    return _("🏖 Libur nasional ({holiday}): tidak ada laporan yang diwajibkan hari ini.").format(
        holiday=names
    )


def _overall(
    t: Translator, forms: FormSet, reports: list[SubmittedReport], expected: int | None
) -> str:
    """The most serious situation and how many reported, of how many expected (None: a day
    off, when nobody was)."""
    _ = t.gettext
    if not reports:
        if expected is None:
            return _("Tidak ada laporan pada hari ini.")
        return _("Belum ada instansi yang melapor.")
    if expected is None:
        count = _("instansi yang melapor: {reported}").format(reported=t.number(len(reports)))
    else:
        count = _("{reported} dari {expected} instansi melapor").format(
            reported=t.number(len(reports)), expected=t.number(expected)
        )
    late = sum(1 for report in reports if report.late)
    if late:
        count = _("{count} ({late} terlambat)").format(count=count, late=t.number(late))
    status = overall_status(forms, reports)
    if status is None:
        return _("<b>Situasi umum:</b> {count}").format(count=count)
    return _("<b>Situasi umum:</b> {status} · {count}").format(
        status=situation_text(t, forms, status), count=count
    )


def _follow_ups(t: Translator, forms: FormSet, reports: list[SubmittedReport]) -> str | None:
    """What the agencies ask the forum to discuss or follow up, one line each, in their order."""
    if forms.follow_up is None:
        return None
    lines = [
        f"• {report.agency.label}: {escape(report.answers[forms.follow_up])}"
        for report in reports
        if report.answers.get(forms.follow_up) is not None
    ]
    if not lines:
        return None
    return "\n".join([t.gettext("<b>Perlu tindak lanjut</b>"), *lines])


def _report_block(
    t: Translator, report: SubmittedReport, data: SummaryInput, day_forms: FormSet, zone: ZoneInfo
) -> str:
    heading = f"<b>{report.agency.label}</b>"
    unit = report.unit_name.strip()
    if unit and unit.casefold() != report.agency.label.casefold():
        heading += " · " + escape(unit)
    return "\n".join(
        [
            heading,
            _status_line(t, data.forms, report, data.report_date, zone),
            *answer_lines(t, day_forms, _form_of_day(day_forms, report.agency), report.answers),
        ]
    )


def _form_of_day(day_forms: FormSet, agency: Agency) -> Form:
    """The agency's form of the day; its whole form on a day it was not asked to report."""
    if day_forms.has_form(agency):
        return day_forms.form_for(agency)
    return day_forms.complete.form_for(agency)


def _status_line(
    t: Translator, forms: FormSet, report: SubmittedReport, report_date: date, zone: ZoneInfo
) -> str:
    _ = t.gettext
    status = situation_text(t, forms, forms.situation.of(report.answers))
    when = _moment(t, report.submitted_at.astimezone(zone), report_date)
    if report.late:
        when = _("{time} (terlambat)").format(time=when)
    line = _("{status} · {time} · {liaison}").format(
        status=status, time=when, liaison=escape(report.liaison_name)
    )
    if report.corrected_at is not None:
        corrected = _moment(t, report.corrected_at.astimezone(zone), report_date)
        line += " · " + _("✏️ diperbaiki {time}").format(time=corrected)
    return line


def _moment(t: Translator, moment: datetime, report_date: date) -> str:
    """The local time, with its date when that is not the report's day (sent late)."""
    when = t.clock_time(moment)
    if moment.date() != report_date:
        when = t.gettext("{date}, {time}").format(date=t.full_date(moment.date()), time=when)
    return when


def answer_lines(
    t: Translator, forms: FormSet, form: Form, answers: Mapping[str, Answer]
) -> list[str]:
    """One agency's answers as the summary shows them, in the order of its form.

    The situation has its own line; an attached answer completes its question's
    line; a whole (jumlah TPS) shows inside its part's line. Answers to questions
    the agency's form no longer asks (the forms file changed since) follow, as
    the question reads in another form or else under its id, and the form's
    closing note comes last.
    """
    own = {question.id for question in form.questions}
    lines: list[str] = []
    closing: list[str] = []
    for question in form.questions:
        if question.id in (forms.situation.question_id, forms.follow_up):
            continue  # shown in the status line, or in the follow-up block
        if question.attach_to is not None:
            continue
        if question.id in form.wholes and _part_shown(form, question.id, answers):
            continue
        line = _question_line(t, form, question, answers)
        if line is not None:
            (closing if question.closing else lines).append(line)
    for key, value in answers.items():
        if key in own or value is None or key == forms.follow_up:
            continue
        known = forms.questions.get(key)
        if known is None:
            lines.append(_generic(t, escape(key), value))
        else:
            line = _format(t, known, _value_text(t, known, value))
            (closing if known.closing else lines).append(line)
    return lines + closing


def _part_shown(form: Form, whole_id: str, answers: Mapping[str, Answer]) -> bool:
    """True when a part's line will show this whole (both are answered)."""
    return (
        any(
            q.part_of is not None
            and q.part_of.question == whole_id
            and answers.get(q.id) is not None
            for q in form.questions
        )
        and answers.get(whole_id) is not None
    )


def _question_line(
    t: Translator, form: Form, question: Question, answers: Mapping[str, Answer]
) -> str | None:
    _ = t.gettext
    value = answers.get(question.id)
    detail = form.attached.get(question.id)
    detail_value = answers.get(detail.id) if detail is not None else None
    if value is None:
        if detail is not None and detail_value is not None:
            return _format(t, detail, _value_text(t, detail, detail_value))
        return None
    if question.part_of is not None:
        total = answers.get(question.part_of.question)
        if total is not None:
            line = _part_line(t, form, question, value, total)
        else:
            line = _format(t, question, _value_text(t, question, value))
    else:
        line = _format(t, question, _value_text(t, question, value))
    if detail is not None and detail_value is not None:
        line = _("{line} — {text}").format(line=line, text=_value_text(t, detail, detail_value))
    return line


def _part_line(t: Translator, form: Form, question: Question, value: Answer, total: Answer) -> str:
    assert question.part_of is not None
    return share_text(t, question, form.question(question.part_of.question), value, total)


def share_text(
    t: Translator,
    question: Question,
    whole: Question,
    value: Answer | Combined,
    total: Answer | Combined,
) -> str:
    """A ``part_of`` count with its whole, as its data words it: "TPS siap 8 dari 10 (80%)"."""
    assert question.part_of is not None
    values = {
        "value": _value_text(t, question, value),
        "total": _value_text(t, whole, total),
        "unit": escape(t.gettext(question.unit)) if question.unit else "",
        "label": escape(t.gettext(question.label)),
    }
    percent = share(value, total)
    if percent is None:
        return escape(t.gettext(question.part_of.summary_if_total_zero)).format(**values)
    return escape(t.gettext(question.part_of.summary)).format(percent=t.percent(percent), **values)


def answer_text(t: Translator, question: Question, value: object) -> str:
    """An answer (or a combined figure) in its question's summary format: "Personel: 1.200"."""
    return _format(t, question, _value_text(t, question, value))


def _format(t: Translator, question: Question, value_text: str) -> str:
    """The question's summary format filled in; its source if a translation breaks it."""
    values = {
        "value": value_text,
        "unit": escape(t.gettext(question.unit)) if question.unit else "",
        "label": escape(t.gettext(question.label)),
    }
    try:
        return escape(t.gettext(question.summary)).format(**values)
    except (KeyError, IndexError, ValueError):
        return escape(question.summary).format(**values)


def _value_text(t: Translator, question: Question, value: object) -> str:
    """An answer as it reads: numbers the group's way ("1.200", "87,5%"), choices by their
    summary word, text escaped. An answer that does not fit its kind shows as given."""
    if question.kind is QuestionKind.CHOICE:
        choice = question.choice(str(value)) if not isinstance(value, bool) else None
        if choice is not None:
            return escape(t.gettext(choice.summary_word))
    elif question.kind is QuestionKind.NUMBER:
        number = decimal_of(value)
        if number is not None:
            return t.number(number)
    elif question.kind is QuestionKind.PERCENT:
        number = decimal_of(value)
        if number is not None:
            return t.percent(number)
    else:
        return escape(value)
    return _plain_value(t, value)


def _generic(t: Translator, label: str, value: Answer | bool) -> str:
    return t.gettext("{label}: {value}").format(label=label, value=_plain_value(t, value))


def _plain_value(t: Translator, value: object) -> str:
    """An answer no question describes: numbers grouped ("1.200"), text escaped.

    Only real numbers are formatted: a text answer stays as typed, since
    "1.200" typed by a liaison already means one thousand two hundred.
    """
    _ = t.gettext
    if isinstance(value, bool):
        return _("ya") if value else _("tidak")
    if isinstance(value, int | float | Decimal):
        return t.number(value)
    return escape(value)
