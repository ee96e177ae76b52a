"""The command list published with setMyCommands, in each catalog's language."""

from __future__ import annotations

from telegram import BotCommand, BotCommandScopeAllGroupChats, BotCommandScopeAllPrivateChats
from telegram.ext import Application

from bot.texts.i18n import N_, SUPPORTED_LOCALES, translator

GROUP_COMMANDS = (
    ("mulai", N_("Daftarkan grup dan lihat yang perlu diatur")),
    ("lapor", N_("Isi laporan harian instansi")),
    ("ringkasan", N_("Ringkasan harian (hari ini, kemarin, atau tanggal)")),
    ("belum", N_("Siapa yang belum melapor hari ini")),
    ("hitungmundur", N_("Hitung mundur menuju hari pemungutan suara")),
    ("daftar", N_("Daftar sebagai penghubung instansi")),
    ("liaison", N_("Daftar penghubung instansi")),
    ("keluar", N_("Berhenti sebagai penghubung")),
    ("pengaturan", N_("Lihat pengaturan grup")),
    ("wilayah", N_("Atur nama wilayah (admin)")),
    ("zona", N_("Atur zona waktu: WIB, WITA, atau WIT (admin)")),
    ("hari_h", N_("Atur hari pemungutan suara (admin)")),
    ("jadwal", N_("Lihat atau atur jadwal kiriman otomatis")),
    ("hapus_liaison", N_("Hapus penghubung (admin)")),
    ("bantuan", N_("Apa yang dilakukan bot ini")),
)
PRIVATE_COMMANDS = (
    ("start", N_("Mulai")),
    ("lapor", N_("Isi laporan harian instansi")),
    ("batal", N_("Batalkan laporan yang sedang diisi")),
    ("bantuan", N_("Apa yang dilakukan bot ini")),
)


async def publish_commands(application: Application) -> None:
    """Publishes the command menus; Indonesian is the default for every client language."""
    for locale in SUPPORTED_LOCALES:
        _ = translator(locale).gettext
        language = None if locale == "id" else locale
        for scope, commands in (
            (BotCommandScopeAllGroupChats(), GROUP_COMMANDS),
            (BotCommandScopeAllPrivateChats(), PRIVATE_COMMANDS),
        ):
            await application.bot.set_my_commands(
                [BotCommand(name, _(description)) for name, description in commands],
                scope=scope,
                language_code=language,
            )
