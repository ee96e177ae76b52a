"""Measurement 3, /ringkasan latency in a group holding a year of reports from all seven agencies.

A member asks one request at a time, alternately for today and for a day
picked at random in the year, so the bot is idle between requests and each
latency is the bot's own. Every answer must be that day's summary with all
seven agencies in it. It runs on the bot without its pacing: at one request
at a time the pacing adds nothing, except that it would rightly hold a group
to Telegram's 20 messages a minute.
"""

from __future__ import annotations

import asyncio
import random
import time
from datetime import date, timedelta

from tests.bench.limits import BenchServer
from tests.bench.seed import chat_id_of
from tests.bench.stats import latency_ms
from tests.support.botapi import Chat, User

MEMBER = User(5_999_999_999, "Anggota Forum")
TIMEOUT = 30.0
NOT_REPORTED_MARK = "Belum melapor"


async def measure_summary(
    server: BenchServer,
    group_index: int,
    today: date,
    days: int,
    requests: int,
) -> dict:
    group = Chat(chat_id_of(group_index), f"Forkopimda Uji {group_index}")
    chance = random.Random(3)
    latencies, lost, incomplete = [], 0, 0
    for number in range(requests):
        day = today if number % 2 == 0 else today - timedelta(days=chance.randrange(days))
        command = "/ringkasan" if day == today else f"/ringkasan {day.isoformat()}"
        expected = server.expect(group.id)
        sent = time.perf_counter()
        await server.send_message(group, MEMBER, command)
        try:
            delivery = await asyncio.wait_for(expected, TIMEOUT)
        except TimeoutError:
            lost += 1
            server.forget(group.id)
            continue
        latencies.append(delivery.at - sent)
        if f"Kabupaten Uji {group_index}" not in delivery.message.text or (
            NOT_REPORTED_MARK in delivery.message.text
        ):
            incomplete += 1
    return {
        "requests": requests,
        "reports_in_group": days * 7,
        "latency_ms": latency_ms(latencies),
        "lost": lost,
        "incomplete": incomplete,
    }
