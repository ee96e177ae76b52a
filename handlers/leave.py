"""/cuti: a liaison's leave, registered by them or by an admin for them.

``/cuti sampai 5 Desember`` (or ``/cuti 3``: today and the two days after)
puts the caller on leave from today; an admin does it for a liaison by
replying to their message or naming them (``/cuti @andi_polres 3``).
``/cuti selesai`` ends it today; ``/cuti`` alone lists who is on leave. While
away, the liaison is not mentioned by the reminder or ``/belum``; see
``bot.services.day_status`` for who is mentioned instead.
"""

from __future__ import annotations

from datetime import date, timedelta

from telegram import MessageEntity, Update, User

from bot.context import BotContext
from bot.domain.countdown import local_today
from bot.domain.dates import DateParseError, DateProblem, parse_last_day
from bot.domain.user_input import clean_keyword, clean_line, command_argument
from bot.services import leaves, liaisons
from bot.services.groups import GroupSettings
from bot.services.liaisons import LiaisonRecord
from bot.texts.html import escape, shorten
from bot.texts.i18n import Translator
from handlers.access import is_group_admin, registered_group_command
from handlers.registration import agency_unit, display_name
from handlers.replies import reply

EXAMPLE = "/cuti sampai 5 Desember"
MAX_LEAVE_DAYS = 90  # a leave longer than an election's last stretch is a typo
END_WORDS = frozenset({"selesai", "berakhir", "akhiri", "stop"})


def _example(t: Translator) -> str:
    return t.gettext(
        "Contoh: <code>{example}</code>, <code>/cuti 3</code>, atau <code>/cuti selesai</code>."
    ).format(example=EXAMPLE)


async def _target(
    update: Update, argument: str, chat_id: int
) -> tuple[User | LiaisonRecord | None, str, str | None]:
    """Whom the command is about, what is left of its argument, and an unknown @name if any.

    The person replied to, a person named by a mention (with or without a
    username), or else the sender (None for an anonymous admin).
    """
    message = update.effective_message
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and not replied.from_user.is_bot:
        return replied.from_user, argument, None
    for entity, text in message.parse_entities([MessageEntity.TEXT_MENTION]).items():
        if entity.user is not None and text in argument:
            return entity.user, argument.replace(text, "", 1).strip(), None
    first, _, rest = argument.partition(" ")
    if first.startswith("@") and len(first) > 1:
        named = await liaisons.find_by_username(chat_id, first[1:])
        return named, rest.strip(), None if named else first
    if message.sender_chat is not None:
        return None, argument, None
    return update.effective_user, argument, None


@registered_group_command
async def leave(update: Update, context: BotContext, t: Translator, group: GroupSettings) -> None:
    """Registers, changes or ends a liaison's leave; alone, lists who is on leave."""
    _ = t.gettext
    chat = update.effective_chat
    today = local_today(context.runtime.clock(), group.time_zone)
    argument = clean_line(command_argument(update.effective_message.text))
    target, rest, unknown = await _target(update, argument, chat.id)
    if unknown is not None:
        await reply(
            update,
            _("{name} bukan penghubung di grup ini.").format(name=escape(shorten(unknown)))
            + "\n"
            + _example(t),
        )
        return
    sender = update.effective_user if update.effective_message.sender_chat is None else None
    for_someone_else = target is not None and (sender is None or _user_id(target) != sender.id)
    if not argument and not for_someone_else:
        await reply(update, await _listing(t, group, today))
        return
    if target is None:
        await reply(
            update,
            _("Balas pesan penghubung yang cuti dengan perintah ini, atau sebut namanya.")
            + "\n"
            + _("Contoh: <code>/cuti @andi_polres sampai 5 Desember</code>"),
        )
        return
    if for_someone_else and not await is_group_admin(update, context):
        await reply(update, _("Hanya admin grup yang dapat mencatat cuti penghubung lain."))
        return
    record = await liaisons.liaison_in_group(chat.id, _user_id(target))
    if record is None or not record.serves_on(today):
        if for_someone_else:
            name = target.name if isinstance(target, LiaisonRecord) else display_name(target)
            await reply(
                update,
                _("{name} bukan penghubung yang disetujui di grup ini.").format(name=escape(name)),
            )
        elif await is_group_admin(update, context):  # an admin meaning a liaison's leave
            await reply(
                update,
                _("Balas pesan penghubung yang cuti dengan perintah ini, atau sebut namanya.")
                + "\n"
                + _("Contoh: <code>/cuti @andi_polres sampai 5 Desember</code>"),
            )
        else:
            await reply(
                update,
                _(
                    "Hanya penghubung yang disetujui di grup ini yang dapat mencatat cuti. "
                    "Daftar dengan <code>/daftar Polri Polres Kutai Timur</code>."
                ),
            )
        return
    if clean_keyword(rest).casefold() in END_WORDS:
        await _end(update, t, group, record, today)
        return
    if not rest:
        await reply(update, _("Sampai kapan cutinya?") + "\n" + _example(t))
        return
    try:
        last_day = parse_last_day(rest, today)
    except DateParseError as error:
        await reply(update, _date_problem(t, error) + "\n" + _example(t))
        return
    if last_day < today:
        await reply(
            update,
            _(
                "Tanggal {date} sudah lewat. Tulis hari terakhir cuti: hari ini atau sesudahnya."
            ).format(date=t.full_date(last_day))
            + "\n"
            + _example(t),
        )
        return
    if last_day > today + timedelta(days=MAX_LEAVE_DAYS - 1):
        await reply(
            update,
            _("Cuti paling lama {days} hari, sampai {date}.").format(
                days=t.number(MAX_LEAVE_DAYS),
                date=t.full_date(today + timedelta(days=MAX_LEAVE_DAYS - 1)),
            )
            + "\n"
            + _example(t),
        )
        return
    by = sender.id if sender else chat.id
    await _start(update, t, group, record, today, last_day, by)


