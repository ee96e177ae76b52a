"""How a group's settings and countdown read, in the group's language."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time
from operator import attrgetter

from bot.domain.agencies import Agency
from bot.domain.countdown import Countdown, local_today
from bot.domain.days_off import PauseSpan
from bot.domain.elections import election_day
from bot.domain.forum import GroupSettings
from bot.domain.links import GroupRef
from bot.domain.zones import zone_label
from bot.texts.html import escape
from bot.texts.i18n import Translator
from bot.texts.regions import group_name, region_line

EXAMPLE_REGION = "/wilayah Kabupaten Kutai Timur"
EXAMPLE_POLLING_DAY = "/hari_h 2024-11-27 Pilkada Serentak 2024"
EXAMPLE_PRESET = "/hari_h pilkada2024"
EXAMPLE_ZONE = "/zona WITA"
EXAMPLE_EXPECTED = "/instansi DPRD wajib"
# Each language by its own name, as a reader of it looks for it.
LANGUAGE_NAMES = {"id": "Bahasa Indonesia", "en": "English"}


def countdown_line(
    t: Translator, group: GroupSettings, today: date, *, quiet_period_note: bool = True
) -> str | None:
    """ "H-14 menuju pemungutan suara Pilkada Serentak 2024, Rabu, 27 November 2024".

    On H-3 to H-1 a second line says the masa tenang forbids campaigning,
    unless ``quiet_period_note`` is off (a post that names the masa tenang itself).
    After polling day the line names the stage running and its end: "H+3 ·
    rekapitulasi tingkat kabupaten/kota, sampai Jumat, 6 Desember 2024".
    """
    if group.polling_day is None:
        return None
    _ = t.gettext
    countdown = Countdown.between(today, group.polling_day)
    values = {
        "label": countdown.label,
        "election": escape(group.election_name or ""),
        "date": t.full_date(group.polling_day),
    }
    if countdown.days_before > 0:
        line = _("{label} menuju pemungutan suara {election}, {date}").format(**values)
    elif countdown.is_polling_day:
        line = _("Hari H pemungutan suara {election}, {date}").format(**values)
    else:
        stage = election_day(group, today).stage
        if stage is not None:
            line = _("{label} · {stage}, sampai {last}").format(
                label=countdown.label, stage=_(stage.name), last=t.full_date(stage.last)
            )
        else:
            line = _("{label} setelah pemungutan suara {election}, {date}").format(**values)
    if countdown.in_quiet_period and quiet_period_note:
        line += "\n" + _("Masa tenang (H-3 sampai H-1): kampanye dihentikan.")
    return line


def settings_text(
    t: Translator,
    group: GroupSettings,
    now: datetime,
    upper: GroupRef | None = None,
    below: int = 0,
    pause: PauseSpan | None = None,
) -> str:
    """The settings as /mulai and /pengaturan show them; ``upper`` is the group above (linked
    or asked), ``below`` how many groups are linked below, ``pause`` the pause running now,
    if any."""
    _ = t.gettext
    not_set = _("belum diatur")
    today = local_today(now, group.time_zone)
    if group.polling_day:
        label = Countdown.between(today, group.polling_day).label
        polling = f"{t.full_date(group.polling_day)} ({label})"
    else:
        polling = not_set
    lines = [
        _("<b>Pengaturan Posko Forkopimda</b>"),
        _("Wilayah: {region}").format(region=region_line(t, group)),
        _("Zona waktu: {zone}").format(zone=zone_label(group.time_zone, now)),
        _("Pemilihan: {election}").format(
            election=escape(group.election_name) if group.election_name else not_set
        ),
        _("Hari H: {polling_day}").format(polling_day=polling),
        *_stage_lines(t, group, today),
        _("Wajib melapor setiap hari: {agencies}").format(agencies=agency_list(t, group.expected)),
        late_cutoff_line(t, group),
        _("Libur nasional: {choice}").format(
            choice=_("dilewati (tanpa kiriman otomatis)")
            if group.skip_holidays
            else _("tetap bekerja")
        ),
        _("Bahasa: {language}").format(language=LANGUAGE_NAMES.get(group.locale, group.locale)),
        pause_line(t, group, pause),
        _("Hari ini: {today}").format(today=t.full_date(today)),
    ]
    if upper is not None:
        lines.append(_("Grup induk: {group}").format(group=group_name(upper)))
    if below:
        lines.append(_("Grup di bawahnya: {count}").format(count=t.number(below)))
    return "\n".join(lines)


def late_cutoff_line(t: Translator, group: GroupSettings) -> str:
    """Until when yesterday's report is taken, late."""
    _ = t.gettext
    if group.late_cutoff == time(0, 0):
        return _("Laporan terlambat untuk kemarin: tidak diterima")
    return _("Laporan terlambat untuk kemarin: sampai pukul {time} {zone}").format(
        time=t.time_of_day(group.late_cutoff), zone=zone_label(group.time_zone)
    )


