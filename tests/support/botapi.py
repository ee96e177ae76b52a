"""A Bot-API-shaped HTTP server on loopback, for end-to-end tests.

The bot under test talks to it exactly as to api.telegram.org
(``{url}/bot{token}/{method}``, form-encoded parameters, JSON answers). Tests
play the users: they push updates (a command typed in a group, a button
tapped) and read what the bot sent, as a user would see it. Only the methods
the bot uses are implemented; anything else answers 404 like Telegram does.
As on Telegram, a getUpdates ends the long poll still pending (answered 409
Conflict) and is served itself, whoever sent either. Faults can be queued per
method to test how the bot copes.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import re
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from aiohttp import web

BOT_ID = 7000000001
BOT_USERNAME = "PoskoForkopimdaBot"
MAX_TEXT_LENGTH = 4096
NO_PIN_RIGHTS = "Bad Request: not enough rights to manage pinned messages in the chat"
MAX_CAPTION_LENGTH = 1024  # in UTF-16 code units, as Telegram counts
_ALLOWED_TAGS = {
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ins",
    "s",
    "strike",
    "del",
    "a",
    "code",
    "pre",
    "tg-spoiler",
    "span",
    "blockquote",
    "tg-emoji",
}
# Parameters whose value is a plain string even when it looks like JSON.
_TEXT_PARAMETERS = {
    "text",
    "caption",
    "callback_query_id",
    "url",
    "parse_mode",
    "description",
    "title",
    "secret_token",
    "name",
    "short_description",
}


@dataclass(frozen=True)
class User:
    id: int
    first_name: str
    username: str | None = None
    language_code: str = "id"

    def to_dict(self) -> dict:
        data = {
            "id": self.id,
            "is_bot": False,
            "first_name": self.first_name,
            "language_code": self.language_code,
        }
        if self.username:
            data["username"] = self.username
        return data


@dataclass(frozen=True)
class Chat:
    id: int
    title: str | None = None
    type: str = "supergroup"

    def to_dict(self) -> dict:
        data: dict[str, Any] = {"id": self.id, "type": self.type}
        if self.title:
            data["title"] = self.title
        return data

    @classmethod
    def private_with(cls, user: User) -> Chat:
        return cls(id=user.id, type="private")


@dataclass
class BotMessage:
    """A message as the bot sent (or last edited) it.

    ``kind`` is ``text``, ``photo``, ``document`` or ``location``; for media,
    ``text`` is the caption as shown and ``file_id`` the file sent.
    """

    chat_id: int
    message_id: int
    html: str
    text: str
    reply_markup: dict | None = None
    edits: int = 0
    kind: str = "text"
    file_id: str | None = None
    media_group_id: str | None = None
    reply_to: int | None = None  # the message this one answers
    location: tuple[float, float] | None = None
    # An uploaded file's name and bytes (a workbook, a chart, a brief), as the chat got it.
    file_name: str | None = None
    data: bytes | None = None

    @property
    def buttons(self) -> list[dict]:
        rows = (self.reply_markup or {}).get("inline_keyboard", [])
        return [button for row in rows for button in row]

    def button(self, label: str) -> dict:
        for button in self.buttons:
            if button["text"] == label:
                return button
        raise AssertionError(f"no button {label!r} in {[b['text'] for b in self.buttons]}")

    def to_dict(self, chat: dict) -> dict:
        data: dict[str, Any] = {
            "message_id": self.message_id,
            "date": 0,
            "chat": chat,
            "from": bot_user(),
        }
        if self.kind == "text":
            data["text"] = self.text
        elif self.kind == "location":
            latitude, longitude = self.location or (0.0, 0.0)
            data["location"] = {"latitude": latitude, "longitude": longitude}
        else:
            data[self.kind] = _file(self.kind, self.file_id or "", self.file_id or "")
            if self.text:
                data["caption"] = self.text
        if self.media_group_id:
            data["media_group_id"] = self.media_group_id
        if self.reply_markup:
            data["reply_markup"] = self.reply_markup
        return data


@dataclass
class Fault:
    """An error the server answers instead of doing what a method asked.

    ``html`` answers an HTML error page (as a proxy in front of Telegram
    would); ``delay`` makes the server carry the request out but answer only
    after that many seconds (a read timeout for the bot, a delivered message
    for the chat).
    """

    status: int
    description: str = ""
    parameters: dict | None = None
    html: bool = False
    delay: float = 0.0

    def body(self) -> dict:
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.status,
            "description": self.description,
        }
        if self.parameters:
            body["parameters"] = self.parameters
        return body


class ApiError(Exception):
    def __init__(self, status: int, description: str) -> None:
        super().__init__(description)
        self.status = status
        self.description = description


def _file(kind: str, file_id: str, unique_id: str, mime_type: str = "image/jpeg") -> Any:
    """A photo (its sizes, smallest first) or a document, as Telegram describes it."""
    if kind == "photo":
        return [
            {
                "file_id": f"{file_id}-s" if size == 90 else file_id,
                "file_unique_id": f"{unique_id}-s" if size == 90 else unique_id,
                "width": size,
                "height": size,
                "file_size": size * 40,
            }
            for size in (90, 1280)
        ]
    return {
        "file_id": file_id,
        "file_unique_id": unique_id,
        "file_name": f"{unique_id}.jpg" if mime_type.startswith("image/") else f"{unique_id}.pdf",
        "mime_type": mime_type,
        "file_size": 48000,
    }


def utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def bot_user() -> dict:
    return {
        "id": BOT_ID,
        "is_bot": True,
        "first_name": "Posko Forkopimda",
        "username": BOT_USERNAME,
    }


class _HtmlChecker(HTMLParser):
    """Reads Telegram-flavoured HTML the way Telegram does, or says why it can't."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.plain: list[str] = []
        self.error: str | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag not in _ALLOWED_TAGS:
            self.error = self.error or f'Unsupported start tag "{tag}"'
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.error = self.error or f'Unmatched end tag "{tag}"'
        else:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.plain.append(data)


