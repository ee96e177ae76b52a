"""End to end: scheduled posts reach each group once, in its own zone, across restarts.

The clock is injected: a test sets "now" and runs the scheduler's tick, the
very job the JobQueue runs every few seconds in production.
"""

from __future__ import annotations

import logging

from bot.app import scheduler_of
from bot.services.groups import find_group
from tests.support.botapi import Chat, Fault
from tests.support.chat import OFFICER, days_earlier, say
from tests.support.harness import ADMIN, GROUP, OTHER_GROUP, running_bot


async def set_up(telegram, clock, chat=GROUP, zone="WIB", liaison=True):
    """The group as its admin set it up the week before the test's day."""
    telegram.set_member_status(chat, ADMIN, "administrator")
    with days_earlier(clock):
        await say(telegram, f"/zona {zone}", chat=chat)
        await say(telegram, "/hari_h 2024-11-27 Pilkada Serentak 2024", chat=chat)
        if liaison:
            request = await say(
                telegram, "/daftar Polri Polres Kutai Timur", user=OFFICER, chat=chat
            )
            await telegram.press(ADMIN, request, request.button("Setujui")["callback_data"])
            await telegram.next_message(chat.id)


def texts(telegram, chat_id):
    return [m.text for m in telegram.unread(chat_id)]


async def test_each_kind_arrives_once_at_its_local_time(bot, telegram, clock):
    await set_up(telegram, clock)
    scheduler = scheduler_of(bot)

    clock.set(2024, 11, 12, 23, 59)  # 06.59 WIB, 13 November: nothing yet
    await scheduler.tick()
    assert texts(telegram, GROUP.id) == []

    clock.set(2024, 11, 13, 0, 0)  # 07.00 WIB, H-14: report opens, and the countdown
    await scheduler.tick()
    opening, countdown = telegram.unread(GROUP.id)
    assert opening.text.startswith("Laporan harian dibuka\nRabu, 13 November 2024\nH-14")
    assert opening.button("Buka formulir laporan")["url"] == (
        "https://t.me/PoskoForkopimdaBot?start=lapor_m1001234567890"
    )
    assert countdown.text.startswith("Hitung mundur H-14\nH-14 menuju hari pemungutan suara")
    await telegram.next_message(GROUP.id), await telegram.next_message(GROUP.id)

    clock.set(2024, 11, 13, 0, 5)
    await scheduler.tick()  # the same minute's posts again: nothing new
    assert texts(telegram, GROUP.id) == []

    clock.set(2024, 11, 13, 5, 0)  # 12.00 WIB: Polri has not reported
    await scheduler.tick()
    reminder = await telegram.next_message(GROUP.id)
    assert reminder.text.startswith("Pengingat laporan harian")
    assert 'href="tg://user?id=333333333"' in reminder.html

    clock.set(2024, 11, 13, 10, 0)  # 17.00 WIB: the summary, as /ringkasan gives it
    await scheduler.tick()
    summary = await telegram.next_message(GROUP.id)
    assert summary.text == (await say(telegram, "/ringkasan")).text


async def test_reminder_is_not_sent_when_everyone_reported(bot, telegram, clock):
    await set_up(telegram, clock)
    private = Chat.private_with(OFFICER)
    question = await say(telegram, "/lapor", user=OFFICER, chat=private)
    await telegram.press(OFFICER, question, question.button("Aman")["callback_data"])
    await telegram.next_message(private.id), await telegram.next_message(private.id)
    for answer in ("10", "0", "-", "-", "0", "-", "-", "-"):
        review = await say(telegram, answer, user=OFFICER, chat=private)
    await telegram.press(OFFICER, review, review.button("Kirim")["callback_data"])
    await telegram.next_message(GROUP.id)

    clock.set(2024, 11, 13, 5, 0)
    await scheduler_of(bot).tick()
    assert texts(telegram, GROUP.id) == []


async def test_countdown_only_on_milestones_and_names_the_quiet_period(bot, telegram, clock):
    await set_up(telegram, clock, liaison=False)
    await say(telegram, "/jadwal laporan mati")
    scheduler = scheduler_of(bot)
    clock.set(2024, 11, 12, 0, 0)  # H-15
    await scheduler.tick()
    assert texts(telegram, GROUP.id) == []
    clock.set(2024, 11, 26, 0, 0)  # H-1
    await scheduler.tick()
    post = await telegram.next_message(GROUP.id)
    assert post.text.startswith("Masa tenang · H-1")
    assert "logistik pemungutan suara harus sudah tiba di setiap TPS" in post.text


