"""Measurements 5 to 8: a national tree of linked groups and its rollups.

One national group, 38 provinces and 514 regencies, every regency linked
under its province and every province under the national group, each group
with seven approved liaisons and ``days`` days of reports from all seven
agencies. The first province holds 40 regencies; the rest share the others.
In a database of its own, so the flat population of measurements 1 to 4 is
measured as before.

5. /ringkasan latency, one request at a time: in the national group (its own
   agencies, then 38 province lines over all 553 groups), in the province of
   40, and in a regency with nothing below (as before this feature). Each
   answer must hold the whole rollup; a request's latency runs to its last part.
6. Peak RSS of the bot once the region data is loaded (a region named in
   /ringkasan loads it), across both bot runs on the tree.
7. Every group's summary due the same minute, through the deployed bot's
   pacing and Telegram's limits: the regencies' own summaries must go out as
   if the 39 rollups were not there (their wall time against the ideal of
   regencies / 30 a second, and none of them after the first rollup).
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.domain.agencies import Agency
from bot.domain.forms import FormSet
from bot.scheduling.slots import PostKind
from tests.bench.database import BenchDatabase
from tests.bench.limits import OVERALL_PER_SECOND, BenchServer
from tests.bench.process import DEPLOYED, MIB, UNPACED, BotProcess
from tests.bench.scales import DEPLOYED_LEAD, Scale
from tests.bench.seed import (
    LIAISON_COLUMNS,
    POST_COLUMNS,
    REPORT_COLUMNS,
    ZONES,
    load_tables,
    sample_answers,
)
from tests.bench.stats import latency_ms
from tests.support.botapi import Chat, User
from tests.support.harness import TOKEN

FIRST_CHAT = 1_003_000_000_000
FIRST_USER = 7_000_000_000
MEMBER = User(5_999_999_998, "Anggota Forum")
TIMEOUT = 60.0
AGENCIES = tuple(Agency)
PARTS_AWAITED = 12  # a national rollup is three or four messages; room to spare
ROLLUP_END = "Total:"


def chat_id_of(index: int) -> int:
    return -(FIRST_CHAT + index)


def _json(value: object) -> str:
    return json.dumps(value, separators=(",", ":"))


@dataclass(frozen=True)
class Tree:
    """Group 0 is national, 1..provinces the provinces, the rest regencies."""

    provinces: int
    regencies: int
    big_province: int  # regencies of province 1
    days: int  # days of reports, up to today
    now: datetime
    due_minute: datetime

    def province_of(self, regency: int) -> int:
        """The province (1-based) of the regency with 0-based number ``regency``."""
        if regency < self.big_province:
            return 1
        return 2 + (regency - self.big_province) % (self.provinces - 1)

    @property
    def groups(self) -> int:
        return 1 + self.provinces + self.regencies

    def regency_index(self, regency: int) -> int:
        return 1 + self.provinces + regency

    def zone(self, index: int) -> str:
        if index == 0:
            return "Asia/Jakarta"
        province = (
            index if index <= self.provinces else self.province_of(index - 1 - self.provinces)
        )
        return ZONES[province % len(ZONES)]

    def codes(self) -> list[tuple[str | None, str, str]]:
        """(code, name, level) of every group, in index order."""
        rows: list[tuple[str | None, str, str]] = [(None, "Nasional", "nasional")]
        rows += [
            (f"{10 + p:02d}", f"Provinsi Uji {10 + p:02d}", "provinsi")
            for p in range(1, self.provinces + 1)
        ]
        counts: dict[int, int] = {}
        for regency in range(self.regencies):
            province = self.province_of(regency)
            counts[province] = counts.get(province, 0) + 1
            code = f"{10 + province:02d}.{counts[province]:02d}"
            rows.append((code, f"Kabupaten Uji {code}", "kabupaten_kota"))
        return rows

    def parent(self, index: int) -> int | None:
        if index == 0:
            return None
        if index <= self.provinces:
            return 0
        return self.province_of(index - 1 - self.provinces)

    def local_today(self, index: int) -> date:
        return self.now.astimezone(_zone(self.zone(index))).date()

    def group_rows(self) -> Iterator[tuple]:
        for index, (code, name, level) in enumerate(self.codes()):
            # post_times: every kind off while the latencies are measured (``due_at``).
            yield (
                index + 1,
                chat_id_of(index),
                f"Forkopimda {name}",
                name,
                code,
                level,
                self.zone(index),
                "id",
                "Pilkada Serentak",
                # H-14: inside the daily rhythm of the election calendar, whatever the
                # weekday (further out, reports and summaries are weekly, on Mondays).
                self.now.date() + timedelta(days=14),
                _json({kind.value: None for kind in PostKind}),  # all off until the broadcast
                True,
                self.now,
                self.now,
            )

    def link_rows(self) -> Iterator[tuple]:
        for index in range(1, self.groups):
            parent = self.parent(index)
            assert parent is not None
            yield (index, index + 1, parent + 1, "approved", 1, 1, self.now, self.now)

    def liaison_rows(self) -> Iterator[tuple]:
        for index in range(self.groups):
            for k, agency in enumerate(AGENCIES):
                yield (
                    7 * index + k + 1,
                    index + 1,
                    FIRST_USER + 8 * index + k,
                    f"Penghubung {agency.label} {index}",
                    None,
                    agency.value,
                    agency.label,
                    "approved",
                    None,
                    None,
                    self.now,
                    self.now,
                )

    def report_rows(self, forms: FormSet) -> Iterator[tuple]:
        answers = {}
        for agency in AGENCIES:
            base = sample_answers(forms.form_for(agency))
            answers[agency] = [
                _json({**base, forms.situation.question_id: level.value})
                for level in forms.situation.levels
            ]
        for index in range(self.groups):
            today = self.local_today(index)
            zone = _zone(self.zone(index))
            for back in range(self.days):
                day = today - timedelta(days=back)
                for k, agency in enumerate(AGENCIES):
                    morning = datetime.combine(day, clock_time(8, k), tzinfo=zone)
                    levels = answers[agency]
                    yield (
                        agency.value,
                        day,
                        FIRST_USER + 8 * index + k,
                        f"Penghubung {agency.label} {index}",
                        agency.label,
                        levels[(index + back + k) % len(levels)],
                        morning.astimezone(UTC),
                        True,
                        index + 1,
                    )

    def post_rows(self) -> Iterator[tuple]:
        """Yesterday's summaries, sent: a tree some days into its campaign."""
        for index in range(self.groups):
            due_local = self.due_minute.astimezone(_zone(self.zone(index))).date()
            yield ("ringkasan", due_local - timedelta(days=1), "sent", None, self.now, index + 1)


