"""How regions, levels and links between groups read in the chats."""

from __future__ import annotations

from bot.domain.forum import GroupSettings
from bot.domain.links import GroupRef
from bot.domain.regions import Lookup, LookupProblem, RegionLevel
from bot.texts.html import escape, shorten
from bot.texts.i18n import N_, Translator

EXAMPLE_CODE = "/wilayah 64.08"
EXAMPLE_NAME = "/wilayah Kabupaten Kutai Timur"

_LEVELS = {
    RegionLevel.KECAMATAN: N_("kecamatan"),
    RegionLevel.KABUPATEN_KOTA: N_("kabupaten/kota"),
    RegionLevel.PROVINSI: N_("provinsi"),
    RegionLevel.NASIONAL: N_("nasional"),
}


def level_word(t: Translator, level: RegionLevel) -> str:
    """``kabupaten/kota``, ``provinsi`` … in the reader's language."""
    return t.gettext(_LEVELS[level])


def region_line(t: Translator, group: GroupSettings) -> str:
    """The group's region for /pengaturan: name, code and level, or what is still missing."""
    _ = t.gettext
    if not group.region_name:
        return _("belum diatur")
    name = escape(group.region_name)
    if group.region_level is None:
        return _("{name} (kode wilayah belum diatur, contoh: <code>{example}</code>)").format(
            name=name, example=EXAMPLE_CODE
        )
    if group.region_code is None:
        return _("{name} (tingkat {level})").format(
            name=name, level=level_word(t, group.region_level)
        )
    return _("{name} (kode {code}, tingkat {level})").format(
        name=name, code=group.region_code, level=level_word(t, group.region_level)
    )


def group_name(group: GroupRef) -> str:
    """A linked group's name for a message, escaped, with its code when it has one."""
    name = f"<b>{escape(group.name)}</b>"
    return f"{name} ({group.code})" if group.code else name


def lookup_problem_text(t: Translator, lookup: Lookup, example: str) -> str:
    """Why a code or name typed names no region, with an example of one that does."""
    _ = t.gettext
    shown = escape(shorten(lookup.text))
    problem = {
        LookupProblem.MALFORMED_CODE: _(
            "Kode wilayah «{text}» tidak sesuai bentuk kode Kemendagri. Gunakan 64 (provinsi), "
            "64.08 atau 6408 (kabupaten/kota), atau 64.08.04 (kecamatan)."
        ),
        LookupProblem.VILLAGE_CODE: _(
            "«{text}» adalah kode desa/kelurahan. Forum paling bawah adalah kecamatan: gunakan "
            "kode kecamatan, misalnya 64.08.04."
        ),
        LookupProblem.UNKNOWN_CODE: _(
            "Kode wilayah «{text}» tidak ada dalam data wilayah Kemendagri."
        ),
        LookupProblem.UNKNOWN_NAME: _(
            "Wilayah «{text}» tidak ditemukan dalam data wilayah Kemendagri. Periksa ejaannya, "
            "atau gunakan kode wilayah."
        ),
        LookupProblem.TOO_MANY: _(
            "Nama «{text}» cocok dengan {count} wilayah. Tulis nama lengkapnya (misalnya "
            "«Kabupaten …» atau «Kecamatan …») atau gunakan kode wilayah."
        ),
    }[lookup.problem or LookupProblem.UNKNOWN_NAME]
    return (
        problem.format(text=shown, count=t.number(len(lookup.regions)))
        + "\n"
        + _("Contoh: <code>{example}</code>").format(example=example)
    )
