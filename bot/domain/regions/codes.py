"""Region codes as admins type them: ``64``, ``64.08``, ``6408``, ``64.08.01``, ``640801``.

Kemendagri writes codes with dots between two-digit parts (four digits for a
village). Both the dotted and the plain form are read; anything else that
looks like someone meant a code (a misplaced dot, a space, too many digits)
is refused with the reason, rather than searched for as a name.
"""

from __future__ import annotations

import re
from enum import StrEnum

_DOTTED = re.compile(r"[0-9]{2}(?:\.[0-9]{2}){0,2}")
_PLAIN = re.compile(r"(?:[0-9]{2}){1,3}")
_VILLAGE_DOTTED = re.compile(r"[0-9]{2}\.[0-9]{2}\.[0-9]{2}\.[0-9]{4}")
_VILLAGE_PLAIN = re.compile(r"[0-9]{10}")
# Digits, possibly with dots, spaces or dashes among them: meant as a code.
_CODE_LIKE = re.compile(r"[0-9][0-9.\s\-/]*")


class CodeProblem(StrEnum):
    MALFORMED = "malformed"  # dots or spaces in the wrong place, an odd number of digits
    VILLAGE = "village"  # a desa/kelurahan code: no forum sits at that level


class RegionCodeError(ValueError):
    def __init__(self, problem: CodeProblem, text: str) -> None:
        super().__init__(f"{problem}: {text!r}")
        self.problem = problem
        self.text = text


def looks_like_code(text: str) -> bool:
    """True when ``text`` is digits (with dots, spaces or dashes): meant as a code, not a name."""
    return bool(_CODE_LIKE.fullmatch(text.strip()))


def parse_code(text: str) -> str:
    """The dotted code ``text`` stands for (``6408`` → ``64.08``); ``RegionCodeError`` if none.

    Whether a region has that code is the catalog's question, not this one.
    """
    cleaned = text.strip()
    if _DOTTED.fullmatch(cleaned):
        return cleaned
    if _PLAIN.fullmatch(cleaned):
        return ".".join(cleaned[i : i + 2] for i in range(0, len(cleaned), 2))
    if _VILLAGE_DOTTED.fullmatch(cleaned) or _VILLAGE_PLAIN.fullmatch(cleaned):
        raise RegionCodeError(CodeProblem.VILLAGE, cleaned)
    raise RegionCodeError(CodeProblem.MALFORMED, cleaned)
