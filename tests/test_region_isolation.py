"""No group sees another's data unless an approved link says so, checked at every read.

Two provinces under a national group, two regencies each, a kecamatan under
one regency; one more regency whose request was rejected and one whose
request is still waiting. Every group's Polri liaison reports a head count
that is a distinct power of two (so any sum shows exactly whose figures it
holds) and a note tagged with the group's name (so a foreign note anywhere is
a leak). Then every group asks for everything it could: its summary, every
other region's summary by code and by name, forged buttons, other groups'
report links, and the scheduled summaries; and again after a link ends and
after a group removes the bot.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from bot.app import scheduler_of
from bot.services import links
from bot.transport.callback_data import LinkDecision, LinkEnd, RegionView
from bot.transport.deep_links import report_payload
from tests.support.botapi import Chat, User
from tests.support.chat import days_earlier, private, say
from tests.support.harness import ADMIN, MEMBER
from tests.support.regions import Forum, ask_to_join, join, report, set_up

pytestmark = pytest.mark.timeout(240)

TODAY = date(2024, 11, 13)


def forum(tag: str, chat_id: int, code: str | None, name: str, bit: int) -> Forum:
    return Forum(
        tag,
        Chat(chat_id, f"Forkopimda {name}"),
        code,
        name,
        User(700_000_000 + bit, f"Polisi {tag}"),
        2**bit,
    )


NASIONAL = forum("NASIONAL", -1001000000001, None, "Nasional", 0)
KALTIM = forum("KALTIM", -1001000000064, "64", "Provinsi Kalimantan Timur", 1)
KUTIM = forum("KUTIM", -1001000006408, "64.08", "Kabupaten Kutai Timur", 2)
SANGATTA = forum("SANGATTA", -1001000640804, "64.08.04", "Kecamatan Sangatta Utara", 3)
SAMARINDA = forum("SAMARINDA", -1001000006472, "64.72", "Kota Samarinda", 4)
BONTANG = forum("BONTANG", -1001000006474, "64.74", "Kota Bontang", 5)  # rejected
BALIKPAPAN = forum("BALIKPAPAN", -1001000006471, "64.71", "Kota Balikpapan", 6)  # waiting
KALTARA = forum("KALTARA", -1001000000065, "65", "Provinsi Kalimantan Utara", 7)
BULUNGAN = forum("BULUNGAN", -1001000006501, "65.01", "Kabupaten Bulungan", 8)
TARAKAN = forum("TARAKAN", -1001000006571, "65.71", "Kota Tarakan", 9)
ALL = (NASIONAL, KALTIM, KUTIM, SANGATTA, SAMARINDA, BONTANG, BALIKPAPAN, KALTARA, BULUNGAN)
ALL += (TARAKAN,)
LINKS = (
    (KALTIM, NASIONAL),
    (KALTARA, NASIONAL),
    (KUTIM, KALTIM),
    (SAMARINDA, KALTIM),
    (SANGATTA, KUTIM),
    (BULUNGAN, KALTARA),
    (TARAKAN, KALTARA),
)


def below(upper: Forum, links_now=LINKS) -> set[Forum]:
    """Every forum linked below ``upper``, all the way down."""
    found: set[Forum] = set()
    for lower, parent in links_now:
        if parent == upper:
            found |= {lower} | below(lower, links_now)
    return found


def notes_in(text: str) -> set[str]:
    return set(re.findall(r"Catatan rahasia ([A-Z]+)", text))


@pytest.fixture
async def forums(bot, telegram, clock):
    with days_earlier(clock):
        for each in ALL:
            await set_up(telegram, each)
        for lower, upper in LINKS:
            await join(telegram, lower, upper)
        _, request = await ask_to_join(telegram, BONTANG, KALTIM)
        await telegram.press(ADMIN, request, request.button("Tolak")["callback_data"])
        await telegram.next_message(KALTIM.chat.id)
        refused = await telegram.next_message(BONTANG.chat.id)
        assert refused.text.startswith("❌ Permintaan bergabung ke Provinsi Kalimantan Timur")
        _, waiting = await ask_to_join(telegram, BALIKPAPAN, KALTIM)
    for each in ALL:
        await report(telegram, each, situation="Rawan" if each is SANGATTA else "Aman")
    return waiting


async def summary_of(telegram, viewer: Forum, argument: str = "") -> str:
    """Everything the bot answers to /ringkasan [argument] in the viewer's group."""
    await telegram.send_message(viewer.chat, MEMBER, f"/ringkasan {argument}".strip())
    first = await telegram.next_message(viewer.chat.id)
    parts = [first.text]
    while telegram.unread(viewer.chat.id):
        parts.append((await telegram.next_message(viewer.chat.id)).text)
    return "\n".join(parts)


