"""The ladder of forums: kecamatan → kabupaten/kota → provinsi → nasional.

A group sits on one level; a group may join only the level right above its
own, and a group's code lies inside its upper group's code (``64.08.01`` in
``64.08`` in ``64``). The national level has no code: the ministry's
directorate sits above every province.
"""

from __future__ import annotations

from enum import StrEnum


class RegionLevel(StrEnum):
    """A group's level; the value is stored with the group."""

    KECAMATAN = "kecamatan"
    KABUPATEN_KOTA = "kabupaten_kota"
    PROVINSI = "provinsi"
    NASIONAL = "nasional"

    @property
    def rank(self) -> int:
        """0 for a kecamatan, up to 3 for the national level."""
        return _LADDER.index(self)

    @property
    def above(self) -> RegionLevel | None:
        """The level a group of this level may join; None at the top."""
        return _LADDER[self.rank + 1] if self.rank + 1 < len(_LADDER) else None

    @property
    def below(self) -> RegionLevel | None:
        return _LADDER[self.rank - 1] if self.rank > 0 else None


_LADDER = (
    RegionLevel.KECAMATAN,
    RegionLevel.KABUPATEN_KOTA,
    RegionLevel.PROVINSI,
    RegionLevel.NASIONAL,
)
_BY_SEGMENTS = {1: RegionLevel.PROVINSI, 2: RegionLevel.KABUPATEN_KOTA, 3: RegionLevel.KECAMATAN}


def level_of_code(code: str) -> RegionLevel:
    """The level of a dotted code: ``64`` provinsi, ``64.08`` kabupaten/kota, ``64.08.01``
    kecamatan.

    ``ValueError`` for anything else (villages included: no forum sits there).
    """
    try:
        return _BY_SEGMENTS[len(code.split("."))]
    except KeyError:
        raise ValueError(f"not a province, regency or district code: {code!r}") from None


def parent_code(code: str) -> str | None:
    """The code of the region right above (``64.08`` → ``64``); None for a province."""
    head, dot, _ = code.rpartition(".")
    return head if dot else None


def is_inside(code: str, outer: str) -> bool:
    """True when ``code`` lies within ``outer`` (or is it)."""
    return code == outer or code.startswith(outer + ".")
