"""End to end: a liaison's leave, with and without a colleague or a stand-in, and its end."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from bot.app import scheduler_of
from bot.services.leaves import leaves_on
from bot.services.liaisons import liaison_in_group
from tests.support.botapi import User
from tests.support.chat import OFFICER, approve, days_earlier, say, type_in
from tests.support.harness import ADMIN, GROUP, MEMBER

COLLEAGUE = User(777777777, "Rudi Polres")
STAND_IN = User(888888888, "Sari Polsek")
ANDI = 'href="tg://user?id=333333333"'
D15 = date(2024, 11, 15)


def wib(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2024, 11, day, hour, minute, tzinfo=UTC) - timedelta(hours=7)


async def set_up(telegram, clock):
    """A WIB group (H-14 on the 13th) with Andi as its Polri liaison, set up the week before."""
    telegram.set_member_status(GROUP, ADMIN, "administrator")
    with days_earlier(clock):
        await say(telegram, "/hari_h 2024-11-27 Pilkada Serentak 2024")
        await approve(telegram, OFFICER, "/daftar Polri Polres Kutai Timur")


async def reminder_at(telegram, bot, clock, day: int):
    """The group's 12.00 reminder of that November day."""
    clock.now = wib(day, 12)
    await scheduler_of(bot).tick()
    posts = [m for m in telegram.unread(GROUP.id) if m.text.startswith("Pengingat")]
    while telegram.unread(GROUP.id):
        await telegram.next_message(GROUP.id)
    return posts[0] if posts else None


async def test_leave_without_a_colleague_names_the_end_and_ends_by_itself(bot, telegram, clock):
    await set_up(telegram, clock)
    answer = await say(telegram, "/cuti sampai 15 November", user=OFFICER)
    assert answer.text == (
        "🌴 Andi Polres, penghubung Polri (Polres Kutai Timur), cuti sampai Jumat, "
        "15 November 2024.\nPolri tidak punya penghubung lain: pengingat dan /belum "
        "menyebutkan bahwa penghubungnya sedang cuti. Polri tetap wajib melapor. Admin dapat "
        'menyetujui pengganti (pengganti mengetik /daftar, admin menekan "Setujui sebagai '
        'pengganti"), atau mengetik /instansi Polri tidak.'
    )
    reminder = await reminder_at(telegram, bot, clock, 13)
    assert "• Polri: Andi Polres sedang cuti sampai Jumat, 15 November 2024" in reminder.text
    assert ANDI not in reminder.html and "tg://user" not in reminder.html
    not_reported = await say(telegram, "/belum", user=MEMBER)
    assert "• Polri: Andi Polres sedang cuti sampai Jumat, 15 November 2024" in not_reported.text
    assert "tg://user" not in not_reported.html
    summary = await say(telegram, "/ringkasan", user=MEMBER)
    assert "Belum melapor: Polri" in summary.text  # still expected

    assert "Andi Polres" in (await reminder_at(telegram, bot, clock, 15)).text
    reminder = await reminder_at(telegram, bot, clock, 16)  # the leave is over by itself
    assert ANDI in reminder.html and "cuti" not in reminder.text
    assert await leaves_on(GROUP.id, date(2024, 11, 16)) == {}


async def test_a_colleague_of_the_agency_is_mentioned_instead(bot, telegram, clock):
    await set_up(telegram, clock)
    await approve(telegram, COLLEAGUE, "/daftar Polri Polres Kutai Timur")
    answer = await say(telegram, "/cuti 2", user=OFFICER)
    assert answer.text.startswith(
        "🌴 Andi Polres, penghubung Polri (Polres Kutai Timur), cuti sampai Kamis, "
        "14 November 2024.\nSelama cuti, pengingat dan /belum menyebut Rudi Polres."
    )
    reminder = await reminder_at(telegram, bot, clock, 13)
    assert 'href="tg://user?id=777777777"' in reminder.html and ANDI not in reminder.html
    assert "cuti" not in reminder.text
    not_reported = await say(telegram, "/belum", user=MEMBER)
    assert "tg://user?id=777777777" in not_reported.html and ANDI not in not_reported.html


