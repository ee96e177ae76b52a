"""Measurement 4, memory: the bot process's peak RSS with a national population registered.

The kernel keeps each process's peak (VmHWM), so nothing between two samples
is missed. It covers both runs on a database: the form load at full speed,
and the deployed bot's start-up, broadcast and ticks, each tick reading every
group's schedule.
"""

from __future__ import annotations

from tests.bench.process import MIB


def memory_figures(
    groups: int,
    liaisons: int,
    after_start: int,
    at_end: int,
    peaks: dict[str, int],
) -> dict:
    """RSS figures in MiB; ``peaks`` is each bot run's VmHWM in bytes."""
    return {
        "groups": groups,
        "liaisons": liaisons,
        "rss_after_start_mib": round(after_start / MIB, 1),
        "rss_at_end_mib": round(at_end / MIB, 1),
        **{f"peak_rss_{run}_mib": round(peak / MIB, 1) for run, peak in peaks.items()},
        "peak_rss_mib": round(max(peaks.values()) / MIB, 1),
    }
