"""User text: cleaned on the way in, escaped on the way out (the one place for both)."""

from __future__ import annotations

import html
import re
import unicodedata

# Invisible characters that would let a name look different from what it is:
# zero-width spaces and joiners' abuse, BOM, and bidirectional overrides.
_INVISIBLE = re.compile("[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def clean_line(text: str) -> str:
    """One line of user text: controls and invisible marks removed, spaces folded."""
    text = _INVISIBLE.sub("", text)
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cc" or ch in "\n\t")
    return " ".join(text.split())


def escape(text: object) -> str:
    """Escapes user text for Telegram's HTML parse mode."""
    return html.escape(str(text), quote=False)


def shorten(text: str, limit: int = 40) -> str:
    """Enough of a long input to recognise it when quoting it back."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def command_argument(text: str | None) -> str:
    """Everything after ``/command`` (or ``/command@bot``), untouched but for the ends."""
    if not text:
        return ""
    parts = text.split(maxsplit=1)
    return parts[1].strip() if len(parts) == 2 else ""


def mention(user_id: int, name: str) -> str:
    """An HTML mention that notifies the person even without a username."""
    return f'<a href="tg://user?id={int(user_id)}">{escape(name)}</a>'
