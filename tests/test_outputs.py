"""End to end: /ekspor, /grafik and /brief as a secretary asks before a rakor.

The bot runs for real against the loopback Bot API; the files are made by a
real worker (a process of the local pool, or ``python -m bot worker`` through
Redis) and read back the way people open them: the workbook with openpyxl,
the CSV files unzipped, the charts decoded, the brief's words extracted.
"""

from __future__ import annotations

import asyncio
import csv
import io
import multiprocessing
import os
import zipfile
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import openpyxl
import pytest
from PIL import Image
from pypdf import PdfReader
from redis.asyncio import Redis

from bot.app import outputs_of, scheduler_of
from bot.domain.agencies import Agency
from bot.services import output_requests
from bot.services.reports import store_report
from bot.storage.models import Group
from tests.support.botapi import Chat
from tests.support.chat import OFFICER, say
from tests.support.harness import ADMIN, GROUP, MEMBER, running_bot
from tests.support.processes import run_bot

WITA = ZoneInfo("Asia/Makassar")
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


@pytest.fixture
async def group(bot, telegram):
    """Kutai Timur (WITA, Pilkada 2024) with a Polri liaison; 13 November 2024 on the clock."""
    telegram.set_member_status(GROUP, ADMIN, "administrator")
    for command in (
        "/wilayah Kabupaten Kutai Timur",
        "/zona WITA",
        "/hari_h 2024-11-27 Pilkada Serentak 2024",
    ):
        await say(telegram, command)
    request = await say(telegram, "/daftar Polri Polres Kutai Timur", user=OFFICER)
    await telegram.press(ADMIN, request, request.button("Setujui")["callback_data"])
    await telegram.next_message(GROUP.id)
    return GROUP


async def seed_reports(days: int = 3, last: date = date(2024, 11, 13)) -> None:
    """Polri and KPU reports for ``days`` days up to ``last``; KPU's logistics arriving."""
    group = await Group.get(chat_id=GROUP.id)
    for offset in range(days):
        day = last - timedelta(days=days - 1 - offset)
        at = datetime.combine(day, time(8, 15), WITA).astimezone(UTC)
        await store_report(
            group.id,
            GROUP.id,
            Agency.POLRI,
            day,
            OFFICER.id,
            OFFICER.first_name,
            "Polres Kutai Timur",
            {
                "situasi": "waspada" if offset == 1 else "aman",
                "personel": 1200 + offset,
                "kejadian": offset,
                "catatan": "=SUM(A1:A9) <b>bukan rumus</b>",
            },
            at,
        )
        await store_report(
            group.id,
            GROUP.id,
            Agency.KPU,
            day,
            444,
            "Rina",
            "KPU Kutai Timur",
            {
                "situasi": "aman",
                "logistik_kecamatan": 60 + 10 * offset,
                "logistik_desa": 40 + 10 * offset,
                "logistik_tps": 20 + 10 * offset,
                "tps_siap": 800,
                "jumlah_tps": 1234,
            },
            at + timedelta(minutes=30),
        )


async def ask(telegram, text: str, user=MEMBER, chat: Chat = GROUP):
    """``user`` sends ``text``; returns the bot's next message there (a file takes a while)."""
    await telegram.send_message(chat, user, text)
    return await telegram.next_message(chat.id, timeout=60)


async def test_export_sends_the_workbook_of_the_range_as_a_reply(group, telegram, bot):
    await seed_reports()
    answer = await ask(telegram, "/ekspor 3")
    assert answer.kind == "document"
    assert answer.file_name == "posko-kutai-timur-2024-11-11-2024-11-13.xlsx"
    assert "Kabupaten Kutai Timur" in answer.text  # the caption
    book = openpyxl.load_workbook(io.BytesIO(answer.data))
    assert "KPU" in book.sheetnames and "Polri" in book.sheetnames
    daily = book.worksheets[0]
    rows = [[cell.value for cell in row] for row in daily.iter_rows()]
    assert len(rows) > 1 + 3  # headers, then the days and agencies
    values = {str(value) for row in rows for value in row}
    assert "Polres Kutai Timur" in values
    polri = book["Polri"]
    cells = [cell.value for row in polri.iter_rows() for cell in row]
    assert 1201 in cells  # a number stays a number
    assert "=SUM(A1:A9) <b>bukan rumus</b>" in cells  # a note stays text, never a formula
    await outputs_of(bot).idle()
    assert len(telegram.calls_of("sendDocument")) == 1