def parse_html(source: str) -> str:
    """The text a user sees for an HTML message; raises ApiError like Telegram."""
    if re.search(r"<(?![a-zA-Z/])", source) or re.search(
        r"&(?![a-zA-Z]+;|#\d+;|#x[0-9a-fA-F]+;)", source
    ):
        raise ApiError(400, "Bad Request: can't parse entities: unescaped character")
    checker = _HtmlChecker()
    checker.feed(source)
    checker.close()
    if checker.error or checker.stack:
        reason = (
            checker.error or f'Can\'t find end tag corresponding to start tag "{checker.stack[-1]}"'
        )
        raise ApiError(400, f"Bad Request: can't parse entities: {reason}")
    return "".join(checker.plain)


_CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)


@dataclass(frozen=True)
class Upload:
    """A file the bot uploaded in the request (multipart), rather than named by its file_id."""

    filename: str
    data: bytes


# Telegram's limits for uploads by bots: 10 MB for a photo, 50 MB for other files.
MAX_PHOTO_UPLOAD = 10 * 1024 * 1024
MAX_FILE_UPLOAD = 50 * 1024 * 1024


def _decode(name: str, value: str) -> Any:
    if name in _TEXT_PARAMETERS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


class TelegramServer:
    """The fake Telegram: holds chats, members and queued updates for one bot token."""

    def __init__(self, token: str) -> None:
        self.token = token
        self.url = ""
        self.calls: list[tuple[str, dict]] = []
        self.members: dict[tuple[int, int], str] = {}
        self.commands: dict[str, list[dict]] = {}
        self.callback_answers: dict[str, dict] = {}
        self.faults: dict[str, list[tuple[Fault, int | None]]] = defaultdict(list)
        self.history: dict[int, dict] = {}
        self.faults_injected = 0
        self.last_update_id = 0
        self._chats: dict[int, dict] = {}
        self._messages: dict[tuple[int, int], BotMessage] = {}
        self._outbox: dict[int, list[BotMessage]] = defaultdict(list)
        # Files people sent, by file id -> "photo" or "document": the bot may send those.
        self.files: dict[str, str] = {}
        self.uploads: dict[str, Upload] = {}  # file_id -> what the bot uploaded
        self._file_ids = itertools.count(1)
        self._media_group_ids = itertools.count(1)
        # Chats where the bot may pin (an admin with can_pin_messages); pinned message ids.
        self.can_pin: set[int] = set()
        self.pinned: dict[int, list[int]] = defaultdict(list)
        self._read: dict[int, int] = defaultdict(int)
        self._updates: list[dict] = []
        self._update_ids = itertools.count(100_000_001)
        self._message_ids = itertools.count(1)
        self._callback_ids = itertools.count(1)
        self._acknowledged = 0  # the highest offset the bot has asked for
        # As Telegram does, each getUpdates ends the long poll still pending
        # (that one is answered 409) and is served itself: the newcomer wins.
        self._polls_started = 0
        self._poll_ended_by = ""
        self.conflicts_answered = 0
        self.webhook: str | None = None  # where the bot asked Telegram to POST updates
        # The bot's own status in each group it was added to or removed from;
        # as on Telegram, a group that removed it answers every send with 403.
        self.bot_status: dict[int, str] = {}
        # Awaited with the ids a getUpdates is about to confirm (Telegram then
        # forgets them), before it does.
        self.on_confirm: Callable[[list[int]], Awaitable[None]] | None = None
        self._polls_waiting = 0
        self._closing = False
        self._changed = asyncio.Condition()
        self._confirming = asyncio.Lock()
        self._runner: web.AppRunner | None = None

    # -- lifecycle -----------------------------------------------------------------

    async def start(self) -> str:
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._handle)
        app.router.add_get("/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}"
        return self.url

    async def stop(self) -> None:
        async with self._changed:  # end pending long polls now, not at their timeout
            self._closing = True
            self._changed.notify_all()
        if self._runner:
            await self._runner.cleanup()

    # -- what users do -------------------------------------------------------------

    async def push_update(self, payload: dict) -> int:
        update_id = next(self._update_ids)
        update = {"update_id": update_id, **payload}
        self.history[update_id] = update
        self.last_update_id = update_id
        async with self._changed:
            self._updates.append(update)
            self._changed.notify_all()
        return update_id

    async def redeliver(self, update_id: int) -> None:
        """Serves an update again, as Telegram does when the bot died before confirming it.

        Call it while the bot is stopped: the next bot to start asks without
        an offset and receives it first.
        """
        async with self._changed:
            self._updates.insert(0, self.history[update_id])
            self._changed.notify_all()

    def _remember_chat(self, chat: Chat) -> dict:
        self._chats[chat.id] = chat.to_dict()
        return self._chats[chat.id]

    async def send_message(
        self,
        chat: Chat,
        user: User | None,
        text: str,
        *,
        sender_chat: Chat | None = None,
        reply_to: dict | None = None,
        mentions: tuple[User, ...] = (),
        **extra: Any,
    ) -> dict:
        """A user types ``text`` in ``chat``; a leading /command gets its entity.

        ``mentions`` are people picked from the mention list: where their name
        appears in ``text`` it becomes a ``text_mention`` carrying the user, as
        Telegram does for people without a username.
        """
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": 0,
            "chat": self._remember_chat(chat),
            "text": text,
            **extra,
        }
        if user is not None:
            message["from"] = user.to_dict()
        if sender_chat is not None:
            message["sender_chat"] = sender_chat.to_dict()
            message["from"] = {
                "id": 1087968824,
                "is_bot": True,
                "first_name": "Group",
                "username": "GroupAnonymousBot",
            }
        if reply_to is not None:
            message["reply_to_message"] = reply_to
        command = re.match(r"/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?", text)
        entities = []
        if command:
            entities.append(
                {"type": "bot_command", "offset": 0, "length": _utf16_length(command.group(0))}
            )
        for person in mentions:
            start = text.index(person.first_name)
            entities.append(
                {
                    "type": "text_mention",
                    "offset": _utf16_length(text[:start]),
                    "length": _utf16_length(person.first_name),
                    "user": person.to_dict(),
                }
            )
        if entities:
            message["entities"] = entities
        await self.push_update({"message": message})
        return message

    async def send_other(self, chat: Chat, user: User, **content: Any) -> dict:
        """A user sends something that is not text (a sticker, a photo)."""
        message = {
            "message_id": next(self._message_ids),
            "date": 0,
            "chat": self._remember_chat(chat),
            "from": user.to_dict(),
            **content,
        }
        for size in content.get("photo") or ():
            self.files[size["file_id"]] = "photo"
        if isinstance(content.get("document"), dict):
            self.files[content["document"]["file_id"]] = "document"
        await self.push_update({"message": message})
        return message

    def new_photo(self) -> tuple[str, str]:
        """A file id and unique id for a picture a user is about to send."""
        n = next(self._file_ids)
        return f"AgACAgUAAxkBAAI-photo-{n}", f"AQAD-photo-{n}"

    async def send_user_photo(
        self,
        chat: Chat,
        user: User,
        *,
        caption: str | None = None,
        media_group_id: str | None = None,
        as_file: bool = False,
        photo: tuple[str, str] | None = None,
        **extra: Any,
    ) -> dict:
        """A user sends a photo (``as_file``: the picture as an image document).

        Telegram sends a photo in several sizes, smallest first; a picture sent
        as a file is a document with an image MIME type.
        """
        file_id, unique_id = photo or self.new_photo()
        kind = "document" if as_file else "photo"
        content: dict[str, Any] = {kind: _file(kind, file_id, unique_id), **extra}
        if caption is not None:
            content["caption"] = caption
        if media_group_id is not None:
            content["media_group_id"] = media_group_id
        return await self.send_other(chat, user, **content)

    def album(self, count: int) -> tuple[str, list[tuple[str, str]]]:
        """A media group id and ``count`` pictures, for ``send_album``."""
        group = f"1339{next(self._media_group_ids):08d}"
        return group, [self.new_photo() for _ in range(count)]

    async def send_album(
        self,
        chat: Chat,
        user: User,
        count: int,
        *,
        order: list[int] | None = None,
        caption: str | None = None,
    ) -> list[dict]:
        """A user sends ``count`` photos at once: one update per photo, sharing a
        media group id, delivered in ``order`` (indexes into the album) if given."""
        group, photos = self.album(count)
        messages = []
        for index in order if order is not None else range(count):
            messages.append(
                await self.send_user_photo(
                    chat,
                    user,
                    media_group_id=group,
                    photo=photos[index],
                    caption=caption if index == 0 else None,
                )
            )
        return messages

    async def send_user_location(
        self, chat: Chat, user: User, latitude: float, longitude: float, **extra: Any
    ) -> dict:
        """A user shares a location (``live_period`` in ``extra`` for a live one)."""
        location: dict[str, Any] = {"latitude": latitude, "longitude": longitude}
        live_period = extra.pop("live_period", None)
        if live_period is not None:
            location["live_period"] = live_period
        return await self.send_other(chat, user, location=location, **extra)

    def allow_pinning(self, chat: Chat, allowed: bool = True) -> None:
        """Makes the bot an admin who may pin in ``chat`` (or takes the right away)."""
        (self.can_pin.add if allowed else self.can_pin.discard)(chat.id)

    async def press(self, user: User, message: BotMessage, data: str) -> str:
        """``user`` taps the inline button carrying ``data`` under ``message``."""
        query_id = str(next(self._callback_ids))
        chat = self._chats.get(message.chat_id, {"id": message.chat_id, "type": "supergroup"})
        await self.push_update(
            {
                "callback_query": {
                    "id": query_id,
                    "from": user.to_dict(),
                    "chat_instance": str(message.chat_id),
                    "message": message.to_dict(chat),
                    "data": data,
                }
            }
        )
        return query_id

    async def change_bot_membership(
        self, chat: Chat, by: User, old_status: str, new_status: str
    ) -> None:
        me = bot_user()
        self.bot_status[chat.id] = new_status
        await self.push_update(
            {
                "my_chat_member": {
                    "chat": self._remember_chat(chat),
                    "from": by.to_dict(),
                    "date": 0,
                    "old_chat_member": _member(me, old_status),
                    "new_chat_member": _member(me, new_status),
                }
            }
        )

    async def set_webhook_elsewhere(self, url: str) -> None:
        """Someone (another deployment of the bot) sets a webhook for it."""
        await self._api_setWebhook({"url": url})

    def set_member_status(self, chat: Chat, user: User, status: str) -> None:
        """Sets what getChatMember answers: creator, administrator, member, left…"""
        self.members[(chat.id, user.id)] = status

    # -- what the bot did ----------------------------------------------------------

    async def next_message(self, chat_id: int, timeout: float = 10.0) -> BotMessage:
        """The next message the bot sent or edited in ``chat_id`` that the test has not read."""

        def unread() -> bool:
            return len(self._outbox[chat_id]) > self._read[chat_id]

        async with self._changed:
            try:
                await asyncio.wait_for(self._changed.wait_for(unread), timeout)
            except TimeoutError:
                raise AssertionError(f"the bot sent nothing to chat {chat_id}") from None
        message = self._outbox[chat_id][self._read[chat_id]]
        self._read[chat_id] += 1
        return message

    def unread(self, chat_id: int) -> list[BotMessage]:
        return self._outbox[chat_id][self._read[chat_id] :]

    def mark_read(self, chat_id: int) -> None:
        """Counts everything the bot sent to ``chat_id`` so far as read."""
        self._read[chat_id] = len(self._outbox[chat_id])

    def all_messages(self) -> list[BotMessage]:
        return [message for outbox in self._outbox.values() for message in outbox]

    def sent_to(self, chat_id: int) -> list[BotMessage]:
        return list(self._outbox[chat_id])

    def calls_of(self, method: str) -> list[dict]:
        return [params for name, params in self.calls if name == method]

    async def callback_answer(self, query_id: str, timeout: float = 10.0) -> dict:
        async with self._changed:
            try:
                await asyncio.wait_for(
                    self._changed.wait_for(lambda: query_id in self.callback_answers), timeout
                )
            except TimeoutError:
                raise AssertionError(f"callback query {query_id} was never answered") from None
        return self.callback_answers[query_id]

    async def wait_until_acknowledged(self, update_id: int, timeout: float = 10.0) -> None:
        """Waits until the bot has fetched past ``update_id`` (it asked for a later offset)."""
        async with self._changed:
            await asyncio.wait_for(
                self._changed.wait_for(
                    lambda: (
                        all(u["update_id"] > update_id for u in self._updates)
                        and self._acknowledged > update_id
                    )
                ),
                timeout,
            )

    async def wait_for_call(self, method: str, after: int, timeout: float = 60.0) -> None:
        """Waits until ``method`` is called after the first ``after`` recorded calls."""
        async with self._changed:
            await asyncio.wait_for(
                self._changed.wait_for(
                    lambda: any(name == method for name, _ in self.calls[after:])
                ),
                timeout,
            )

    async def wait_for_long_poll(self, timeout: float = 30.0) -> None:
        """Waits until a bot is long-polling (started and idle)."""
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(lambda: self._polls_waiting > 0), timeout)

    def fail_next(
        self, method: str, fault: Fault, times: int = 1, chat_id: int | None = None
    ) -> None:
        """Fails the next ``times`` calls of ``method`` with ``fault`` (to ``chat_id``, if set)."""
        self.faults[method].extend([(fault, chat_id)] * times)

    def _take_fault(self, method: str, params: dict) -> Fault | None:
        for index, (fault, chat_id) in enumerate(self.faults.get(method, [])):
            if chat_id is None or str(params.get("chat_id")) == str(chat_id):
                del self.faults[method][index]
                return fault
        return None

    # -- the HTTP side ---------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        method = request.match_info["method"]
        params: dict[str, Any] = {}
        for name, value in (await request.post()).items():
            # An upload (multipart/form-data) arrives as a file part: kept as (name, bytes).
            if isinstance(value, web.FileField):
                params[name] = Upload(value.filename, value.file.read())
            else:
                params[name] = _decode(name, value)
        async with self._changed:
            self.calls.append((method, params))
            self._changed.notify_all()
        fault = self._take_fault(method, params)
        if fault is not None:
            self.faults_injected += 1
        if fault is not None and fault.delay:
            await self._call(method, params)  # done, but the answer comes too late
            await asyncio.sleep(fault.delay)
            return web.json_response({"ok": False}, status=504)
        if fault is not None and fault.html:
            return web.Response(
                text=f"<html><body><h1>{fault.status}</h1></body></html>",
                status=fault.status,
                content_type="text/html",
            )
        if fault is not None:
            return web.json_response(fault.body(), status=fault.status)
        return await self._call(method, params)

    async def _call(self, method: str, params: dict) -> web.Response:
        handler = getattr(self, f"_api_{method}", None)
        if handler is None:
            return web.json_response(
                {"ok": False, "error_code": 404, "description": "Not Found"}, status=404
            )
        try:
            result = await handler(params)
        except ApiError as error:
            return web.json_response(
                {"ok": False, "error_code": error.status, "description": error.description},
                status=error.status,
            )
        return web.json_response({"ok": True, "result": result})

    async def _api_getMe(self, params: dict) -> dict:
        return {
            **bot_user(),
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    async def _overtake_pending_poll(self, ended_by: str) -> int:
        """Ends the pending long poll, if any, with a 409 saying ``ended_by``; numbers the next."""
        async with self._changed:
            self._polls_started += 1
            self._poll_ended_by = ended_by
            self._changed.notify_all()
            return self._polls_started

    def _conflict(self, description: str) -> ApiError:
        self.conflicts_answered += 1
        return ApiError(409, f"Conflict: {description}")

    async def _api_getUpdates(self, params: dict) -> list[dict]:
        this_poll = await self._overtake_pending_poll(
            "terminated by other getUpdates request; make sure that only one bot instance "
            "is running"
        )
        if self.webhook:
            raise self._conflict(
                "can't use getUpdates method while webhook is active; use deleteWebhook to "
                "delete the webhook first"
            )
        offset = int(params.get("offset", 0) or 0)
        timeout = float(params.get("timeout", 0) or 0)
        limit = int(params.get("limit", 100) or 100)
        # One confirmation at a time, as on Telegram, where the offset counts once the
        # request arrives: a poll the bot cancelled at shutdown may still be confirming
        # here when its last getUpdates comes, and each id is confirmed once.
        async with self._confirming:
            if offset > self._acknowledged and self.on_confirm is not None:
                await self.on_confirm(
                    [u["update_id"] for u in self._updates if u["update_id"] < offset]
                )
            async with self._changed:
                if offset:
                    self._updates = [u for u in self._updates if u["update_id"] >= offset]
                self._acknowledged = max(self._acknowledged, offset)
                self._changed.notify_all()
        async with self._changed:
            if not self._updates and timeout > 0:
                self._polls_waiting += 1
                self._changed.notify_all()

                def overtaken() -> bool:
                    return self._polls_started != this_poll

                try:
                    await asyncio.wait_for(
                        self._changed.wait_for(
                            lambda: bool(self._updates) or self._closing or overtaken()
                        ),
                        timeout,
                    )
                except TimeoutError:
                    pass
                finally:
                    self._polls_waiting -= 1
                if overtaken():
                    raise self._conflict(self._poll_ended_by)
            return self._updates[:limit]

    async def _api_deleteWebhook(self, params: dict) -> bool:
        self.webhook = None
        return True

    async def _api_setWebhook(self, params: dict) -> bool:
        await self._overtake_pending_poll("terminated by setWebhook request")
        self.webhook = params["url"]
        return True

    async def _api_setMyCommands(self, params: dict) -> bool:
        self.commands[_commands_key(params)] = params["commands"]
        return True

    async def _api_deleteMyCommands(self, params: dict) -> bool:
        self.commands.pop(_commands_key(params), None)
        return True

    async def _api_getChatMember(self, params: dict) -> dict:
        chat_id, user_id = int(params["chat_id"]), int(params["user_id"])
        status = self.members.get((chat_id, user_id), "member")
        return _member({"id": user_id, "is_bot": False, "first_name": f"User {user_id}"}, status)

    def _check_bot_present(self, chat_id: int) -> None:
        status = self.bot_status.get(chat_id)
        if status == "kicked":
            raise ApiError(403, "Forbidden: bot was kicked from the group chat")
        if status == "left":
            raise ApiError(403, "Forbidden: bot is not a member of the group chat")

    async def _api_sendMessage(self, params: dict) -> dict:
        chat_id = int(params["chat_id"])
        self._check_bot_present(chat_id)
        source = str(params.get("text", ""))
        plain = parse_html(source) if params.get("parse_mode") == "HTML" else source
        if not plain.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if len(plain) > MAX_TEXT_LENGTH:
            raise ApiError(400, "Bad Request: message is too long")
        message = BotMessage(
            chat_id,
            next(self._message_ids),
            source,
            plain,
            params.get("reply_markup"),
            reply_to=self._replied(chat_id, params),
        )
        return await self._store_and_deliver(message)

    def _caption(self, params: dict, key: str = "caption") -> tuple[str, str]:
        source = str(params.get(key) or "")
        plain = parse_html(source) if params.get("parse_mode") == "HTML" else source
        if utf16_length(plain) > MAX_CAPTION_LENGTH:
            raise ApiError(400, "Bad Request: message caption is too long")
        return source, plain

    def _sendable(self, file_id: object, kind: str, params: dict | None = None) -> str:
        """The file a send names: a known file_id, or an upload (direct, or an album's
        ``attach://name`` pointing at a part of the request), which gets a new file_id."""
        if isinstance(file_id, str) and file_id.startswith("attach://") and params is not None:
            file_id = params.get(file_id.removeprefix("attach://"))
        if isinstance(file_id, Upload):
            limit = MAX_PHOTO_UPLOAD if kind == "photo" else MAX_FILE_UPLOAD
            if not file_id.data:
                raise ApiError(400, "Bad Request: file must be non-empty")
            if len(file_id.data) > limit:
                raise ApiError(413, "Request Entity Too Large")
            if kind == "photo" and not file_id.data.startswith((b"\x89PNG", b"\xff\xd8")):
                raise ApiError(400, "Bad Request: IMAGE_PROCESS_FAILED")
            new_id = f"uploaded-{kind}-{next(self._message_ids)}"
            self.files[new_id] = kind
            self.uploads[new_id] = file_id
            return new_id
        known = self.files.get(str(file_id))
        if known is None:
            raise ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified")
        if known != kind:
            raise ApiError(400, "Bad Request: type of file mismatch")
        return str(file_id)

    def _replied(self, chat_id: int, params: dict) -> int | None:
        """The message a send answers; Telegram refuses a missing one unless told not to."""
        reply = params.get("reply_parameters")
        if not isinstance(reply, dict):
            return None
        message_id = int(reply["message_id"])
        if (chat_id, message_id) not in self._messages and not reply.get(
            "allow_sending_without_reply"
        ):
            raise ApiError(400, "Bad Request: message to be replied not found")
        return message_id if (chat_id, message_id) in self._messages else None

    async def _store_and_deliver(self, message: BotMessage) -> dict:
        self._messages[(message.chat_id, message.message_id)] = message
        await self._deliver(message)
        chat = self._chats.get(message.chat_id, {"id": message.chat_id, "type": "private"})
        return message.to_dict(chat)

    async def _api_sendChatAction(self, params: dict) -> bool:
        self._check_bot_present(int(params["chat_id"]))
        if params.get("action") not in _CHAT_ACTIONS:
            raise ApiError(400, "Bad Request: wrong parameter action in request")
        return True

    async def _api_sendPhoto(self, params: dict) -> dict:
        return await self._send_file(params, "photo")

    async def _api_sendDocument(self, params: dict) -> dict:
        return await self._send_file(params, "document")

    async def _send_file(self, params: dict, kind: str) -> dict:
        chat_id = int(params["chat_id"])
        self._check_bot_present(chat_id)
        source, plain = self._caption(params)
        reply_to = self._replied(chat_id, params)
        file_id = self._sendable(params.get(kind), kind, params)
        upload = self.uploads.get(file_id)
        message = BotMessage(
            chat_id,
            next(self._message_ids),
            source,
            plain,
            params.get("reply_markup"),
            kind=kind,
            file_id=file_id,
            reply_to=reply_to,
            file_name=upload.filename if upload else None,
            data=upload.data if upload else None,
        )
        return await self._store_and_deliver(message)

    async def _api_sendMediaGroup(self, params: dict) -> list[dict]:
        chat_id = int(params["chat_id"])
        media = params.get("media")
        if not isinstance(media, list) or not 2 <= len(media) <= 10:
            raise ApiError(400, "Bad Request: wrong number of media in the album (2 to 10)")
        kinds = {item.get("type") for item in media}
        if len(kinds) != 1 or not kinds <= {"photo", "document"}:
            raise ApiError(
                400,
                "Bad Request: documents can be only grouped in an album with messages "
                "of the same type",
            )
        self._check_bot_present(chat_id)
        reply_to = self._replied(chat_id, params)
        group = f"bot{next(self._media_group_ids)}"
        prepared = []
        for item in media:  # all checked before any is sent: an album goes whole or not at all
            kind = item["type"]
            source, plain = self._caption(item)
            file_id = self._sendable(item.get("media"), kind, params)
            prepared.append((kind, file_id, source, plain))
        results = []
        for kind, file_id, source, plain in prepared:
            upload = self.uploads.get(file_id)
            message = BotMessage(
                chat_id,
                next(self._message_ids),
                source,
                plain,
                kind=kind,
                file_id=file_id,
                media_group_id=group,
                reply_to=reply_to,
                file_name=upload.filename if upload else None,
                data=upload.data if upload else None,
            )
            results.append(await self._store_and_deliver(message))
        return results

    async def _api_sendLocation(self, params: dict) -> dict:
        chat_id = int(params["chat_id"])
        latitude, longitude = float(params["latitude"]), float(params["longitude"])
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise ApiError(400, "Bad Request: wrong location")
        message = BotMessage(
            chat_id,
            next(self._message_ids),
            "",
            "",
            params.get("reply_markup"),
            kind="location",
            reply_to=self._replied(chat_id, params),
            location=(latitude, longitude),
        )
        return await self._store_and_deliver(message)

    async def _api_pinChatMessage(self, params: dict) -> bool:
        chat_id, message_id = int(params["chat_id"]), int(params["message_id"])
        if chat_id < 0 and chat_id not in self.can_pin:
            raise ApiError(400, NO_PIN_RIGHTS)
        if (chat_id, message_id) not in self._messages:
            raise ApiError(400, "Bad Request: message to pin not found")
        if message_id not in self.pinned[chat_id]:
            self.pinned[chat_id].append(message_id)
        return True

    async def _api_unpinChatMessage(self, params: dict) -> bool:
        chat_id = int(params["chat_id"])
        if chat_id < 0 and chat_id not in self.can_pin:
            raise ApiError(400, NO_PIN_RIGHTS)
        message_id = params.get("message_id")
        pinned = self.pinned[chat_id]
        if message_id is None:
            if pinned:
                pinned.pop()
        elif int(message_id) in pinned:
            pinned.remove(int(message_id))
        return True

    async def _api_editMessageText(self, params: dict) -> dict:
        self._check_bot_present(int(params["chat_id"]))
        message = self._stored(params)
        if message.kind != "text":
            raise ApiError(400, "Bad Request: there is no text in the message to edit")
        source = str(params.get("text", ""))
        plain = parse_html(source) if params.get("parse_mode") == "HTML" else source
        markup = params.get("reply_markup")
        if plain == message.text and markup == message.reply_markup:
            raise ApiError(
                400,
                "Bad Request: message is not modified: specified new message "
                "content and reply markup are exactly the same",
            )
        message.html, message.text, message.reply_markup = source, plain, markup
        message.edits += 1
        await self._deliver(message)
        return message.to_dict(self._chats.get(message.chat_id, {"id": message.chat_id}))

    async def _api_editMessageReplyMarkup(self, params: dict) -> dict:
        message = self._stored(params)
        message.reply_markup = params.get("reply_markup")
        message.edits += 1
        await self._deliver(message)
        return message.to_dict(self._chats.get(message.chat_id, {"id": message.chat_id}))

    async def _api_answerCallbackQuery(self, params: dict) -> bool:
        async with self._changed:
            self.callback_answers[str(params["callback_query_id"])] = params
            self._changed.notify_all()
        return True

    async def _api_deleteMessage(self, params: dict) -> bool:
        self._messages.pop((int(params["chat_id"]), int(params["message_id"])), None)
        return True

    def _stored(self, params: dict) -> BotMessage:
        key = (int(params["chat_id"]), int(params["message_id"]))
        if key not in self._messages:
            raise ApiError(400, "Bad Request: message to edit not found")
        return self._messages[key]

    async def _deliver(self, message: BotMessage) -> None:
        async with self._changed:
            self._outbox[message.chat_id].append(message)
            self._changed.notify_all()


def _utf16_length(text: str) -> int:
    """Telegram measures entities in UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def _commands_key(params: dict) -> str:
    """``all_group_chats:en``, or ``chat:-100…:`` for one chat's own menu."""
    scope = params.get("scope") or {"type": "default"}
    kind = f"chat:{scope['chat_id']}" if scope["type"] == "chat" else scope["type"]
    return f"{kind}:{params.get('language_code', '')}"


_RESTRICTED_PERMISSIONS = (
    "can_send_messages",
    "can_send_audios",
    "can_send_documents",
    "can_send_photos",
    "can_send_videos",
    "can_send_video_notes",
    "can_send_voice_notes",
    "can_send_polls",
    "can_send_other_messages",
    "can_add_web_page_previews",
    "can_change_info",
    "can_invite_users",
    "can_pin_messages",
    "can_manage_topics",
)


def _member(user: dict, status: str) -> dict:
    member: dict[str, Any] = {"user": user, "status": status}
    if status == "administrator":
        member.update(
            {
                "can_be_edited": False,
                "is_anonymous": False,
                "can_manage_chat": True,
                "can_delete_messages": True,
                "can_manage_video_chats": True,
                "can_restrict_members": True,
                "can_promote_members": False,
                "can_change_info": True,
                "can_invite_users": True,
                "can_post_stories": False,
                "can_edit_stories": False,
                "can_delete_stories": False,
            }
        )
    elif status == "creator":
        member["is_anonymous"] = False
    elif status == "restricted":
        member.update(
            {
                "is_member": True,
                "until_date": 0,
                **dict.fromkeys(_RESTRICTED_PERMISSIONS, True),
            }
        )
    elif status == "kicked":
        member["until_date"] = 0
    return member
