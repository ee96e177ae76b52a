"""An incident's post in its group, and each follow-up's reply: sent once, whole, at once.

The post is a list of parts, sent in order:

1. the incident itself: a text message, or the photo (or image file) with the
   text as its caption, or an album with the text as the first caption. A
   single message carries the Ditangani and Selesai buttons;
2. image files, when the reporter sent both photos and files (Telegram does
   not mix them in one album), as a reply;
3. the location pin, as a reply, when one was given;
4. the buttons, as a short reply, when the incident is an album (an album
   cannot carry buttons);
5. the pin, for an urgent incident (when the bot may pin).

Each part is claimed in the database (``services.incidents.claim_part``)
just before it is handed to Telegram; a claimed part is never sent again.
A send that certainly failed gives its claim back, and ``retry_unposted``
(a job every ``RETRY_SECONDS``, and at start) sends what is left. A send that
may have arrived (a timeout) counts as sent: a missing pin is better than
a doubled album in a group that reads every message. The one exception is the
buttons' own message under an album (``resend_buttons``) and the reply that tells
the group of a follow-up: they go out at least once, since without the buttons
nobody can follow the incident up, and without the reply the group does not learn
it is handled; a second short message harms nobody.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import timedelta
from enum import StrEnum

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputMediaDocument,
    InputMediaPhoto,
    Message,
    ReplyParameters,
)
from telegram.constants import ParseMode
from telegram.error import ChatMigrated, TelegramError
from telegram.ext import ExtBot

from bot.clock import Clock
from bot.domain.incidents import Incident, IncidentCategories, IncidentStatus, MediaKind
from bot.services import incidents
from bot.services.groups import GroupSettings, find_group
from bot.texts.i18n import translator
from bot.texts.incidents import STATUS_LABELS, change_text, follow_up_prompt, post_text
from bot.transport import delivery
from bot.transport.callback_data import IncidentFollowUp
from bot.transport.errors import TelegramFault, classify

log = logging.getLogger(__name__)

RETRY_SECONDS = 20
# The retry job leaves alone what a person's tap is posting right now.
SETTLE = timedelta(seconds=30)


class Part(StrEnum):
    TEXT = "text"
    PHOTO = "photo"
    ALBUM = "album"
    DOCUMENT = "document"
    DOCUMENTS = "documents"
    EXTRA_DOCUMENTS = "extra_documents"
    LOCATION = "location"
    CONTROL = "control"
    PIN = "pin"


def parts_of(incident: Incident) -> list[Part]:
    """The parts of an incident's post, in the order they go out."""
    photos = [p for p in incident.photos if p.kind is MediaKind.PHOTO]
    files = [p for p in incident.photos if p.kind is MediaKind.DOCUMENT]
    if photos:
        parts = [Part.PHOTO if len(photos) == 1 else Part.ALBUM]
        if files:
            parts.append(Part.EXTRA_DOCUMENTS)
    elif files:
        parts = [Part.DOCUMENT if len(files) == 1 else Part.DOCUMENTS]
    else:
        parts = [Part.TEXT]
    if incident.location is not None:
        parts.append(Part.LOCATION)
    if parts[0] in (Part.ALBUM, Part.DOCUMENTS):
        parts.append(Part.CONTROL)
    if incident.urgent:
        parts.append(Part.PIN)
    return parts


def follow_up_keyboard(locale: str, incident_id: int) -> InlineKeyboardMarkup:
    _ = translator(locale).gettext
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(
                    _(STATUS_LABELS[status]),
                    callback_data=IncidentFollowUp(incident_id, status).pack(),
                )
                for status in (IncidentStatus.HANDLING, IncidentStatus.DONE)
            ]
        ]
    )


# Hands one part to Telegram in the given chat: a message, an album's messages, or a pin's yes.
_Send = Callable[[int], Awaitable[Message | tuple[Message, ...] | bool]]


class _Stop(Exception):
    """A part certainly not sent: its claim is given back; the rest waits for a retry."""


