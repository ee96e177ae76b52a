"""What the bot says around the meeting's files: captions, "being made", "nothing to show"."""

from __future__ import annotations

from datetime import date

from bot.domain.forum import GroupSettings
from bot.domain.ranges import DayRange
from bot.texts.html import escape
from bot.texts.i18n import N_, Translator
from bot.texts.ranges import range_label

# What each kind of request is called in the answers (catalog messages).
KIND_NAMES = {
    "xlsx": N_("ekspor"),
    "csv": N_("ekspor"),
    "grafik": N_("grafik"),
    "brief": N_("brief"),
}
CHART_NAMES = {
    "logistik": N_("logistik"),
    "laporan": N_("disiplin laporan"),
    "situasi": N_("situasi"),
    "jumlah": N_("jumlah"),
}


def region_of(group: GroupSettings) -> str:
    return group.region_name or group.title


def export_caption(t: Translator, group: GroupSettings, first: date, last: date) -> str:
    """Plain text: the caption of the workbook or the zipped CSV files."""
    return t.gettext("Ekspor laporan {region}, {days}").format(
        region=region_of(group), days=range_label(t, DayRange(first, last))
    )


def brief_caption(t: Translator, group: GroupSettings, day: date) -> str:
    return t.gettext("Brief rapat koordinasi {region}, {day}").format(
        region=region_of(group), day=t.full_date(day)
    )


def busy_text(t: Translator, kind: str) -> str:
    _ = t.gettext
    return _(
        "Permintaan {kind} sebelumnya untuk grup ini sedang diproses. "
        "Hasilnya dikirim sebentar lagi; tidak perlu meminta lagi."
    ).format(kind=_(KIND_NAMES[kind]))


def no_reports_text(t: Translator, first: date, last: date) -> str:
    return t.gettext(
        "Belum ada laporan pada {days}, jadi tidak ada berkas yang dibuat. "
        "Coba rentang lain, contoh: <code>/ekspor 30</code>."
    ).format(days=escape(range_label(t, DayRange(first, last))))


def no_chart_data_text(t: Translator, charts: tuple[str, ...], first: date, last: date) -> str:
    _ = t.gettext
    return _("Tidak ada data untuk grafik {charts} pada {days}.").format(
        charts=", ".join(_(CHART_NAMES.get(chart, chart)) for chart in charts),
        days=escape(range_label(t, DayRange(first, last))),
    )


def failed_text(t: Translator) -> str:
    return t.gettext("Maaf, berkas belum dapat dibuat. Silakan coba lagi beberapa saat lagi.")


def group_only_text(t: Translator, command: str) -> str:
    return t.gettext(
        "Perintah <code>/{command}</code> bekerja di grup Forkopimda: ketik di grup, "
        "dan hasilnya dikirim ke grup."
    ).format(command=command)
