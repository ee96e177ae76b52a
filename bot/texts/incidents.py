"""What people read about incidents: the report conversation, the post, its follow-ups, lists.

Telegram HTML; everything a person typed and every label from the
categories file is escaped here. The post goes out as a photo's caption
when it has photos, so ``post_text`` keeps within Telegram's 1,024 caption
characters whatever was typed (see ``CAPTION_LIMIT``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.domain.agencies import agency_with_unit
from bot.domain.incidents import (
    MAX_PHOTOS,
    Incident,
    IncidentCategories,
    IncidentDigest,
    IncidentProgress,
    IncidentStatus,
    Location,
    Reporter,
    StatusChange,
    Step,
    Urgency,
)
from bot.domain.incidents.engine import (
    DESCRIPTION_MAX_LENGTH,
    STEPS,
    Notice,
    Problem,
    ProblemCode,
)
from bot.texts.html import escape, shorten
from bot.texts.i18n import N_, Translator

CAPTION_LIMIT = 1024  # Telegram's, in UTF-16 code units of the text as shown
NAME_LIMIT = 40  # a reporter's name and unit in a post
OPEN_LISTED_IN_SUMMARY = 15
SKIPPED = "—"

STEP_LABELS = {
    Step.CATEGORY: N_("Jenis"),
    Step.KECAMATAN: N_("Kecamatan"),
    Step.DESA: N_("Desa/kelurahan"),
    Step.LOCATION: N_("Lokasi"),
    Step.TIME: N_("Waktu"),
    Step.DESCRIPTION: N_("Uraian"),
    Step.URGENCY: N_("Urgensi"),
    Step.PHOTOS: N_("Foto"),
}
_PROMPTS = {
    Step.CATEGORY: N_("Jenis kejadian apa?"),
    Step.KECAMATAN: N_("Di kecamatan mana?"),
    Step.DESA: N_("Di desa atau kelurahan mana?"),
    Step.LOCATION: N_("Titik lokasi kejadian (tidak wajib)?"),
    Step.TIME: N_("Kapan terjadi?"),
    Step.DESCRIPTION: N_("Apa yang terjadi?"),
    Step.URGENCY: N_("Seberapa mendesak?"),
    Step.PHOTOS: N_("Foto kejadian (tidak wajib, paling banyak 5)?"),
}
_HINTS = {
    Step.CATEGORY: N_("Ketuk salah satu tombol di bawah."),
    Step.KECAMATAN: N_("Ketik nama kecamatan, misalnya <code>Sangatta Utara</code>."),
    Step.DESA: N_("Ketik nama desa atau kelurahan, misalnya <code>Swarga Bara</code>."),
    Step.LOCATION: N_("Kirim lokasi dari ponsel (📎 → Lokasi), atau ketuk Lewati bila tidak ada."),
    Step.TIME: N_("Ketuk Sekarang, atau ketik jam hari ini, misalnya <code>08.30</code>."),
    Step.DESCRIPTION: N_(
        "Uraikan singkat siapa, apa, dan bagaimana; paling banyak {limit} karakter."
    ),
    Step.URGENCY: N_("Segera: perlu tindakan hari ini; disematkan di grup sampai selesai."),
    Step.PHOTOS: N_(
        "Kirim foto satu per satu atau sekaligus (album); gambar sebagai berkas juga "
        "diterima. Ketuk Selesai bila sudah, atau Lewati bila tidak ada foto."
    ),
}
URGENCY_LABELS = {Urgency.NORMAL: N_("Biasa"), Urgency.URGENT: N_("Segera")}
STATUS_LABELS = {
    IncidentStatus.NEW: N_("Baru"),
    IncidentStatus.HANDLING: N_("Ditangani"),
    IncidentStatus.DONE: N_("Selesai"),
}
_STATUS_MARKS = {IncidentStatus.NEW: "🆕", IncidentStatus.HANDLING: "🛠", IncidentStatus.DONE: "✅"}
_NOT_ACCEPTED = {
    "video": N_("Video tidak dapat dilampirkan; kirim foto."),
    "voice": N_("Pesan suara tidak dapat dilampirkan; tuliskan isinya."),
    "audio": N_("Berkas suara tidak dapat dilampirkan; tuliskan isinya."),
    "sticker": N_("Stiker tidak dapat dipakai sebagai jawaban."),
    "contact": N_("Kontak tidak dapat dilampirkan; tulis nama dan nomornya di uraian bila perlu."),
    "poll": N_("Polling tidak dapat dipakai sebagai jawaban."),
    "file": N_("Hanya gambar yang dapat dilampirkan; berkas ini bukan gambar."),
}


def when_text(t: Translator, moment: datetime, zone: str) -> str:
    """``Rabu, 13 November 2024, 08.30 WIB`` in the group's zone."""
    local = moment.astimezone(ZoneInfo(zone))
    return t.gettext("{date}, {time}").format(
        date=t.full_date(local.date()), time=t.clock_time(local)
    )


