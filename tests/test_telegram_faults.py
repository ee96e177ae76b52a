"""End to end: Telegram's faults, injected by the loopback server, handled as what they mean."""

from __future__ import annotations

import logging

import pytest

from bot.app import scheduler_of
from bot.services.groups import find_group
from bot.services.reports import reports_of_day
from tests.support.botapi import Chat, Fault
from tests.support.chat import OFFICER, days_earlier, say
from tests.support.harness import ADMIN, GROUP, MEMBER, OTHER_GROUP, running_bot

PRIVATE = Chat.private_with(OFFICER)
RETRY_AFTER = Fault(429, "Too Many Requests: retry after 1", {"retry_after": 1})


@pytest.fixture
async def limited_bot(telegram, database_url, clock):
    """The bot with its real rate limiter, as in production."""
    async with running_bot(
        telegram, database_url, clock, rate_limit=True, read_timeout=0.5
    ) as application:
        yield application


@pytest.fixture
def no_errors_logged(caplog):
    caplog.set_level(logging.INFO)
    yield
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, [r.getMessage() for r in errors]


def delivered(telegram, chat_id, start):
    return [m.text for m in telegram.sent_to(chat_id) if m.text.startswith(start)]


async def set_up(telegram, clock, chat=GROUP):
    """The group as its admin set it up the week before the test's day."""
    telegram.set_member_status(chat, ADMIN, "administrator")
    with days_earlier(clock):
        await say(telegram, "/hari_h 2024-11-27 Pilkada Serentak 2024", chat=chat)


async def test_429_on_a_reply_is_waited_out_without_freezing_other_groups(
    limited_bot, telegram, clock, no_errors_logged
):
    await set_up(telegram, clock, GROUP)
    await set_up(telegram, clock, OTHER_GROUP)
    telegram.fail_next("sendMessage", RETRY_AFTER, chat_id=GROUP.id)
    await telegram.send_message(GROUP, MEMBER, "/hitungmundur")
    other = await say(telegram, "/hitungmundur", user=OFFICER, chat=OTHER_GROUP)
    assert other.text.startswith("H-14")
    assert telegram.unread(GROUP.id) == []  # still waiting out its retry_after
    assert (await telegram.next_message(GROUP.id)).text.startswith("H-14")
    assert len(delivered(telegram, GROUP.id, "H-14")) == 1


async def test_429_mid_broadcast_is_waited_out_and_delivered_once(
    limited_bot, telegram, clock, no_errors_logged
):
    chats = [GROUP, OTHER_GROUP, Chat(-1003333333333, "Forkopimda Kota Ambon")]
    for chat in chats:
        await set_up(telegram, clock, chat)
    telegram.fail_next("sendMessage", RETRY_AFTER, chat_id=OTHER_GROUP.id)
    clock.set(2024, 11, 13, 0, 0)
    result = await scheduler_of(limited_bot).tick()
    assert result.sent == 6 and result.failed == 0
    for chat in chats:
        assert len(delivered(telegram, chat.id, "Laporan harian dibuka")) == 1
        assert len(delivered(telegram, chat.id, "Hitung mundur H-14")) == 1


@pytest.mark.parametrize(
    "fault",
    [
        Fault(502, html=True),
        Fault(500, "Internal Server Error"),
        Fault(503, "Service Unavailable", html=True),
    ],
    ids=["502-html", "500-json", "503-html"],
)
async def test_server_errors_are_retried_and_the_reply_arrives_once(
    limited_bot, telegram, clock, fault, no_errors_logged
):
    await set_up(telegram, clock)
    telegram.fail_next("sendMessage", fault, times=2, chat_id=GROUP.id)
    assert (await say(telegram, "/hitungmundur")).text.startswith("H-14")
    assert len(delivered(telegram, GROUP.id, "H-14")) == 1


