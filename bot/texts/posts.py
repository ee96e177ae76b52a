"""What the bot posts by itself: the report opening, the reminder, milestones, and /belum.

Liaisons still missing are mentioned by a ``tg://user`` link, so they are
notified even without a public @username; names are escaped like any user
text. Every text leads with the date it is about, since a post can be read
the next morning.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from operator import attrgetter

from bot.domain.agencies import Agency
from bot.domain.countdown import VOTING_HOURS
from bot.domain.days_off import DayOff
from bot.domain.elections import (
    ElectionDay,
    Milestone,
    MilestoneKind,
    RhythmKind,
    calendar_of,
    election_day,
    next_report_day,
)
from bot.domain.forum import GroupSettings, LeaveNotice, Liaison
from bot.domain.zones import zone_label
from bot.texts.calendar_view import milestone_words, rhythm_text, stage_rhythm_text
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
    day = election_day(group, today)
    daily = day.rhythm.kind is RhythmKind.DAILY
    lines = [
        _("<b>Laporan harian dibuka</b>") if daily else _("<b>Laporan dibuka</b>"),
        t.full_date(today),
    ]
    countdown = countdown_line(t, group, today)
    if countdown:
        lines.append(countdown)
    if not daily:
        lines.append(
            _("Pada tahap ini laporan diminta {rhythm}.").format(rhythm=rhythm_text(t, day.rhythm))
        )
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


def no_report_expected_text(t: Translator, group: GroupSettings, today: date) -> str:
    """The answer to /belum on a day the group's stage expects no report."""
    _ = t.gettext
    day = election_day(group, today)
    stage = _(day.stage.name) if day.stage is not None else _("di luar tahapan")
    lines = [
        _("Hari ini ({date}) tidak ada laporan yang diharapkan.").format(date=t.full_date(today)),
        _("Tahap {stage}: laporan {rhythm}.").format(
            stage=stage, rhythm=rhythm_text(t, day.rhythm)
        ),
    ]
    following = next_report_day(calendar_of(group), today)
    if following is not None:
        lines.append(_("Laporan berikutnya diharapkan {date}.").format(date=t.full_date(following)))
    return "\n".join(lines)


def milestone_text(t: Translator, group: GroupSettings, today: date) -> str | None:
    """The morning post of a milestone day, or None on other days.

    Milestones come from the group's calendar (``bot.domain.elections``): the
    campaign's start and last day, the masa tenang, H-1 (logistics at every
    TPS), polling day, the start and end of the recapitulation at the group's
    level, and the countdown on H-30, H-14 and H-7. Several on one day make
    one post. A change in when reports are expected is said the day it
    happens, or the day before.
    """
    day = election_day(group, today)
    milestones = [
        m
        for m in day.milestones
        if m.kind is not MilestoneKind.COUNTDOWN or len(day.milestones) == 1
    ]
    if not milestones:
        return None
    # The masa tenang posts name it in their heading: the line leaves it out.
    line = countdown_line(t, group, today, quiet_period_note=False) or ""
    blocks = []
    for index, milestone in enumerate(milestones):
        heading, body = _milestone_block(t, group, day, milestone)
        blocks.append("\n".join([heading, *([line] if index == 0 else []), *body]))
    blocks += _rhythm_change(t, group, day)
    return "\n\n".join(blocks)


