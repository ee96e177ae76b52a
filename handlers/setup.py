"""Group set-up: /mulai, /wilayah, /zona, /hari_h, /instansi, /bahasa, /batas_terlambat
and /pengaturan.

/hari_h chooses the election calendar too: a preset (``/hari_h pilkada2024``)
or a date and a name, around which the relative template applies. /tahapan
shows and corrects that calendar (``handlers.election_calendar``).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import date, datetime

from telegram import Update
from telegram.error import TelegramError

from bot.context import BotContext
from bot.domain.agencies import Agency
from bot.domain.countdown import local_today
from bot.domain.dates import DateParseError, DateProblem, split_leading_date
from bot.domain.elections import preset
from bot.domain.reporting_days import parse_cutoff
from bot.domain.user_input import clean_line, command_argument
from bot.domain.zones import UnknownZone, parse_zone, zone_label
from bot.services import groups, links, pauses
from bot.texts.calendar_view import election_set_text, unknown_preset_text
from bot.texts.group_view import (
    EXAMPLE_EXPECTED,
    EXAMPLE_POLLING_DAY,
    EXAMPLE_PRESET,
    EXAMPLE_ZONE,
    LANGUAGE_NAMES,
    expected_agencies_text,
    late_cutoff_line,
    missing_text,
    settings_text,
)
from bot.texts.html import escape, shorten
from bot.texts.i18n import Translator
from bot.transport.commands import publish_chat_menu
from handlers.access import (
    Callback,
    admin_command,
    registered_group_command,
    setting_command,
)
from handlers.replies import reply

log = logging.getLogger(__name__)

SettingsCommand = Callable[[Update, BotContext, Translator, str], Awaitable[None]]


def admin_setting(command: SettingsCommand) -> Callback:
    """Runs ``command`` for a group admin; anyone else is refused and nothing changes."""

    @admin_command
    async def callback(
        update: Update, context: BotContext, t: Translator, group: groups.GroupSettings | None
    ) -> None:
        await command(update, context, t, command_argument(update.effective_message.text))

    callback.__doc__ = command.__doc__
    return callback


@admin_setting
async def start_group(update: Update, context: BotContext, t: Translator, argument: str) -> None:
    """Registers the group and shows its settings and what is still missing."""
    _ = t.gettext
    chat = update.effective_chat
    now = context.runtime.clock()
    group = await groups.register_group(chat.id, chat.title or "", now=now)
    await reply(
        update,
        "\n\n".join(
            [
                _("Posko Forkopimda aktif di grup ini."),
                await _settings_shown(t, group, now),
                missing_text(t, group),
            ]
        ),
    )


async def _settings_shown(t: Translator, group: groups.GroupSettings, now: datetime) -> str:
    """The settings with the group above, how many are below and the pause running now."""
    up = await links.link_up(group.chat_id)
    below = await links.links_down(group.chat_id)
    upper = up.upper if up and up.approved else None
    pause = await pauses.current_pause(group.chat_id, now)
    return settings_text(t, group, now, upper, len(below), pause)


@admin_setting
async def set_zone(update: Update, context: BotContext, t: Translator, argument: str) -> None:
    """Stores the time zone: WIB, WITA, WIT or an IANA name."""
    _ = t.gettext
    example = _("Contoh: <code>{example}</code>").format(example=EXAMPLE_ZONE)
    argument = clean_line(argument)
    if not argument:
        await reply(
            update, _("Zona waktu belum diisi. Pilih WIB, WITA, atau WIT.") + "\n" + example
        )
        return
    try:
        zone = parse_zone(argument)
    except UnknownZone:
        await reply(
            update,
            _(
                "Zona waktu «{zone}» tidak dikenal. Gunakan WIB, WITA, WIT, atau "
                "nama zona IANA seperti Asia/Makassar."
            ).format(zone=escape(shorten(argument)))
            + "\n"
            + example,
        )
        return
    chat = update.effective_chat
    now = context.runtime.clock()
    group = await groups.set_time_zone(chat.id, chat.title or "", zone, now=now)
    await reply(
        update,
        _("Zona waktu grup ini sekarang: <b>{zone}</b>. Hari ini: {today}.").format(
            zone=zone_label(group.time_zone, now),
            today=t.full_date(local_today(now, group.time_zone)),
        ),
    )


@admin_setting
async def set_polling_day(
    update: Update, context: BotContext, t: Translator, argument: str
) -> None:
    """Sets the election: a preset (``/hari_h pilkada2024``) or polling day and a name."""
    _ = t.gettext
    example = _("Contoh: <code>{example}</code>").format(example=EXAMPLE_POLLING_DAY)
    either = _("Contoh: <code>{preset}</code> atau <code>{example}</code>").format(
        preset=EXAMPLE_PRESET, example=EXAMPLE_POLLING_DAY
    )
    formats = _("Gunakan bentuk 2024-11-27, 27-11-2024, 27/11/2024, atau 27 November 2024.")
    argument = clean_line(argument)
    if not argument:
        await reply(
            update, _("Jadwal atau tanggal dan nama pemilihan belum diisi.") + "\n" + either
        )
        return
    first_word, _space, rest = argument.partition(" ")
    chosen = preset(first_word)
    if chosen is not None and rest:
        await reply(
            update,
            _(
                "Jadwal {preset} sudah membawa hari H dan nama pemilihannya; tulis "
                "<code>/hari_h {preset}</code> saja."
            ).format(preset=chosen.id),
        )
        return
    if chosen is not None:
        await _set_election(update, context, t, chosen.polling_day, chosen.name, chosen.id)
        return
    try:
        polling_day, election_name = split_leading_date(argument)
    except DateParseError as error:
        shown = escape(shorten(error.text))
        if error.problem is DateProblem.UNRECOGNISED and " " not in argument:
            await reply(update, unknown_preset_text(t, argument) + "\n" + either)
            return
        problem = {
            DateProblem.UNRECOGNISED: _("Tanggal «{date}» tidak dikenali.") + " " + formats,
            DateProblem.IMPOSSIBLE: _("Tanggal «{date}» tidak ada di kalender."),
            DateProblem.OUT_OF_RANGE: _("Tahun pada tanggal «{date}» harus antara 2000 dan 2100."),
        }[error.problem]
        await reply(update, problem.format(date=shown) + "\n" + example)
        return
    election_name = clean_line(election_name)
    if not election_name:
        await reply(update, _("Nama pemilihan belum diisi.") + "\n" + example)
        return
    if len(election_name) > groups.ELECTION_NAME_MAX_LENGTH:
        await reply(
            update,
            _("Nama pemilihan terlalu panjang ({length} karakter, maksimal {limit}).").format(
                length=t.number(len(election_name)), limit=groups.ELECTION_NAME_MAX_LENGTH
            )
            + "\n"
            + example,
        )
        return
    await _set_election(update, context, t, polling_day, election_name, None)


async def _set_election(
    update: Update,
    context: BotContext,
    t: Translator,
    polling_day: date,
    election_name: str,
    preset_id: str | None,
) -> None:
    """Stores the election and says what its calendar now is."""
    chat = update.effective_chat
    now = context.runtime.clock()
    before = await groups.find_group(chat.id)
    group = await groups.set_polling_day(
        chat.id, chat.title or "", polling_day, election_name, now=now, preset=preset_id
    )
    today = local_today(now, group.time_zone)
    had_corrections = before is not None and bool(before.stage_corrections)
    await reply(update, election_set_text(t, group, today, had_corrections))


@registered_group_command
async def show_settings(
    update: Update, context: BotContext, t: Translator, group: groups.GroupSettings
) -> None:
    """Shows the group's current settings."""
    now = context.runtime.clock()
    await reply(update, await _settings_shown(t, group, now) + "\n\n" + missing_text(t, group))