def category_text(t: Translator, categories: IncidentCategories, value: str) -> str:
    """The category's label as the group reads it (escaped), with its emoji when it has one."""
    category = categories.get(value)
    label = escape(t.gettext(category.label) if category else value)
    return f"{category.emoji} {label}" if category and category.emoji else label


def _category_label(t: Translator, categories: IncidentCategories, value: str) -> str:
    category = categories.get(value)
    return escape(t.gettext(category.label) if category else value)


def reporter_text(t: Translator, reporter: Reporter) -> str:
    name = escape(shorten(reporter.name, NAME_LIMIT))
    if reporter.agency is None:
        return t.gettext("{name} · admin grup").format(name=name)
    agency = agency_with_unit(reporter.agency, shorten(reporter.unit_name, NAME_LIMIT))
    return t.gettext("{name} · {agency}").format(name=name, agency=escape(agency))


def location_text(t: Translator, location: Location | None) -> str:
    if location is None:
        return SKIPPED
    # As maps write coordinates (and read them back when pasted): a point, five decimals.
    text = f"{location.latitude:.5f}, {location.longitude:.5f}"
    if not location.in_indonesia:
        text += " " + t.gettext("(di luar wilayah Indonesia)")
    return text


# -- the conversation ----------------------------------------------------------------


def step_text(
    t: Translator, categories: IncidentCategories, progress: IncidentProgress, zone: str
) -> str:
    """The step being asked, with its place in the form; the review when every step is answered."""
    _ = t.gettext
    if progress.current is None:
        return review_text(t, categories, progress, zone)
    step = progress.current
    if progress.editing:
        heading = _("<b>Ubah: {label}</b>").format(label=_(STEP_LABELS[step]))
    else:
        heading = _("<b>Langkah {number} dari {total}</b>").format(
            number=t.number(STEPS.index(step) + 1), total=t.number(len(STEPS))
        )
    hint = _(_HINTS[step])
    if step is Step.DESCRIPTION:
        hint = hint.format(limit=t.number(DESCRIPTION_MAX_LENGTH))
    lines = [heading, _(_PROMPTS[step])]
    if step is Step.PHOTOS and progress.photos:
        lines.append(
            _("Foto diterima: {count} dari {limit}.").format(
                count=t.number(len(progress.photos)), limit=t.number(MAX_PHOTOS)
            )
        )
    lines.append(f"<i>{hint}</i>")
    return "\n".join(lines)


def review_text(
    t: Translator, categories: IncidentCategories, progress: IncidentProgress, zone: str
) -> str:
    _ = t.gettext
    values = {
        Step.CATEGORY: _category_label(t, categories, progress.category or ""),
        Step.KECAMATAN: escape(progress.kecamatan or SKIPPED),
        Step.DESA: escape(progress.desa or SKIPPED),
        Step.LOCATION: location_text(t, progress.location),
        Step.TIME: when_text(t, progress.occurred_at, zone) if progress.occurred_at else SKIPPED,
        Step.DESCRIPTION: escape(progress.description or SKIPPED),
        Step.URGENCY: _(URGENCY_LABELS[progress.urgency]) if progress.urgency else SKIPPED,
        Step.PHOTOS: t.number(len(progress.photos)) if progress.photos else SKIPPED,
    }
    lines = [_("<b>Periksa laporan kejadian</b>")]
    lines += [
        _("{label}: {value}").format(label=_(STEP_LABELS[step]), value=values[step])
        for step in STEPS
    ]
    lines.append(_("<i>Ketuk Kirim untuk mengirim ke grup sekarang.</i>"))
    return "\n".join(lines)


def notice_text(t: Translator, notice: Notice, progress: IncidentProgress) -> str:
    _ = t.gettext
    if notice is Notice.PHOTO_ADDED:
        return _("📷 Foto diterima: {count} dari {limit}.").format(
            count=t.number(len(progress.photos)), limit=t.number(MAX_PHOTOS)
        )
    text = _("📍 Lokasi diterima.")
    if progress.location is not None and not progress.location.in_indonesia:
        text += " " + _("Titik ini berada di luar wilayah Indonesia; periksa kembali bila keliru.")
    return text