def pause_line(t: Translator, group: GroupSettings, pause: PauseSpan | None) -> str:
    """Whether the forum is paused now, and until when."""
    _ = t.gettext
    if pause is None:
        return _("Jeda: tidak")
    last = pause.last_day(group.time_zone)
    if last is None:
        return _("Jeda: posko dijeda sampai admin mengetik /lanjut")
    return _("Jeda: posko dijeda sampai {date}").format(date=t.full_date(last))


def _stage_lines(t: Translator, group: GroupSettings, today: date) -> list[str]:
    """ "Tahap saat ini: masa kampanye (/tahapan)" once polling day is set."""
    if group.polling_day is None:
        return []
    stage = election_day(group, today).stage
    name = t.gettext(stage.name) if stage is not None else t.gettext("di luar tahapan")
    return [t.gettext("Tahap saat ini: {stage} (/tahapan)").format(stage=name)]


def agency_list(t: Translator, agencies: Iterable[Agency]) -> str:
    """ "Pemda, TNI, Polri" in the forum's order, or "tidak ada" for none."""
    names = [agency.label for agency in sorted(agencies, key=attrgetter("order"))]
    return ", ".join(names) if names else t.gettext("tidak ada")


def expected_agencies_text(t: Translator, group: GroupSettings) -> str:
    """Which agencies the group expects to report every day, and how admins change it."""
    _ = t.gettext
    others = set(Agency) - set(group.expected)
    return "\n".join(
        [
            _("<b>Instansi yang wajib melapor setiap hari</b>"),
            _("Wajib: {agencies}").format(agencies=agency_list(t, group.expected)),
            _("Tidak wajib: {agencies}").format(agencies=agency_list(t, others)),
            "",
            _(
                "Instansi yang tidak wajib tidak disebut dalam pengingat dan /belum, tetapi "
                "laporannya tetap tampil dalam ringkasan. Admin dapat mengubahnya, contoh: "
                "<code>{example}</code>."
            ).format(example=EXAMPLE_EXPECTED),
        ]
    )


def missing_text(t: Translator, group: GroupSettings) -> str:
    _ = t.gettext
    examples = {
        "region": _("Wilayah, contoh: <code>{example}</code>").format(example=EXAMPLE_REGION),
        "polling_day": _("Hari H, contoh: <code>{example}</code>").format(
            example=EXAMPLE_POLLING_DAY
        ),
    }
    if not group.missing:
        return _("Semua pengaturan sudah lengkap.")
    lines = [_("Yang masih perlu diatur oleh admin grup:")]
    lines += [f"• {examples[item]}" for item in group.missing]
    if group.time_zone == "Asia/Jakarta":
        lines.append(
            _("Zona waktu WIB dipakai; ubah bila perlu, contoh: <code>{example}</code>").format(
                example=EXAMPLE_ZONE
            )
        )
    return "\n".join(lines)
