"""The meeting brief of /brief: what the Desk brings to the forum's meeting, as a PDF.

One to three A4 pages from one ``History``: where the day stands against
polling day, the overall situation, who has not reported, the problems that
need the forum's decision (the agencies' "Perlu tindak lanjut" answers and
the incidents still open), each agency's latest figures, and the charts. The
brief's day is the last of the history's range.

Every word is the group's language, every date and number its way; what
people typed (names, notes, places) is plain text in a PDF and goes in as
typed, wrapped to the page. The DejaVu Sans fonts that come with matplotlib
are embedded, so Indonesian text and whatever a liaison typed render the same
on every reader. fpdf2 is imported the first time a brief is made.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from bot.domain.agencies import Agency, agency_with_unit
from bot.domain.forms import FormSet, Question, QuestionKind
from bot.domain.forms.combining import decimal_of, share
from bot.outputs.chart_data import DEFAULT_CHARTS
from bot.outputs.charts import Chart, date_range_text, level_colour, render_charts
from bot.outputs.history import History
from bot.services.reports import StoredReport
from bot.texts.i18n import Translator, translator
from bot.texts.incidents import STATUS_LABELS, URGENCY_LABELS

if TYPE_CHECKING:
    from fpdf import FPDF

# The follow-up answers of these last days of the range are brought to the meeting.
FOLLOW_UP_DAYS = 7
# A brief stays within three pages whatever was typed: the longest lists and
# notes are cut, and say so; the full text is in the summaries and the workbook.
MOST_FOLLOW_UPS = 7
MOST_OPEN_INCIDENTS = 5
LONGEST_NOTE = 300  # characters: some three lines
LONGEST_DESCRIPTION = 200

_FONT = "DejaVu"
_MARGIN = 15  # mm
_FOOTER_ROOM = 16  # mm kept free at the foot of each page
_TEXT = 10  # pt
_LINE = 5  # mm per line of body text
_GREY = (90, 90, 90)
_BLACK = (0, 0, 0)


# -- what the brief says: plain text in the group's language ---------------------------


def countdown_text(t: Translator, history: History) -> str | None:
    """ "H-1 menuju pemungutan suara Pilkada Serentak 2024, Rabu, 27 November 2024": the
    group view's countdown line, as plain text, for the brief's day."""
    _ = t.gettext
    election = history.days[-1].election
    countdown = election.countdown
    if countdown is None or election.polling_day is None:
        return None
    values = {
        "label": countdown.label,
        "election": history.group.election_name or "",
        "date": t.full_date(election.polling_day),
    }
    if countdown.days_before > 0:
        line = _("{label} menuju pemungutan suara {election}, {date}").format(**values)
    elif countdown.is_polling_day:
        line = _("Hari H pemungutan suara {election}, {date}").format(**values)
    elif election.stage is not None:
        line = _("{label} · {stage}, sampai {last}").format(
            label=countdown.label,
            stage=_(election.stage.name),
            last=t.full_date(election.stage.last),
        )
    else:
        line = _("{label} setelah pemungutan suara {election}, {date}").format(**values)
    if countdown.in_quiet_period:
        line += "\n" + _("Masa tenang (H-3 sampai H-1): kampanye dihentikan.")
    return line


def level_label(t: Translator, forms: FormSet, value: str) -> str:
    """A situation level by its choice label ("Rawan"), in the group's language."""
    question = forms.questions.get(forms.situation.question_id)
    choice = question.choice(value) if question is not None else None
    return t.gettext(choice.label) if choice is not None else value


def overall_situation(history: History) -> str | None:
    """The most serious level reported on the brief's day; None if none was."""
    scale = history.forms.situation
    return scale.worst(scale.of(r.answers) for r in history.days[-1].reports.values())


def reporting_text(t: Translator, history: History) -> str:
    """ "5 dari 6 instansi melapor (1 terlambat)" for the brief's day."""
    _ = t.gettext
    day = history.days[-1]
    if day.day_off is not None:
        return _("Hari libur atau jeda: tidak ada laporan yang diwajibkan.")
    reported = [agency for agency in day.expected if agency in day.reports]
    text = _("{reported} dari {expected} instansi melapor").format(
        reported=t.number(len(reported)), expected=t.number(len(day.expected))
    )
    late = sum(1 for report in day.reports.values() if report.reported_late)
    if late:
        text = _("{count} ({late} terlambat)").format(count=text, late=t.number(late))
    return text


@dataclass(frozen=True)
class FollowUp:
    agency: Agency
    day: date
    text: str


