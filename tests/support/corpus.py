"""More ways to play a user against the loopback Bot API server, for the bad-input corpus.

``tests.support.botapi`` covers typing, tapping and membership changes; these add
what a careless or curious user also does: edit a message already sent,
send a sticker or a photo (with a caption that looks like a command), and
tap buttons whose data the bot never sent. Everything goes through
``TelegramServer.push_update``, exactly as Telegram would deliver it.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass

from tests.support.botapi import BotMessage, Chat, TelegramServer, User

_COMMAND = re.compile(r"/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?")

STICKER = {
    "file_id": "CAACAgIAAxkBAAIBsticker",
    "file_unique_id": "AgADsticker",
    "type": "regular",
    "width": 512,
    "height": 512,
    "is_animated": False,
    "is_video": False,
    "emoji": "👍",
}
PHOTO = [
    {
        "file_id": "AgACAgIAAxkBAAIBphoto",
        "file_unique_id": "AQADphoto",
        "width": 90,
        "height": 90,
        "file_size": 1200,
    }
]


def _command_entities(text: str, key: str) -> dict:
    match = _COMMAND.match(text)
    if not match:
        return {}
    return {
        key: [
            {
                "type": "bot_command",
                "offset": 0,
                "length": len(match.group(0).encode("utf-16-le")) // 2,
            }
        ]
    }


async def edit_message(server: TelegramServer, original: dict, text: str) -> dict:
    """The sender edits ``original`` (as returned by ``send_message``) to read ``text``.

    Telegram delivers this as an ``edited_message`` update carrying the whole
    message again, with its original id and an ``edit_date``.
    """
    edited = {key: value for key, value in copy.deepcopy(original).items() if key != "entities"}
    edited.update(text=text, edit_date=1, **_command_entities(text, "entities"))
    await server.push_update({"edited_message": edited})
    return edited


async def send_sticker(server: TelegramServer, chat: Chat, user: User) -> dict:
    return await server.send_other(chat, user, sticker=STICKER)


async def send_photo(
    server: TelegramServer, chat: Chat, user: User, caption: str | None = None
) -> dict:
    """A photo, optionally captioned; a caption starting with /command gets its entity."""
    content: dict = {"photo": PHOTO}
    if caption is not None:
        content.update(caption=caption, **_command_entities(caption, "caption_entities"))
    return await server.send_other(chat, user, **content)


async def press_data(server: TelegramServer, user: User, message: BotMessage, data: str) -> str:
    """Taps a button carrying ``data`` under ``message``, whether or not the bot ever sent it.

    A modified client, an old keyboard from an earlier version of the bot, or
    a button copied from someone else's chat all arrive like this.
    """
    return await server.press(user, message, data)


@dataclass(frozen=True)
class Delivered:
    """What the bot did in one chat between two outbox snapshots."""

    sent: list[str]  # texts of new messages, in the order sent
    edited: list[str]  # new texts of messages whose text was edited
    buttons_dropped: int  # messages whose only change was losing their keyboard
    buttons_changed: int  # messages whose only change was another keyboard


def outbox_state(server: TelegramServer, chat_id: int) -> dict[int, tuple[str, str]]:
    """Every message the bot has in ``chat_id`` now: id -> (text, keyboard as JSON)."""
    return {
        message.message_id: (message.text, json.dumps(message.reply_markup, sort_keys=True))
        for message in server.sent_to(chat_id)
    }


def delivered_since(
    before: dict[int, tuple[str, str]], after: dict[int, tuple[str, str]]
) -> Delivered:
    sent, edited, dropped, changed = [], [], 0, 0
    for message_id, (text, markup) in sorted(after.items()):
        if message_id not in before:
            sent.append(text)
            continue
        old_text, old_markup = before[message_id]
        if text != old_text:
            edited.append(text)
        elif markup != old_markup:
            if json.loads(markup) in (None, {}, {"inline_keyboard": []}):
                dropped += 1
            else:
                changed += 1
    return Delivered(sent, edited, dropped, changed)