def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


async def seed_tree(database: BenchDatabase, tree: Tree, forms: FormSet) -> dict[str, int]:
    tables = {
        "groups": (
            (
                "id",
                "chat_id",
                "title",
                "region_name",
                "region_code",
                "region_level",
                "time_zone",
                "locale",
                "election_name",
                "polling_day",
                "post_times",
                "active",
                "created_at",
                "updated_at",
            ),
            tree.group_rows(),
        ),
        "group_links": (
            (
                "id",
                "lower_id",
                "upper_id",
                "state",
                "requested_by",
                "decided_by",
                "created_at",
                "updated_at",
            ),
            tree.link_rows(),
        ),
        "liaisons": (
            LIAISON_COLUMNS,
            tree.liaison_rows(),
        ),
        "reports": (
            REPORT_COLUMNS,
            tree.report_rows(forms),
        ),
        "scheduled_posts": (
            POST_COLUMNS,
            tree.post_rows(),
        ),
    }
    return await load_tables(database, tables)


async def _timed(
    server: BenchServer, chat: Chat, command: str, rollup: bool
) -> tuple[float | None, str]:
    """Latency to the last part of the answer (None if it never came), and its text."""
    expected = [server.expect(chat.id) for _ in range(PARTS_AWAITED if rollup else 1)]
    sent = time.perf_counter()
    await server.send_message(chat, MEMBER, command)
    texts = []
    try:
        for future in expected:
            delivery = await asyncio.wait_for(future, TIMEOUT)
            texts.append(delivery.message.text)
            if not rollup or ROLLUP_END in delivery.message.text:
                return delivery.at - sent, "\n".join(texts)
    except TimeoutError:
        pass
    finally:
        server.forget(chat.id)
    return None, "\n".join(texts)