async def test_the_render_processes_run_below_the_bots_priority(group, telegram, bot):
    """Liaisons' replies come first: a workbook being made must not take their CPU."""
    await seed_reports()
    answer = await ask(telegram, "/ekspor 3")
    assert answer.kind == "document"
    renderers = multiprocessing.active_children()  # the pool's processes, the bot's children
    assert renderers
    own = os.getpriority(os.PRIO_PROCESS, 0)
    assert {os.getpriority(os.PRIO_PROCESS, child.pid) for child in renderers} == {own + 10}


async def test_export_csv_sends_zipped_csv_files_excel_opens(group, telegram, bot):
    await seed_reports()
    answer = await ask(telegram, "/ekspor csv 3")
    assert answer.kind == "document" and answer.file_name.endswith(".zip")
    archive = zipfile.ZipFile(io.BytesIO(answer.data))
    names = archive.namelist()
    assert names
    for name in names:
        data = archive.read(name)
        assert data.startswith(b"\xef\xbb\xbf"), name  # UTF-8 with BOM
    text = "\n".join(archive.read(name).decode("utf-8-sig") for name in names)
    rows = list(csv.reader(io.StringIO(text)))
    assert any("Polres Kutai Timur" in row for row in rows)


async def test_grafik_alone_sends_logistics_and_situation_as_one_album(group, telegram, bot):
    await seed_reports(days=5)
    first = await ask(telegram, "/grafik")
    second = await telegram.next_message(GROUP.id, timeout=30)
    assert first.kind == second.kind == "photo"
    assert first.media_group_id and first.media_group_id == second.media_group_id
    for photo in (first, second):
        image = Image.open(io.BytesIO(photo.data))
        assert image.width >= 1000
        assert len(image.convert("RGB").getcolors(maxcolors=1_000_000) or []) > 5  # not blank
    assert "ogistik" in first.text  # the caption names the chart


async def test_a_chart_topic_without_data_is_answered_in_words(group, telegram, bot):
    await seed_reports()
    answer = await ask(telegram, "/grafik logistik 2024-10-01 2024-10-05")
    assert answer.kind == "text"
    assert "Belum ada laporan" in answer.text


async def test_brief_sends_a_pdf_with_the_region_and_the_figures(group, telegram, bot):
    await seed_reports()
    answer = await ask(telegram, "/brief")
    assert answer.kind == "document"
    assert answer.file_name == "posko-kutai-timur-brief-2024-11-13.pdf"
    reader = PdfReader(io.BytesIO(answer.data))
    assert 1 <= len(reader.pages) <= 3
    words = " ".join(page.extract_text() for page in reader.pages)
    assert "Kutai Timur" in words
    assert "13 November 2024" in words
    assert "Polri" in words and "KPU" in words


async def test_a_bad_range_gets_an_indonesian_answer_with_an_example(group, telegram, bot):
    await seed_reports()
    for text in ("/ekspor kemarinan", "/ekspor dari 13-11-2024 sampai 1-11-2024", "/ekspor 400"):
        answer = await ask(telegram, text)
        assert answer.kind == "text"
        assert "/ekspor" in answer.text, text  # an example to copy
    answer = await ask(telegram, "/brief 1-12-2024")  # after today
    assert answer.kind == "text"
    assert not telegram.calls_of("sendDocument")


async def test_in_a_private_chat_the_bot_says_the_files_are_asked_for_in_the_group(
    group, telegram, bot
):
    answer = await ask(telegram, "/ekspor", user=OFFICER, chat=Chat.private_with(OFFICER))
    assert "grup" in answer.text and "/ekspor" in answer.text


class GatedWorkers:
    """The real workers, held until the test opens the gate: a request still being made."""

    def __init__(self, workers) -> None:
        self.workers = workers
        self.gate = asyncio.Event()
        self.started = asyncio.Event()

    async def make(self, job, job_id):
        self.started.set()
        await self.gate.wait()
        return await self.workers.make(job, job_id)

    async def close(self) -> None:
        await self.workers.close()


async def test_a_second_request_while_the_first_is_made_is_told_so_and_one_file_comes(
    group, telegram, bot
):
    await seed_reports()
    desk = outputs_of(bot)
    desk.workers = gated = GatedWorkers(desk.workers)
    await telegram.send_message(GROUP, MEMBER, "/ekspor 3")
    await asyncio.wait_for(gated.started.wait(), 10)
    busy = await ask(telegram, "/ekspor 7", user=ADMIN)
    assert "sedang diproses" in busy.text
    gated.gate.set()
    answer = await telegram.next_message(GROUP.id, timeout=60)
    assert answer.kind == "document"
    await desk.idle()
    assert len(telegram.calls_of("sendDocument")) == 1


