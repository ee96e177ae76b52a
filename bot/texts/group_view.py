"""How a group's settings and countdown read, in the group's language."""

from __future__ import annotations

from datetime import date, datetime

from bot.domain.countdown import Countdown, local_today
from bot.domain.forum import GroupSettings
from bot.domain.links import GroupRef
from bot.domain.zones import zone_label
from bot.texts.html import escape
from bot.texts.i18n import Translator
from bot.texts.regions import group_name, region_line

EXAMPLE_REGION = "/wilayah Kabupaten Kutai Timur"
EXAMPLE_POLLING_DAY = "/hari_h 2024-11-27 Pilkada Serentak 2024"
EXAMPLE_ZONE = "/zona WITA"


def countdown_line(t: Translator, group: GroupSettings, today: date) -> str | None:
    """ "H-14 menuju pemungutan suara Pilkada Serentak 2024, Rabu, 27 November 2024"."""
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
        line = _("{label} setelah pemungutan suara {election}, {date}").format(**values)
    if countdown.in_quiet_period:
        line += "\n" + _("Masa tenang (H-3 sampai H-1): kampanye dihentikan.")
    return line


def settings_text(
    t: Translator,
    group: GroupSettings,
    now: datetime,
    upper: GroupRef | None = None,
    below: int = 0,
) -> str:
    """The settings as /mulai and /pengaturan show them; ``upper`` is the group above (linked
    or asked), ``below`` how many groups are linked below."""
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
        _("Zona waktu: {zone}").format(zone=zone_label(group.time_zone, t.locale, now)),
        _("Pemilihan: {election}").format(
            election=escape(group.election_name) if group.election_name else not_set
        ),
        _("Hari H: {polling_day}").format(polling_day=polling),
        _("Hari ini: {today}").format(today=t.full_date(today)),
    ]
    if upper is not None:
        lines.append(_("Grup induk: {group}").format(group=group_name(upper)))
    if below:
        lines.append(_("Grup di bawahnya: {count}").format(count=t.number(below)))
    return "\n".join(lines)


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
