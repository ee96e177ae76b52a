"""``python -m bot`` as an operator runs it: exit codes, stderr, the token kept out of logs."""

from __future__ import annotations

import asyncio
import json
import signal
import sqlite3
import time

from bot.domain.forms import DEFAULT_FORMS_PATH
from tests.support.botapi import BotMessage, Chat, User
from tests.support.harness import MEMBER, TOKEN
from tests.support.processes import exit_of, run_bot


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


async def test_a_worker_without_redis_is_one_clear_line_and_exit_2(tmp_path):
    process = await run_bot(tmp_path, {}, "worker")
    code, stderr = await exit_of(process)
    assert code == 2
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and "REDIS_URL is not set" in lines[0]


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
        assert reply.text.startswith(  # the region data, read in the real process
            "Wilayah grup ini sekarang: Kabupaten Kutai Timur (kode 64.08, tingkat kabupaten/kota)."
        )
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


async def stop(process: asyncio.subprocess.Process) -> int | None:
    """Stops the bot as Ctrl-C does; its exit code (None if it had to be killed)."""
    if process.returncode is None:
        process.send_signal(signal.SIGINT)
    try:
        await asyncio.wait_for(process.communicate(), 30)
    except TimeoutError:
        process.kill()
        await process.wait()
        return None
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
        exit_code, stderr = await exit_of(second)
        # Every request since is the first process's long poll: the second made
        # none (PTB's first is getMe, and a getUpdates would have cut the
        # first one's poll off with a 409).
        assert {name for name, _ in telegram.calls[calls_before:]} <= {"getUpdates"}
        assert telegram.conflicts_answered == conflicts_before
        assert "Posko Forkopimda" in (await ask_for_help(telegram, MEMBER)).text
    finally:
        assert await stop(first) == 0
        first_log.close()
    assert exit_code == 3
    lines = stderr.strip().splitlines()
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


async def test_a_process_with_the_same_token_on_another_database_makes_one_give_way(
    tmp_path, telegram
):
    """Two deployments of one bot: they fight over getUpdates until one leaves, losing nothing."""
    people = [User(444444441 + n, f"Warga {n}") for n in range(4)]
    env = {"BOT_TOKEN": TOKEN, "TELEGRAM_API_URL": telegram.url}
    processes, logs = {}, {}
    for name in ("older", "newer"):
        (tmp_path / name).mkdir()  # each its own data/posko.sqlite3
        logs[name] = (tmp_path / f"{name}.log").open("wb")
    try:
        processes["older"] = await run_bot(tmp_path / "older", env, stderr=logs["older"])
        await telegram.wait_for_long_poll()
        await ask_for_help(telegram, people[0])

        processes["newer"] = await run_bot(tmp_path / "newer", env, stderr=logs["newer"])
        exits = {asyncio.ensure_future(p.wait()): name for name, p in processes.items()}
        done, pending = await asyncio.wait(exits, timeout=45, return_when="FIRST_COMPLETED")
        for task in pending:
            task.cancel()
        assert len(done) == 1, "neither process gave way"
        gone = exits[done.pop()]
        stayed = "newer" if gone == "older" else "older"
        assert processes[gone].returncode == 3

        for person in people[1:]:  # the one that stayed serves everyone
            await ask_for_help(telegram, person)
    finally:
        for process in processes.values():
            await stop(process)
        for log in logs.values():
            log.close()
    assert processes[stayed].returncode == 0
    gone_log = (tmp_path / f"{gone}.log").read_text()
    assert "409 Conflict 3 times" in gone_log
    assert "another process is polling with this BOT_TOKEN" in gone_log
    assert "Traceback" not in gone_log
    assert " ERROR " not in (tmp_path / f"{stayed}.log").read_text()
    # Every command answered exactly once, by one process or the other.
    assert [len(telegram.sent_to(person.id)) for person in people] == [1, 1, 1, 1]


async def test_a_webhook_set_elsewhere_makes_the_polling_process_give_way(tmp_path, telegram):
    log = (tmp_path / "bot.log").open("wb")
    process = await run_bot(
        tmp_path, {"BOT_TOKEN": TOKEN, "TELEGRAM_API_URL": telegram.url}, stderr=log
    )
    try:
        await telegram.wait_for_long_poll()
        await telegram.set_webhook_elsewhere("https://elsewhere.example.org/hook")
        assert await asyncio.wait_for(process.wait(), 45) == 3
    finally:
        await stop(process)
        log.close()
    assert telegram.webhook == "https://elsewhere.example.org/hook"  # left alone
    logs = (tmp_path / "bot.log").read_text()
    assert "409 Conflict 3 times" in logs and "a webhook is set for this bot" in logs


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
