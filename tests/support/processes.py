"""``python -m bot`` in a subprocess, started the way an operator starts it."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
# Variables the bot reads, kept out of a child's environment unless a test sets them.
BOT_VARIABLES = (
    "BOT_TOKEN",
    "DATABASE_URL",
    "TELEGRAM_API_URL",
    "WEBHOOK_URL",
    "LOG_LEVEL",
    "INSTANCE_WAIT_SECONDS",
    "REDIS_URL",
    "RENDER_WORKERS",
)


async def run_bot(
    cwd: Path,
    env: dict[str, str],
    *args: str,
    stdout=asyncio.subprocess.PIPE,
    stderr=asyncio.subprocess.PIPE,
) -> asyncio.subprocess.Process:
    clean = {k: v for k, v in os.environ.items() if k not in BOT_VARIABLES}
    clean["PYTHONPATH"] = str(PROJECT)
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        cwd=cwd,
        env={**clean, **env},
        stdout=stdout,
        stderr=stderr,
    )


async def exit_of(process: asyncio.subprocess.Process, timeout: float = 30) -> tuple[int, str]:
    """The exit code and stderr of a process expected to end by itself; killed if it does not."""
    try:
        _, stderr = await asyncio.wait_for(process.communicate(), timeout)
    except TimeoutError:
        process.kill()  # a failing test must not leave a bot running
        await process.wait()
        raise AssertionError(f"still running after {timeout:g} s") from None
    return process.returncode, stderr.decode()
