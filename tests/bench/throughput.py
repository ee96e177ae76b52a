"""Measurement 1, update throughput: liaisons filling in report forms at once, no Telegram limits.

Two runs, both with every liaison answering as soon as it may:

- ``paced``: about ``rate x think`` liaisons, each pausing a random 0.5-1.5 x
  ``think`` seconds before every answer, offer ``rate`` updates per second
  (the target load). The bot keeps up when it answers that many per second;
  the latencies are those its users would see at that load.
- ``saturation``: a few dozen liaisons answering with no pause at all, so the
  bot is never idle: the most updates per second it can answer.

Rates count answers within a window that leaves out the ramp-up; latencies
are those of the updates sent within it.
"""

from __future__ import annotations

import asyncio
import random
import time

from bot.domain.forms import FormSet
from tests.bench.liaison import Deadline, FormFiller, Liaison, Replies
from tests.bench.limits import BenchServer
from tests.bench.stats import latency_ms


async def _run(
    server: BenchServer,
    forms: FormSet,
    liaisons: list[Liaison],
    think_mean: float,
    seconds: float,
    ramp: float,
    seed: int,
) -> tuple[Replies, float, float]:
    """Runs the liaisons for ``seconds``; returns their replies and the measured window."""
    replies = Replies()
    filler = FormFiller(server, forms, replies)
    chance = random.Random(seed)
    start = time.perf_counter()
    stop = Deadline(start + seconds)

    def think() -> float:
        return chance.uniform(0.5, 1.5) * think_mean

    await asyncio.gather(
        *(
            filler.keep_reporting(liaison, think, stop, first_delay=chance.uniform(0, think_mean))
            for liaison in liaisons
        )
    )
    return replies, start + ramp, stop.at


def _figures(replies: Replies, window_start: float, window_end: float, liaisons: int) -> dict:
    seconds = window_end - window_start
    return {
        "liaisons": liaisons,
        "seconds": round(seconds, 1),
        "updates_per_s": round(replies.answered_between(window_start, window_end) / seconds, 1),
        "latency_ms": latency_ms(replies.latencies_sent_between(window_start, window_end)),
        "updates": replies.updates,
        "forms_completed": sum(replies.forms_completed.values()),
        "lost": replies.lost,
        "off_script": replies.off_script,
    }


async def measure_paced(
    server: BenchServer,
    forms: FormSet,
    liaisons: list[Liaison],
    think_mean: float,
    seconds: float,
) -> tuple[dict, Replies]:
    ramp = min(1.5 * think_mean, seconds / 3)
    replies, start, end = await _run(server, forms, liaisons, think_mean, seconds, ramp, seed=1)
    figures = _figures(replies, start, end, len(liaisons))
    figures["offered_per_s"] = round(len(liaisons) / think_mean, 1)
    figures["think_s"] = think_mean
    return figures, replies


async def measure_saturation(
    server: BenchServer,
    forms: FormSet,
    liaisons: list[Liaison],
    seconds: float,
) -> tuple[dict, Replies]:
    ramp = min(1.0, seconds / 4)
    replies, start, end = await _run(server, forms, liaisons, 0.0, seconds, ramp, seed=2)
    return _figures(replies, start, end, len(liaisons)), replies
