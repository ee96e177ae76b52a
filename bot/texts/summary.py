"""The daily summary: every agency's latest report for one day, read at a glance on a phone.

The forum meets with this message on the table, so it leads with the worst
situation reported and how many agencies have spoken, then gives each
reporting agency a short block of its key figures, and ends with who is still
silent. Figures are known by the question ids of the default forms; a
deployment that replaces the forms still gets its answers shown, generically,
under the labels it passes in.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_DOWN, Decimal, InvalidOperation
from operator import attrgetter
from zoneinfo import ZoneInfo

from bot.domain.agencies import Agency
from bot.domain.situation import STATUS_QUESTION, status_line, status_of, worst_status
from bot.services.groups import GroupSettings
from bot.texts.group_view import EXAMPLE_REGION, countdown_line
from bot.texts.html import escape
from bot.texts.i18n import N_, Translator

Answer = int | str | None

_SARPRAS_WORDS = {"siap": N_("siap"), "sebagian": N_("sebagian siap"), "belum": N_("belum siap")}


@dataclass(frozen=True)
class SubmittedReport:
    agency: Agency
    unit_name: str
    liaison_name: str
    submitted_at: datetime  # aware
    answers: Mapping[str, Answer]


@dataclass(frozen=True)
class SummaryInput:
    group: GroupSettings
    report_date: date
    reports: Sequence[SubmittedReport]  # the latest per agency
    expected_agencies: Sequence[Agency]  # agencies with approved liaisons
    labels: Mapping[str, str] = field(default_factory=dict)  # question id -> label


def overall_status(reports: Sequence[SubmittedReport]) -> str | None:
    """The worst ``situasi`` reported (rawan > waspada > aman); None when nobody gave one."""
    return worst_status(status_of(report.answers) for report in reports)


def render_summary(t: Translator, data: SummaryInput) -> str:
    """The summary as Telegram HTML; long ones go through ``bot.texts.splitting.split_message``."""
    _ = t.gettext
    reports = _latest_per_agency(data.reports)
    reported = {report.agency for report in reports}
    missing = sorted(set(data.expected_agencies) - reported, key=attrgetter("order"))
    zone = ZoneInfo(data.group.time_zone)
    blocks = [
        _heading(t, data),
        _overall(t, reports, expected=len(reported | set(data.expected_agencies))),
    ]
    blocks += [_report_block(t, report, data, zone) for report in reports]
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
    lines = [_("<b>Ringkasan Harian Posko Forkopimda</b>"), region, t.full_date(data.report_date)]
    countdown = countdown_line(t, group, data.report_date)
    if countdown:
        lines.append(countdown)
    return "\n".join(lines)


def _overall(t: Translator, reports: list[SubmittedReport], expected: int) -> str:
    _ = t.gettext
    if not reports:
        return _("Belum ada instansi yang melapor.")
    count = _("{reported} dari {expected} instansi melapor").format(
        reported=t.number(len(reports)), expected=t.number(expected)
    )
    status = overall_status(reports)
    if status is None:
        return _("<b>Situasi umum:</b> {count}").format(count=count)
    return _("<b>Situasi umum:</b> {status} · {count}").format(
        status=status_line(t, {STATUS_QUESTION: status}), count=count
    )


def _report_block(
    t: Translator, report: SubmittedReport, data: SummaryInput, zone: ZoneInfo
) -> str:
    heading = f"<b>{report.agency.label}</b>"
    unit = report.unit_name.strip()
    if unit and unit.casefold() != report.agency.label.casefold():
        heading += " · " + escape(unit)
    return "\n".join(
        [
            heading,
            _status_line(t, report, data.report_date, zone),
            *_figure_lines(t, report.answers, data.labels),
        ]
    )


def _status_line(t: Translator, report: SubmittedReport, report_date: date, zone: ZoneInfo) -> str:
    _ = t.gettext
    status = status_line(t, report.answers)
    submitted = report.submitted_at.astimezone(zone)
    when = t.clock_time(submitted)
    if submitted.date() != report_date:  # sent after midnight, or early for the next day
        when = _("{date}, {time}").format(date=t.full_date(submitted.date()), time=when)
    return _("{status} · {time} · {liaison}").format(
        status=status, time=when, liaison=escape(report.liaison_name)
    )


# Each known question id, in the order the figures are shown, with how it reads.
# A renderer receives the translator and all answers, and returns its lines.
_Lines = Callable[[Translator, Mapping[str, Answer]], list[str]]


def _figure_lines(
    t: Translator, answers: Mapping[str, Answer], labels: Mapping[str, str]
) -> list[str]:
    _ = t.gettext
    lines: list[str] = []
    for render in _RENDERERS:
        lines += render(t, answers)
    for key, value in answers.items():
        if key in _KNOWN_KEYS or value is None:
            continue
        lines.append(
            _("{label}: {value}").format(label=escape(labels.get(key, key)), value=_value(t, value))
        )
    if answers.get("catatan") is not None:
        lines.append(_("Catatan: {text}").format(text=escape(answers["catatan"])))
    return lines


def _count_line(key: str, message: str) -> _Lines:
    def render(t: Translator, answers: Mapping[str, Answer]) -> list[str]:
        if answers.get(key) is None:
            return []
        return [t.gettext(message).format(count=_value(t, answers[key]))]

    return render


def _text_line(key: str, message: str) -> _Lines:
    def render(t: Translator, answers: Mapping[str, Answer]) -> list[str]:
        if answers.get(key) is None:
            return []
        return [t.gettext(message).format(text=escape(answers[key]))]

    return render


def _percent_line(key: str, message: str) -> _Lines:
    def render(t: Translator, answers: Mapping[str, Answer]) -> list[str]:
        if answers.get(key) is None:
            return []
        return [t.gettext(message).format(percent=_percent(t, answers[key]))]

    return render


def _incidents(t: Translator, answers: Mapping[str, Answer]) -> list[str]:
    _ = t.gettext
    count, account = answers.get("kejadian"), answers.get("uraian_kejadian")
    if count is None and account is None:
        return []
    if count is None:
        return [_("Uraian kejadian: {text}").format(text=escape(account))]
    line = _("Kejadian menonjol: {count}").format(count=_value(t, count))
    if account is not None:
        line = _("{line} — {text}").format(line=line, text=escape(account))
    return [line]


def _polling_stations_ready(t: Translator, answers: Mapping[str, Answer]) -> list[str]:
    _ = t.gettext
    ready, total = answers.get("tps_siap"), answers.get("jumlah_tps")
    if ready is None or total is None:
        lines = []
        if ready is not None:
            lines.append(_("TPS siap: {count}").format(count=_value(t, ready)))
        if total is not None:
            lines.append(_("Jumlah TPS: {count}").format(count=_value(t, total)))
        return lines
    values = {"ready": _value(t, ready), "total": _value(t, total)}
    share = _share(ready, total)
    if share is None:
        return [_("TPS siap {ready} dari {total}").format(**values)]
    return [
        _("TPS siap {ready} dari {total} ({percent})").format(percent=t.percent(share), **values)
    ]


def _share(part: Answer, whole: Answer) -> Decimal | None:
    """``part`` as a percentage of ``whole``, rounded down so 100% means every one."""
    part_number, whole_number = _decimal(part), _decimal(whole)
    if part_number is None or not whole_number:
        return None
    return (part_number * 100 / whole_number).quantize(Decimal("0.1"), rounding=ROUND_DOWN)


def _facilities(t: Translator, answers: Mapping[str, Answer]) -> list[str]:
    _ = t.gettext
    state = answers.get("sarpras")
    if state is None:
        return []
    word = _(_SARPRAS_WORDS[state]) if state in _SARPRAS_WORDS else escape(state)
    return [_("Sarpras: {state}").format(state=word)]


_RENDERERS: tuple[_Lines, ...] = (
    _count_line("personel", N_("Personel: {count}")),
    _incidents,
    _count_line("tps_rawan", N_("TPS rawan: {count}")),
    _percent_line("logistik_kecamatan", N_("Logistik sampai kecamatan: {percent}")),
    _percent_line("logistik_desa", N_("Logistik sampai desa/kelurahan: {percent}")),
    _polling_stations_ready,
    _text_line("kendala_logistik", N_("Kendala logistik: {text}")),
    _count_line("pelanggaran", N_("Dugaan pelanggaran: {count}")),
    _count_line("netralitas_asn", N_("Dugaan pelanggaran netralitas ASN: {count}")),
    _facilities,
    _text_line("catatan_netralitas_asn", N_("Catatan netralitas ASN: {text}")),
    _count_line("perkara_pidana", N_("Perkara pidana pemilu: {count}")),
)
_KNOWN_KEYS = frozenset(
    {
        STATUS_QUESTION,
        "personel",
        "kejadian",
        "uraian_kejadian",
        "tps_rawan",
        "logistik_kecamatan",
        "logistik_desa",
        "tps_siap",
        "jumlah_tps",
        "kendala_logistik",
        "pelanggaran",
        "netralitas_asn",
        "sarpras",
        "catatan_netralitas_asn",
        "perkara_pidana",
        "catatan",
    }
)


def _decimal(value: Answer) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _value(t: Translator, value: Answer) -> str:
    """An answer as Indonesians read it: numbers grouped ("1.200"), text escaped.

    Only real numbers are formatted: a text answer stays as typed, since
    "1.200" typed by a liaison already means one thousand two hundred.
    """
    _ = t.gettext
    if isinstance(value, bool):
        return _("ya") if value else _("tidak")
    if isinstance(value, int | float | Decimal):
        return t.number(value)
    return escape(value)


def _percent(t: Translator, value: Answer) -> str:
    """A percentage answer, stored as a number or as the text of a Decimal ("87.5")."""
    number = _decimal(value)
    return t.percent(number) if number is not None else escape(value)
