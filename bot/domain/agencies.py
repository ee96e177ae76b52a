"""The seven agencies of a Forkopimda forum, as the bot names them."""

from __future__ import annotations

from enum import StrEnum

from bot.domain.user_input import clean_keyword, clean_line


class Agency(StrEnum):
    PEMDA = "pemda"
    TNI = "tni"
    POLRI = "polri"
    KPU = "kpu"
    BAWASLU = "bawaslu"
    KEJAKSAAN = "kejaksaan"
    DPRD = "dprd"

    @property
    def label(self) -> str:
        """The name shown on buttons and in summaries (a proper name: not translated)."""
        return _LABELS[self]

    @property
    def order(self) -> int:
        """Its place in lists and summaries: the forum's own order, as declared above."""
        return _ORDER[self]

    @classmethod
    def from_text(cls, text: str) -> Agency | None:
        """Finds the agency a user typed, in any letter case ("polri", "KPU"), ignoring
        invisible marks and reading full-width letters ("Ｐｏｌｒｉ") as ASCII."""
        return _BY_FOLDED_LABEL.get(clean_keyword(text).casefold())


_LABELS = {
    Agency.PEMDA: "Pemda",
    Agency.TNI: "TNI",
    Agency.POLRI: "Polri",
    Agency.KPU: "KPU",
    Agency.BAWASLU: "Bawaslu",
    Agency.KEJAKSAAN: "Kejaksaan",
    Agency.DPRD: "DPRD",
}
_BY_FOLDED_LABEL = {label.casefold(): agency for agency, label in _LABELS.items()}
_ORDER = {agency: index for index, agency in enumerate(Agency)}


def agency_with_unit(agency: Agency, unit_name: str) -> str:
    """ "Polri (Polres Kutai Timur)", or just "Polri" when the unit is the agency itself.

    Plain text: escape it before it goes into HTML.
    """
    if not unit_name or unit_name == agency.label:
        return agency.label
    return f"{agency.label} ({unit_name})"


# The units people name when they register ("/daftar Polres Kutai Timur"),
# with the agency each belongs to.
_UNITS = {
    "polda": Agency.POLRI,
    "polres": Agency.POLRI,
    "polresta": Agency.POLRI,
    "polrestabes": Agency.POLRI,
    "polsek": Agency.POLRI,
    "kodam": Agency.TNI,
    "korem": Agency.TNI,
    "kodim": Agency.TNI,
    "koramil": Agency.TNI,
    "kejati": Agency.KEJAKSAAN,
    "kejari": Agency.KEJAKSAAN,
    "kesbangpol": Agency.PEMDA,
    "pemprov": Agency.PEMDA,
    "pemkab": Agency.PEMDA,
    "pemkot": Agency.PEMDA,
}
# Agencies whose unit is the agency itself with its region ("KPU Kutai Timur").
_NAMED_WITH_REGION = frozenset({Agency.KPU, Agency.BAWASLU})


def registration_of(text: str) -> tuple[Agency, str] | None:
    """The agency and unit a person registers as, from what they type after /daftar.

    "Polri Polres Kutai Timur" and "Polres Kutai Timur" are both Polri with
    the unit "Polres Kutai Timur"; "KPU Kutai Timur" is KPU with the unit
    "KPU Kutai Timur"; "Polri" alone is Polri with the unit "Polri". None when
    the first word names neither an agency nor one of its units. ``text`` is
    cleaned already (single spaces).
    """
    first, _, rest = text.partition(" ")
    rest = clean_line(rest)  # a unit of invisible marks alone is no unit
    agency = Agency.from_text(first)
    if agency is not None:
        if not rest:
            return agency, agency.label
        if agency in _NAMED_WITH_REGION and not rest.casefold().startswith(agency.label.casefold()):
            return agency, f"{agency.label} {rest}"
        return agency, rest
    unit_agency = _UNITS.get(clean_keyword(first).casefold())
    if unit_agency is not None:
        return unit_agency, text
    return None


# DPRD's form is a single optional note: it reports when it has something to say.
EXPECTED_BY_DEFAULT = frozenset(Agency) - {Agency.DPRD}