async def test_a_scheduled_post_that_certainly_failed_goes_out_at_the_next_tick(
    limited_bot, telegram, clock, caplog
):
    await set_up(telegram, clock)
    await say(telegram, "/jadwal hitungmundur mati")
    # Every attempt of the first tick's send fails: Telegram is down for a while.
    telegram.fail_next("sendMessage", Fault(502, html=True), times=4, chat_id=GROUP.id)
    clock.set(2024, 11, 13, 0, 0)
    with caplog.at_level(logging.WARNING, logger="bot.scheduling.ticks"):
        assert (await scheduler_of(limited_bot).tick()).failed == 1
    assert "will retry" in caplog.text
    assert delivered(telegram, GROUP.id, "Laporan harian dibuka") == []
    clock.set(2024, 11, 13, 0, 0, 20)
    assert (await scheduler_of(limited_bot).tick()).sent == 1
    await scheduler_of(limited_bot).tick()
    assert len(delivered(telegram, GROUP.id, "Laporan harian dibuka")) == 1


async def test_read_timeout_on_a_scheduled_post_is_not_sent_twice(
    limited_bot, telegram, clock, caplog
):
    await set_up(telegram, clock)
    await say(telegram, "/jadwal hitungmundur mati")
    telegram.fail_next("sendMessage", Fault(200, delay=1.0), chat_id=GROUP.id)
    clock.set(2024, 11, 13, 0, 0)
    with caplog.at_level(logging.WARNING, logger="bot.scheduling.ticks"):
        await scheduler_of(limited_bot).tick()
        await scheduler_of(limited_bot).tick()
    assert "counted as sent" in caplog.text
    assert len(delivered(telegram, GROUP.id, "Laporan harian dibuka")) == 1


async def test_bot_removed_from_group_marks_it_inactive(
    limited_bot, telegram, clock, no_errors_logged
):
    await set_up(telegram, clock)
    telegram.fail_next(
        "sendMessage",
        Fault(403, "Forbidden: bot was kicked from the supergroup chat"),
        chat_id=GROUP.id,
    )
    await telegram.send_message(GROUP, MEMBER, "/hitungmundur")
    await say(telegram, "/bantuan", user=MEMBER, chat=Chat.private_with(MEMBER))  # barrier
    assert not (await find_group(GROUP.id)).active
    clock.set(2024, 11, 13, 0, 0)
    assert (await scheduler_of(limited_bot).tick()).sent == 0
    await telegram.change_bot_membership(GROUP, ADMIN, "left", "member")
    await telegram.next_message(GROUP.id)
    group = await find_group(GROUP.id)
    assert group.active and group.election_name == "Pilkada Serentak 2024"


async def test_chat_not_found_on_a_scheduled_post_is_not_retried_forever(
    limited_bot, telegram, clock, no_errors_logged
):
    await set_up(telegram, clock)
    telegram.fail_next(
        "sendMessage", Fault(400, "Bad Request: chat not found"), times=10, chat_id=GROUP.id
    )
    clock.set(2024, 11, 13, 0, 0)
    await scheduler_of(limited_bot).tick()
    await scheduler_of(limited_bot).tick()
    assert not (await find_group(GROUP.id)).active
    assert len([c for c in telegram.calls_of("sendMessage") if c["chat_id"] == GROUP.id]) <= 3


async def test_group_upgraded_while_replying_gets_the_reply_at_its_new_id(
    limited_bot, telegram, clock, no_errors_logged
):
    old = Chat(-987654321, "Forkopimda Kutim", type="group")
    await set_up(telegram, clock, old)
    new_id = -1004444444444
    telegram.fail_next(
        "sendMessage",
        Fault(
            400,
            "Bad Request: group chat was upgraded to a supergroup chat",
            {"migrate_to_chat_id": new_id},
        ),
        chat_id=old.id,
    )
    await telegram.send_message(old, MEMBER, "/hitungmundur")
    assert (await telegram.next_message(new_id)).text.startswith("H-14")
    assert (await find_group(new_id)).election_name == "Pilkada Serentak 2024"


