"""What people type, cleaned on the way in: the one place for it.

Names, zones, dates and answers arrive with invisible marks, control
characters and full-width letters from CJK keyboards; everything the bot
reads from a person goes through here first.
"""

from __future__ import annotations

import re
import unicodedata

# Invisible characters that would let a name look different from what it is:
# zero-width spaces, word joiners, BOM, and bidirectional marks and overrides.
# U+200C/U+200D (non-joiner, joiner) stay: emoji and some scripts need them.
INVISIBLE = re.compile(
    "[\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]"
)
# Characters that show as nothing on their own (Hangul fillers, the braille
# blank, the joiners): a name made only of these, or of marks and spaces, is empty.
_BLANK = frozenset("\u034f\u115f\u1160\u17b4\u17b5\u200c\u200d\u2800\u3164\uffa0")
_BLANK_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Mn", "Me", "Zs", "Zl", "Zp"})


def has_visible(text: str) -> bool:
    """True if something in ``text`` would show: "\u3164" or a lone joiner shows nothing."""
    return any(
        ch not in _BLANK and unicodedata.category(ch) not in _BLANK_CATEGORIES for ch in text
    )


def clean_line(text: str) -> str:
    """One line of user text: controls and invisible marks removed, spaces folded.

    Text with nothing visible left comes back empty, so it is refused as missing.
    """
    text = INVISIBLE.sub("", text)
    text = "".join(
        ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cs") or ch in "\n\t"
    )
    text = " ".join(text.split())
    return text if has_visible(text) else ""


def clean_keyword(text: str) -> str:
    """A word to look up (a zone, an agency, a time): cleaned, and full-width forms
    from CJK keyboards ("ＷＩＴＡ", "１６:３０") read as the ASCII they stand for."""
    return clean_line(unicodedata.normalize("NFKC", text))


def command_argument(text: str | None) -> str:
    """Everything after ``/command`` (or ``/command@bot``), untouched but for the ends."""
    if not text:
        return ""
    parts = text.split(maxsplit=1)
    return parts[1].strip() if len(parts) == 2 else ""
