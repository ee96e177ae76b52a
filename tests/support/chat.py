"""The people of the tests and what they do in the chats, as a user would."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import timedelta

from tests.support.botapi import BotMessage, Chat, TelegramServer, User
from tests.support.harness import ADMIN, GROUP, FakeClock

OFFICER = User(333333333, "Andi Polres", "andi_polres")  # the Polri liaison


def private(user: User) -> Chat:
    return Chat.private_with(user)


async def say(
    telegram: TelegramServer, text: str, user: User = ADMIN, chat: Chat = GROUP, **extra
) -> BotMessage:
    """``user`` sends ``text`` in ``chat``; returns the bot's next message there."""
    await telegram.send_message(chat, user, text, **extra)
    return await telegram.next_message(chat.id)


async def tap(
    telegram: TelegramServer,
    message: BotMessage,
    label: str,
    user: User = OFFICER,
    chat: Chat | None = None,
    replies: int = 1,
) -> BotMessage:
    """``user`` taps the button ``label`` under ``message``; returns the last of ``replies``."""
    chat_id = (
        chat.id
        if chat is not None
        else (user.id if message.chat_id == user.id else message.chat_id)
    )
    await telegram.press(user, message, message.button(label)["callback_data"])
    for _ in range(replies - 1):
        await telegram.next_message(chat_id)
    return await telegram.next_message(chat_id)


async def approve(telegram: TelegramServer, user: User, command: str, group: Chat = GROUP) -> User:
    """``user`` asks to register with ``command``; the group's admin approves."""
    telegram.set_member_status(group, ADMIN, "administrator")
    await telegram.send_message(group, user, command)
    request = await telegram.next_message(group.id)
    await telegram.press(ADMIN, request, request.button("Setujui")["callback_data"])
    await telegram.next_message(group.id)
    return user


async def type_in(telegram: TelegramServer, text: str, user: User = OFFICER) -> BotMessage:
    """``user`` types ``text`` in their private chat with the bot; returns the bot's answer."""
    return await say(telegram, text, user=user, chat=private(user))


@contextlib.contextmanager
def days_earlier(clock: FakeClock, days: int = 7) -> Iterator[None]:
    """Runs the block with the clock ``days`` back, then puts it back where it was.

    A group is set up before the day a test looks at: its scheduled posts
    count only from the moment it joined.
    """
    now = clock.now
    clock.now = now - timedelta(days=days)
    try:
        yield
    finally:
        clock.now = now


# The Polri form after its first two questions (situation, personnel): incidents,
# their description, the three TPS counts, a note and what to follow up.
POLRI_REST = ("0", "-", "900", "3", "1", "-", "-")


async def fill_polri(
    telegram: TelegramServer,
    first_question: BotMessage,
    status: str = "Aman",
    personnel: str = "100",
    user: User = OFFICER,
) -> BotMessage:
    """Answers the Polri form from its first question; returns the review."""
    await tap(telegram, first_question, status, user=user, replies=2)
    review = await type_in(telegram, personnel, user=user)
    for answer in POLRI_REST:
        review = await type_in(telegram, answer, user=user)
    return review


async def send_report(
    telegram: TelegramServer,
    review: BotMessage,
    user: User = OFFICER,
    group: Chat = GROUP,
    label: str = "Kirim",
) -> tuple[BotMessage, BotMessage]:
    """Taps Kirim under the review: the thanks the liaison reads, and the group's line."""
    thanks = await tap(telegram, review, label, user=user)
    return thanks, await telegram.next_message(group.id)
