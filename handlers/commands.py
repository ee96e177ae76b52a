"""Every command the bot answers, in menu order: the one place a command plugs in.

Each entry names the callbacks (in groups, in private chats), the menu and
``/bantuan`` line (a catalog message, so every language has it) and any
aliases. ``handlers.register_handlers`` registers them; ``bot.app`` publishes
the menus from them; ``handlers.help`` lists them.
"""

from __future__ import annotations

from bot.texts.i18n import N_
from bot.transport.commands import Command
from handlers import (
    countdown,
    daily_status,
    group_links,
    help,
    post_schedule,
    regions,
    registration,
    report_entry,
    report_form,
    setup,
)

COMMANDS: tuple[Command, ...] = (
    Command("start", N_("Mulai"), private=help.start),
    Command("mulai", N_("Daftarkan grup dan lihat yang perlu diatur"), group=setup.start_group),
    Command(
        "lapor",
        N_("Isi laporan harian instansi"),
        group=report_entry.report_from_group,
        private=report_entry.report_in_private,
    ),
    Command("batal", N_("Batalkan laporan yang sedang diisi"), private=report_form.cancel),
    Command(
        "ringkasan",
        N_("Ringkasan harian (hari ini, kemarin, tanggal, atau wilayah di bawah)"),
        group=daily_status.show_summary,
    ),
    Command("belum", N_("Siapa yang belum melapor hari ini"), group=daily_status.show_not_reported),
    Command(
        "hitungmundur",
        N_("Hitung mundur menuju hari pemungutan suara"),
        group=countdown.show_countdown,
    ),
    Command("daftar", N_("Daftar sebagai penghubung instansi"), group=registration.register),
    Command("liaison", N_("Daftar penghubung instansi"), group=registration.list_liaisons),
    Command("keluar", N_("Berhenti sebagai penghubung"), group=registration.leave),
    Command("pengaturan", N_("Lihat pengaturan grup"), group=setup.show_settings),
    Command(
        "wilayah",
        N_("Atur wilayah dengan kode atau nama Kemendagri (admin)"),
        group=regions.set_region,
    ),
    Command(
        "induk",
        N_("Minta bergabung dengan grup wilayah di atasnya (admin)"),
        group=group_links.ask_to_join,
    ),
    Command("lepas", N_("Putuskan hubungan dengan grup lain (admin)"), group=group_links.end_link),
    Command("zona", N_("Atur zona waktu: WIB, WITA, atau WIT (admin)"), group=setup.set_zone),
    Command("hari_h", N_("Atur hari pemungutan suara (admin)"), group=setup.set_polling_day),
    Command(
        "jadwal",
        N_("Lihat atau atur jadwal kiriman otomatis"),
        group=post_schedule.schedule_command,
    ),
    Command("hapus_liaison", N_("Hapus penghubung (admin)"), group=registration.remove_liaison),
    Command(
        "bantuan",
        N_("Apa yang dilakukan bot ini"),
        group=help.show_help,
        private=help.show_help,
    ),
)
