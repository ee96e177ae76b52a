"""An urgent incident sent while thousands of scheduled summaries go out.

A seeded liaison fills in an incident report up to its review before the
summaries fall due, then taps Kirim a few seconds into the broadcast. The
figure is the time from that tap to the incident's first message reaching
its group: it must overtake the summaries still waiting for their send slots
(``bot.transport.limits`` gives people's requests the next slot).
"""

from __future__ import annotations

import asyncio
import time

from handlers.incident_keyboards import CHOOSE, SKIP, SUBMIT
from tests.bench.liaison import REPLY_TIMEOUT, Liaison
from tests.bench.limits import BenchServer
from tests.support.botapi import BotMessage

STEPS_TYPED = ("Sangatta Utara", "Swarga Bara")
DESCRIPTION = "Bentrok antarpendukung di depan TPS 3; massa sekitar 50 orang."


def _data(message: BotMessage, ending: str) -> str:
    for button in message.buttons:
        if button.get("callback_data", "").endswith(ending):
            return button["callback_data"]
    raise AssertionError(f"no button ending {ending!r} in {message.text[:80]!r}")


async def _answer(server: BenchServer, liaison: Liaison, act) -> BotMessage:
    expected = server.expect(liaison.user.id, "send")
    await act()
    return (await asyncio.wait_for(expected, REPLY_TIMEOUT)).message


async def prepare_incident(server: BenchServer, liaison: Liaison) -> BotMessage:
    """Fills in an urgent incident report up to its review; returns the review message."""
    user, chat = liaison.user, liaison.chat

    def press(message: BotMessage, ending: str):
        return lambda: server.press(user, message, _data(message, ending))

    def say(text: str):
        return lambda: server.send_message(chat, user, text)

    message = await _answer(server, liaison, say("/kejadian"))
    message = await _answer(server, liaison, press(message, f":{CHOOSE}:kategori:keamanan"))
    for text in STEPS_TYPED:
        message = await _answer(server, liaison, say(text))
    message = await _answer(server, liaison, press(message, f":{SKIP}:lokasi"))
    message = await _answer(server, liaison, press(message, f":{CHOOSE}:waktu:now"))
    message = await _answer(server, liaison, say(DESCRIPTION))
    message = await _answer(server, liaison, press(message, f":{CHOOSE}:urgensi:segera"))
    return await _answer(server, liaison, press(message, f":{CHOOSE}:foto:done"))


async def send_incident(
    server: BenchServer, liaison: Liaison, review: BotMessage, at: float
) -> dict:
    """Taps Kirim at ``at`` (a ``time.time()``); the seconds until the group has the incident."""
    await asyncio.sleep(max(0.0, at - time.time()))
    expected = server.expect(liaison.group_chat_id, "send")
    tapped = time.perf_counter()
    await server.press(liaison.user, review, _data(review, f":{SUBMIT}"))
    try:
        delivery = await asyncio.wait_for(expected, REPLY_TIMEOUT)
    except TimeoutError:
        return {"delivered": 0, "seconds": None}
    posted = delivery.message.text.startswith("🚨 Kejadian #")
    return {"delivered": int(posted), "seconds": round(delivery.at - tapped, 3)}