_EXPECTED_WORDS = {"wajib": True, "ya": True, "tidak": False, "bukan": False}


async def _show_expected(t: Translator, group: groups.GroupSettings, now: datetime) -> str:
    return expected_agencies_text(t, group)


@setting_command(_show_expected)
async def expected_agencies(
    update: Update, context: BotContext, t: Translator, words: list[str]
) -> None:
    """Shows which agencies must report daily; an admin changes one (``/instansi DPRD wajib``)."""
    _ = t.gettext
    chat = update.effective_chat
    now = context.runtime.clock()
    example = _("Contoh: <code>{example}</code>").format(example=EXAMPLE_EXPECTED)
    agency = Agency.from_text(words[0])
    if agency is None:
        await reply(
            update,
            _('Instansi "{agency}" tidak dikenal. Pilih salah satu: {choices}.').format(
                agency=escape(shorten(words[0])), choices=", ".join(a.label for a in Agency)
            )
            + "\n"
            + example,
        )
        return
    expected = _EXPECTED_WORDS.get(words[1].casefold()) if len(words) == 2 else None
    if expected is None:
        await reply(
            update,
            _('Tulis nama instansi lalu "wajib" atau "tidak".') + "\n" + example,
        )
        return
    group = await groups.set_expected(chat.id, chat.title or "", agency, expected, now=now)
    if expected:
        done = _("{agency} sekarang wajib melapor setiap hari.").format(agency=agency.label)
    else:
        done = _("{agency} sekarang tidak wajib melapor setiap hari.").format(agency=agency.label)
    await reply(update, done + "\n\n" + expected_agencies_text(t, group))