async def check_everyone(telegram, links_now, gone=()) -> None:
    """Every group's summary and every region it names: exactly what the links allow."""
    for viewer in ALL:
        if viewer in gone:
            continue
        visible = below(viewer, links_now)
        own = await summary_of(telegram, viewer)
        assert notes_in(own) == {viewer.tag}, (viewer.tag, own)
        direct = {lower for lower, upper in links_now if upper == viewer}
        for other in ALL:
            if other is viewer:
                continue
            named = f"• {other.name}:" in own
            assert named == (other in direct), (viewer.tag, other.tag, own)
        for other in ALL:
            if other is viewer or other.code is None:
                continue
            for argument in (other.code, other.name):
                shown = await summary_of(telegram, viewer, argument)
                if other in visible and other not in gone:
                    assert other.tag in notes_in(shown), (viewer.tag, argument, shown)
                    assert notes_in(shown) == {other.tag}, (viewer.tag, argument, shown)
                else:
                    assert notes_in(shown) == set(), (viewer.tag, argument, shown)
                    assert "tidak terhubung di bawah grup ini" in shown, (viewer.tag, shown)


def rollup_line(text: str, name: str) -> str:
    return next(line for line in text.splitlines() if line.startswith(f"• {name}:"))


async def test_nobody_sees_what_no_link_allows(forums, bot, telegram, clock):
    waiting = forums
    await check_everyone(telegram, LINKS)

    # The figures each rollup combines are exactly those of the regions below it.
    national = await summary_of(telegram, NASIONAL)
    kaltim_line = rollup_line(national, "Provinsi Kalimantan Timur")
    assert (
        "Personel yang dikerahkan: 30 ·" in kaltim_line
    )  # 2 + 4 + 8 + 16: Balikpapan and Bontang not in
    assert "🔴 Rawan" in kaltim_line and "4 dari 4 instansi · 4 grup" in kaltim_line
    assert "Personel yang dikerahkan: 896 ·" in rollup_line(national, "Provinsi Kalimantan Utara")
    assert "<b>Total:</b>" not in national and "Total: 🔴 Rawan" in national
    assert "Personel yang dikerahkan: 926" in national.split("Total:")[1]
    kaltim = await summary_of(telegram, KALTIM)
    lines = [line for line in kaltim.splitlines() if line.startswith("• ")]
    assert lines[0].startswith("• Kabupaten Kutai Timur: 🔴 Rawan")  # worst first
    assert (
        "Personel yang dikerahkan: 12 ·" in lines[0]
        and "Personel yang dikerahkan: 16 ·" in lines[1]
    )

    # Forged and replayed buttons: a region view from a group it is not below, the
    # request still waiting answered from the wrong side, another pair's link ended.
    anchor = await say(telegram, "/hitungmundur", chat=SAMARINDA.chat)
    for data in (
        RegionView("64.08", TODAY).pack(),
        RegionView("64.08.04", TODAY).pack(),
        RegionView("65.01", TODAY).pack(),
    ):
        await telegram.press(MEMBER, anchor, data)
        answer = await telegram.next_message(SAMARINDA.chat.id)
        assert notes_in(answer.text) == set() and "tidak terhubung" in answer.text
    kutim_link = await links.link_up(KUTIM.chat.id)
    waiting_link = await links.link_up(BALIKPAPAN.chat.id)
    for chat, data in (
        (BALIKPAPAN.chat, LinkDecision(waiting_link.id, accept=True).pack()),
        (KALTARA.chat, LinkDecision(waiting_link.id, accept=True).pack()),
        (BULUNGAN.chat, LinkEnd(kutim_link.id).pack()),
        (SANGATTA.chat, LinkEnd(kutim_link.id).pack()),
    ):
        telegram.set_member_status(chat, ADMIN, "administrator")
        message = await say(telegram, "/hitungmundur", chat=chat)
        query = await telegram.press(ADMIN, message, data)
        answered = await telegram.callback_answer(query)
        assert answered.get("text") in (
            "Permintaan ini sudah dijawab atau dibatalkan.",
            "Hubungan itu sudah diputus.",
        ), answered
    assert (await links.link_up(BALIKPAPAN.chat.id)).requested
    assert (await links.link_up(KUTIM.chat.id)).approved
    assert waiting.button("Terima")  # the real request is still there to answer
    region_tap = await telegram.press(MEMBER, anchor, RegionView("64.72", TODAY).pack())
    own_region = await telegram.next_message(SAMARINDA.chat.id)
    assert (await telegram.callback_answer(region_tap)).get("text") is None
    assert "tidak terhubung" in own_region.text  # a group is not "below" itself
    in_private = await say(telegram, "/bantuan", user=MEMBER, chat=private(MEMBER))
    query = await telegram.press(MEMBER, in_private, RegionView("64.08", TODAY).pack())
    answered = await telegram.callback_answer(query)
    assert answered.get("text") == "Tombol ini sudah tidak berlaku."
    assert telegram.unread(MEMBER.id) == []

    # Report links: a liaison opening another group's form gets nothing of it.
    for liaison_of, target in ((SANGATTA, KUTIM), (KUTIM, KALTIM), (BULUNGAN, SANGATTA)):
        payload = report_payload(target.chat.id)
        reply = await say(
            telegram,
            f"/start {payload}",
            user=liaison_of.liaison,
            chat=private(liaison_of.liaison),
        )
        assert "bukan penghubung yang disetujui di grup itu" in reply.text
        assert notes_in(reply.text) == set()

    # The scheduled summaries: each group's post holds only what its links allow,
    # and every link a post carries opens its own group's form.
    scheduler = scheduler_of(bot)
    for hour in (10, 11, 12, 13):  # 17.00 to 20.00 WIB: leaves first, the national group last
        clock.set(2024, 11, 13, hour, 0)
        await scheduler.tick()
    for each in ALL:
        posts = list(telegram.unread(each.chat.id))
        summaries = [m.text for m in posts if m.text.startswith("Ringkasan harian")]
        assert len(summaries) == 1, (each.tag, [m.text[:40] for m in posts])
        assert notes_in("\n".join(m.text for m in posts)) == {each.tag}
        for message in posts:
            for button in message.buttons:
                if "url" in button:
                    assert button["url"].endswith(report_payload(each.chat.id))
        while telegram.unread(each.chat.id):
            await telegram.next_message(each.chat.id)

    # Kutai Timur leaves its province: at once nothing of it, nor of its kecamatan,
    # reaches the province or the national group; an old region button shows nothing.
    ended = await say(telegram, "/lepas 64", chat=KUTIM.chat)
    assert ended.text.startswith("🔌 Grup ini tidak lagi berada di bawah Provinsi Kalimantan Timur")
    told = await telegram.next_message(KALTIM.chat.id)
    assert told.text.startswith("🔌 Kabupaten Kutai Timur (64.08) memutus hubungan")
    after = tuple(pair for pair in LINKS if pair != (KUTIM, KALTIM))
    await check_everyone(telegram, after)
    national = await summary_of(telegram, NASIONAL)
    assert "Personel yang dikerahkan: 18 ·" in rollup_line(national, "Provinsi Kalimantan Timur")
    anchor = await say(telegram, "/hitungmundur", chat=KALTIM.chat)
    await telegram.press(MEMBER, anchor, RegionView("64.08", TODAY).pack())
    assert "tidak terhubung" in (await telegram.next_message(KALTIM.chat.id)).text

    # Kalimantan Utara removes the bot: its name stays on the national line, nothing
    # of it or of its regencies is read, and its regencies keep their own views.
    await telegram.change_bot_membership(KALTARA.chat, ADMIN, "member", "kicked")
    await say(telegram, "/hitungmundur", chat=NASIONAL.chat)  # the removal is handled first
    national = await summary_of(telegram, NASIONAL)
    assert "• Provinsi Kalimantan Utara: bot tidak lagi ada di grup wilayah ini" in national
    assert notes_in(national) == {"NASIONAL"}
    total = national.split("Total:")[1]
    assert "2 dari 2 instansi · 2 grup" in rollup_line(national, "Provinsi Kalimantan Timur")
    assert (
        "Personel yang dikerahkan: 18" in total and "2 dari 2 instansi" in total
    )  # none of Kaltara's
    gone_below = tuple(pair for pair in after if pair[1] is not KALTARA)
    await check_everyone(telegram, gone_below, gone=(KALTARA,))
