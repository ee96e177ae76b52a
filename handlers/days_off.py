"""/jeda, /lanjut and /libur: the days the forum does not work.

``/jeda [sampai tanggal]`` pauses the group from now (until /lanjut, or to
the end of the day named): no scheduled posts, no reminders, no agency
counted as missing; reports can still be sent. ``/lanjut`` resumes at once.
``/libur nasional ya|tidak`` makes national holidays and cuti bersama days
off, or working days again (the default); polling day is never one.
What a day off means is ``bot.domain.days_off``.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from telegram import Update

from bot.context import BotContext
from bot.domain.countdown import local_today
from bot.domain.dates import DateParseError, DateProblem, parse_last_day
from bot.domain.days_off import holidays_between
from bot.domain.user_input import clean_keyword, clean_line, command_argument
from bot.services import groups, pauses
from bot.services.groups import GroupSettings
from bot.texts.html import escape, shorten
from bot.texts.i18n import Translator
from handlers.access import admin_command, group_command, is_group_admin
from handlers.replies import refuse_non_admin, reply

PAUSE_EXAMPLE = "/jeda sampai 5 Januari 2025"
HOLIDAY_EXAMPLE = "/libur nasional ya"
MAX_PAUSE_DAYS = 366
HOLIDAYS_SHOWN_DAYS = 60  # /libur lists the holidays of the coming two months


async def _registered(update: Update, context: BotContext, group: GroupSettings | None):
    chat = update.effective_chat
    return group or await groups.register_group(
        chat.id, chat.title or "", now=context.runtime.clock()
    )


@admin_command
async def pause(
    update: Update, context: BotContext, t: Translator, group: GroupSettings | None
) -> None:
    """Pauses the group's work from now, until /lanjut or the end of the day named."""
    _ = t.gettext
    group = await _registered(update, context, group)
    now = context.runtime.clock()
    today = local_today(now, group.time_zone)
    argument = clean_line(command_argument(update.effective_message.text))
    example = _("Contoh: <code>{example}</code>, atau <code>/jeda</code> saja.").format(
        example=PAUSE_EXAMPLE
    )
    until = None
    if argument:
        try:
            until = parse_last_day(argument, today)
        except DateParseError as error:
            shown = escape(shorten(error.text))
            problem = {
                DateProblem.UNRECOGNISED: _("«{date}» tidak dikenali sebagai tanggal."),
                DateProblem.IMPOSSIBLE: _("Tanggal «{date}» tidak ada di kalender."),
                DateProblem.OUT_OF_RANGE: _(
                    "Tahun pada tanggal «{date}» harus antara 2000 dan 2100."
                ),
                DateProblem.NO_DAYS: _("Jeda paling sedikit 1 hari."),
            }[error.problem]
            await reply(update, problem.format(date=shown) + "\n" + example)
            return
        if until < today:
            await reply(
                update,
                _(
                    "Jeda dimulai hari ini, {today}, sehingga tidak dapat berakhir lebih dulu pada "
                    "{date}. Tulis hari terakhir jeda: hari ini atau sesudahnya."
                ).format(today=t.full_date(today), date=t.full_date(until))
                + "\n"
                + example,
            )
            return
        if until > today + timedelta(days=MAX_PAUSE_DAYS):
            await reply(
                update,
                _("Jeda paling lama satu tahun. Tanpa tanggal, jeda berlangsung sampai /lanjut.")
                + "\n"
                + example,
            )
            return
    by = update.effective_user.id if update.effective_user else update.effective_chat.id
    _span, was_paused = await pauses.pause(
        group.chat_id, group.title, now=now, until=until, zone=group.time_zone, by=by
    )
    if until is None:
        done = _("⏸ Posko dijeda sampai admin mengetik /lanjut.")
    elif was_paused:
        done = _("⏸ Jeda diubah: posko dijeda sampai {date}, lalu berjalan lagi.").format(
            date=t.full_date(until)
        )
    else:
        done = _("⏸ Posko dijeda sampai {date}, lalu berjalan lagi.").format(
            date=t.full_date(until)
        )
    await reply(
        update,
        done
        + "\n"
        + _(
            "Selama jeda tidak ada kiriman otomatis dan pengingat, dan tidak ada instansi yang "
            "dianggap belum melapor. Laporan tetap dapat dikirim."
        ),
    )


@admin_command
async def resume(
    update: Update, context: BotContext, t: Translator, group: GroupSettings | None
) -> None:
    """Ends the pause now: the next scheduled posts go out again."""
    _ = t.gettext
    if group is None or await pauses.resume(group.chat_id, context.runtime.clock()) is None:
        await reply(
            update,
            _(
                "Posko tidak sedang dijeda. Admin dapat menjedanya, contoh: <code>{example}</code>."
            ).format(example=PAUSE_EXAMPLE),
        )
        return
    await reply(
        update,
        _("▶️ Posko berjalan lagi. Kiriman otomatis berikutnya dikirim sesuai /jadwal."),
    )


_YES = frozenset({"ya", "yes", "lewati", "libur"})
_NO = frozenset({"tidak", "no", "kerja", "masuk"})


@group_command
async def holidays(
    update: Update, context: BotContext, t: Translator, group: GroupSettings | None
) -> None:
    """Shows whether national holidays are days off; an admin changes it."""
    _ = t.gettext
    group = await _registered(update, context, group)
    now = context.runtime.clock()
    argument = clean_keyword(command_argument(update.effective_message.text)).casefold()
    if not argument:
        await reply(update, _holiday_text(t, group, now))
        return
    words = argument.split()
    if words[0] == "nasional":
        words = words[1:]
    if not await is_group_admin(update, context):
        await refuse_non_admin(update, t)
        return
    choice = words[0] if len(words) == 1 else None
    if choice not in _YES | _NO:
        await reply(
            update,
            _("Tulis «ya» untuk meliburkan posko pada hari libur nasional, atau «tidak».")
            + "\n"
            + _("Contoh: <code>{example}</code>").format(example=HOLIDAY_EXAMPLE),
        )
        return
    group = await groups.set_skip_holidays(group.chat_id, group.title, choice in _YES, now=now)
    if group.skip_holidays:
        done = _(
            "Hari libur nasional dan cuti bersama sekarang hari libur posko: tanpa kiriman "
            "otomatis, dan tidak ada instansi yang dianggap belum melapor. Hari pemungutan "
            "suara tidak pernah diliburkan."
        )
    else:
        done = _("Posko sekarang tetap bekerja pada hari libur nasional.")
    await reply(update, done + "\n\n" + _holiday_text(t, group, now))


def _holiday_text(t: Translator, group: GroupSettings, now: datetime) -> str:
    _ = t.gettext
    today = local_today(now, group.time_zone)
    if group.skip_holidays:
        lines = [_("<b>Libur nasional:</b> posko libur (kecuali hari pemungutan suara).")]
    else:
        lines = [_("<b>Libur nasional:</b> posko tetap bekerja.")]
    coming = holidays_between(today, today + timedelta(days=HOLIDAYS_SHOWN_DAYS), t.locale)
    if coming:
        lines.append(
            _("Libur nasional dalam {days} hari ke depan:").format(
                days=t.number(HOLIDAYS_SHOWN_DAYS)
            )
        )
        lines += [
            f"• {t.full_date(day)}: {escape(name)}"
            + (" " + _("(hari pemungutan suara)") if day == group.polling_day else "")
            for day, name in coming
        ]
    lines += [
        "",
        _(
            "Admin dapat mengubahnya: <code>/libur nasional ya</code> atau "
            "<code>/libur nasional tidak</code>."
        ),
    ]
    return "\n".join(lines)