def follow_ups(history: History) -> list[FollowUp]:
    """The agencies' follow-up answers of the range's last days, newest first; a note
    repeated day after day is brought once, on its latest day."""
    question_id = history.forms.follow_up
    if question_id is None:
        return []
    found: dict[tuple[Agency, str], FollowUp] = {}
    for day in reversed(history.days[-FOLLOW_UP_DAYS:]):
        for agency, report in day.reports.items():
            text = report.answers.get(question_id)
            if isinstance(text, str) and text.strip():
                found.setdefault((agency, text.strip()), FollowUp(agency, day.day, text.strip()))
    return list(found.values())


def latest_reports(history: History) -> dict[Agency, StoredReport | None]:
    """Each listed agency's most recent report in the range (None: none in it)."""
    return {
        agency: next(
            (day.reports[agency] for day in reversed(history.days) if agency in day.reports),
            None,
        )
        for agency in history.agencies
    }


def headline_lines(t: Translator, forms: FormSet, answers: dict) -> list[str]:
    """The headline figures an agency answered, each as its summary words it:
    "Personel yang dikerahkan: 1.200", "TPS dengan logistik lengkap: 520 dari 1.234 (42,1%)"."""
    lines = []
    for question_id in forms.headlines:
        question = forms.questions.get(question_id)
        value = answers.get(question_id)
        if question is not None and value is not None:
            lines.append(figure_text(t, question, value, answers))
    return lines


def figure_text(t: Translator, question: Question, value: object, answers: dict) -> str:
    """One figure in its question's summary format, plain text."""
    values = {
        "value": value_text(t, question, value),
        "unit": t.gettext(question.unit) if question.unit else "",
        "label": t.gettext(question.label),
    }
    pattern = question.summary
    part_of = question.part_of
    if part_of is not None and answers.get(part_of.question) is not None:
        whole = answers[part_of.question]
        values["total"] = value_text(t, question, whole)
        percent = share(decimal_of(value), decimal_of(whole))
        if percent is None:
            pattern = part_of.summary_if_total_zero
        else:
            pattern = part_of.summary
            values["percent"] = t.percent(percent)
    try:
        return t.gettext(pattern).format(**values)
    except (KeyError, IndexError, ValueError):  # a translation that breaks the format
        return pattern.format(**values)


def value_text(t: Translator, question: Question, value: object) -> str:
    """An answer as the group writes it: "1.200", "87,5%", a choice's summary word."""
    number = decimal_of(value)
    if question.kind is QuestionKind.PERCENT and number is not None:
        return t.percent(number)
    if question.kind is QuestionKind.NUMBER and number is not None:
        return t.number(number)
    if question.kind is QuestionKind.CHOICE:
        choice = question.choice(str(value))
        if choice is not None:
            return t.gettext(choice.summary_word)
    return str(value)


def _shortened(text: str, limit: int = LONGEST_NOTE) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _local(history: History, moment: Any) -> Any:
    return moment.astimezone(ZoneInfo(history.group.time_zone))


def _when(t: Translator, history: History, moment: Any) -> str:
    """ "Selasa, 26 November 2024, 08.05 WITA" in the group's zone."""
    local = _local(history, moment)
    return t.gettext("{date}, {time}").format(
        date=t.full_date(local.date()), time=t.clock_time(local)
    )


# -- the PDF ------------------------------------------------------------------------


def render_brief(history: History, charts: Sequence[Chart] | None = None) -> bytes:
    """The brief for ``history``'s last day, with ``charts`` (the default ones if None)."""
    t = translator(history.group.locale)
    if charts is None:
        charts = render_charts(history, DEFAULT_CHARTS)
    pdf = _new_pdf(history, t)
    _heading(pdf, history, t)
    _situation(pdf, history, t)
    _follow_up_section(pdf, history, t)
    _open_incidents(pdf, history, t)
    _figures_table(pdf, history, t)
    for chart in charts:
        _chart(pdf, chart)
    _footers(pdf, history, t)
    return bytes(pdf.output())


def _new_pdf(history: History, t: Translator) -> FPDF:
    from fpdf import FPDF  # heavy: loaded only when a brief is made

    fonts = Path(_matplotlib_data()) / "fonts" / "ttf"
    pdf = FPDF(orientation="portrait", unit="mm", format="A4")
    pdf.add_font(_FONT, "", fonts / "DejaVuSans.ttf")
    pdf.add_font(_FONT, "B", fonts / "DejaVuSans-Bold.ttf")
    pdf.set_margins(_MARGIN, _MARGIN, _MARGIN)
    pdf.set_auto_page_break(True, margin=_FOOTER_ROOM)
    pdf.set_title(t.gettext("Brief Rapat Koordinasi"))
    pdf.set_creator("Posko Forkopimda")
    pdf.set_creation_date(history.made_at)
    pdf.add_page()
    return pdf


