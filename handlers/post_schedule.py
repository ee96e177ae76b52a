"""/jadwal: the group's scheduled posts, shown to all and changed by admins."""

from __future__ import annotations

from telegram import Update
from telegram.ext import BaseHandler, CommandHandler

from bot.context import BotContext
from bot.domain.user_input import clean_keyword, command_argument
from bot.domain.zones import zone_label
from bot.scheduling.slots import PostKind, parse_post_time
from bot.services import groups
from bot.services.groups import GroupSettings
from bot.services.post_record import schedule_of
from bot.texts.html import escape, shorten
from bot.texts.i18n import N_, Translator
from handlers.access import group_command, is_group_admin
from handlers.replies import refuse_non_admin, reply

DESCRIPTIONS = {
    PostKind.LAPORAN: N_("laporan harian dibuka, dengan tombol formulir"),
    PostKind.PENGINGAT: N_("pengingat bagi yang belum melapor"),
    PostKind.RINGKASAN: N_("ringkasan harian"),
    PostKind.HITUNGMUNDUR: N_("hitung mundur, hanya pada H-30, H-14, H-7, H-3, H-2, H-1, Hari H"),
}
EXAMPLE = "/jadwal ringkasan 16:30"


def schedule_text(t: Translator, group: GroupSettings, now) -> str:
    _ = t.gettext
    schedule = schedule_of(group)
    lines = [
        _("<b>Jadwal kiriman otomatis</b> ({zone})").format(
            zone=zone_label(group.time_zone, t.locale, now)
        )
    ]
    for kind in PostKind:
        at = schedule.time_of(kind)
        shown = at.strftime("%H.%M") if at else _("mati")
        lines.append(f"• <code>{kind.value}</code> {shown} — {_(DESCRIPTIONS[kind])}")
    lines += [
        "",
        _(
            "Admin dapat mengubahnya, contoh: <code>{example}</code> atau "
            "<code>/jadwal pengingat mati</code>."
        ).format(example=EXAMPLE),
    ]
    return "\n".join(lines)


@group_command
async def schedule_command(
    update: Update, context: BotContext, t: Translator, group: GroupSettings | None
) -> None:
    """Shows the schedule, or lets an admin set one post's time (or turn it off)."""
    _ = t.gettext
    chat = update.effective_chat
    now = context.runtime.clock()
    # Read the way zones and dates are: invisible marks ignored, full-width "１６:３０" as 16:30.
    words = clean_keyword(command_argument(update.effective_message.text)).split()
    if not words:
        group = group or await groups.register_group(chat.id, chat.title or "")
        await reply(update, schedule_text(t, group, now))
        return
    if not await is_group_admin(update, context):
        await refuse_non_admin(update, t)
        return
    example = _("Contoh: <code>{example}</code>").format(example=EXAMPLE)
    kinds = ", ".join(kind.value for kind in PostKind)
    if len(words) != 2 or words[0].casefold() not in PostKind.__members__.values():
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
        chat.id, chat.title or "", kind.value, post_time.strftime("%H:%M") if post_time else None
    )
    if post_time is None:
        done = _("Kiriman <code>{kind}</code> dimatikan.").format(kind=kind.value)
    else:
        done = _("Kiriman <code>{kind}</code> sekarang pukul {time}.").format(
            kind=kind.value, time=post_time.strftime("%H.%M")
        )
    await reply(update, done + "\n\n" + schedule_text(t, group, now))


def handlers() -> list[BaseHandler]:
    return [CommandHandler("jadwal", schedule_command)]
