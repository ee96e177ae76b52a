"""The t.me link that opens a group's report form in a private chat with the bot."""

from __future__ import annotations

import re

_PAYLOAD = re.compile(r"^lapor_(m?)(\d{1,20})$")


def report_payload(chat_id: int) -> str:
    """``lapor_m1001234567890``: start payloads allow only [A-Za-z0-9_-], so "-" becomes "m"."""
    return f"lapor_{'m' if chat_id < 0 else ''}{abs(chat_id)}"


def chat_id_from_payload(payload: str) -> int | None:
    match = _PAYLOAD.match(payload)
    if not match:
        return None
    return -int(match[2]) if match[1] else int(match[2])


def report_url(bot_username: str, chat_id: int) -> str:
    return f"https://t.me/{bot_username}?start={report_payload(chat_id)}"
