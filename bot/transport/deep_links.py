"""The t.me links that open a group's report form in a private chat with the bot.

``lapor_…`` opens today's report; ``kemarin_…`` yesterday's late one (``/lapor kemarin``).
"""

from __future__ import annotations

import re

_PAYLOAD = re.compile(r"^(lapor|kemarin)_(m?)(\d{1,20})$")


def report_payload(chat_id: int, late: bool = False) -> str:
    """``lapor_m1001234567890``: start payloads allow only [A-Za-z0-9_-], so "-" becomes "m"."""
    return f"{'kemarin' if late else 'lapor'}_{'m' if chat_id < 0 else ''}{abs(chat_id)}"


def report_link(payload: str) -> tuple[int, bool] | None:
    """The group's chat id, and whether the link asks for yesterday's report; None if no link."""
    match = _PAYLOAD.match(payload)
    if not match:
        return None
    chat_id = -int(match[3]) if match[2] else int(match[3])
    return chat_id, match[1] == "kemarin"


def chat_id_from_payload(payload: str) -> int | None:
    link = report_link(payload)
    return link[0] if link else None


def report_url(bot_username: str, chat_id: int, late: bool = False) -> str:
    return f"https://t.me/{bot_username}?start={report_payload(chat_id, late)}"