async def test_posts_follow_each_groups_zone(bot, telegram, clock):
    await set_up(telegram, clock, GROUP, "WIB", liaison=False)
    await set_up(telegram, clock, OTHER_GROUP, "WIT", liaison=False)
    clock.set(2024, 11, 12, 22, 0)  # 05.00 WIB, 07.00 WIT
    await scheduler_of(bot).tick()
    assert texts(telegram, GROUP.id) == []
    assert [t.split("\n")[0] for t in texts(telegram, OTHER_GROUP.id)] == [
        "Laporan harian dibuka",
        "Hitung mundur H-14",
    ]


async def test_zone_change_takes_effect_the_same_day(bot, telegram, clock):
    await set_up(telegram, clock, zone="WIB", liaison=False)
    await say(telegram, "/jadwal hitungmundur mati")
    clock.set(2024, 11, 12, 22, 30)  # 05.30 WIB = 07.30 WIT
    await scheduler_of(bot).tick()
    assert texts(telegram, GROUP.id) == []
    await say(telegram, "/zona WIT")
    await scheduler_of(bot).tick()
    assert [t.split("\n")[0] for t in texts(telegram, GROUP.id)] == ["Laporan harian dibuka"]


async def test_restart_between_runs_does_not_duplicate(telegram, database_url, clock):
    async with running_bot(telegram, database_url, clock) as application:
        await set_up(telegram, clock, liaison=False)
        clock.set(2024, 11, 13, 0, 0)
        await scheduler_of(application).tick()
    async with running_bot(telegram, database_url, clock) as application:
        clock.set(2024, 11, 13, 0, 1)
        await scheduler_of(application).tick()
        await say(telegram, "/hitungmundur")  # a barrier: everything before it has arrived
    posts = [m.text.split("\n")[0] for m in telegram.sent_to(GROUP.id)]
    assert posts.count("Laporan harian dibuka") == 1
    assert posts.count("Hitung mundur H-14") == 1


async def test_missed_post_is_sent_within_two_hours_else_skipped(bot, telegram, clock, caplog):
    await set_up(telegram, clock, liaison=False)
    await say(telegram, "/jadwal hitungmundur mati")
    clock.set(2024, 11, 13, 1, 59)  # 08.59 WIB: 07.00 missed by 1 h 59 min
    await scheduler_of(bot).tick()
    assert [t.split("\n")[0] for t in texts(telegram, GROUP.id)] == ["Laporan harian dibuka"]
    await telegram.next_message(GROUP.id)

    clock.set(2024, 11, 14, 2, 1)  # 09.01 WIB the next day: 2 h 1 min late
    with caplog.at_level(logging.WARNING, logger="bot.scheduling.ticks"):
        await scheduler_of(bot).tick()
    assert texts(telegram, GROUP.id) == []
    assert "Skipped 3 scheduled post(s)" in caplog.text  # the 13th's 12.00 and 17.00 too
    assert "-1001234567890/laporan/2024-11-14" in caplog.text
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="bot.scheduling.ticks"):
        await scheduler_of(bot).tick()
    assert "Skipped" not in caplog.text  # logged once, not every tick


async def test_removed_group_gets_nothing_until_added_back(bot, telegram, clock):
    await set_up(telegram, clock, liaison=False)
    await telegram.change_bot_membership(GROUP, ADMIN, "member", "left")
    # A barrier: the same person's updates are handled in order.
    await say(telegram, "/bantuan", chat=Chat.private_with(ADMIN))
    clock.set(2024, 11, 13, 0, 0)
    await scheduler_of(bot).tick()
    assert texts(telegram, GROUP.id) == []
    await telegram.change_bot_membership(GROUP, ADMIN, "left", "member")
    assert (
        "Terima kasih telah menambahkan Posko Forkopimda"
        in (await telegram.next_message(GROUP.id)).text
    )
    await scheduler_of(bot).tick()
    assert "Laporan harian dibuka" in texts(telegram, GROUP.id)[0]


async def test_supergroup_upgrade_keeps_everything(bot, telegram, clock):
    old = Chat(-987654321, "Forkopimda Kutim", type="group")
    new = Chat(-1001111111111, "Forkopimda Kutim", type="supergroup")
    await set_up(telegram, clock, old, "WITA")
    await telegram.send_other(old, ADMIN, migrate_to_chat_id=new.id)
    await say(telegram, "/hitungmundur", chat=new)  # a barrier after the migration
    moved = await find_group(new.id)
    assert moved.time_zone == "Asia/Makassar" and moved.election_name == "Pilkada Serentak 2024"
    assert await find_group(old.id) is None
    listing = await say(telegram, "/penghubung", chat=new)
    assert "Andi Polres" in listing.text


async def test_send_error_naming_the_new_supergroup_moves_the_group(bot, telegram, clock):
    old = Chat(-987654321, "Forkopimda Kutim", type="group")
    await set_up(telegram, clock, old, "WIB", liaison=False)
    new_id = -1002222222222
    telegram.fail_next(
        "sendMessage",
        Fault(
            400,
            "Bad Request: group chat was upgraded to a supergroup chat",
            {"migrate_to_chat_id": new_id},
        ),
        times=2,
        chat_id=old.id,
    )  # both posts of the minute try the old id
    clock.set(2024, 11, 13, 0, 0)
    await scheduler_of(bot).tick()
    assert [t.split("\n")[0] for t in texts(telegram, new_id)] == [
        "Laporan harian dibuka",
        "Hitung mundur H-14",
    ]
    assert (await find_group(new_id)).time_zone == "Asia/Jakarta"


