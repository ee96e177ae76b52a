"""``python -m tests.bench [--quick] [--db sqlite|postgres|both] [--only PART] [--json PATH]``."""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bot.domain.forms import load_forms
from tests.bench.machine import CpuUse, machine
from tests.bench.report import problems, table, write_json
from tests.bench.scales import FULL, QUICK
from tests.bench.suite import PARTS, run_databases


async def run(
    databases: list[str],
    quick: bool,
    workdir: Path,
    keep: bool,
    parts: tuple[str, ...] = PARTS,
) -> dict:
    scale = QUICK if quick else FULL
    began, cpu = time.perf_counter(), CpuUse()
    cpu.start()
    report = {
        "scale": scale.name,
        "started_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": " ".join(["python -m tests.bench", *sys.argv[1:]]),
        "machine": machine(),
    }

    def log(line: str) -> None:
        print(f"{time.perf_counter() - began:5.0f} s  {line}", file=sys.stderr, flush=True)

    try:
        report["databases"] = await run_databases(
            databases, scale, load_forms(), workdir, log=log, keep=keep, parts=parts
        )
    finally:
        report["cpu"] = cpu.stop()
    report["seconds"] = round(time.perf_counter() - began, 1)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench", description=__doc__)
    parser.add_argument(
        "--quick",
        action="store_true",
        help="1,000 groups, 300 summaries due, 300 briefs due: a quicker, rougher look",
    )
    parser.add_argument("--db", choices=("sqlite", "postgres", "both"), default="both")
    parser.add_argument(
        "--only",
        choices=PARTS,
        action="append",
        help="run only this part (flat: measurements 1-4, tree: 5-7, outputs: 8-10); "
        "repeat it for several (default: all)",
    )
    parser.add_argument(
        "--json",
        type=Path,
        default=Path("bench-results/benchmarks.json"),
        help="where the figures go (default: %(default)s)",
    )
    parser.add_argument(
        "--keep",
        type=Path,
        default=None,
        help="keep the bot logs and the databases (SQLite files in this folder)",
    )
    args = parser.parse_args(argv)
    databases = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    parts = tuple(part for part in PARTS if part in args.only) if args.only else PARTS
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        report = asyncio.run(
            run(databases, args.quick, args.keep.resolve(), keep=True, parts=parts)
        )
    else:
        with tempfile.TemporaryDirectory(prefix="posko-bench-") as workdir:
            report = asyncio.run(run(databases, args.quick, Path(workdir), keep=False, parts=parts))
    report["problems"] = problems(report)
    write_json(report, args.json)
    print(table(report))
    for problem in report["problems"]:
        print(f"problem: {problem}")
    print(f"figures written to {args.json}")
    return 1 if report["problems"] else 0


if __name__ == "__main__":
    sys.exit(main())
