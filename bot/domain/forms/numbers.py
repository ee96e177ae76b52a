"""Numbers as Indonesian liaisons type them: "1.200" is one thousand two hundred.

Babel's ``parse_decimal(..., 'id', strict=True)`` does the reading; this
module only decides what Babel should never see (it also accepts "NaN",
"1e3", "1_000" and Arabic-Indic digits) and which mistakes deserve a
message of their own. A dot that does not group three digits ("12.5") and an
English thousands comma ("1,200") are refused rather than guessed, because
guessing wrong turns 12,5 into 125 or 1.200 into 1,2 without anyone noticing.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from enum import StrEnum

from babel.numbers import NumberFormatError, parse_decimal

from bot.domain.user_input import has_visible

LOCALE = "id"  # input is read the Indonesian way whatever language the group reads
# Longer than any number worth reading; longer input is refused before any parsing.
LONGEST_INPUT = 32
PERCENT_MAXIMUM = 100

# A sign, then digits with '.', ',' or spaces among them: only character
# classes, so matching is linear whatever the input.
_NUMBER_LIKE = re.compile(r"[+-]?[0-9][0-9., ]*")
_ENGLISH_GROUPING = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+")


class NumberProblem(StrEnum):
    EMPTY = "empty"
    NOT_A_NUMBER = "not_a_number"
    NEGATIVE = "negative"
    TOO_SMALL = "too_small"
    TOO_LARGE = "too_large"
    AMBIGUOUS_SEPARATOR = "ambiguous_separator"
    DECIMAL_NOT_ALLOWED = "decimal_not_allowed"


class NumberParseError(ValueError):
    def __init__(self, problem: NumberProblem, text: str) -> None:
        super().__init__(f"{problem.value}: {text[:LONGEST_INPUT]!r}")
        self.problem = problem
        self.text = text


def parse_whole_number(text: str, *, minimum: int = 0, maximum: int = 1_000_000) -> int:
    """A count such as "1.200" -> 1200; decimals and English grouping are refused."""
    cleaned = _normalised(text)
    _require_number_like(cleaned, text)
    if _ENGLISH_GROUPING.fullmatch(cleaned.lstrip("+-")):
        raise NumberParseError(NumberProblem.AMBIGUOUS_SEPARATOR, text)
    value = _parsed(cleaned, text)
    if value < 0 and minimum >= 0:
        raise NumberParseError(NumberProblem.NEGATIVE, text)
    # Any decimal comma is refused, even "12,0": a count has no decimals, and
    # "1,0000" is more likely a slip than one.
    if "," in cleaned or value != value.to_integral_value():
        raise NumberParseError(NumberProblem.DECIMAL_NOT_ALLOWED, text)
    if value < minimum:
        raise NumberParseError(NumberProblem.TOO_SMALL, text)
    if value > maximum:
        raise NumberParseError(NumberProblem.TOO_LARGE, text)
    return int(value)


def parse_percent(text: str) -> Decimal | int:
    """A share 0-100 such as "87,5" or "87,5%" -> Decimal("87.5"); "100" -> 100."""
    cleaned = _normalised(text)
    if cleaned.endswith("%"):
        cleaned = cleaned[:-1].rstrip()
    _require_number_like(cleaned, text)
    value = _parsed(cleaned, text)
    if value < 0:
        raise NumberParseError(NumberProblem.NEGATIVE, text)
    if value > PERCENT_MAXIMUM:
        raise NumberParseError(NumberProblem.TOO_LARGE, text)
    if value == value.to_integral_value():
        return int(value)
    return value.normalize()


def _normalised(text: str) -> str:
    """Full-width digits ("１２") become ASCII; the minus sign becomes a hyphen;
    invisible marks and control characters are dropped, so "1\u200b200" is
    1.200 and not a number that looks fine but "is not one"."""
    if len(text) > 4 * LONGEST_INPUT:  # no point normalising a pasted paragraph
        return text.strip()
    text = "".join(
        ch for ch in text if ch.isspace() or unicodedata.category(ch) not in ("Cf", "Cc")
    )
    return unicodedata.normalize("NFKC", text).replace("\u2212", "-").strip()


def _require_number_like(cleaned: str, text: str) -> None:
    if not has_visible(cleaned):  # "", or only fillers such as U+3164 that show nothing
        raise NumberParseError(NumberProblem.EMPTY, text)
    if len(cleaned) > LONGEST_INPUT or not _NUMBER_LIKE.fullmatch(cleaned):
        raise NumberParseError(NumberProblem.NOT_A_NUMBER, text)
    if " " in cleaned:
        # "1 200": a grouping Indonesian does not use; ask for 1.200.
        raise NumberParseError(NumberProblem.AMBIGUOUS_SEPARATOR, text)


def _parsed(cleaned: str, text: str) -> Decimal:
    try:
        return parse_decimal(cleaned, LOCALE, strict=True)
    except NumberFormatError:
        # Babel refuses a misplaced separator ("12.5", "1.2000", "1,200.50");
        # plain digits with a sign always parse.
        raise NumberParseError(NumberProblem.AMBIGUOUS_SEPARATOR, text) from None