async def test_a_request_made_before_a_restart_is_answered_once_after_it(
    telegram, database_url, clock
):
    async with running_bot(telegram, database_url, clock) as first_bot:
        telegram.set_member_status(GROUP, ADMIN, "administrator")
        await say(telegram, "/wilayah Kabupaten Kutai Timur")
        await say(telegram, "/zona WITA")
        await seed_reports()
        desk = outputs_of(first_bot)
        desk.workers = gated = GatedWorkers(desk.workers)
        await telegram.send_message(GROUP, MEMBER, "/ekspor 3")
        await asyncio.wait_for(gated.started.wait(), 10)
    # Stopped while the workbook was being made: the next process makes and sends it.
    assert not telegram.calls_of("sendDocument")
    async with running_bot(telegram, database_url, clock) as second_bot:
        answer = await telegram.next_message(GROUP.id, timeout=60)
        assert answer.kind == "document" and answer.file_name.endswith(".xlsx")
        await outputs_of(second_bot).idle()
    async with running_bot(telegram, database_url, clock):
        pass  # a third start finds nothing left to answer
    assert len(telegram.calls_of("sendDocument")) == 1


@pytest.fixture
async def redis_worker(database_url, tmp_path):
    """``python -m bot worker`` on the machine's Redis, as an operator starts it."""
    redis = Redis.from_url(REDIS_URL)
    await redis.flushdb()
    await redis.aclose()
    process = await run_bot(
        tmp_path,
        {"REDIS_URL": REDIS_URL, "DATABASE_URL": database_url},
        "worker",
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )
    yield process
    process.terminate()
    await asyncio.wait_for(process.wait(), 20)


async def test_with_redis_a_worker_process_makes_the_files(
    telegram, database_url, clock, redis_worker
):
    async with running_bot(telegram, database_url, clock, redis_url=REDIS_URL) as application:
        telegram.set_member_status(GROUP, ADMIN, "administrator")
        await say(telegram, "/wilayah Kabupaten Kutai Timur")
        await say(telegram, "/zona WITA")
        await seed_reports()
        answer = await ask(telegram, "/brief")
        assert answer.kind == "document" and answer.file_name.endswith(".pdf")
        words = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(answer.data)).pages)
        assert "Kutai Timur" in words
        answer = await ask(telegram, "/ekspor 3")
        assert answer.kind == "document" and answer.file_name.endswith(".xlsx")
        await outputs_of(application).idle()
    assert len(telegram.calls_of("sendDocument")) == 2
    redis = Redis.from_url(REDIS_URL)
    try:  # the files, once sent, do not stay on Redis
        assert [key async for key in redis.scan_iter(match="arq:result:*")] == []
    finally:
        await redis.aclose()


async def test_a_weekly_brief_goes_out_once_on_its_day(group, telegram, bot, clock):
    await seed_reports(days=5, last=date(2024, 11, 17))
    answer = await say(telegram, "/jadwal brief Senin 08.00")
    assert "setiap Senin pukul 08.00 WITA" in answer.text
    assert "brief Senin 08.00" in answer.text  # and the schedule shows it
    scheduler = scheduler_of(bot)
    clock.set(2024, 11, 18, 0, 0, 30)  # Monday 08.00.30 WITA
    await scheduler.tick()  # claims it; a worker makes the PDF beside the ticks
    await scheduler.idle()
    (brief,) = [m for m in telegram.sent_to(GROUP.id) if m.kind == "document"]
    assert brief.file_name == "posko-kutai-timur-brief-2024-11-18.pdf"
    words = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(brief.data)).pages)
    assert "Kutai Timur" in words and "18 November 2024" in words
    clock.set(2024, 11, 18, 0, 5)
    await scheduler.tick()
    clock.set(2024, 11, 19, 0, 5)  # Tuesday: no brief
    await scheduler.tick()
    await scheduler.idle()
    documents = [m for m in telegram.sent_to(GROUP.id) if m.kind == "document"]
    assert len(documents) == 1


