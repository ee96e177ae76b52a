"""``python -m bot`` as an operator runs it: exit codes, stderr, the token kept out of logs."""

from __future__ import annotations

import asyncio
import signal
import sqlite3
import time

from tests.botapi import BotMessage, Chat, User
from tests.harness import MEMBER, TOKEN
from tests.processes import run_bot


async def test_missing_token_is_one_clear_line_and_exit_2(tmp_path):
    process = await run_bot(tmp_path, {})
    _, stderr = await asyncio.wait_for(process.communicate(), 30)
    assert process.returncode == 2
    lines = stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "BOT_TOKEN is not set" in lines[0]


async def test_malformed_token_exits_2_without_echoing_it(tmp_path):
    process = await run_bot(tmp_path, {"BOT_TOKEN": "99:not-a-real-token-value"})
    _, stderr = await asyncio.wait_for(process.communicate(), 30)
    assert process.returncode == 2
    assert "BOT_TOKEN is malformed" in stderr.decode()
    assert "not-a-real-token-value" not in stderr.decode()


async def test_migrate_creates_the_default_sqlite_file(tmp_path):
    process = await run_bot(tmp_path, {}, "migrate")
    stdout, _ = await asyncio.wait_for(process.communicate(), 60)
    assert process.returncode == 0, stdout
    database = tmp_path / "data" / "posko.sqlite3"
    tables = {
        row[0]
        for row in sqlite3.connect(database).execute(
            "SELECT name FROM sqlite_master WHERE type='table'"
        )
    }
    assert {"groups", "aerich"} <= tables


async def test_bot_answers_over_http_and_never_logs_its_token(tmp_path, telegram):
    telegram.set_member_status(Chat(-1001234567890), User(111111111, "Budi"), "administrator")
    log_file = (tmp_path / "bot.log").open("wb")  # DEBUG logs would fill a pipe nobody reads
    process = await run_bot(
        tmp_path,
        {"BOT_TOKEN": TOKEN, "TELEGRAM_API_URL": telegram.url, "LOG_LEVEL": "DEBUG"},
        stderr=log_file,
    )
    try:
        group = Chat(-1001234567890, "Forkopimda Kutai Timur")
        await telegram.send_message(group, User(111111111, "Budi"), "/wilayah Kutai Timur")
        reply = await telegram.next_message(group.id, timeout=60)
        assert reply.text == "Wilayah grup ini sekarang: Kutai Timur."
    finally:
        process.send_signal(signal.SIGINT)
        await asyncio.wait_for(process.communicate(), 30)
        log_file.close()
    logs = (tmp_path / "bot.log").read_text()
    assert "Posko Forkopimda started as @PoskoForkopimdaBot" in logs
    assert "HTTP Request: POST " + telegram.url + "/bot<token>/getUpdates" in logs
    assert TOKEN not in logs
    assert TOKEN.split(":", 1)[1] not in logs
    assert (tmp_path / "data" / "posko.sqlite3").exists()


async def ask_for_help(telegram, user: User) -> BotMessage:
    """``user`` sends /bantuan in a private chat; the bot's answer."""
    chat = Chat.private_with(user)
    await telegram.send_message(chat, user, "/bantuan")
    return await telegram.next_message(chat.id, timeout=45)


async def stop(process: asyncio.subprocess.Process) -> int:
    if process.returncode is None:
        process.send_signal(signal.SIGINT)
    await asyncio.wait_for(process.communicate(), 30)
    return process.returncode


async def test_a_second_process_on_the_same_database_exits_3_and_asks_telegram_nothing(
    tmp_path, telegram, database_url
):
    env = {"BOT_TOKEN": TOKEN, "TELEGRAM_API_URL": telegram.url, "DATABASE_URL": database_url}
    first_log = (tmp_path / "first.log").open("wb")
    first = await run_bot(tmp_path, env, stderr=first_log)
    try:
        await telegram.wait_for_long_poll()
        calls_before, conflicts_before = len(telegram.calls), telegram.conflicts_answered
        second = await run_bot(tmp_path, {**env, "INSTANCE_WAIT_SECONDS": "2"})
        _, stderr = await asyncio.wait_for(second.communicate(), 30)
        # Every request since is the first process's long poll: the second made
        # none (PTB's first is getMe, and a getUpdates would have cut the
        # first one's poll off with a 409).
        assert {name for name, _ in telegram.calls[calls_before:]} <= {"getUpdates"}
        assert telegram.conflicts_answered == conflicts_before
        assert "Posko Forkopimda" in (await ask_for_help(telegram, MEMBER)).text
    finally:
        assert await stop(first) == 0
        first_log.close()
    assert second.returncode == 3
    lines = stderr.decode().strip().splitlines()
    assert lines[-1].startswith(
        "posko-forkopimda: another process already serves this bot on this database"
    )
    assert lines[-1].endswith(
        "did not stop within 2 s; this one exits without contacting Telegram."
    )
    assert not any("Traceback" in line for line in lines)


async def test_after_a_sigkill_the_next_process_starts_at_once(tmp_path, telegram, database_url):
    env = {"BOT_TOKEN": TOKEN, "TELEGRAM_API_URL": telegram.url, "DATABASE_URL": database_url}
    killed = await run_bot(tmp_path, env, stderr=asyncio.subprocess.DEVNULL)
    await telegram.wait_for_long_poll()
    killed.send_signal(signal.SIGKILL)
    await killed.wait()

    # Were the dead process's lease left behind, this one would wait the full ten minutes.
    started = time.monotonic()
    log = (tmp_path / "next.log").open("wb")
    successor = await run_bot(tmp_path, {**env, "INSTANCE_WAIT_SECONDS": "600"}, stderr=log)
    try:
        assert "Posko Forkopimda" in (await ask_for_help(telegram, MEMBER)).text
        assert time.monotonic() - started < 45
    finally:
        assert await stop(successor) == 0
        log.close()
    assert "waiting up to" not in (tmp_path / "next.log").read_text()


async def test_unreachable_database_is_a_clear_error_after_retries(tmp_path, telegram):
    process = await run_bot(
        tmp_path,
        {
            "BOT_TOKEN": TOKEN,
            "TELEGRAM_API_URL": telegram.url,
            "DATABASE_URL": "postgres://postgres@127.0.0.1:9/posko",
            "DATABASE_CONNECT_ATTEMPTS": "2",
        },
    )
    _, stderr = await asyncio.wait_for(process.communicate(), 60)
    lines = stderr.decode().strip().splitlines()
    assert process.returncode == 1
    assert "unreachable" in lines[0] and "retrying in 1 s" in lines[0]
    assert lines[-1].startswith(
        "posko-forkopimda: Database postgres://postgres@127.0.0.1:9/posko "
        "unreachable after 2 attempts"
    )
    assert not any("Traceback" in line for line in lines)