async def test_admins_record_a_liaisons_leave_by_reply_or_by_name_and_end_it(bot, telegram, clock):
    await set_up(telegram, clock)
    said = await telegram.send_message(GROUP, OFFICER, "Saya dinas luar sampai Jumat.")
    await telegram.send_message(GROUP, ADMIN, "/cuti sampai 15/11/2024", reply_to=said)
    assert (await telegram.next_message(GROUP.id)).text.startswith(
        "🌴 Andi Polres, penghubung Polri (Polres Kutai Timur), cuti sampai Jumat, "
        "15 November 2024."
    )
    assert (await leaves_on(GROUP.id, date(2024, 11, 13)))[OFFICER.id].last_day == D15

    changed = await say(telegram, "/cuti @andi_polres 5")
    assert changed.text.startswith(
        "🌴 Cuti Andi Polres, penghubung Polri (Polres Kutai Timur), sekarang sampai Minggu, "
        "17 November 2024."
    )
    await telegram.send_message(GROUP, ADMIN, "/cuti Andi Polres selesai", mentions=(OFFICER,))
    assert (await telegram.next_message(GROUP.id)).text == (
        "Andi Polres, penghubung Polri (Polres Kutai Timur), kembali bertugas mulai hari ini."
    )
    assert await leaves_on(GROUP.id, date(2024, 11, 13)) == {}
    assert (await say(telegram, "/cuti selesai", user=OFFICER)).text == (
        "Andi Polres tidak sedang cuti."
    )

    await say(telegram, "/cuti 3", user=OFFICER)
    listing = await say(telegram, "/cuti", user=MEMBER)
    assert listing.text.startswith(
        "Penghubung yang sedang cuti\n"
        "• Andi Polres, Polri (Polres Kutai Timur): sampai Jumat, 15 November 2024\n"
    )
    liaisons = await say(telegram, "/penghubung", user=MEMBER)
    assert "• Andi Polres (Polres Kutai Timur) — cuti sampai Jumat, 15 November 2024" in (
        liaisons.text
    )


async def test_a_stand_in_serves_while_the_leave_runs_and_stops_with_it(bot, telegram, clock):
    await set_up(telegram, clock)
    await say(telegram, "/cuti sampai 15 November", user=OFFICER)
    request = await say(telegram, "/daftar Polri Polsek Sangatta", user=STAND_IN)
    assert (
        "Penghubung Polri lain sedang cuti sampai Jumat, 15 November 2024: admin dapat "
        "menyetujuinya sebagai pengganti sampai tanggal itu." in request.text
    )
    assert [b["text"] for b in request.buttons] == [
        "Setujui",
        "Tolak",
        "Setujui sebagai pengganti sampai Jumat, 15 November 2024",
    ]
    refused = await telegram.press(
        MEMBER,
        request,
        request.button("Setujui sebagai pengganti sampai Jumat, 15 November 2024")["callback_data"],
    )
    assert "Hanya admin" in (await telegram.callback_answer(refused))["text"]
    await telegram.press(
        ADMIN,
        request,
        request.button("Setujui sebagai pengganti sampai Jumat, 15 November 2024")["callback_data"],
    )
    decided = await telegram.next_message(GROUP.id)
    assert decided.text == (
        "✅ Sari Polsek disetujui sebagai pengganti penghubung Polri (Polsek Sangatta) sampai "
        "Jumat, 15 November 2024 oleh Budi."
    )
    record = await liaison_in_group(GROUP.id, STAND_IN.id)
    assert record.stand_in_until == D15 and record.serves_on(D15)

    reminder = await reminder_at(telegram, bot, clock, 14)
    assert 'href="tg://user?id=888888888"' in reminder.html and ANDI not in reminder.html
    listing = (await say(telegram, "/penghubung", user=MEMBER)).text
    assert "• Sari Polsek (Polsek Sangatta) — pengganti sampai Jumat, 15 November 2024" in listing
    form = await type_in(telegram, "/lapor", user=STAND_IN)
    assert form.text.startswith("Laporan harian Polri (Polsek Sangatta)")
    await type_in(telegram, "/batal", user=STAND_IN)

    reminder = await reminder_at(telegram, bot, clock, 16)  # leave over: Andi again, Sari no more
    assert ANDI in reminder.html and "888888888" not in reminder.html
    assert "Sari Polsek" not in (await say(telegram, "/penghubung", user=MEMBER)).text
    assert (await type_in(telegram, "/lapor", user=STAND_IN)).text.startswith(
        "Anda belum terdaftar sebagai penghubung di grup mana pun."
    )
    await telegram.send_message(GROUP, STAND_IN, "/lapor")
    assert "Hanya penghubung yang sudah disetujui" in (await telegram.next_message(GROUP.id)).text


async def test_ending_a_leave_early_ends_its_stand_in_too(bot, telegram, clock):
    await set_up(telegram, clock)
    await say(telegram, "/cuti sampai 15 November", user=OFFICER)
    request = await say(telegram, "/daftar Polri Polsek Sangatta", user=STAND_IN)
    await telegram.press(ADMIN, request, request.buttons[2]["callback_data"])
    await telegram.next_message(GROUP.id)
    clock.now = wib(14, 9)
    ended = await say(telegram, "/cuti selesai", user=OFFICER)
    assert ended.text == (
        "Andi Polres, penghubung Polri (Polres Kutai Timur), kembali bertugas mulai hari ini.\n"
        "Pengganti Sari Polsek tidak lagi bertugas."
    )
    assert not (await liaison_in_group(GROUP.id, STAND_IN.id)).serves_on(date(2024, 11, 14))
    reminder = await reminder_at(telegram, bot, clock, 14)
    assert ANDI in reminder.html and "888888888" not in reminder.html
    assert (await type_in(telegram, "/lapor", user=STAND_IN)).text.startswith("Anda belum")
    assert telegram.unread(STAND_IN.id) == []
