"""The t.me links that open a conversation with the bot in a private chat: a group's
report form (``lapor_…`` today's, ``kemarin_…`` yesterday's late one, ``/lapor kemarin``),
its incident report, and the note of an incident's follow-up."""

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


def report_url(bot_username: str, chat_id: int, late: bool = False) -> str:
    return f"https://t.me/{bot_username}?start={report_payload(chat_id, late)}"


_INCIDENT = re.compile(r"^kejadian_(m?)(\d{1,20})$")
_FOLLOW_UP = re.compile(r"^tindak_(\d{1,12})_(ditangani|selesai)$")


def incident_payload(chat_id: int) -> str:
    """``kejadian_m1001234567890``: opens the incident report for that group."""
    return f"kejadian_{'m' if chat_id < 0 else ''}{abs(chat_id)}"


def chat_id_from_incident_payload(payload: str) -> int | None:
    match = _INCIDENT.match(payload)
    if not match:
        return None
    return -int(match[2]) if match[1] else int(match[2])


def incident_url(bot_username: str, chat_id: int) -> str:
    return f"https://t.me/{bot_username}?start={incident_payload(chat_id)}"


def follow_up_payload(incident_id: int, status: str) -> str:
    """``tindak_12_selesai``: asks the note of that change in the private chat."""
    return f"tindak_{incident_id}_{status}"


def follow_up_from_payload(payload: str) -> tuple[int, str] | None:
    match = _FOLLOW_UP.match(payload)
    return (int(match[1]), match[2]) if match else None


def follow_up_url(bot_username: str, incident_id: int, status: str) -> str:
    return f"https://t.me/{bot_username}?start={follow_up_payload(incident_id, status)}"
