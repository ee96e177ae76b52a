"""``python -m bot`` as an operator runs it: exit codes, stderr, the token kept out of logs."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sqlite3
import sys
from pathlib import Path

from bot.domain.forms import DEFAULT_FORMS_PATH
from tests.support.botapi import Chat, User
from tests.support.harness import TOKEN

PROJECT = Path(__file__).resolve().parent.parent


async def run_bot(
    cwd: Path, env: dict[str, str], *args: str, stderr=asyncio.subprocess.PIPE
) -> asyncio.subprocess.Process:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in ("BOT_TOKEN", "DATABASE_URL", "TELEGRAM_API_URL", "WEBHOOK_URL", "LOG_LEVEL")
    }
    clean["PYTHONPATH"] = str(PROJECT)
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *args,
        cwd=cwd,
        env={**clean, **env},
        stdout=asyncio.subprocess.PIPE,
        stderr=stderr,
    )


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


async def test_second_process_with_the_same_token_exits_and_sends_nothing(tmp_path, telegram):
    telegram.detect_conflicts = True
    first_log = (tmp_path / "first.log").open("wb")
    first = await run_bot(
        tmp_path, {"BOT_TOKEN": TOKEN, "TELEGRAM_API_URL": telegram.url}, stderr=first_log
    )
    try:
        await telegram.wait_for_long_poll()
        calls_before = len(telegram.calls)
        second = await run_bot(tmp_path, {"BOT_TOKEN": TOKEN, "TELEGRAM_API_URL": telegram.url})
        _, stderr = await asyncio.wait_for(second.communicate(), 60)
    finally:
        first.send_signal(signal.SIGINT)
        await asyncio.wait_for(first.communicate(), 30)
        first_log.close()
    assert second.returncode == 3
    assert "another bot process is already running" in stderr.decode()
    assert [
        name
        for name, _ in telegram.calls[calls_before:]
        if name.startswith(("send", "setMy", "edit"))
    ] == []


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


async def test_a_forms_file_without_a_situation_question_stops_the_start(tmp_path):
    forms = json.loads(DEFAULT_FORMS_PATH.read_text(encoding="utf-8"))
    del forms["situation"]
    (tmp_path / "forms.json").write_text(json.dumps(forms), encoding="utf-8")
    process = await run_bot(tmp_path, {"BOT_TOKEN": TOKEN, "FORMS_FILE": "forms.json"})
    _, stderr = await asyncio.wait_for(process.communicate(), 30)
    assert process.returncode == 2
    lines = stderr.decode().strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("posko-forkopimda: FORMS_FILE: forms file forms.json: no situation")
