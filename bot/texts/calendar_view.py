"""How the election calendar reads: /tahapan, its stages and milestones, report rhythms."""

from __future__ import annotations

from datetime import date

from bot.domain.countdown import Countdown
from bot.domain.elections import (
    ElectionDay,
    GroupCalendar,
    Level,
    Milestone,
    MilestoneKind,
    Rhythm,
    RhythmKind,
    Stage,
    calendar_of,
    day_of,
    load_presets,
    upcoming_milestones,
)
from bot.domain.forum import GroupSettings
from bot.texts.group_view import EXAMPLE_POLLING_DAY, EXAMPLE_PRESET, countdown_line
from bot.texts.html import escape, shorten
from bot.texts.i18n import N_, Translator

EXAMPLE_CORRECTION = "/tahapan rekap_kabkota 29-11-2024 10-12-2024"
EXAMPLE_RESET = "/tahapan rekap_kabkota semula"

LEVEL_NAMES = {
    Level.KECAMATAN: N_("kecamatan"),
    Level.KABKOTA: N_("kabupaten/kota"),
    Level.PROVINSI: N_("provinsi"),
    Level.NASIONAL: N_("nasional"),
}


def rhythm_text(t: Translator, rhythm: Rhythm) -> str:
    """ "setiap hari", "setiap Senin", "setiap hari kerja (Senin sampai Jumat)", or none."""
    _ = t.gettext
    if rhythm.kind is RhythmKind.DAILY:
        return _("setiap hari")
    if rhythm.kind is RhythmKind.WEEKDAYS:
        return _("setiap hari kerja ({first} sampai {last})").format(
            first=t.weekday(0), last=t.weekday(4)
        )
    if rhythm.kind is RhythmKind.WEEKLY:
        assert rhythm.weekday is not None
        return _("setiap {weekday}").format(weekday=t.weekday(rhythm.weekday))
    return _("tidak ada laporan rutin")


def stage_rhythm_text(t: Translator, stage: Stage) -> str:
    """The stage's reports, with the change within it: "setiap Senin; setiap hari mulai H-30"."""
    text = rhythm_text(t, stage.reports)
    if stage.reports_from is None:
        return text
    days_before, later = stage.reports_from
    return t.gettext("{rhythm}; {later} mulai H-{days}").format(
        rhythm=text, later=rhythm_text(t, later), days=days_before
    )


def milestone_words(t: Translator, milestone: Milestone) -> str:
    """ "masa tenang dimulai", "hari terakhir masa kampanye", a deadline's name."""
    _ = t.gettext
    name = _(milestone.name)
    stage = milestone.stage
    if milestone.kind is MilestoneKind.STAGE_START and stage is not None:
        return name if stage.length == 1 else _("{stage} dimulai").format(stage=name)
    if milestone.kind is MilestoneKind.STAGE_LAST:
        return _("hari terakhir {stage}").format(stage=name)
    return name


def milestone_line(t: Translator, milestone: Milestone, polling_day: date) -> str:
    """ "• Minggu, 24 November 2024 · H-3: masa tenang dimulai"."""
    label = Countdown.between(milestone.day, polling_day).label
    return f"• {t.full_date(milestone.day)} · {label}: {milestone_words(t, milestone)}"


def _days_left(t: Translator, stage: Stage, today: date) -> str:
    left = (stage.last - today).days
    if left == 0:
        return t.gettext("hari ini hari terakhir")
    return t.gettext("{days} hari lagi").format(days=t.number(left))


def _sources_line(t: Translator, calendar: GroupCalendar, stage: Stage | None) -> str | None:
    ids = stage.sources if stage is not None else ()
    names = calendar.calendar.source_names(ids)
    if not names:
        return None
    return t.gettext("Sumber: {sources}").format(
        sources=" · ".join(escape(t.gettext(name)) for name in names)
    )


def no_calendar_text(t: Translator) -> str:
    return t.gettext(
        "Hari H belum diatur. Admin grup dapat mengaturnya, contoh: <code>{preset}</code> "
        "atau <code>{example}</code>."
    ).format(preset=EXAMPLE_PRESET, example=EXAMPLE_POLLING_DAY)


def stage_view_text(t: Translator, group: GroupSettings, today: date) -> str:
    """The answer to /tahapan: the stage running, until when, and the next three milestones."""
    _ = t.gettext
    calendar = calendar_of(group)
    if calendar is None:
        return no_calendar_text(t)
    day = day_of(calendar, today)
    countdown = day.countdown
    assert countdown is not None  # a calendar has a polling day
    lines = [
        _("<b>Tahapan {election}</b>").format(election=escape(group.election_name or "")),
        _("{region} · tingkat {level}").format(
            region=escape(group.region_name or group.title),
            level=_(LEVEL_NAMES[calendar.level]),
        ),
        _("Hari ini: {date} · {label}").format(date=t.full_date(today), label=countdown.label),
        "",
    ]
    lines += _current_stage_lines(t, calendar, day)
    upcoming = upcoming_milestones(calendar, today)
    if upcoming:
        lines += ["", _("<b>Tonggak berikutnya</b>")]
        lines += [milestone_line(t, m, calendar.calendar.polling_day) for m in upcoming]
    sources = _sources_line(t, calendar, day.stage)
    if sources:
        lines += ["", sources]
    lines += ["", _("Seluruh tahapan dan tanggalnya: <code>/tahapan semua</code>")]
    return "\n".join(lines)