async def test_expired_tap_and_unmodified_edit_still_move_the_form_on(
    limited_bot, telegram, no_errors_logged
):
    telegram.set_member_status(GROUP, ADMIN, "administrator")
    request = await say(telegram, "/daftar Polri Polres Kutai Timur", user=OFFICER)
    await telegram.press(ADMIN, request, request.button("Setujui")["callback_data"])
    await telegram.next_message(GROUP.id)
    question = await say(telegram, "/lapor", user=OFFICER, chat=PRIVATE)
    telegram.fail_next(
        "answerCallbackQuery",
        Fault(
            400, "Bad Request: query is too old and response timeout expired or query ID is invalid"
        ),
    )
    telegram.fail_next("editMessageText", Fault(400, "Bad Request: message is not modified"))
    await telegram.press(OFFICER, question, question.button("Aman")["callback_data"])
    assert "Jumlah personel" in (await telegram.next_message(PRIVATE.id)).text


async def test_entities_telegram_cannot_parse_get_a_plain_apology_once(
    limited_bot, telegram, clock, caplog
):
    await set_up(telegram, clock)
    telegram.fail_next(
        "sendMessage",
        Fault(
            400,
            "Bad Request: can't parse entities: Can't find end tag corresponding to start tag b",
        ),
        chat_id=GROUP.id,
    )
    apology = await say(telegram, "/hitungmundur", user=MEMBER)
    assert apology.text.startswith("Mohon maaf, terjadi gangguan saat memproses permintaan ini.")
    assert len([c for c in telegram.calls_of("sendMessage") if c["chat_id"] == GROUP.id]) == 3


async def test_form_answers_survive_a_flaky_network(limited_bot, telegram, database_url, clock):
    telegram.set_member_status(GROUP, ADMIN, "administrator")
    request = await say(telegram, "/daftar Polri", user=OFFICER)
    await telegram.press(ADMIN, request, request.button("Setujui")["callback_data"])
    await telegram.next_message(GROUP.id)
    question = await say(telegram, "/lapor", user=OFFICER, chat=PRIVATE)
    await telegram.press(OFFICER, question, question.button("Rawan")["callback_data"])
    await telegram.next_message(PRIVATE.id), await telegram.next_message(PRIVATE.id)
    for answer in ("1.500", "3", "-", "-", "12", "-", "-", "-"):
        telegram.fail_next("sendMessage", Fault(502, html=True), chat_id=PRIVATE.id)
        review = await say(telegram, answer, user=OFFICER, chat=PRIVATE)
    telegram.fail_next("editMessageText", Fault(500, "Internal Server Error"))
    await telegram.press(OFFICER, review, review.button("Kirim")["callback_data"])
    await telegram.next_message(GROUP.id)
    [report] = await reports_of_day(GROUP.id, clock.now.date())
    assert report.answers == {
        "situasi": "rawan",
        "personel": 1500,
        "kejadian": 3,
        "uraian_kejadian": None,
        "tps_kurang_rawan": None,
        "tps_rawan": 12,
        "tps_sangat_rawan": None,
        "catatan": None,
        "tindak_lanjut": None,
    }


STALE = "Tombol ini sudah tidak berlaku."
FORM_GONE = "Tombol ini dari formulir yang sudah selesai atau dibatalkan."


@pytest.mark.parametrize(
    ("data", "answer"),
    [
        ("f:xxxx:kirim", FORM_GONE),
        ("reg:abc:y", STALE),
        ("garbage", STALE),
        ("hapus:", STALE),
        ("x" * 64, STALE),
    ],
)
async def test_unknown_or_forged_buttons_are_answered_and_change_nothing(
    bot, telegram, clock, data, answer, no_errors_logged
):
    await set_up(telegram, clock)
    before = await find_group(GROUP.id)
    message = telegram.sent_to(GROUP.id)[-1]
    query = await telegram.press(MEMBER, message, data)
    assert (await telegram.callback_answer(query))["text"] == answer
    assert await find_group(GROUP.id) == before