async def test_a_new_group_moving_its_summary_to_later_today_gets_it_then(
    bot, telegram, clock, caplog
):
    """In the evening a new group adds the bot and moves the summary a few minutes on."""
    new = Chat(-1004444444444, "Forkopimda Kota Samarinda")
    telegram.set_member_status(new, ADMIN, "administrator")
    clock.set(2024, 11, 13, 12, 38)  # 20.38 WITA
    await telegram.change_bot_membership(new, ADMIN, "left", "member")
    assert (
        "Terima kasih telah menambahkan Posko Forkopimda"
        in (await telegram.next_message(new.id)).text
    )
    await say(telegram, "/mulai", chat=new)
    await say(telegram, "/zona WITA", chat=new)
    moved = await say(telegram, "/jadwal ringkasan 20.41", chat=new)
    assert moved.text.startswith("Kiriman ringkasan sekarang pukul 20.41 WITA.\n\n")
    with caplog.at_level(logging.WARNING, logger="bot.scheduling.ticks"):
        await scheduler_of(bot).tick()
    assert texts(telegram, new.id) == []
    assert "Skipped" not in caplog.text  # nothing before it joined was due, nor missed
    clock.set(2024, 11, 13, 12, 41)  # 20.41 WITA
    await scheduler_of(bot).tick()
    summary = await telegram.next_message(new.id)
    assert summary.text.startswith("Ringkasan harian Posko Forkopimda\n")
    assert "Rabu, 13 November 2024" in summary.text
    clock.set(2024, 11, 13, 12, 42)
    await scheduler_of(bot).tick()
    assert texts(telegram, new.id) == []  # once


async def test_a_post_missed_while_down_and_moved_later_goes_out_at_the_new_time(
    telegram, database_url, clock, caplog
):
    async with running_bot(telegram, database_url, clock) as application:
        await set_up(telegram, clock, zone="WITA", liaison=False)
        clock.set(2024, 11, 13, 12, 30)  # 20.30 WITA: the bot was down at 17.00
        with caplog.at_level(logging.WARNING, logger="bot.scheduling.ticks"):
            await scheduler_of(application).tick()
        assert "-1001234567890/ringkasan/2024-11-13" in caplog.text  # recorded as missed
        moved = await say(telegram, "/jadwal ringkasan 20.41")
        assert moved.text.startswith("Kiriman ringkasan sekarang pukul 20.41 WITA.\n\n")
        clock.set(2024, 11, 13, 12, 41)
        await scheduler_of(application).tick()
        assert [t.split("\n")[0] for t in texts(telegram, GROUP.id)] == [
            "Ringkasan harian Posko Forkopimda"
        ]
        await telegram.next_message(GROUP.id)
    async with running_bot(telegram, database_url, clock) as application:  # a restart
        clock.set(2024, 11, 13, 12, 45)
        await scheduler_of(application).tick()
        await say(telegram, "/hitungmundur")  # a barrier: everything before it has arrived
    posts = [m.text.split("\n")[0] for m in telegram.sent_to(GROUP.id)]
    assert posts.count("Ringkasan harian Posko Forkopimda") == 1


async def test_moving_a_post_already_sent_today_says_it_applies_from_tomorrow(bot, telegram, clock):
    await set_up(telegram, clock, zone="WITA", liaison=False)
    clock.set(2024, 11, 13, 9, 0)  # 17.00 WITA: the summary goes out
    await scheduler_of(bot).tick()
    assert texts(telegram, GROUP.id)[0].startswith("Ringkasan harian Posko Forkopimda")
    await telegram.next_message(GROUP.id)
    clock.set(2024, 11, 13, 12, 38)
    moved = await say(telegram, "/jadwal ringkasan 20.41")
    assert moved.text.startswith(
        "Kiriman ringkasan sekarang pukul 20.41 WITA.\n"
        "Kiriman ringkasan hari ini sudah dikirim pukul 17.00 WITA. "
        "Pukul 20.41 WITA berlaku mulai besok.\n\n"
    )
    clock.set(2024, 11, 13, 12, 41)
    await scheduler_of(bot).tick()
    assert texts(telegram, GROUP.id) == []
    clock.set(2024, 11, 14, 12, 41)  # the next day, at the new time
    await scheduler_of(bot).tick()
    assert [t.split("\n")[0] for t in texts(telegram, GROUP.id)] == [
        "Ringkasan harian Posko Forkopimda"
    ]