def _user_id(target: User | LiaisonRecord) -> int:
    return target.user_id if isinstance(target, LiaisonRecord) else target.id


def _date_problem(t: Translator, error: DateParseError) -> str:
    _ = t.gettext
    shown = escape(shorten(error.text))
    if error.problem is DateProblem.NO_DAYS:
        return _("Jumlah hari cuti paling sedikit 1.")
    if error.problem is DateProblem.IMPOSSIBLE:
        return _("Tanggal «{date}» tidak ada di kalender.").format(date=shown)
    if error.problem is DateProblem.OUT_OF_RANGE:
        return _("Tahun pada tanggal «{date}» harus antara 2000 dan 2100.").format(date=shown)
    return _(
        "«{date}» tidak dikenali. Tulis tanggal (5 Desember, 05-12-2024) atau jumlah hari (3)."
    ).format(date=shown)


async def _start(
    update: Update,
    t: Translator,
    group: GroupSettings,
    record: LiaisonRecord,
    today: date,
    last_day: date,
    by: int,
) -> None:
    _ = t.gettext
    leave, before = await leaves.start_leave(
        group.chat_id, record.user_id, today=today, last_day=last_day, by=by
    )
    values = {
        "name": escape(record.name),
        "agency": agency_unit(record),
        "date": t.full_date(leave.last_day),
    }
    if before is None:
        lines = [_("🌴 {name}, penghubung {agency}, cuti sampai {date}.").format(**values)]
    else:
        lines = [_("🌴 Cuti {name}, penghubung {agency}, sekarang sampai {date}.").format(**values)]
    lines.append(await _coverage(t, group, record, today))
    stand_ins = await liaisons.stand_ins_of(group.chat_id, leave.id)
    if stand_ins:
        lines.append(
            _("Pengganti {names} bertugas sampai {date}.").format(
                names=", ".join(escape(r.name) for r in stand_ins), date=values["date"]
            )
        )
    await reply(update, "\n".join(lines))


async def _coverage(t: Translator, group: GroupSettings, record: LiaisonRecord, today: date) -> str:
    """Who the reminder mentions for the agency meanwhile, and what an admin can do."""
    _ = t.gettext
    away = await leaves.leaves_on(group.chat_id, today)
    others = [
        other
        for other in await liaisons.approved_liaisons(group.chat_id, on=today)
        if other.agency is record.agency and other.user_id not in away
    ]
    if others:
        return _("Selama cuti, pengingat dan /belum menyebut {names}.").format(
            names=", ".join(escape(other.name) for other in others)
        )
    agency = record.agency.label
    text = _(
        "{agency} tidak punya penghubung lain: pengingat dan /belum menyebutkan bahwa "
        "penghubungnya sedang cuti."
    ).format(agency=agency)
    if record.agency in group.expected:
        text += " " + _(
            "{agency} tetap wajib melapor. Admin dapat menyetujui pengganti (pengganti mengetik "
            "/daftar, admin menekan «Setujui sebagai pengganti»), atau mengetik "
            "<code>/instansi {agency} tidak</code>."
        ).format(agency=agency)
    return text


async def _end(
    update: Update, t: Translator, group: GroupSettings, record: LiaisonRecord, today: date
) -> None:
    _ = t.gettext
    ended = await leaves.end_leave(group.chat_id, record.user_id, today)
    if ended is None:
        await reply(update, _("{name} tidak sedang cuti.").format(name=escape(record.name)))
        return
    lines = [
        _("{name}, penghubung {agency}, kembali bertugas mulai hari ini.").format(
            name=escape(record.name), agency=agency_unit(record)
        )
    ]
    stand_ins = await liaisons.stand_ins_of(group.chat_id, ended.id)
    if stand_ins:
        lines.append(
            _("Pengganti {names} tidak lagi bertugas.").format(
                names=", ".join(escape(r.name) for r in stand_ins)
            )
        )
    await reply(update, "\n".join(lines))


async def _listing(t: Translator, group: GroupSettings, today: date) -> str:
    _ = t.gettext
    away = await leaves.leaves_on(group.chat_id, today)
    records = {r.user_id: r for r in await liaisons.approved_liaisons(group.chat_id, on=today)}
    lines = [
        _("• {name}, {agency}: sampai {date}").format(
            name=escape(records[user_id].name),
            agency=agency_unit(records[user_id]),
            date=t.full_date(leave.last_day),
        )
        for user_id, leave in sorted(away.items(), key=lambda item: item[1].last_day)
        if user_id in records
    ]
    heading = (
        _("<b>Penghubung yang sedang cuti</b>")
        if lines
        else _("Tidak ada penghubung yang sedang cuti.")
    )
    usage = _(
        "Penghubung mencatat cutinya dengan <code>{example}</code> atau <code>/cuti 3</code> "
        "(jumlah hari); admin dapat membalas pesan penghubung dengan perintah itu. "
        "<code>/cuti selesai</code> mengakhirinya."
    ).format(example=EXAMPLE)
    return "\n".join([heading, *lines, "", usage])
