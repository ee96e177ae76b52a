"""How big each benchmark run is, and how its time is laid out around the due minute."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

SEED_ALLOWANCE = 14.0  # seconds per database to create, migrate, seed it and time its ticks
# Seconds per database's capacity run beyond its measurements: the bot's start
# and stop, and the replies still owed when the liaisons stop.
CAPACITY_OVERHEAD = 8.0
SECONDS_PER_SUMMARY = 0.03
# The deployed bots start this long before the due minute: start-up, the first
# tick, the form load through the pacing, and its queue draining.
DEPLOYED_LEAD = 12.0


@dataclass(frozen=True)
class Scale:
    name: str
    groups: int  # registered groups, seven liaisons each
    broadcast_groups: int  # of those, the ones whose summary is due the same minute
    summary_days: int  # days of reports in the /ringkasan group
    post_history_days: int  # days of scheduled posts every group has already had
    summary_requests: int
    offered_rate: float  # updates per second the paced liaisons offer: the target load
    think_seconds: float  # their mean pause before each answer
    paced_seconds: float  # at least: the runs share what time is left before the due minute
    telegram_rate: float  # a second, lighter load: about what Telegram lets the bot answer
    telegram_rate_seconds: float
    # A load between those that the bot carries: the latency people see when busy.
    moderate_rate: float
    moderate_seconds: float
    saturation_liaisons: int
    saturation_seconds: float
    pacing_liaisons: int  # flat out through the deployed bot's pacing
    pacing_seconds: float
    broadcast_liaisons: int  # filling in forms while the summaries go out
    broadcast_think_seconds: float
    wait_for_minute: bool  # False: summaries due at once (smoke run: no figures, only checks)
    # The national tree (tests/bench/regional.py): provinces, regencies, the regencies of
    # its biggest province, days of reports from every agency, /ringkasan requests per case.
    tree_provinces: int = 38
    tree_regencies: int = 514
    tree_big_province: int = 40
    tree_days: int = 365
    tree_requests: int = 40
    # The meeting's files (tests/bench/outputs.py): groups asking for a year's files at
    # once, days of reports they hold (the render times' history too), seconds of the
    # liaisons' load alone before the first request and at least in all, timed runs of
    # each render; groups whose scheduled brief falls due the same minute, and the
    # numbers of ``python -m bot worker`` processes making them, one run each.
    output_groups: int = 10
    output_days: int = 365
    output_baseline_seconds: float = 5.0
    output_seconds: float = 30.0
    render_runs: int = 5
    brief_groups: int = 2000
    brief_workers: tuple[int, ...] = (1, 2)

    @property
    def paced_liaisons(self) -> int:
        return round(self.offered_rate * self.think_seconds)

    @property
    def telegram_rate_liaisons(self) -> int:
        return round(self.telegram_rate * self.think_seconds)

    @property
    def moderate_liaisons(self) -> int:
        return round(self.moderate_rate * self.think_seconds)


FULL = Scale(
    "full",
    groups=8000,
    broadcast_groups=2000,
    summary_days=365,
    post_history_days=30,
    summary_requests=100,
    offered_rate=300,
    think_seconds=1.0,
    paced_seconds=10,
    telegram_rate=25,
    # Long enough for a scheduler tick (every 20 s) to fall inside the window.
    telegram_rate_seconds=25,
    moderate_rate=100,
    moderate_seconds=10,
    saturation_liaisons=64,
    saturation_seconds=5,
    pacing_liaisons=16,
    pacing_seconds=4,
    broadcast_liaisons=7,
    broadcast_think_seconds=5.0,
    wait_for_minute=True,
)
QUICK = Scale(
    "quick",
    groups=1000,
    broadcast_groups=300,
    summary_days=365,
    post_history_days=7,
    summary_requests=40,
    offered_rate=300,
    think_seconds=1.0,
    paced_seconds=5,
    telegram_rate=25,
    telegram_rate_seconds=5,
    moderate_rate=100,
    moderate_seconds=5,
    saturation_liaisons=64,
    saturation_seconds=3,
    pacing_liaisons=16,
    pacing_seconds=3,
    broadcast_liaisons=7,
    broadcast_think_seconds=5.0,
    wait_for_minute=True,
    tree_days=30,
    tree_requests=20,
    output_seconds=20,
    render_runs=3,
    brief_groups=300,
)
SMOKE = Scale(
    "smoke",
    groups=30,
    broadcast_groups=10,
    summary_days=30,
    post_history_days=2,
    summary_requests=6,
    offered_rate=70,
    think_seconds=0.1,
    paced_seconds=1.5,
    telegram_rate=30,
    telegram_rate_seconds=1.5,
    moderate_rate=50,
    moderate_seconds=1.5,
    saturation_liaisons=3,
    saturation_seconds=1.5,
    pacing_liaisons=3,
    pacing_seconds=1.5,
    broadcast_liaisons=3,
    broadcast_think_seconds=0.3,
    wait_for_minute=False,
    tree_provinces=3,
    tree_regencies=9,
    tree_big_province=4,
    tree_days=3,
    tree_requests=2,
    output_groups=2,
    output_days=20,
    output_baseline_seconds=0.3,
    output_seconds=1.0,
    render_runs=1,
    brief_groups=4,
    brief_workers=(2,),  # the one-worker run is the same code, and CI's time is dear
)
SCALES = {scale.name: scale for scale in (FULL, QUICK, SMOKE)}


def capacity_seconds(scale: Scale, paced_seconds: float) -> float:
    return (
        SECONDS_PER_SUMMARY * scale.summary_requests
        + scale.saturation_seconds
        + scale.telegram_rate_seconds
        + scale.moderate_seconds
        + paced_seconds
        + CAPACITY_OVERHEAD
    )


def due_minute_for(scale: Scale, now: datetime, databases: int) -> datetime:
    """The minute the broadcast groups' summaries fall due (UTC)."""
    if not scale.wait_for_minute:
        return now.replace(second=0, microsecond=0)
    per_database = SEED_ALLOWANCE + capacity_seconds(scale, scale.paced_seconds)
    lead = databases * per_database + DEPLOYED_LEAD
    earliest = now + timedelta(seconds=lead)
    due = earliest.replace(second=0, microsecond=0)
    return due if due == earliest else due + timedelta(minutes=1)
