"""What the bot posts by itself: the report opening, the reminder, milestones, and /belum.

Liaisons still missing are mentioned by a ``tg://user`` link, so they are
notified even without a public @username; names are escaped like any user
text. Every text leads with the date it is about, since a post can be read
the next morning.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from operator import attrgetter

from bot.domain.agencies import Agency
from bot.domain.countdown import VOTING_HOURS, Countdown, is_milestone
from bot.domain.days_off import DayOff
from bot.domain.forum import GroupSettings, LeaveNotice, Liaison
from bot.domain.zones import zone_label
from bot.texts.group_view import countdown_line
from bot.texts.html import escape
from bot.texts.html import mention as user_mention
from bot.texts.i18n import Translator
from bot.texts.summary import day_off_text


def mention(t: Translator, liaison: Liaison) -> str:
    """A link that notifies the liaison, showing their name (or their role if it is blank)."""
    _ = t.gettext
    name = liaison.name.strip() or _("Penghubung {agency}").format(agency=liaison.agency.label)
    return user_mention(liaison.user_id, name)


def report_opening_text(t: Translator, group: GroupSettings, today: date) -> str:
    """The morning post; the caller attaches the button that starts a report."""
    _ = t.gettext
    lines = [_("<b>Laporan harian dibuka</b>"), t.full_date(today)]
    countdown = countdown_line(t, group, today)
    if countdown:
        lines.append(countdown)
    lines += [
        "",
        _(
            "Penghubung instansi, silakan sampaikan laporan hari ini dengan menekan "
            "tombol di bawah."
        ),
    ]
    return "\n".join(lines)


def reminder_text(
    t: Translator,
    group: GroupSettings,
    today: date,
    missing: Sequence[Liaison],
    on_leave: Sequence[LeaveNotice] = (),
) -> str:
    """The midday nudge to the liaisons whose agency has not reported yet.

    An agency whose every liaison is on leave is named with the leave's end,
    and nobody is mentioned for it.
    """
    _ = t.gettext
    lines = [_("<b>Pengingat laporan harian</b>"), t.full_date(today)]
    by_agency = _by_agency(missing)
    away = _leave_by_agency(on_leave)
    if not by_agency and not away:
        lines.append(_("Semua instansi sudah melapor hari ini. Terima kasih!"))
        return "\n".join(lines)
    lines.append(_("Laporan hari ini belum diterima dari:"))
    for agency in sorted({*by_agency, *away}, key=attrgetter("order")):
        if agency in by_agency:
            lines.append(_agency_line(t, agency, by_agency[agency]))
        else:
            lines.append(_leave_line(t, agency, away[agency]))
    lines += ["", _("Mohon segera sampaikan laporan hari ini. Terima kasih.")]
    return "\n".join(lines)


def not_reported_text(
    t: Translator,
    group: GroupSettings,
    today: date,
    missing_agencies: Sequence[Agency],
    missing: Sequence[Liaison],
    on_leave: Sequence[LeaveNotice] = (),
) -> str:
    """The answer to /belum: each agency still missing today, with its liaisons mentioned.

    Liaisons of agencies that have reported (through a colleague) are not
    mentioned, nor are liaisons on leave: an agency whose every liaison is
    away is named with the leave's end. With no agency missing the text says
    everyone has reported, so the caller should say something else when no
    liaison is registered at all.
    """
    _ = t.gettext
    if not missing_agencies:
        return _("Semua instansi sudah melapor hari ini ({date}). Terima kasih!").format(
            date=t.full_date(today)
        )
    by_agency = _by_agency(missing)
    away = _leave_by_agency(on_leave)
    lines = [_("<b>Belum melapor hari ini</b>"), t.full_date(today)]
    for agency in sorted(set(missing_agencies), key=attrgetter("order")):
        if agency not in by_agency and agency in away:
            lines.append(_leave_line(t, agency, away[agency]))
        else:
            lines.append(_agency_line(t, agency, by_agency.get(agency, [])))
    return "\n".join(lines)


def day_off_notice(t: Translator, day_off: DayOff, zone: str) -> str:
    """What /belum says on a day nobody is expected to report."""
    return day_off_text(t, day_off, zone)


def milestone_text(t: Translator, group: GroupSettings, today: date) -> str | None:
    """The countdown post of a milestone day (H-30, H-14, H-7, H-3, H-2, H-1, Hari H), else None."""
    _ = t.gettext
    if group.polling_day is None or not is_milestone(today, group.polling_day):
        return None
    countdown = Countdown.between(today, group.polling_day)
    # The masa tenang posts name it in their heading: the line leaves it out.
    line = countdown_line(t, group, today, quiet_period_note=False) or ""
    if countdown.is_polling_day:
        opens, closes = VOTING_HOURS
        return "\n".join(
            [
                _("<b>Hari ini pemungutan suara</b>"),
                line,
                _(
                    "Mari ajak masyarakat datang ke TPS dan menggunakan hak pilihnya, "
                    "secara langsung, umum, bebas, rahasia, jujur, dan adil (Luber Jurdil)."
                ),
                _("TPS dibuka pukul {opens} sampai {closes} {zone}.").format(
                    opens=t.time_of_day(opens),
                    closes=t.time_of_day(closes),
                    zone=zone_label(group.time_zone),
                ),
            ]
        )
    if countdown.in_quiet_period:
        lines = [
            _("<b>Masa tenang · {label}</b>").format(label=countdown.label),
            line,
            _("Segala bentuk kegiatan kampanye dilarang sampai hari pemungutan suara."),
        ]
        if countdown.days_before == 1:
            lines.append(
                _(
                    "Hari ini batas akhir: seluruh logistik pemungutan suara harus sudah "
                    "tiba di setiap TPS."
                )
            )
            lines.append(
                _(
                    "Malam ini rawan \u201cserangan fajar\u201d: awasi dan cegah politik uang, "
                    "hoaks, dan kampanye terselubung."
                )
            )
        else:
            lines.append(_("Awasi bersama politik uang, hoaks, dan kampanye terselubung."))
        return "\n".join(lines)
    return "\n".join(
        [
            _("<b>Hitung mundur {label}</b>").format(label=countdown.label),
            line,
            _(
                "Mari pastikan logistik, keamanan, dan netralitas ASN siap menjelang hari "
                "pemungutan suara."
            ),
        ]
    )


def _by_agency(liaisons: Sequence[Liaison]) -> dict[Agency, list[Liaison]]:
    """Liaisons grouped by agency, agencies in their usual order, liaisons as given."""
    grouped: dict[Agency, list[Liaison]] = {}
    for liaison in sorted(liaisons, key=lambda liaison: liaison.agency.order):
        grouped.setdefault(liaison.agency, []).append(liaison)
    return grouped


def _leave_by_agency(notices: Sequence[LeaveNotice]) -> dict[Agency, list[LeaveNotice]]:
    grouped: dict[Agency, list[LeaveNotice]] = {}
    for notice in notices:
        grouped.setdefault(notice.liaison.agency, []).append(notice)
    return grouped


def _leave_line(t: Translator, agency: Agency, notices: Sequence[LeaveNotice]) -> str:
    """``• Polri: Andi sedang cuti sampai Kamis, 5 Desember 2024``: named, not mentioned."""
    _ = t.gettext
    names = [
        _("{name} sedang cuti sampai {date}").format(
            name=escape(notice.liaison.name.strip() or agency.label),
            date=t.full_date(notice.until),
        )
        for notice in notices
    ]
    return "• {agency}: {names}".format(agency=agency.label, names="; ".join(names))


def _agency_line(t: Translator, agency: Agency, liaisons: Sequence[Liaison]) -> str:
    """``• KPU: Andi, Sari`` with each name a mention; just ``• KPU`` when nobody is listed."""
    if not liaisons:
        return f"• {agency.label}"
    return "• {agency}: {names}".format(
        agency=agency.label, names=", ".join(mention(t, liaison) for liaison in liaisons)
    )
