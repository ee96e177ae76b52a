"""User text on the way out: escaped for Telegram's HTML, the one place for it."""

from __future__ import annotations

import html


def escape(text: object) -> str:
    """Escapes user text for Telegram's HTML parse mode."""
    return html.escape(str(text), quote=False)


def shorten(text: str, limit: int = 40) -> str:
    """Enough of a long input to recognise it when quoting it back."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def mention(user_id: int, name: str) -> str:
    """An HTML mention that notifies the person even without a username."""
    return f'<a href="tg://user?id={int(user_id)}">{escape(name)}</a>'