async def test_a_brief_being_made_holds_up_no_other_post(group, telegram, bot, clock):
    """A Monday's thousands of briefs take minutes of rendering; the ticks go on meanwhile."""
    await seed_reports(days=5, last=date(2024, 11, 17))
    await say(telegram, "/jadwal brief 08.00")
    await say(telegram, "/jadwal laporan 08.00")
    scheduler = scheduler_of(bot)
    rendering = asyncio.Event()
    make = scheduler.make_output
    assert make is not None

    async def slow_worker(job, job_id):
        await rendering.wait()
        return await make(job, job_id)

    scheduler.make_output = slow_worker
    clock.set(2024, 11, 18, 0, 0, 30)  # 08.00.30 WITA: the report opening and the brief
    await asyncio.wait_for(scheduler.tick(), 30)  # returns while the brief is being made
    opening = await telegram.next_message(GROUP.id)
    assert opening.text.startswith("Laporan harian dibuka")
    clock.set(2024, 11, 18, 0, 1)
    await asyncio.wait_for(scheduler.tick(), 30)  # the next tick neither waits nor repeats it
    rendering.set()
    await scheduler.idle()
    clock.set(2024, 11, 18, 0, 2)
    await scheduler.tick()
    await scheduler.idle()
    (brief,) = [m for m in telegram.sent_to(GROUP.id) if m.kind == "document"]
    assert brief.file_name == "posko-kutai-timur-brief-2024-11-18.pdf"
    assert len(telegram.calls_of("sendDocument")) == 1


async def test_a_scheduled_brief_stopped_while_made_goes_out_once_after_the_restart(
    telegram, database_url, clock
):
    async with running_bot(telegram, database_url, clock) as first_bot:
        telegram.set_member_status(GROUP, ADMIN, "administrator")
        for command in ("/wilayah Kabupaten Kutai Timur", "/zona WITA", "/jadwal brief 08.00"):
            await say(telegram, command)
        await seed_reports(days=5, last=date(2024, 11, 17))
        scheduler = scheduler_of(first_bot)
        started = asyncio.Event()

        async def stuck_worker(job, job_id):
            started.set()
            await asyncio.Event().wait()

        scheduler.make_output = stuck_worker
        clock.set(2024, 11, 18, 0, 0, 30)
        await scheduler.tick()
        await asyncio.wait_for(started.wait(), 10)
    assert not telegram.calls_of("sendDocument")  # stopped while the brief was being made
    clock.set(2024, 11, 18, 0, 1)
    # Started as the runner starts it: the claim left is released, and the tick at
    # start sends what is due.
    async with running_bot(telegram, database_url, clock, run_scheduler=True) as second_bot:
        answer = await telegram.next_message(GROUP.id, timeout=60)
        while answer.kind != "document":  # the report opening the first tick sent
            answer = await telegram.next_message(GROUP.id, timeout=60)
        assert answer.file_name == "posko-kutai-timur-brief-2024-11-18.pdf"
        await scheduler_of(second_bot).tick()
        await scheduler_of(second_bot).idle()
    assert len(telegram.calls_of("sendDocument")) == 1


async def test_only_the_brief_may_be_weekly_and_the_day_must_be_a_day(group, telegram, bot):
    for text in ("/jadwal pengingat Senin 08.00", "/jadwal brief Seninn 08.00"):
        answer = await say(telegram, text)
        assert "/jadwal brief Senin 08.00" in answer.text, text
    answer = await say(telegram, "/jadwal")
    assert "<code>brief</code> mati" in answer.html


async def test_after_a_crash_a_send_handed_over_is_not_repeated_and_one_not_yet_is_made(
    group, telegram, bot, clock
):
    """As a SIGKILL leaves them: one request's file handed to Telegram (it may have arrived),
    another's claimed but not yet sent. The next start sends the second once, never the first."""
    await seed_reports()
    opened = [
        await output_requests.open_request(
            GROUP.id,
            kind,
            date(2024, 11, 11),
            date(2024, 11, 13),
            (),
            message_id,
            MEMBER.id,
            clock.now,
        )
        for kind, message_id in (("xlsx", 9001), ("csv", 9002))
    ]
    handed, claimed = (o.order for o in opened)
    assert handed is not None and claimed is not None
    for order in (handed, claimed):
        assert await output_requests.claim_send(order.id)
    await output_requests.hand_over(handed.id)
    assert await outputs_of(bot).resume() == 1
    answer = await telegram.next_message(GROUP.id, timeout=60)
    assert answer.kind == "document" and answer.file_name.endswith("-csv.zip")
    await outputs_of(bot).idle()
    assert len(telegram.calls_of("sendDocument")) == 1
    assert await output_requests.unfinished() == []
    # Both are answered: the group may ask for either kind again.
    again = await output_requests.open_request(
        GROUP.id, "xlsx", date(2024, 11, 13), date(2024, 11, 13), (), 9003, MEMBER.id, clock.now
    )
    assert again.order is not None and again.new