def problem_text(t: Translator, problem: Problem) -> str:
    """Why a reply was refused, and what works instead."""
    _ = t.gettext
    code, params = problem.code, problem.params
    if code is ProblemCode.CHOICE_EXPECTED:
        if problem.step is Step.URGENCY:
            return _("Pilih Biasa atau Segera dengan tombol di bawah.")
        return _("Pilih jenis kejadian dengan tombol di bawah.")
    if code is ProblemCode.TEXT_EMPTY:
        return _("Jawaban ini tidak boleh kosong.")
    if code is ProblemCode.TEXT_TOO_LONG:
        return _(
            "Terlalu panjang: {length} karakter, paling banyak {limit}. Ringkas lalu kirim lagi."
        ).format(
            length=t.number(int(str(params["length"]))), limit=t.number(int(str(params["limit"])))
        )
    if code is ProblemCode.TIME_UNREADABLE:
        return _(
            "Waktu «{input}» tidak dikenali. Ketik jam hari ini seperti <code>08.30</code>, "
            "atau ketuk Sekarang."
        ).format(input=escape(shorten(str(params["input"]))))
    if code is ProblemCode.TIME_IN_FUTURE:
        return _(
            "Pukul {input} belum lewat hari ini. Ketik jam yang sudah lewat, seperti "
            "<code>08.30</code>, atau ketuk Sekarang."
        ).format(input=escape(shorten(str(params["input"]))))
    if code is ProblemCode.LOCATION_EXPECTED:
        return _(
            "Di sini yang diminta titik lokasi dari ponsel (📎 → Lokasi); nama tempat sudah "
            "diisi. Ketuk Lewati bila tidak ada."
        )
    if code is ProblemCode.PHOTO_EXPECTED:
        if params.get("count"):
            return _("Kirim foto lagi, atau ketuk Selesai bila sudah.")
        return _("Kirim foto, atau ketuk Lewati bila tidak ada foto.")
    if code is ProblemCode.TOO_MANY_PHOTOS:
        return _("Paling banyak {limit} foto; foto selebihnya tidak disimpan.").format(
            limit=t.number(MAX_PHOTOS)
        )
    if code is ProblemCode.SAME_PHOTO:
        return _("Foto ini sudah diterima sebelumnya.")
    if code is ProblemCode.NOT_ACCEPTED:
        message = _NOT_ACCEPTED.get(str(params.get("what")))
        return _(message) if message else _("Pesan ini tidak dapat dipakai sebagai jawaban.")
    if code is ProblemCode.AT_REVIEW:
        return _("Laporan sudah lengkap. Ketuk Kirim, Ubah, atau Batal.")
    return _("Tombol ini sudah tidak berlaku.")


# -- in the group ------------------------------------------------------------------


def heading_text(t: Translator, categories: IncidentCategories, incident: Incident) -> str:
    """``Kejadian #12 · Politik uang · Segera``, marked 🚨 when urgent."""
    _ = t.gettext
    heading = _("Kejadian #{number} · {category} · {urgency}").format(
        number=incident.number,
        category=_category_label(t, categories, incident.category),
        urgency=_(URGENCY_LABELS[incident.urgency]),
    )
    category = categories.get(incident.category)
    mark = "🚨" if incident.urgent else (category.emoji if category and category.emoji else "📝")
    return f"{mark} <b>{heading}</b>"


def post_text(t: Translator, categories: IncidentCategories, incident: Incident, zone: str) -> str:
    """The incident as the group reads it; it fits a caption whatever was typed."""
    _ = t.gettext
    lines = [
        heading_text(t, categories, incident),
        _("Pelapor: {reporter}").format(reporter=reporter_text(t, incident.reporter)),
        _("Tempat: {desa}, Kec. {kecamatan}").format(
            kecamatan=escape(incident.kecamatan), desa=escape(incident.desa)
        ),
        _("Waktu: {when}").format(when=when_text(t, incident.occurred_at, zone)),
    ]
    if incident.location is not None and not incident.location.in_indonesia:
        lines.append(_("⚠️ Titik lokasi yang dikirim berada di luar wilayah Indonesia."))
    head = "\n".join(lines) + "\n\n"
    room = CAPTION_LIMIT - _units(head)
    return head + _fitted(incident.description, room)


