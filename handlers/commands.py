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
    days_off,
    election_calendar,
    group_links,
    help,
    incident_entry,
    incident_follow_up,
    leave,
    outputs,
    post_schedule,
    private_chat,
    regions,
    registration,
    report_entry,
    setup,
)

COMMANDS: tuple[Command, ...] = (
    Command("start", N_("Mulai"), private=help.start),
    Command(
        "mulai", N_("Daftarkan grup dan lihat yang perlu diatur (admin)"), group=setup.start_group
    ),
    Command(
        "lapor",
        N_("Isi laporan harian instansi"),
        group=report_entry.report_from_group,
        private=report_entry.report_in_private,
    ),
    Command(
        "kejadian",
        N_("Laporkan kejadian dengan foto dan lokasi"),
        group=incident_entry.report_incident_from_group,
        private=incident_entry.report_incident_in_private,
    ),
    Command(
        "kejadian_terbuka",
        N_("Kejadian yang belum selesai ditangani"),
        group=incident_follow_up.show_open_incidents,
    ),
    Command("batal", N_("Batalkan laporan yang sedang diisi"), private=private_chat.cancel),
    Command(
        "ringkasan",
        N_("Ringkasan harian (hari ini, kemarin, tanggal, atau wilayah di bawah)"),
        group=daily_status.show_summary,
    ),
    Command("belum", N_("Siapa yang belum melapor hari ini"), group=daily_status.show_not_reported),
    Command(
        "ekspor",
        N_("Laporan dalam Excel (atau csv): /ekspor 7, /ekspor bulan ini"),
        group=outputs.export,
        private=outputs.in_private,
    ),
    Command(
        "grafik",
        N_("Grafik logistik, disiplin laporan, situasi, jumlah: /grafik situasi 30"),
        group=outputs.charts,
        private=outputs.in_private,
    ),
    Command(
        "brief",
        N_("Brief rapat koordinasi dalam PDF: /brief atau /brief kemarin"),
        group=outputs.brief,
        private=outputs.in_private,
    ),
    Command(
        "hitungmundur",
        N_("Hitung mundur menuju hari pemungutan suara"),
        group=countdown.show_countdown,
        aliases=("hitung_mundur",),
    ),
    Command(
        "tahapan",
        N_("Tahapan pemilihan saat ini dan tonggak berikutnya"),
        group=election_calendar.show_or_correct_stages,
    ),
    Command("daftar", N_("Daftar sebagai penghubung instansi"), group=registration.register),
    Command(
        "penghubung",
        N_("Lihat daftar penghubung"),
        group=registration.list_liaisons,
        aliases=("liaison",),
    ),
    Command(
        "cuti",
        N_("Catat cuti penghubung: /cuti sampai 5 Desember, /cuti selesai"),
        group=leave.leave,
    ),
    Command(
        "keluar",
        N_("Akhiri pendaftaran Anda sebagai penghubung"),
        group=registration.leave,
    ),
    Command("pengaturan", N_("Lihat pengaturan grup"), group=setup.show_settings),
    Command(
        "instansi",
        N_("Lihat atau atur instansi yang wajib melapor setiap hari"),
        group=setup.expected_agencies,
    ),
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
    Command(
        "hari_h",
        N_("Atur pemilihan: jadwal KPU atau hari pemungutan suara (admin)"),
        group=setup.set_polling_day,
    ),
    Command(
        "jadwal",
        N_("Lihat atau atur jadwal kiriman otomatis"),
        group=post_schedule.schedule_command,
    ),
    Command(
        "jeda", N_("Jeda posko: tanpa kiriman otomatis dan pengingat (admin)"), group=days_off.pause
    ),
    Command("lanjut", N_("Akhiri jeda posko (admin)"), group=days_off.resume),
    Command(
        "libur",
        N_("Liburkan posko pada hari libur nasional: ya atau tidak"),
        group=days_off.holidays,
    ),
    Command(
        "batas_terlambat",
        N_("Batas jam laporan terlambat untuk kemarin"),
        group=setup.late_cutoff,
    ),
    Command("bahasa", N_("Bahasa grup: id atau en (admin)"), group=setup.set_language),
    Command(
        "hapus_penghubung",
        N_("Hapus penghubung (admin)"),
        group=registration.remove_liaison,
        aliases=("hapus_liaison",),
    ),
    Command(
        "bantuan",
        N_("Apa yang dilakukan bot ini"),
        group=help.show_help,
        private=help.show_help,
    ),
)
