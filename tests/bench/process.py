"""The real bot: ``python -m bot`` in a subprocess, started, watched and stopped."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys
from pathlib import Path

from tests.bench.database import bot_environment
from tests.bench.limits import BenchServer
from tests.support.harness import TOKEN

MIB = 1024 * 1024


class BotCrashed(RuntimeError):
    """The bot exited on its own; the message carries the end of its log."""


DEPLOYED = "bot"  # ``python -m bot``
UNPACED = "tests.bench.unpaced"  # the same, without its pacing to Telegram's limits


class BotProcess:
    """One bot process, with its stderr in ``log_path`` (a pipe nobody reads would fill up)."""

    def __init__(
        self,
        database_url: str,
        server: BenchServer,
        workdir: Path,
        log_path: Path,
        module: str = DEPLOYED,
    ) -> None:
        self.module = module
        self.database_url = database_url
        self.server = server
        self.workdir = workdir
        self.log_path = log_path
        self.process: asyncio.subprocess.Process | None = None
        self.rss_samples: list[int] = []
        self._sampler: asyncio.Task | None = None

    async def start(self, timeout: float = 90.0) -> None:
        """Starts the bot and returns once it long-polls for updates."""
        self.server.polling.clear()
        with self.log_path.open("wb") as log:
            self.process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                self.module,
                cwd=self.workdir,
                env=bot_environment(
                    BOT_TOKEN=TOKEN,
                    TELEGRAM_API_URL=self.server.url,
                    DATABASE_URL=self.database_url,
                    LOG_LEVEL="WARNING",
                ),
                stdin=asyncio.subprocess.DEVNULL,
                stdout=log,
                stderr=log,
            )
        polling = asyncio.ensure_future(self.server.polling.wait())
        exited = asyncio.ensure_future(self.process.wait())
        done, _ = await asyncio.wait(
            {polling, exited}, timeout=timeout, return_when=asyncio.FIRST_COMPLETED
        )
        polling.cancel()
        exited.cancel()
        if polling not in done:
            await self.stop()
            raise BotCrashed(f"the bot did not start polling:\n{self.log_tail()}")
        self._sampler = asyncio.create_task(self._sample_rss())

    def status(self) -> dict[str, int]:
        """The process's VmRSS and VmHWM (peak RSS) from /proc, in bytes."""
        values = {}
        with open(f"/proc/{self.process.pid}/status") as status:
            for line in status:
                name, _, rest = line.partition(":")
                if name in ("VmRSS", "VmHWM"):
                    values[name] = int(rest.split()[0]) * 1024
        return values

    def check_alive(self) -> None:
        if self.process is None or self.process.returncode is not None:
            raise BotCrashed(f"the bot exited:\n{self.log_tail()}")

    async def _sample_rss(self) -> None:
        with contextlib.suppress(OSError, KeyError):
            while self.process.returncode is None:
                self.rss_samples.append(self.status()["VmRSS"])
                await asyncio.sleep(0.5)

    async def stop(self) -> int | None:
        """Stops the bot as Ctrl-C does; kills it if it does not stop within 30 s."""
        if self._sampler:
            self._sampler.cancel()
        if self.process is None or self.process.returncode is not None:
            return self.process.returncode if self.process else None
        self.process.send_signal(signal.SIGINT)
        try:
            return await asyncio.wait_for(self.process.wait(), 30)
        except TimeoutError:
            self.process.kill()
            return await self.process.wait()

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def log_problems(self) -> list[str]:
        """ERROR and CRITICAL lines (and tracebacks' last lines) the bot logged."""
        try:
            text = self.log_path.read_text(errors="replace")
        except OSError:
            return []
        return [
            line
            for line in text.splitlines()
            if " ERROR " in line or " CRITICAL " in line or line.startswith("Traceback")
        ]