def _units(html: str) -> int:
    """Roughly the shown length in UTF-16 units: tags do not count, entities as one."""
    shown = re.sub(r"<[^>]+>", "", html)
    shown = re.sub(r"&[a-z]+;|&#\d+;", "x", shown)
    return len(shown.encode("utf-16-le")) // 2


def _fitted(text: str, room: int) -> str:
    """``text`` escaped, shortened with "…" to at most ``room`` shown units."""
    if len(text.encode("utf-16-le")) // 2 <= room:
        return escape(text)
    kept = ""
    for character in text:
        if len((kept + character).encode("utf-16-le")) // 2 > room - 1:
            break
        kept += character
    return escape(kept.rstrip()) + "…"


def follow_up_prompt(t: Translator, incident: Incident) -> str:
    """The line above the buttons, when the post is an album (which cannot carry buttons)."""
    return t.gettext("Tindak lanjut Kejadian #{number}:").format(number=incident.number)


def change_text(
    t: Translator, change: StatusChange, zone: str, reporter: Reporter | None = None
) -> str:
    """A change as the reply to the incident in the group."""
    _ = t.gettext
    who = reporter or Reporter(change.user_id, change.name, change.agency, change.unit_name)
    return "\n".join(
        [
            "{mark} <b>{heading}</b>".format(
                mark=_STATUS_MARKS[change.status],
                heading=_("Kejadian #{number} · {status}").format(
                    number=change.number, status=_(STATUS_LABELS[change.status])
                ),
            ),
            _("Oleh {reporter}, {when}").format(
                reporter=reporter_text(t, who), when=when_text(t, change.at, zone)
            ),
            _("Catatan: {note}").format(note=escape(change.note)),
        ]
    )


def open_line(t: Translator, categories: IncidentCategories, incident: Incident, zone: str) -> str:
    _ = t.gettext
    mark = "🚨 " if incident.urgent else ""
    return _(
        "{mark}#{number} · {category} · {status}\n   {desa}, Kec. {kecamatan} · {when}"
    ).format(
        mark=mark,
        number=incident.number,
        category=_category_label(t, categories, incident.category),
        status=_(STATUS_LABELS[incident.status]),
        kecamatan=escape(incident.kecamatan),
        desa=escape(incident.desa),
        when=when_text(t, incident.occurred_at, zone),
    )


def open_list_text(
    t: Translator, categories: IncidentCategories, incidents: Sequence[Incident], zone: str
) -> str:
    """/kejadian_terbuka: every incident of the group not yet done, oldest first."""
    _ = t.gettext
    if not incidents:
        return _("Tidak ada kejadian yang belum selesai. Laporkan kejadian baru dengan /kejadian.")
    lines = [_("<b>Kejadian belum selesai: {count}</b>").format(count=t.number(len(incidents)))]
    lines += [open_line(t, categories, incident, zone) for incident in incidents]
    return "\n".join(lines)


def digest_block(
    t: Translator, categories: IncidentCategories, digest: IncidentDigest, zone: str
) -> str:
    """The summary's incidents: the day's by category, then those still open."""
    _ = t.gettext
    if digest.of_day:
        counts = ", ".join(
            _("{category} {count}").format(
                category=_category_label(t, categories, count.category), count=t.number(count.count)
            )
            for count in digest.of_day
        )
        lines = [
            _("<b>Kejadian tercatat:</b> {total} ({counts})").format(
                total=t.number(digest.total_of_day), counts=counts
            )
        ]
    else:
        lines = [_("<b>Kejadian tercatat:</b> tidak ada")]
    if digest.still_open:
        lines.append(
            _("<b>Belum selesai:</b> {count}").format(count=t.number(len(digest.still_open)))
        )
        shown = digest.still_open[:OPEN_LISTED_IN_SUMMARY]
        lines += [
            "• "
            + _("{mark}#{number} {category} · Kec. {kecamatan} · {status}").format(
                mark="🚨 " if incident.urgent else "",
                number=incident.number,
                category=_category_label(t, categories, incident.category),
                kecamatan=escape(incident.kecamatan),
                status=_(STATUS_LABELS[incident.status]),
            )
            for incident in shown
        ]
        if len(digest.still_open) > len(shown):
            lines.append(
                _("… dan {count} lainnya: /kejadian_terbuka").format(
                    count=t.number(len(digest.still_open) - len(shown))
                )
            )
    return "\n".join(lines)
