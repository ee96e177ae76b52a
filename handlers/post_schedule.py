"""/jadwal: the group's scheduled posts, shown to all and changed by admins."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from telegram import Update

from bot.context import BotContext
from bot.domain.countdown import local_today
from bot.domain.dates import parse_weekday
from bot.domain.days_off import PauseSpan
from bot.domain.forum import GroupSettings
from bot.domain.zones import zone_label
from bot.scheduling import post_record
from bot.scheduling.post_kinds import POST_KINDS, PostKind
from bot.scheduling.post_record import PostRecord
from bot.scheduling.slots import (
    NewTime,
    parse_post_time,
    post_time_value,
    schedule_of,
    when_new_time_applies,
)
from bot.services import groups, pauses
from bot.texts.group_view import pause_line
from bot.texts.html import escape, shorten
from bot.texts.i18n import Translator
from handlers.access import setting_command
from handlers.replies import reply

EXAMPLE = "/jadwal ringkasan 16.30"


def schedule_text(
    t: Translator, group: GroupSettings, now: datetime, pause: PauseSpan | None = None
) -> str:
    _ = t.gettext
    schedule = schedule_of(group)
    lines = [
        _("<b>Jadwal kiriman otomatis</b> ({zone})").format(zone=zone_label(group.time_zone, now))
    ]
    if pause is not None:  # said first: none of the times below applies meanwhile
        lines.append(pause_line(t, group, pause))
    for kind, spec in POST_KINDS.items():
        at = schedule.time_of(kind)
        shown = t.time_of_day(at) if at else _("mati")
        weekday = schedule.weekdays.get(kind)
        if at and weekday is not None:
            shown = f"{t.weekday(weekday - 1)} {shown}"
        lines.append(f"• <code>{kind.value}</code> {shown} — {_(spec.description)}")
    lines += [
        "",
        _(
            "Admin dapat mengubahnya, contoh: <code>{example}</code> atau "
            "<code>/jadwal pengingat mati</code>."
        ).format(example=EXAMPLE),
    ]
    return "\n".join(lines)


def today_note(
    t: Translator, group: GroupSettings, kind: PostKind, now: datetime, record: PostRecord | None
) -> str | None:
    """What the changed time means for today's post, when that is not simply "later today"."""
    _ = t.gettext
    schedule = schedule_of(group)
    at = schedule.time_of(kind)
    if at is None:
        return None
    values = {"kind": kind.value, "time": f"{t.time_of_day(at)} {zone_label(group.time_zone)}"}
    if record is not None and not record.missed:
        if record.slot_at is None:
            sent = _("Kiriman <code>{kind}</code> hari ini sudah dikirim.").format(**values)
        else:
            sent_at = record.slot_at.astimezone(ZoneInfo(group.time_zone))
            message = (
                _("Kiriman <code>{kind}</code> hari ini sudah dikirim pukul {sent}.")
                if record.delivered
                else _(
                    "Kiriman <code>{kind}</code> hari ini sudah diproses pukul {sent} "
                    "(tidak ada yang perlu dikirim)."
                )
            )
            sent = message.format(sent=t.clock_time(sent_at), **values)
        return sent + " " + _("Pukul {time} berlaku mulai besok.").format(**values)
    missed_at = record.slot_at if record is not None and record.missed else None
    applies = when_new_time_applies(now, schedule, kind, missed_at)
    if applies is NewTime.AT_ONCE:
        return _("Pukul {time} hari ini sudah lewat; kiriman hari ini dikirim sekarang.").format(
            **values
        )
    if applies is NewTime.TOMORROW:
        return _("Pukul {time} hari ini sudah lewat; jam ini berlaku mulai besok.").format(**values)
    return None


async def _show_schedule(t: Translator, group: GroupSettings, now: datetime) -> str:
    return schedule_text(t, group, now, await pauses.current_pause(group.chat_id, now))


@setting_command(_show_schedule)
async def schedule_command(
    update: Update, context: BotContext, t: Translator, words: list[str]
) -> None:
    """Shows the schedule, or lets an admin set one post's time (or turn it off)."""
    _ = t.gettext
    chat = update.effective_chat
    now = context.runtime.clock()
    example = _("Contoh: <code>{example}</code>").format(example=EXAMPLE)
    kinds = ", ".join(kind.value for kind in POST_KINDS)
    weekday = None
    if len(words) == 3 and words[0].casefold() in POST_KINDS:
        # "/jadwal brief Senin 08.00": a weekly kind on one weekday.
        weekday = parse_weekday(words[1])
        weekly = POST_KINDS[PostKind(words[0].casefold())].weekly
        # A day named for a daily kind, or a weekly kind without a day it can read.
        if (weekday is not None) != weekly:
            await reply(
                update,
                _(
                    "Hanya kiriman <code>brief</code> yang dapat dijadwalkan mingguan, dengan "
                    "nama hari: <code>/jadwal brief Senin 08.00</code>."
                ),
            )
            return
        if weekday is not None:
            words = [words[0], words[2]]
    if len(words) != 2 or words[0].casefold() not in POST_KINDS:
        await reply(
            update,
            _("Tulis jenis kiriman lalu jam atau «mati». Jenis: {kinds}.").format(kinds=kinds)
            + "\n"
            + example,
        )
        return
    kind = PostKind(words[0].casefold())
    try:
        post_time = parse_post_time(words[1])
    except ValueError:
        await reply(
            update,
            _(
                "Jam «{time}» tidak dikenali. Gunakan JJ:MM antara 00:00 dan 23:59, atau «mati»."
            ).format(time=escape(shorten(words[1])))
            + "\n"
            + example,
        )
        return
    group = await groups.set_post_time(
        chat.id,
        chat.title or "",
        kind.value,
        post_time_value(post_time, weekday),
        now=now,
    )
    if post_time is None:
        done = _("Kiriman <code>{kind}</code> dimatikan.").format(kind=kind.value)
    else:
        at = f"{t.time_of_day(post_time)} {zone_label(group.time_zone, now)}"
        if weekday is not None:
            done = _("Kiriman <code>{kind}</code> sekarang setiap {weekday} pukul {time}.").format(
                kind=kind.value, weekday=t.weekday(weekday - 1), time=at
            )
        else:
            done = _("Kiriman <code>{kind}</code> sekarang pukul {time}.").format(
                kind=kind.value, time=at
            )
        record = await post_record.record_of(group.chat_id, kind, local_today(now, group.time_zone))
        note = today_note(t, group, kind, now, record)
        if note:
            done += "\n" + note
    pause = await pauses.current_pause(chat.id, now)
    await reply(update, done + "\n\n" + schedule_text(t, group, now, pause))
