"""What the figures were measured on, and how busy the machine was with anything else."""

from __future__ import annotations

import asyncio
import os
import platform
import sqlite3
from pathlib import Path


def machine() -> dict:
    cpu = ""
    memory_kib = 0
    try:
        cpu = next(
            (
                line.split(":", 1)[1].strip()
                for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")
            ),
            "",
        )
        memory_kib = next(
            (
                int(line.split()[1])
                for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal:")
            ),
            0,
        )
    except OSError:
        pass
    return {
        "cpus": os.cpu_count(),
        "cpu_model": cpu,
        "memory_gib": round(memory_kib / 1024 / 1024, 1),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "system": f"{platform.system()} {platform.release()}",
        "load_average_at_start": os.getloadavg()[0],
    }


def _processes() -> dict[int, tuple[str, int, float]]:
    """pid -> (command, parent pid, CPU seconds so far) of every process we may read."""
    ticks = os.sysconf("SC_CLK_TCK")
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        command = stat[stat.index("(") + 1 : stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2 :].split()
        user, system = int(fields[11]), int(fields[12])
        found[int(entry.name)] = (command, int(fields[1]), (user + system) / ticks)
    return found


class CpuUse:
    """Where the machine's CPU time went during a run: this benchmark and its bots, the
    database server, and anything else (which should be nearly nothing: figures taken
    while other work runs on the same two cores are not comparable).

    Sampled every second, so a process that comes and goes between two samples is missed.
    """

    def __init__(self) -> None:
        self.seconds = {"benchmark_and_bots": 0.0, "postgres": 0.0, "others": 0.0}
        self._last: dict[int, float] = {}
        self._task: asyncio.Task | None = None

    def _sample(self) -> None:
        processes = _processes()
        ours = {os.getpid()}
        for _ in range(3):  # children and grandchildren
            ours |= {pid for pid, (_, parent, _) in processes.items() if parent in ours}
        for pid, (command, _, used) in processes.items():
            spent = used - self._last.get(pid, used if self._last else 0.0)
            self._last[pid] = used
            kind = (
                "benchmark_and_bots"
                if pid in ours
                else "postgres"
                if command.startswith("postgres")
                else "others"
            )
            self.seconds[kind] += max(spent, 0.0)

    async def _run(self) -> None:
        while True:
            self._sample()
            await asyncio.sleep(1.0)

    def start(self) -> None:
        self._sample()  # the baseline: what each process had used before
        for kind in self.seconds:
            self.seconds[kind] = 0.0
        self._task = asyncio.create_task(self._run())

    def stop(self) -> dict:
        if self._task:
            self._task.cancel()
        self._sample()
        return {f"{kind}_s": round(value, 1) for kind, value in self.seconds.items()}