def _current_stage_lines(t: Translator, calendar: GroupCalendar, day: ElectionDay) -> list[str]:
    _ = t.gettext
    stage = day.stage
    today = day.day
    if stage is not None:
        lines = [
            _("Tahap saat ini: <b>{stage}</b>, sampai {last} ({left})").format(
                stage=_(stage.name), last=t.full_date(stage.last), left=_days_left(t, stage, today)
            )
        ]
        if stage.corrected:
            lines.append(_("Tanggal tahap ini sudah dikoreksi untuk wilayah ini."))
    elif today > calendar.calendar.last_day:
        lines = [
            _("Seluruh tahapan sudah selesai ({last}).").format(
                last=t.full_date(calendar.calendar.last_day)
            )
        ]
    else:
        lines = [_("Tidak ada tahapan yang sedang berjalan untuk tingkat ini.")]
    if day.rhythm.kind is RhythmKind.NONE:
        lines.append(_("Tidak ada laporan rutin yang diharapkan."))
    elif day.reports_expected:
        lines.append(
            _("Laporan: {rhythm}; hari ini laporan diharapkan.").format(
                rhythm=rhythm_text(t, day.rhythm)
            )
        )
    else:
        lines.append(
            _("Laporan: {rhythm}; hari ini tidak ada laporan yang diharapkan.").format(
                rhythm=rhythm_text(t, day.rhythm)
            )
        )
    return lines


def all_stages_text(t: Translator, group: GroupSettings) -> str:
    """The answer to /tahapan semua: every stage with its dates, rhythm and source."""
    _ = t.gettext
    calendar = calendar_of(group)
    if calendar is None:
        return no_calendar_text(t)
    election = calendar.calendar
    lines = [
        _("<b>Seluruh tahapan {election}</b>").format(election=escape(group.election_name or "")),
        _("Tingkat {level}; hari H {date}.").format(
            level=_(LEVEL_NAMES[calendar.level]), date=t.full_date(election.polling_day)
        ),
        "",
    ]
    for stage in sorted(election.stages, key=lambda s: (s.first, s.last)):
        if stage.level is not None and stage.level > calendar.level:
            continue  # a recapitulation above the group's level is not its stage
        when = (
            t.short_date(stage.first)
            if stage.length == 1
            else _("{first} sampai {last}").format(
                first=t.short_date(stage.first), last=t.short_date(stage.last)
            )
        )
        sources = ", ".join(escape(_(name)) for name in election.source_names(stage.sources))
        line = _("• <code>{id}</code> {stage}: {when} · laporan {rhythm} · {sources}").format(
            id=stage.id,
            stage=_(stage.name),
            when=when,
            rhythm=stage_rhythm_text(t, stage),
            sources=sources,
        )
        if stage.corrected:
            line += " " + _("(dikoreksi)")
        lines.append(line)
    if election.deadlines:
        lines += ["", _("<b>Tenggat</b>")]
        for deadline in election.deadlines:
            sources = ", ".join(escape(_(name)) for name in election.source_names(deadline.sources))
            lines.append(f"• {t.short_date(deadline.day)}: {_(deadline.name)} · {sources}")
    lines += [
        "",
        _("Di luar tahapan: laporan {rhythm}.").format(
            rhythm=rhythm_text(t, election.reports_outside)
        ),
        _(
            "Admin dapat mengoreksi satu tahapan untuk wilayah ini, contoh: "
            "<code>{example}</code>; <code>{reset}</code> mengembalikan jadwal semula."
        ).format(example=EXAMPLE_CORRECTION, reset=EXAMPLE_RESET),
    ]
    return "\n".join(lines)


def unknown_preset_text(t: Translator, typed: str) -> str:
    """/hari_h with one word that is neither a preset nor a date."""
    presets = ", ".join(
        f"<code>{calendar.id}</code> ({escape(calendar.name)})"
        for calendar in load_presets().values()
    )
    return t.gettext(
        "«{typed}» bukan nama jadwal yang dikenal dan bukan tanggal. Jadwal yang tersedia: "
        "{presets}; atau tulis tanggal hari H dan nama pemilihan."
    ).format(typed=escape(shorten(typed)), presets=presets)


def election_set_text(
    t: Translator, group: GroupSettings, today: date, dropped_corrections: bool
) -> str:
    """The answer to /hari_h: the election, its calendar, and the stage running."""
    _ = t.gettext
    calendar = calendar_of(group)
    assert calendar is not None  # polling day was just set
    election = calendar.calendar
    lines = [_("Hari H tersimpan."), countdown_line(t, group, today) or ""]
    polling = election.stage("pemungutan")
    sources = ", ".join(
        escape(_(name)) for name in election.source_names(polling.sources if polling else ())
    )
    if election.is_preset:
        lines.append(
            _("Jadwal tahapan: <b>{election}</b>, sesuai {sources}.").format(
                election=escape(election.name), sources=sources
            )
        )
    else:
        lines.append(
            _(
                "Jadwal tahapan: {sources}; admin dapat mengoreksi setiap tahapan untuk "
                "wilayah ini."
            ).format(sources=sources)
        )
        same_day = [c for c in load_presets().values() if c.polling_day == election.polling_day]
        if same_day:
            lines.append(
                _("Untuk jadwal resmi KPU, gunakan <code>/hari_h {preset}</code>.").format(
                    preset=same_day[0].id
                )
            )
    lines += _current_stage_lines(t, calendar, day_of(calendar, today))
    if dropped_corrections:
        lines.append(_("Koreksi tahapan sebelumnya tidak berlaku lagi untuk jadwal ini."))
    lines.append(_("Tahapan dan tonggak berikutnya: /tahapan"))
    return "\n".join(lines)