# What admins type for each language, in either language.
_LANGUAGES = {
    "id": "id",
    "indonesia": "id",
    "bahasa indonesia": "id",
    "indonesian": "id",
    "en": "en",
    "english": "en",
    "inggris": "en",
    "bahasa inggris": "en",
}
EXAMPLE_LANGUAGE = "/bahasa en"


async def _show_language(t: Translator, group: groups.GroupSettings, now: datetime) -> str:
    _ = t.gettext
    return (
        _("Bahasa grup ini: {language}.").format(language=LANGUAGE_NAMES[group.locale])
        + "\n"
        + _("Admin dapat mengubahnya: {choices}. Contoh: <code>{example}</code>").format(
            choices=_language_choices(), example=EXAMPLE_LANGUAGE
        )
    )


def _language_choices() -> str:
    return ", ".join(f"<code>{code}</code> ({name})" for code, name in LANGUAGE_NAMES.items())


@setting_command(_show_language)
async def set_language(
    update: Update, context: BotContext, t: Translator, words: list[str]
) -> None:
    """Shows the group's language; an admin changes it (``/bahasa en``, ``/bahasa id``)."""
    _ = t.gettext
    chat = update.effective_chat
    now = context.runtime.clock()
    argument = " ".join(words).casefold()
    choices = _language_choices()
    locale = _LANGUAGES.get(argument)
    if locale is None:
        await reply(
            update,
            _("Bahasa «{language}» tidak tersedia. Pilih salah satu: {choices}.").format(
                language=escape(shorten(argument)), choices=choices
            )
            + "\n"
            + _("Contoh: <code>{example}</code>").format(example=EXAMPLE_LANGUAGE),
        )
        return
    group = await groups.set_locale(chat.id, chat.title or "", locale, now=now)
    t = context.translator(group.locale)
    await _publish_menu(context, chat.id, group.locale)
    await reply(
        update,
        t.gettext(
            "Bahasa grup ini sekarang {language}: kiriman, balasan, ringkasan, dan formulir "
            "laporan para penghubung untuk grup ini memakai bahasa ini."
        ).format(language=LANGUAGE_NAMES[group.locale]),
    )


EXAMPLE_CUTOFF = "/batas_terlambat 10.00"


async def _show_late_cutoff(t: Translator, group: groups.GroupSettings, now: datetime) -> str:
    explanation = t.gettext(
        "Sampai jam itu penghubung masih dapat mengirim atau memperbaiki laporan kemarin; "
        "laporannya ditandai terlambat. Admin dapat mengubahnya, contoh: "
        "<code>{example}</code>, atau <code>/batas_terlambat mati</code> agar laporan "
        "kemarin tidak diterima lagi."
    ).format(example=EXAMPLE_CUTOFF)
    return late_cutoff_line(t, group) + "\n" + explanation


@setting_command(_show_late_cutoff)
async def late_cutoff(update: Update, context: BotContext, t: Translator, words: list[str]) -> None:
    """Shows until when yesterday's report is taken, late; an admin changes it."""
    _ = t.gettext
    chat = update.effective_chat
    now = context.runtime.clock()
    argument = " ".join(words)
    try:
        cutoff = parse_cutoff(argument)
    except ValueError:
        await reply(
            update,
            _(
                "Jam «{time}» tidak dikenali. Gunakan JJ.MM antara 00.00 dan 23.59, atau «mati»."
            ).format(time=escape(shorten(argument)))
            + "\n"
            + _("Contoh: <code>{example}</code>").format(example=EXAMPLE_CUTOFF),
        )
        return
    group = await groups.set_late_cutoff(chat.id, chat.title or "", cutoff, now=now)
    await reply(update, late_cutoff_line(t, group))


async def _publish_menu(context: BotContext, chat_id: int, locale: str) -> None:
    """The group's command menu in its language; a failure costs the menu, not the setting."""
    from handlers.commands import COMMANDS  # the registry imports this module

    try:
        await publish_chat_menu(context.bot, chat_id, COMMANDS, locale)
    except TelegramError as error:
        log.warning("Could not publish the command menu of %s: %s", chat_id, error)
