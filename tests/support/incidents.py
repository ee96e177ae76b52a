"""A reporter filling in the incident report in a private chat, as a person does."""

from __future__ import annotations

from tests.support.botapi import BotMessage, Chat, TelegramServer, User
from tests.support.chat import OFFICER, tap, type_in

CATEGORY = "💰 Politik uang"
DESCRIPTION = "Pembagian amplop kepada warga menjelang subuh di sekitar TPS 3."


async def next_private(telegram: TelegramServer, user: User) -> BotMessage:
    return await telegram.next_message(user.id)


async def fill_incident(
    telegram: TelegramServer,
    user: User = OFFICER,
    *,
    start: str = "/kejadian",
    category: str = CATEGORY,
    location: tuple[float, float] | None = None,
    when: str | None = None,
    description: str = DESCRIPTION,
    urgent: bool = False,
    photos: int = 0,
) -> BotMessage:
    """Answers every step (``photos`` as one album, or a single photo); returns the review."""
    chat = Chat.private_with(user)
    first = await type_in(telegram, start, user=user)
    assert "Jenis kejadian apa?" in first.text, first.text
    await tap(telegram, first, category, user=user, replies=2)
    await type_in(telegram, "Sangatta Utara", user=user)
    location_step = await type_in(telegram, "Swarga Bara", user=user)
    if location is None:
        time_step = await tap(telegram, location_step, "Lewati", user=user, replies=2)
    else:
        await telegram.send_user_location(chat, user, *location)
        time_step = await next_private(telegram, user)
    if when is None:
        description_step = await tap(telegram, time_step, "Sekarang", user=user, replies=2)
    else:
        description_step = await type_in(telegram, when, user=user)
    assert "Apa yang terjadi?" in description_step.text, description_step.text
    urgency = await type_in(telegram, description, user=user)
    photo_step = await tap(telegram, urgency, "Segera" if urgent else "Biasa", user=user, replies=2)
    assert "Foto kejadian" in photo_step.text, photo_step.text
    if photos == 0:
        return await tap(telegram, photo_step, "Lewati", user=user, replies=2)
    if photos == 1:
        await telegram.send_user_photo(chat, user)
        tally = await next_private(telegram, user)
    else:
        await telegram.send_album(chat, user, photos)
        tally = await next_private(telegram, user)
        for _ in range(photos - 1):
            tally = await next_private(telegram, user)  # the same message, edited
    return await tap(telegram, tally, "Selesai", user=user, replies=2)


async def submit(telegram: TelegramServer, review: BotMessage, user: User = OFFICER) -> BotMessage:
    """Taps Kirim; returns the receipt in the private chat."""
    await telegram.press(user, review, review.button("Kirim")["callback_data"])
    return await next_private(telegram, user)