def _matplotlib_data() -> str:
    import matplotlib  # the fonts ship with it; loaded for the charts anyway

    return str(matplotlib.get_data_path())


def _write(
    pdf: FPDF, text: str, size: float = _TEXT, *, bold: bool = False, grey: bool = False
) -> None:
    """A paragraph of plain text, wrapped to the page's width."""
    pdf.set_font(_FONT, "B" if bold else "", size)
    pdf.set_text_color(*(_GREY if grey else _BLACK))
    pdf.multi_cell(0, size * 0.5, text, align="L", new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(*_BLACK)


def _section(pdf: FPDF, title: str) -> None:
    pdf.ln(3)
    _write(pdf, title, size=12, bold=True)
    pdf.ln(1)


def _heading(pdf: FPDF, history: History, t: Translator) -> None:
    _ = t.gettext
    _write(pdf, _("Brief Rapat Koordinasi"), size=18, bold=True)
    region = history.group.region_name or history.group.title
    if region:
        _write(pdf, region, size=14, bold=True)
    pdf.ln(1)
    _write(pdf, t.full_date(history.last), size=11)
    if history.first != history.last:
        period = _("Laporan {dates}").format(dates=date_range_text(history, t))
        _write(pdf, period, size=_TEXT, grey=True)
    countdown = countdown_text(t, history)
    if countdown:
        pdf.ln(1)
        _write(pdf, countdown, size=11, bold=True)


def _situation(pdf: FPDF, history: History, t: Translator) -> None:
    _ = t.gettext
    _section(pdf, _("Situasi umum"))
    level = overall_situation(history)
    if level is not None:
        colour = _rgb(level_colour(history.forms.situation, level))
        label = level_label(t, history.forms, level)
        pdf.set_font(_FONT, "B", 11)
        pdf.set_fill_color(*colour)
        pdf.set_text_color(*_text_colour_on(colour))
        pdf.cell(pdf.get_string_width(label) + 6, 7, label, fill=True, align="C")
        # The fill colour stays set: the table below would take it for its cells.
        pdf.set_fill_color(255, 255, 255)
        pdf.set_text_color(*_BLACK)
        pdf.cell(3, 7, "")
    pdf.set_font(_FONT, "", _TEXT)
    pdf.cell(0, 7, reporting_text(t, history), new_x="LMARGIN", new_y="NEXT")
    missing = history.days[-1].missing
    if missing:
        names = ", ".join(agency.label for agency in missing)
        _write(pdf, _("Belum melapor: {agencies}").format(agencies=names), bold=True)


def _follow_up_section(pdf: FPDF, history: History, t: Translator) -> None:
    _ = t.gettext
    if history.forms.follow_up is None:
        return
    _section(pdf, _("Perlu tindak lanjut"))
    found = follow_ups(history)
    if not found:
        _write(pdf, _("Tidak ada yang diajukan."), grey=True)
    for item in found[:MOST_FOLLOW_UPS]:
        _bullet(pdf, f"{item.agency.label} · {t.short_date(item.day)}", _shortened(item.text))
    if len(found) > MOST_FOLLOW_UPS:
        more = _("… dan {count} lainnya (lihat ringkasan harian).").format(
            count=t.number(len(found) - MOST_FOLLOW_UPS)
        )
        _write(pdf, more, grey=True)


def _bullet(pdf: FPDF, lead: str, text: str, *, run_on: bool = True) -> None:
    """ "• KPU · 25 Nov 2024: text", the lead in bold, the text running on after it (or on
    the next line), wrapped under the lead."""
    pdf.set_x(_MARGIN + 2)
    pdf.set_font(_FONT, "B", _TEXT)
    pdf.cell(4, _LINE, "•")
    pdf.set_left_margin(_MARGIN + 6)
    pdf.write(_LINE, f"{lead}: " if run_on else f"{lead}\n")
    pdf.set_font(_FONT, "", _TEXT)
    pdf.write(_LINE, text)
    pdf.ln(_LINE + 1)
    pdf.set_left_margin(_MARGIN)


def _open_incidents(pdf: FPDF, history: History, t: Translator) -> None:
    _ = t.gettext
    still_open = [incident for incident in history.incidents if incident.status.is_open]
    if not still_open:
        return
    _section(pdf, _("Kejadian belum selesai: {count}").format(count=t.number(len(still_open))))
    for incident in still_open[:MOST_OPEN_INCIDENTS]:
        category = history.categories.label_of(incident.category) if history.categories else None
        lead = _("Kejadian #{number} · {category} · {status}").format(
            number=incident.number,
            category=t.gettext(category) if category else incident.category,
            status=_(STATUS_LABELS[incident.status]),
        )
        if incident.urgent:
            lead += " · " + _(URGENCY_LABELS[incident.urgency])
        place = _("{desa}, Kec. {kecamatan} · {when}").format(
            desa=incident.desa,
            kecamatan=incident.kecamatan,
            when=_when(t, history, incident.occurred_at),
        )
        description = _shortened(incident.description, LONGEST_DESCRIPTION)
        _bullet(pdf, lead, f"{place}\n{description}", run_on=False)
    if len(still_open) > MOST_OPEN_INCIDENTS:
        more = _("… dan {count} lainnya (/kejadian_terbuka).").format(
            count=t.number(len(still_open) - MOST_OPEN_INCIDENTS)
        )
        _write(pdf, more, grey=True)


def _figures_table(pdf: FPDF, history: History, t: Translator) -> None:
    from fpdf.fonts import FontFace

    _ = t.gettext
    _section(pdf, _("Angka terakhir per instansi"))
    pdf.set_font(_FONT, "", 9)
    heading = FontFace(emphasis="BOLD", fill_color=(230, 230, 230))
    with pdf.table(
        col_widths=(38, 30, 22, 90),
        text_align="LEFT",
        line_height=4.5,
        headings_style=heading,
        padding=1.2,
        v_align="TOP",
    ) as table:
        row = table.row()
        for title in (_("Instansi"), _("Laporan terakhir"), _("Situasi"), _("Angka utama")):
            row.cell(title)
        for agency, report in latest_reports(history).items():
            row = table.row()
            if report is None:
                row.cell(agency.label)
                row.cell(_("belum ada laporan dalam periode ini"), colspan=3)
                continue
            row.cell(agency_with_unit(agency, report.unit_name))
            row.cell(_reported_at_text(t, history, report))
            _situation_cell(row, history, t, report, FontFace)
            lines = headline_lines(t, history.forms, report.answers)
            row.cell("\n".join(lines) if lines else "—")


def _reported_at_text(t: Translator, history: History, report: StoredReport) -> str:
    local = _local(history, report.reported_at)
    moment = f"{t.short_date(report.report_date)}\n{t.clock_time(local)}"
    if report.reported_late:
        moment = t.gettext("{time} (terlambat)").format(time=moment)
    return moment


def _situation_cell(
    row: Any, history: History, t: Translator, report: StoredReport, face: Any
) -> None:
    scale = history.forms.situation
    level = scale.of(report.answers)
    if level is None:
        row.cell("—")
        return
    tint = _tint(_rgb(level_colour(scale, level)))
    row.cell(level_label(t, history.forms, level), style=face(fill_color=tint))


def _chart(pdf: FPDF, chart: Chart) -> None:
    """A chart the page's width, on the next page if it does not fit whole on this one."""
    from PIL import Image  # comes with matplotlib

    with Image.open(io.BytesIO(chart.png)) as image:
        width_px, height_px = image.size
    width = pdf.epw
    height = width * height_px / width_px
    room = pdf.h - _FOOTER_ROOM - pdf.get_y() - 3
    if height > room:
        pdf.add_page()
    else:
        pdf.ln(3)
    pdf.image(io.BytesIO(chart.png), x=_MARGIN, w=width, h=height, alt_text=chart.caption)


def _footers(pdf: FPDF, history: History, t: Translator) -> None:
    """ "Dibuat …" and "Halaman 1 dari 2" at the foot of every page, written once the page
    count is known."""
    _ = t.gettext
    made = _("Dibuat {when}").format(when=_when(t, history, history.made_at))
    pages = pdf.pages_count
    pdf.set_auto_page_break(False)
    for page in range(1, pages + 1):
        pdf.page = page
        # fpdf2 takes the font as set already when it last set the same one, but the
        # page we come back to may have ended inside a saved state: set it anew.
        pdf.set_font(_FONT, "B", 8)
        pdf.set_font(_FONT, "", 8)
        pdf.set_text_color(*_GREY)
        pdf.set_xy(_MARGIN, pdf.h - 11)
        pdf.cell(pdf.epw / 2, 5, made, align="L")
        number = _("Halaman {page} dari {pages}").format(page=t.number(page), pages=t.number(pages))
        pdf.cell(pdf.epw / 2, 5, number, align="R")


def _rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _text_colour_on(rgb: tuple[int, int, int]) -> tuple[int, int, int]:
    """Black on light colours (amber), white on dark ones (red, green)."""
    red, green, blue = rgb
    return _BLACK if 0.299 * red + 0.587 * green + 0.114 * blue > 150 else (255, 255, 255)


def _tint(rgb: tuple[int, int, int], strength: float = 0.35) -> tuple[int, int, int]:
    """A light shade of a colour, for a table cell black text stays readable on."""
    red, green, blue = (round(255 - (255 - c) * strength) for c in rgb)
    return red, green, blue
