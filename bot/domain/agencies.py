"""The seven agencies of a Forkopimda forum, as the bot names them."""

from __future__ import annotations

from enum import StrEnum

from bot.domain.user_input import clean_keyword


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
