"""End to end in webhook mode: Telegram POSTs each update; the bot answers, once, as in polling.

With a webhook the answer to Telegram's POST confirms the update, so the bot
records it in the inbox before answering (``DurableUpdateQueue(put_waits=True)``).
"""

from __future__ import annotations

import socket

import aiohttp
import pytest

from bot.app import build_application
from bot.settings import Secret
from bot.storage.models import InboxUpdate
from tests.support.botapi import Chat
from tests.support.harness import GROUP, MEMBER, TOKEN, settings_for
from tests.support.processes import exit_of, run_bot

SECRET = "rahasia-webhook-123"
WEBHOOK_URL = "https://posko.example.org/telegram"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
async def webhook(telegram, database_url, clock):
    """The bot listening for Telegram's POSTs on loopback; yields the address to POST to."""
    settings = settings_for(telegram, database_url)
    settings = type(settings)(
        **{
            **settings.__dict__,
            "webhook_url": WEBHOOK_URL,
            "webhook_secret": Secret(SECRET),
        }
    )
    application = build_application(settings, clock=clock, rate_limit=False, run_scheduler=False)
    port = free_port()
    await application.initialize()
    await application.post_init(application)
    await application.updater.start_webhook(
        listen="127.0.0.1",
        port=port,
        url_path="telegram",
        webhook_url=settings.webhook_url,
        secret_token=SECRET,
    )
    await application.start()
    try:
        yield f"http://127.0.0.1:{port}/telegram"
    finally:
        await application.updater.stop()
        await application.stop()
        await application.shutdown()
        await application.post_shutdown(application)


async def post(url: str, update: dict, secret: str = SECRET) -> int:
    async with (
        aiohttp.ClientSession() as session,
        session.post(
            url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": secret}
        ) as answer,
    ):
        return answer.status


async def typed(telegram, text: str, chat: Chat = GROUP) -> dict:
    """The update Telegram would POST for ``text`` typed by a member."""
    await telegram.send_message(chat, MEMBER, text)
    return telegram.history[telegram.last_update_id]


async def test_an_update_is_stored_before_telegram_hears_back_and_answered_once(
    telegram, webhook, slow_inbox
):
    assert telegram.webhook == "https://posko.example.org/telegram"  # told at start
    update = await typed(telegram, "/hitungmundur")
    assert await post(webhook, update) == 200
    # By the time Telegram has its 200 (and forgets the update), the inbox holds it.
    assert await InboxUpdate.filter(update_id=update["update_id"]).exists()
    reply = await telegram.next_message(GROUP.id)
    assert reply.text.startswith("Hari H belum diatur")

    assert await post(webhook, update) == 200  # Telegram delivering it again
    barrier = await typed(telegram, "/bantuan", Chat.private_with(MEMBER))
    assert await post(webhook, barrier) == 200
    await telegram.next_message(MEMBER.id)
    assert telegram.unread(GROUP.id) == []  # not answered twice


async def test_a_post_without_the_secret_is_refused_and_not_handled(telegram, webhook):
    update = await typed(telegram, "/hitungmundur")
    assert await post(webhook, update, secret="tebakan") == 403
    assert not await InboxUpdate.filter(update_id=update["update_id"]).exists()


async def test_a_second_webhook_process_on_the_same_database_exits_3_and_asks_nothing(
    telegram, webhook, database_url, tmp_path
):
    calls_before = len(telegram.calls)
    second = await run_bot(
        tmp_path,
        {
            "BOT_TOKEN": TOKEN,
            "TELEGRAM_API_URL": telegram.url,
            "DATABASE_URL": database_url,
            "WEBHOOK_URL": WEBHOOK_URL,
            "PORT": str(free_port()),
            "INSTANCE_WAIT_SECONDS": "2",
        },
    )
    exit_code, stderr = await exit_of(second)
    assert exit_code == 3
    assert "another process already serves this bot on this database" in stderr
    assert telegram.calls[calls_before:] == []  # no getMe, no setWebhook

    update = await typed(telegram, "/hitungmundur")  # the first one still serves
    assert await post(webhook, update) == 200
    assert (await telegram.next_message(GROUP.id)).text.startswith("Hari H belum diatur")