async def measure_tree_summaries(server: BenchServer, tree: Tree, requests: int) -> dict:
    """Measurement 5: /ringkasan in the national group, the province of 40, a regency."""
    chance = random.Random(5)
    cases = {
        "national": (0, True, f"Rekap wilayah · {tree.provinces} wilayah"),
        "province": (1, True, f"Rekap wilayah · {tree.big_province} wilayah"),
        "regency": (tree.regency_index(tree.regencies - 1), False, "Ringkasan harian"),
    }
    figures: dict = {}
    for name, (index, rollup, must_hold) in cases.items():
        chat = Chat(chat_id_of(index), f"Forkopimda {index}")
        today = tree.local_today(index)
        latencies, lost, incomplete = [], 0, 0
        for number in range(requests):
            back = 0 if number % 2 == 0 else chance.randrange(tree.days)
            day = today - timedelta(days=back)
            command = "/ringkasan" if back == 0 else f"/ringkasan {day.isoformat()}"
            latency, text = await _timed(server, chat, command, rollup)
            if latency is None:
                lost += 1
                continue
            latencies.append(latency)
            if must_hold not in text or "Belum melapor" in text:
                incomplete += 1
        figures[name] = {
            "requests": requests,
            "latency_ms": latency_ms(latencies),
            "lost": lost,
            "incomplete": incomplete,
        }
    # A region named from above: read through the links (and the region data loaded).
    province = Chat(chat_id_of(1), "Forkopimda 1")
    own_code = tree.codes()[tree.regency_index(0)][0]
    latency, text = await _timed(server, province, f"/ringkasan {own_code}", False)
    # The first regency of the second province: a real Kemendagri code (12.01), so the
    # refusal is about the links, not about a code the catalog does not know.
    other_code = next(
        code
        for code, _, level in tree.codes()
        if level == "kabupaten_kota" and code.startswith("12.")
    )
    _, refused = await _timed(server, province, f"/ringkasan {other_code}", False)
    figures["region_view"] = {
        "latency_ms": round(latency * 1000, 1) if latency is not None else None,
        "shown": f"Kabupaten Uji {own_code}" in text,
        # A regency of another province: nothing of it is shown.
        "refused_across_provinces": "tidak terhubung" in refused,
    }
    return figures


async def measure_same_minute(server: BenchServer, tree: Tree, min_seconds: float = 0.0) -> dict:
    """Measurement 7: every group's summary due at once; the regencies' go first."""
    regencies = {chat_id_of(tree.regency_index(r)) for r in range(tree.regencies)}
    rollups = {chat_id_of(index) for index in range(1 + tree.provinces)}
    everyone = regencies | rollups
    due = tree.due_minute.timestamp()
    ideal = len(regencies) / OVERALL_PER_SECOND
    give_up = max(due, time.time()) + 3 * (len(everyone) / OVERALL_PER_SECOND) + 60
    started = time.perf_counter()
    await server.wait_for_groups(everyone, give_up)
    await asyncio.sleep(max(0.0, started + min_seconds - time.perf_counter()))
    await asyncio.sleep(1.0)  # a late duplicate would show up now
    regency_times = sorted(at for at, chat in server.group_sends if chat in regencies)
    rollup_times = sorted(at for at, chat in server.group_sends if chat in rollups)
    first_rollup = rollup_times[0] if rollup_times else None
    last_regency = regency_times[-1] if regency_times else due
    return {
        "regencies": len(regencies),
        "rollup_groups": len(rollups),
        "ideal_s": round(ideal, 1),
        "regencies_wall_s": round(last_regency - due, 1),
        "regencies_ratio": round((last_regency - due) / ideal, 3) if ideal else None,
        "regency_posts_after_first_rollup": sum(
            1 for at in regency_times if first_rollup is not None and at > first_rollup
        ),
        "rollups_wall_s": round(rollup_times[-1] - due, 1) if rollup_times else None,
        "delivered": sum(1 for chat in everyone if server.sends[chat]),
        "rollups_delivered": sum(1 for chat in rollups if server.sends[chat]),
        "duplicates": sum(server.sends[chat] - 1 for chat in regencies if server.sends[chat] > 1),
        "responses_429": server.too_many_requests,
    }