class IncidentPublisher:
    """Posts incidents and their follow-ups; one at a time per incident in this process."""

    def __init__(self, bot: ExtBot, clock: Clock, categories: IncidentCategories) -> None:
        self.bot = bot
        self.clock = clock
        self.categories = categories
        self._locks: dict[int, asyncio.Lock] = {}
        # Incidents whose buttons this process has sent again (see resend_buttons).
        self._buttons_resent: set[int] = set()
        self._replies_resent: set[int] = set()  # changes whose reply it has sent again

    def _lock(self, incident_id: int) -> asyncio.Lock:
        return self._locks.setdefault(incident_id, asyncio.Lock())

    async def publish(self, incident_id: int) -> bool:
        """Sends what is left of the incident's post; True once every part is handed over."""
        async with self._lock(incident_id):
            try:
                return await self._publish(incident_id)
            finally:
                self._locks.pop(incident_id, None)

    async def _publish(self, incident_id: int) -> bool:
        incident = await incidents.incident_by_id(incident_id)
        if incident is None:
            return True
        parts = parts_of(incident)
        handed, _ = await incidents.post_progress(incident_id)
        for index in range(handed, len(parts)):
            # Everything is read before the claim: a crash between the claim and the
            # send withholds the part (never sent twice), so that window is kept to
            # the send alone.
            incident = await incidents.incident_by_id(incident_id) or incident
            group = await find_group(incident.chat_id)
            if group is None or not group.active:
                return False
            send = self._sender(incident, group, parts[index])
            if not await incidents.claim_part(incident_id, index, len(parts)):
                return False  # another sender has it
            try:
                await self._send_part(incident, parts[index], send)
            except _Stop:
                await incidents.release_part(incident_id, index)
                return False
        return True

    def _sender(self, incident: Incident, group: GroupSettings, part: Part) -> _Send:
        """The call that hands ``part`` to Telegram, given the chat (which may have moved)."""
        t = translator(group.locale)
        zone = group.time_zone
        text = post_text(t, self.categories, incident, zone)
        buttons = follow_up_keyboard(group.locale, incident.id)
        photos = [p.file_id for p in incident.photos if p.kind is MediaKind.PHOTO]
        files = [p.file_id for p in incident.photos if p.kind is MediaKind.DOCUMENT]
        reply = (
            ReplyParameters(incident.message_id, allow_sending_without_reply=True)
            if incident.message_id
            else None
        )
        html = ParseMode.HTML

        async def send(chat_id: int) -> Message | tuple[Message, ...] | bool:
            if part is Part.TEXT:
                return await self.bot.send_message(chat_id, text, reply_markup=buttons)
            if part is Part.PHOTO:
                return await self.bot.send_photo(
                    chat_id, photos[0], caption=text, parse_mode=html, reply_markup=buttons
                )
            if part is Part.DOCUMENT:
                return await self.bot.send_document(
                    chat_id, files[0], caption=text, parse_mode=html, reply_markup=buttons
                )
            if part is Part.ALBUM:
                return await self.bot.send_media_group(
                    chat_id,
                    [
                        InputMediaPhoto(f, caption=text if i == 0 else None, parse_mode=html)
                        for i, f in enumerate(photos)
                    ],
                )
            if part is Part.DOCUMENTS:
                return await self.bot.send_media_group(
                    chat_id,
                    [
                        InputMediaDocument(f, caption=text if i == 0 else None, parse_mode=html)
                        for i, f in enumerate(files)
                    ],
                )
            if part is Part.EXTRA_DOCUMENTS:
                if len(files) == 1:
                    return await self.bot.send_document(chat_id, files[0], reply_parameters=reply)
                return await self.bot.send_media_group(
                    chat_id, [InputMediaDocument(f) for f in files], reply_parameters=reply
                )
            if part is Part.LOCATION:
                assert incident.location is not None
                return await self.bot.send_location(
                    chat_id,
                    incident.location.latitude,
                    incident.location.longitude,
                    reply_parameters=reply,
                )
            if part is Part.CONTROL:
                return await self.bot.send_message(
                    chat_id,
                    follow_up_prompt(t, incident),
                    reply_markup=buttons,
                    reply_parameters=reply,
                )
            if incident.message_id is None or not incident.is_open:
                return False  # nothing to pin, or done before it could be pinned
            return await self.bot.pin_chat_message(chat_id, incident.message_id)

        return send

    async def _send_part(self, incident: Incident, part: Part, send: _Send) -> None:
        sent = await self._deliver(incident, part, send)
        if isinstance(sent, tuple) and sent:
            sent = sent[0]
        if isinstance(sent, Message):
            if part in (Part.TEXT, Part.PHOTO, Part.DOCUMENT):
                await incidents.record_messages(incident.id, sent.message_id, sent.message_id)
            elif part in (Part.ALBUM, Part.DOCUMENTS):
                await incidents.record_messages(incident.id, message_id=sent.message_id)
            elif part is Part.CONTROL:
                await incidents.record_messages(incident.id, control_message_id=sent.message_id)
        elif part is Part.PIN and sent is True:
            await incidents.set_pinned(incident.id, True)

    async def _deliver(
        self,
        incident: Incident,
        part: Part,
        send: _Send,
    ) -> Message | tuple[Message, ...] | bool | None:
        """Sends one part, following a group that moved; None when it may or may not be there."""
        try:
            try:
                return await send(incident.chat_id)
            except ChatMigrated as moved:
                await delivery.chat_moved(incident.chat_id, moved.new_chat_id)
                return await send(moved.new_chat_id)
        except TelegramError as error:
            fault = classify(error)
            where = f"incident {incident.id} ({part.value}) to {incident.chat_id}"
            if fault is TelegramFault.MAYBE_DELIVERED:
                log.warning("Timed out sending %s; counted as sent (never posted twice)", where)
                return None
            if fault is TelegramFault.NO_RIGHTS:
                log.info("Cannot pin %s: the bot may not pin in that group", where)
                return None
            if fault is TelegramFault.CHAT_GONE:
                await delivery.chat_gone(incident.chat_id, error)
                raise _Stop from error
            if fault in (
                TelegramFault.NOT_DELIVERED,
                TelegramFault.RATE_LIMITED,
                TelegramFault.OTHER,
            ):
                log.warning("Could not send %s (%s); will retry", where, error)
                raise _Stop from error
            if part in (Part.PHOTO, Part.ALBUM, Part.DOCUMENT, Part.DOCUMENTS):
                # A photo Telegram no longer has (or never had): the words still go out.
                log.error("Telegram refused the photos of %s: %s; posting the text", where, error)
                return await self._deliver(incident, Part.TEXT, self._text_only(incident))
            log.error("Telegram refused %s: %s; not retried", where, error)
            return None

    def _text_only(self, incident: Incident) -> Callable[[int], Awaitable[Message]]:
        async def send(chat_id: int) -> Message:
            group = await find_group(chat_id)
            locale, zone = (group.locale, group.time_zone) if group else ("id", "Asia/Jakarta")
            return await self.bot.send_message(
                chat_id,
                post_text(translator(locale), self.categories, incident, zone),
                reply_markup=follow_up_keyboard(locale, incident.id),
            )

        return send

    async def publish_change(self, change_id: int, *, again: bool = False) -> bool:
        """Posts a status change as a reply to its incident, once; on Selesai, unpins it and
        takes its buttons away.

        ``again`` sends the reply of a change claimed before but with no message
        recorded (see ``resend_change_replies``) instead of claiming it.
        """
        change = await incidents.change_by_id(change_id)
        if change is None:
            return True
        async with self._lock(change.incident_id):
            # Read before the claim, so a crash can fall between claim and send only
            # while the request is on its way.
            incident = await incidents.incident_by_id(change.incident_id)
            group = await find_group(change.chat_id)
            if incident is None or group is None or not group.active:
                return False
            if not again and not await incidents.claim_change_reply(change_id):
                return False
            text = change_text(translator(group.locale), change, group.time_zone)
            reply = (
                ReplyParameters(incident.message_id, allow_sending_without_reply=True)
                if incident.message_id
                else None
            )

            async def send(chat_id: int) -> Message:
                return await self.bot.send_message(chat_id, text, reply_parameters=reply)

            try:
                sent = await self._deliver(incident, Part.CONTROL, send)
            except _Stop:
                if not again:
                    await incidents.release_change_reply(change_id)
                return False
            if isinstance(sent, Message):
                await incidents.record_change_message(change_id, sent.message_id)
            if change.status is IncidentStatus.DONE:
                await self._close(incident)
        return True

    async def _close(self, incident: Incident) -> None:
        """A done incident: unpinned, and its buttons gone (both harmless to repeat)."""
        if await incidents.is_pinned(incident.id) and incident.message_id:
            try:
                await self.bot.unpin_chat_message(incident.chat_id, incident.message_id)
                await incidents.set_pinned(incident.id, False)
            except TelegramError as error:
                log.info("Could not unpin incident %s: %s", incident.id, error)
        control = await incidents.control_message_of(incident.id)
        if control:
            try:
                await self.bot.edit_message_reply_markup(
                    incident.chat_id, control, reply_markup=None
                )
            except TelegramError as error:
                if classify(error) not in (TelegramFault.NOT_MODIFIED, TelegramFault.MESSAGE_GONE):
                    log.info("Could not remove the buttons of incident %s: %s", incident.id, error)

    async def resend_buttons(self, incident_id: int) -> bool:
        """Sends the Ditangani/Selesai message of an album again when none is known to
        have arrived.

        Unlike the rest of the post, the buttons go out at least once: without them
        nobody can follow the incident up, while a second short "Tindak lanjut" line
        harms nobody. Once per incident per process, so a message Telegram keeps
        refusing is not tried every ``RETRY_SECONDS``.
        """
        if incident_id in self._buttons_resent:
            return False
        self._buttons_resent.add(incident_id)
        async with self._lock(incident_id):
            incident = await incidents.incident_by_id(incident_id)
            if incident is None or Part.CONTROL not in parts_of(incident):
                return False
            group = await find_group(incident.chat_id)
            if group is None or not group.active:
                return False
            log.warning("Incident %s has no buttons in its group; sending them again", incident_id)
            try:
                await self._send_part(
                    incident, Part.CONTROL, self._sender(incident, group, Part.CONTROL)
                )
            except _Stop:
                return False
        return True

    async def retry_unposted(self) -> int:
        """Sends what crashes and failures left unsent; returns how many posts it finished."""
        before = self.clock() - SETTLE
        finished = 0
        for incident_id in await incidents.unposted(before):
            finished += await self.publish(incident_id)
        for incident_id in await incidents.posted_without_buttons(before):
            finished += await self.resend_buttons(incident_id)
        for change_id in await incidents.change_replies_unconfirmed(before):
            if change_id not in self._replies_resent:
                # At least once, like the buttons: the group must learn that an incident is
                # handled or done, and a second short reply harms nobody. Once per process.
                self._replies_resent.add(change_id)
                log.warning("Change %s has no reply in its group; sending it again", change_id)
                finished += await self.publish_change(change_id, again=True)
        for change_id in await incidents.unposted_changes(before):
            finished += await self.publish_change(change_id)
        return finished

    async def job(self, context: object) -> None:
        """The JobQueue callback."""
        await self.retry_unposted()
