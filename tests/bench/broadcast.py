"""Measurement 2, scheduled broadcast: thousands of summaries due the same minute, limits on.

The seeded broadcast groups all post their summary at ``due_minute`` (each in
its own zone's wall time). The bot runs on the real clock, so the benchmark
starts it before that minute and waits. Meanwhile a few liaisons keep filling
in report forms, as some do at summary time: their replies compete with the
broadcast for the same 30 messages per second.

Figures: wall time from the due minute to the last summary delivered, as a
ratio to the ideal (groups / 30 per second); 429 answers; every group's
summary delivered exactly once; reply latency of the liaisons during the
broadcast.
"""

from __future__ import annotations

import asyncio
import random
import time
from datetime import datetime

from bot.domain.forms import FormSet
from tests.bench.incident import send_incident
from tests.bench.liaison import Deadline, FormFiller, Liaison, Replies
from tests.bench.limits import OVERALL_PER_SECOND, BenchServer
from tests.bench.seed import chat_id_of
from tests.bench.stats import latency_ms
from tests.support.botapi import BotMessage

GIVE_UP_FACTOR = 3  # stop waiting at three times the ideal (plus a minute)
INCIDENT_AFTER = 5.0  # seconds into the broadcast the urgent incident is sent


def incident_at(due: float, ideal: float) -> float:
    return due + min(INCIDENT_AFTER, ideal / 3)


def _delivered(server: BenchServer, chats: set[int]) -> int:
    return sum(1 for chat in chats if server.sends[chat])


async def measure_broadcast(
    server: BenchServer,
    forms: FormSet,
    groups: int,
    due_minute: datetime,
    liaisons: list[Liaison],
    think_mean: float,
    min_seconds: float = 0.0,
    incident: tuple[Liaison, BotMessage] | None = None,
) -> tuple[dict, Replies]:
    """Waits for the summaries of the first ``groups`` groups, due at ``due_minute``.

    Telegram's limits must be on at the server.
    """
    chats = {chat_id_of(index) for index in range(groups)}
    due = due_minute.timestamp()
    ideal = groups / OVERALL_PER_SECOND
    give_up = max(due, time.time()) + GIVE_UP_FACTOR * ideal + 60
    replies = Replies()
    filler = FormFiller(server, forms, replies)
    chance = random.Random(4)
    stop = Deadline()
    # Liaisons start reporting a moment before the due minute (no sooner in a smoke run).
    lead = max(0.0, due - time.time() - 1.0)
    reporting = [
        asyncio.create_task(
            filler.keep_reporting(
                liaison,
                lambda: chance.uniform(0.5, 1.5) * think_mean,
                stop,
                first_delay=lead + chance.uniform(0, think_mean),
            )
        )
        for liaison in liaisons
    ]
    # The urgent incident is sent a little into the broadcast, with most summaries waiting.
    urgent = (
        asyncio.create_task(send_incident(server, *incident, at=incident_at(due, ideal)))
        if incident is not None
        else None
    )
    started = time.perf_counter()
    await server.wait_for_groups(chats, give_up)
    finished_wall, finished = time.time(), time.perf_counter()
    await asyncio.sleep(max(0.0, started + min_seconds - time.perf_counter()))
    await asyncio.sleep(1.0)  # a late duplicate would show up now
    stop.at = time.perf_counter()
    await asyncio.gather(*reporting)
    incident_figures = await urgent if urgent is not None else None

    times = sorted(at for at, chat in server.group_sends if chat in chats)
    last = times[-1] if times else finished_wall
    wall = last - due
    # Latencies of updates sent while summaries were going out (from the due minute on).
    due_perf = finished - (finished_wall - due)
    during = replies.latencies_sent_between(max(due_perf, started), finished)
    figures = {
        "groups": groups,
        "ideal_s": round(ideal, 1),
        "wall_s": round(wall, 1),
        "ratio": round(wall / ideal, 3) if ideal else None,
        "first_delivery_s": round(times[0] - due, 2) if times else None,
        "delivered": _delivered(server, chats),
        "duplicates": sum(server.sends[chat] - 1 for chat in chats if server.sends[chat] > 1),
        "responses_429": server.too_many_requests,
        "liaisons": len(liaisons),
        "liaison_latency_ms": latency_ms(during),
        "liaison_updates": replies.updates,
        "forms_completed": sum(replies.forms_completed.values()),
        "lost": replies.lost,
        "off_script": replies.off_script,
    }
    if incident_figures is not None:
        figures["urgent_incident_s"] = incident_figures["seconds"]
        figures["urgent_incident_delivered"] = incident_figures["delivered"]
        figures["summaries_waiting_at_incident"] = groups - sum(
            1 for at, chat in server.group_sends if chat in chats and at <= incident_at(due, ideal)
        )
    return figures, replies