@dataclass
class RegionalRun:
    """The tree on one database: seeded, measured on the unpaced bot, then broadcast."""

    kind: str
    workdir: Path
    database: BenchDatabase
    server: BenchServer
    tree: Tree
    figures: dict
    peaks: dict

    def bot(self, module: str) -> BotProcess:
        name = "capacity" if module == UNPACED else "deployed"
        return BotProcess(
            self.database.url,
            self.server,
            self.workdir,
            self.workdir / f"bot-{self.kind}-regions-{name}.log",
            module,
        )

    async def summaries(self, requests: int) -> None:
        self.server.switch_limits(False)
        bot = self.bot(UNPACED)
        try:
            await bot.start()
            self.figures["tree_summary"] = await measure_tree_summaries(
                self.server, self.tree, requests
            )
            bot.check_alive()
            self.peaks["capacity"] = bot.status()["VmHWM"]
        finally:
            self.figures["tree_capacity_bot"] = await _stopped(bot)

    async def due_at(self, due_minute: datetime) -> None:
        """Every group's summary (and nothing else) falls due at ``due_minute``, its wall time
        in each group's zone."""
        self.tree = replace(self.tree, due_minute=due_minute)
        for zone in {self.tree.zone(index) for index in range(self.tree.groups)}:
            local = due_minute.astimezone(_zone(zone))
            times = {kind.value: None for kind in PostKind}
            times[PostKind.RINGKASAN.value] = local.strftime("%H:%M")
            await self.database.execute(
                f"UPDATE \"groups\" SET post_times = '{_json(times)}' WHERE time_zone = '{zone}'"
            )
            yesterday = (local.date() - timedelta(days=1)).isoformat()
            await self.database.execute(
                f"UPDATE scheduled_posts SET local_date = '{yesterday}' WHERE group_id IN "
                f"(SELECT id FROM \"groups\" WHERE time_zone = '{zone}')"
            )

    async def same_minute(self, wait: bool, lead: float) -> None:
        self.server.switch_limits(True)
        self.server.sends.clear()  # the answers of measurement 5 are not broadcast posts
        self.server.group_sends.clear()
        bot = self.bot(DEPLOYED)
        try:
            if wait:
                await asyncio.sleep(max(0.0, self.tree.due_minute.timestamp() - lead - time.time()))
            await bot.start()
            self.figures["tree_broadcast"] = await measure_same_minute(
                self.server, self.tree, min_seconds=0.0 if wait else 1.5
            )
            bot.check_alive()
            self.peaks["deployed"] = bot.status()["VmHWM"]
        finally:
            self.figures["tree_deployed_bot"] = await _stopped(bot)
        self.figures["tree_memory"] = {
            **{f"peak_rss_{run}_mib": round(peak / MIB, 1) for run, peak in self.peaks.items()},
            "peak_rss_mib": round(max(self.peaks.values()) / MIB, 1),
        }


async def _stopped(bot: BotProcess) -> dict:
    return {"module": bot.module, "exit_code": await bot.stop(), "errors": bot.log_problems()[:20]}


async def run_regional(
    kinds: list[str],
    scale: Scale,
    forms: FormSet,
    workdir: Path,
    log: Callable[[str], None],
    keep: bool = False,
) -> dict[str, dict]:
    """Measurements 5 to 7 on each database; the figures by database.

    The broadcasts of both databases fall due in the same minute, each to its
    own loopback Telegram, as in measurement 2.
    """
    runs: list[RegionalRun] = []
    try:
        for kind in kinds:
            folder = workdir / kind
            folder.mkdir(parents=True, exist_ok=True)
            database = await BenchDatabase.create(
                kind, folder, f"posko_bench_tree_{scale.name}_{os.getpid()}"
            )
            await database.migrate(folder)
            now = datetime.now(UTC)
            tree = Tree(
                scale.tree_provinces,
                scale.tree_regencies,
                scale.tree_big_province,
                scale.tree_days,
                now,
                now,
            )
            began = time.perf_counter()
            rows = await seed_tree(database, tree, forms)
            seconds = round(time.perf_counter() - began, 1)
            log(f"[{kind}] seeded the national tree, {rows} in {seconds} s")
            server = BenchServer(TOKEN)
            await server.start()
            run = RegionalRun(
                kind,
                folder,
                database,
                server,
                tree,
                {"tree_seed": {**rows, "seconds": seconds}},
                {},
            )
            runs.append(run)
            log(f"[{kind}] /ringkasan in the tree, {scale.tree_requests} requests per case ...")
            await run.summaries(scale.tree_requests)
        now = datetime.now(UTC)
        if scale.wait_for_minute:
            earliest = now + timedelta(seconds=DEPLOYED_LEAD + 3)
            due = earliest.replace(second=0, microsecond=0) + timedelta(minutes=1)
        else:
            due = now.replace(second=0, microsecond=0)
        for run in runs:
            await run.due_at(due)
        log(f"every summary of the tree due at {due:%H:%M} UTC ...")
        await asyncio.gather(
            *(run.same_minute(scale.wait_for_minute, DEPLOYED_LEAD) for run in runs)
        )
    finally:
        for run in runs:
            await run.server.stop()
            if not keep:
                await run.database.drop()
    return {run.kind: run.figures for run in runs}