def _milestone_block(
    t: Translator, group: GroupSettings, day: ElectionDay, milestone: Milestone
) -> tuple[str, list[str]]:
    """A milestone's heading and what it says below the countdown line."""
    _ = t.gettext
    countdown = day.countdown
    assert countdown is not None  # milestones exist only in a calendar
    stage = milestone.stage
    stage_id = stage.id if stage is not None else None
    deadline_id = milestone.deadline.id if milestone.deadline is not None else None
    if milestone.kind is MilestoneKind.COUNTDOWN:
        return _("<b>Hitung mundur {label}</b>").format(label=countdown.label), [
            _(
                "Mari pastikan logistik, keamanan, dan netralitas ASN siap menjelang hari "
                "pemungutan suara."
            )
        ]
    if milestone.kind is MilestoneKind.STAGE_START and stage_id == "pemungutan":
        opens, closes = VOTING_HOURS
        return _("<b>Hari ini pemungutan suara</b>"), [
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
    if deadline_id == "logistik_tps" and countdown.in_quiet_period:
        return _("<b>Masa tenang · {label}</b>").format(label=countdown.label), [
            _("Segala bentuk kegiatan kampanye dilarang sampai hari pemungutan suara."),
            _(
                "Hari ini batas akhir: seluruh logistik pemungutan suara harus sudah "
                "tiba di setiap TPS."
            ),
            _(
                "Malam ini rawan \u201cserangan fajar\u201d: awasi dan cegah politik uang, "
                "hoaks, dan kampanye terselubung."
            ),
        ]
    if milestone.kind is MilestoneKind.STAGE_START and stage_id == "masa_tenang":
        assert stage is not None
        return _("<b>Masa tenang · {label}</b>").format(label=countdown.label), [
            _("Berlangsung sampai {last}. Selama masa tenang dilarang:").format(
                last=t.full_date(stage.last)
            ),
            _("• segala bentuk kegiatan kampanye, termasuk melalui media sosial dan media massa;"),
            _("• memasang alat peraga kampanye; yang masih terpasang harus sudah dibersihkan;"),
            _("• menjanjikan atau memberikan uang atau materi lainnya kepada pemilih."),
            _("Awasi bersama politik uang, hoaks, dan kampanye terselubung."),
        ]
    if milestone.kind is MilestoneKind.STAGE_START and stage_id == "kampanye":
        assert stage is not None
        return _("<b>Masa kampanye dimulai</b>"), [
            _("Masa kampanye berlangsung sampai {last}.").format(last=t.full_date(stage.last)),
            _(
                "Mari awasi bersama netralitas ASN, TNI, dan Polri, serta cegah politik uang, "
                "hoaks, dan kampanye hitam."
            ),
            _("Laporan selama masa kampanye: {rhythm}.").format(rhythm=stage_rhythm_text(t, stage)),
        ]
    if milestone.kind is MilestoneKind.STAGE_LAST and stage_id == "kampanye":
        return _("<b>Hari terakhir masa kampanye</b>"), [
            _(
                "Mulai besok masa tenang: segala bentuk kegiatan kampanye dilarang dan alat "
                "peraga kampanye dibersihkan."
            )
        ]
    if stage is not None and stage.level is not None:
        name = _(stage.name)
        if milestone.kind is MilestoneKind.STAGE_START:
            # The countdown line above says until when (after polling day it
            # names the stage and its end).
            return _("<b>{stage} dimulai</b>").format(stage=_capitalised(name)), [
                _(
                    "Mari kawal rekapitulasi agar berjalan tertib, aman, dan terbuka; "
                    "sampaikan keberatan dan kendala melalui laporan harian."
                ),
            ]
        return _("<b>Hari terakhir {stage}</b>").format(stage=name), [
            _(
                "Mohon pastikan seluruh hasil rekapitulasi tercatat dan kotak suara kembali "
                "ke gudang dengan aman."
            )
        ]
    words = milestone_words(t, milestone)
    body = []
    if stage is not None and milestone.kind is MilestoneKind.STAGE_START and stage.length > 1:
        body.append(_("Berlangsung sampai {last}.").format(last=t.full_date(stage.last)))
    return f"<b>{_capitalised(words)}</b>", body


def _rhythm_change(t: Translator, group: GroupSettings, day: ElectionDay) -> list[str]:
    """ "Mulai hari ini laporan diminta setiap hari." when that changes today or tomorrow."""
    _ = t.gettext
    yesterday = election_day(group, day.day - timedelta(days=1))
    tomorrow = election_day(group, day.day + timedelta(days=1))
    if yesterday.rhythm != day.rhythm:
        return [
            _("Mulai hari ini laporan diminta {rhythm}.").format(rhythm=rhythm_text(t, day.rhythm))
        ]
    if tomorrow.rhythm != day.rhythm:
        return [
            _("Mulai besok laporan diminta {rhythm}.").format(
                rhythm=rhythm_text(t, tomorrow.rhythm)
            )
        ]
    return []


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


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
