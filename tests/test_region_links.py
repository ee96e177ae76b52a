"""End to end: regions by code or name, /induk, Terima and Tolak, /lepas, and every bad input.

Bad input gets a clear Indonesian answer or is ignored quietly, and nothing
stored changes: each case compares the stored groups and links before and after.
"""

from __future__ import annotations

import pytest

from bot.app import scheduler_of
from bot.scheduling import ticks
from bot.services import links
from bot.services.groups import find_group
from bot.storage.models import Group, GroupLink
from bot.transport.callback_data import LinkDecision, UpperChoice
from tests.support.botapi import Chat, User
from tests.support.chat import days_earlier, say
from tests.support.harness import ADMIN, GROUP, MEMBER
from tests.support.regions import Forum, ask_to_join, join, report, set_up

KALTIM = Forum(
    "KALTIM", Chat(-1002000000064, "Forkopimda Kaltim"), "64", "Provinsi Kalimantan Timur",
    User(710000001, "Polisi Kaltim"), 1,
)  # fmt: skip
KALTIM_DESK = Forum(
    "DESK", Chat(-1002000000164, "Desk Pilkada Kaltim"), "64", "Provinsi Kalimantan Timur",
    User(710000002, "Polisi Desk"), 2,
)  # fmt: skip
KUTIM = Forum("KUTIM", GROUP, "64.08", "Kabupaten Kutai Timur", User(710000003, "Polisi Kutim"), 4)
SAMARINDA = Forum(
    "SAMARINDA", Chat(-1002000006472, "Forkopimda Samarinda"), "64.72", "Kota Samarinda",
    User(710000004, "Polisi Samarinda"), 8,
)  # fmt: skip
SANGATTA = Forum(
    "SANGATTA", Chat(-1002000640804, "Forkopimcam Sangatta Utara"), "64.08.04",
    "Kecamatan Sangatta Utara", User(710000005, "Polisi Sangatta"), 16,
)  # fmt: skip
KALTARA = Forum(
    "KALTARA", Chat(-1002000000065, "Forkopimda Kaltara"), "65", "Provinsi Kalimantan Utara",
    User(710000006, "Polisi Kaltara"), 32,
)  # fmt: skip
NASIONAL = Forum(
    "NASIONAL", Chat(-1002000000001, "Desk Kemendagri"), None, "Nasional",
    User(710000007, "Polisi Pusat"), 64,
)  # fmt: skip


async def said(telegram, text, chat=GROUP, user=ADMIN) -> str:
    return (await say(telegram, text, user=user, chat=chat)).text


async def stored() -> tuple:
    """Everything a link or a region change could touch."""
    groups = (
        await Group.all()
        .order_by("id")
        .values_list("chat_id", "region_name", "region_code", "region_level", "active")
    )
    link_rows = (
        await GroupLink.all()
        .order_by("id")
        .values_list("lower_id", "upper_id", "state", "decided_by", "ended_by")
    )
    return groups, link_rows


@pytest.fixture
def admin(telegram):
    for chat in (GROUP, KALTIM.chat, KALTIM_DESK.chat, SAMARINDA.chat, SANGATTA.chat):
        telegram.set_member_status(chat, ADMIN, "administrator")
    for chat in (KALTARA.chat, NASIONAL.chat):
        telegram.set_member_status(chat, ADMIN, "administrator")
    return ADMIN


# -- /wilayah ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "name", "code", "level"),
    [
        ("64.08", "Kabupaten Kutai Timur", "64.08", "kabupaten/kota"),
        ("6408", "Kabupaten Kutai Timur", "64.08", "kabupaten/kota"),
        ("Kutai Timur", "Kabupaten Kutai Timur", "64.08", "kabupaten/kota"),
        ("kab. kutai timur", "Kabupaten Kutai Timur", "64.08", "kabupaten/kota"),
        ("64", "Provinsi Kalimantan Timur", "64", "provinsi"),
        ("Kota Samarinda", "Kota Samarinda", "64.72", "kabupaten/kota"),
        ("64.08.04", "Kecamatan Sangatta Utara", "64.08.04", "kecamatan"),
        ("Kecamatan Sangatta Utara", "Kecamatan Sangatta Utara", "64.08.04", "kecamatan"),
        ("640804", "Kecamatan Sangatta Utara", "64.08.04", "kecamatan"),
    ],
)
async def test_wilayah_takes_a_code_or_a_name(bot, telegram, admin, typed, name, code, level):
    reply = await said(telegram, f"/wilayah {typed}")
    assert reply.startswith(f"Wilayah grup ini sekarang: {name} (kode {code}, tingkat {level})."), (
        reply
    )
    group = await find_group(GROUP.id)
    assert (group.region_name, group.region_code) == (name, code)
    assert f"Wilayah: {name} (kode {code}, tingkat {level})" in await said(
        telegram, "/pengaturan", user=MEMBER
    )


async def test_a_shared_name_gets_buttons_and_only_an_admin_picks(bot, telegram, admin):
    choice = await say(telegram, "/wilayah Kutai")
    assert choice.text == "Nama «Kutai» cocok dengan beberapa wilayah. Pilih wilayah grup ini:"
    labels = [button["text"] for button in choice.buttons]
    assert labels == [
        "Kabupaten Kutai Kartanegara (64.02)",
        "Kabupaten Kutai Barat (64.07)",
        "Kabupaten Kutai Timur (64.08)",
    ]
    data = choice.button("Kabupaten Kutai Timur (64.08)")["callback_data"]
    refused = await telegram.press(MEMBER, choice, data)
    assert (await telegram.callback_answer(refused))["text"] == (
        "Hanya admin grup yang dapat mengatur wilayah."
    )
    assert await find_group(GROUP.id) is None
    await telegram.press(ADMIN, choice, data)
    chosen = await telegram.next_message(GROUP.id)
    assert chosen.text.startswith("Wilayah grup ini sekarang: Kabupaten Kutai Timur (kode 64.08")
    assert (await find_group(GROUP.id)).region_code == "64.08"


async def test_a_districts_name_shared_across_regencies_names_each_regency(bot, telegram, admin):
    choice = await say(telegram, "/wilayah Kota Baru")
    assert "Kecamatan Kota Baru, Kota Jambi (15.71.07)" in [b["text"] for b in choice.buttons]


async def test_a_name_typed_before_codes_existed_is_kept_until_a_code_is_given(
    bot, telegram, admin
):
    await said(telegram, "/mulai")
    await Group.filter(chat_id=GROUP.id).update(region_name="Kab. Kutim (lama)")
    settings = await said(telegram, "/pengaturan", user=MEMBER)
    assert "Wilayah: Kab. Kutim (lama) (kode wilayah belum diatur, contoh: /wilayah 64.08)" in (
        settings
    )
    assert "Kab. Kutim (lama)" in await said(telegram, "/ringkasan", user=MEMBER)
    assert "Atur dulu wilayah grup ini dengan kode resmi" in await said(telegram, "/induk")
    await said(telegram, "/wilayah 64.08")
    assert (await find_group(GROUP.id)).region_name == "Kabupaten Kutai Timur"


async def test_a_national_group_has_a_level_and_no_code(bot, telegram, admin):
    reply = await said(telegram, "/wilayah nasional Desk Pilkada Kemendagri", chat=NASIONAL.chat)
    assert reply == "Wilayah grup ini sekarang: Desk Pilkada Kemendagri (tingkat nasional)."
    group = await find_group(NASIONAL.chat.id)
    assert (group.region_code, group.region_level.value) == (None, "nasional")
    assert await said(telegram, "/induk", chat=NASIONAL.chat) == (
        "Grup tingkat nasional tidak memiliki grup di atasnya."
    )


# -- /induk, Terima, Tolak, /lepas ------------------------------------------------------------


async def test_induk_lists_the_groups_above_and_the_upper_group_accepts(bot, telegram, admin):
    for forum in (KALTIM, KALTIM_DESK, KUTIM, KALTARA):
        await set_up(telegram, forum)
    listing = await say(telegram, "/induk")
    assert listing.text == "Pilih grup provinsi yang akan diminta menerima grup ini:"
    assert [b["text"] for b in listing.buttons] == [
        "Provinsi Kalimantan Timur (64)",
        "Provinsi Kalimantan Timur (64)",
    ]  # two registered groups of the province; not Kaltara's
    await telegram.press(ADMIN, listing, listing.buttons[0]["callback_data"])
    request = await telegram.next_message(KALTIM.chat.id)
    sent = await telegram.next_message(GROUP.id)
    sent = sent if sent.text.startswith("📨") else await telegram.next_message(GROUP.id)
    assert sent.text == (
        "📨 Permintaan bergabung ke Provinsi Kalimantan Timur (64) sudah dikirim. Menunggu "
        "jawaban admin grup tersebut. Batalkan dengan /lepas."
    )
    assert request.text == (
        "📨 Permintaan bergabung\nKabupaten Kutai Timur (64.08) meminta bergabung di bawah "
        "grup ini (diajukan oleh Budi).\nJika diterima, grup ini dapat melihat laporan harian "
        "Kabupaten Kutai Timur (64.08) dan grup di bawahnya. Admin grup, silakan terima atau "
        "tolak."
    )
    accept = request.button("Terima")["callback_data"]
    refused = await telegram.press(MEMBER, request, accept)
    assert (await telegram.callback_answer(refused))["text"] == (
        "Hanya admin grup yang dapat menerima atau menolak permintaan bergabung."
    )
    assert (await links.link_up(GROUP.id)).requested
    await telegram.press(ADMIN, request, accept)
    accepted = await telegram.next_message(KALTIM.chat.id)
    assert accepted.text == (
        "✅ Kabupaten Kutai Timur (64.08) sekarang berada di bawah grup ini (diterima oleh "
        "Budi). Laporannya tampil di Rekap wilayah pada /ringkasan."
    )
    assert accepted.reply_markup is None or not accepted.buttons
    told = await telegram.next_message(GROUP.id)
    assert told.text.startswith(
        "✅ Permintaan diterima: grup ini sekarang berada di bawah Provinsi Kalimantan Timur (64)."
    )
    again = await telegram.press(ADMIN, request, accept)
    assert (await telegram.callback_answer(again))["text"] == (
        "Permintaan ini sudah dijawab atau dibatalkan."
    )
    settings = await said(telegram, "/pengaturan", chat=KALTIM.chat, user=MEMBER)
    assert "Grup di bawahnya: 1" in settings
    assert "Grup induk: Provinsi Kalimantan Timur (64)" in await said(
        telegram, "/pengaturan", user=MEMBER
    )


async def test_tolak_tells_both_groups_and_links_nothing(bot, telegram, admin):
    for forum in (KALTIM, KUTIM):
        await set_up(telegram, forum)
    _, request = await ask_to_join(telegram, KUTIM, KALTIM)
    accept = request.button("Terima")["callback_data"]
    await telegram.press(ADMIN, request, request.button("Tolak")["callback_data"])
    assert (await telegram.next_message(KALTIM.chat.id)).text == (
        "❌ Permintaan bergabung dari Kabupaten Kutai Timur (64.08) ditolak oleh Budi."
    )
    assert (await telegram.next_message(GROUP.id)).text == (
        "❌ Permintaan bergabung ke Provinsi Kalimantan Timur (64) ditolak oleh admin grup "
        "tersebut."
    )
    assert await links.link_up(GROUP.id) is None
    late = await telegram.press(ADMIN, request, accept)
    assert (await telegram.callback_answer(late))["text"] == (
        "Permintaan ini sudah dijawab atau dibatalkan."
    )
    assert await links.link_up(GROUP.id) is None
    assert "Rekap wilayah" not in await said(telegram, "/ringkasan", chat=KALTIM.chat)


async def test_lepas_from_either_side_and_a_withdrawn_request(bot, telegram, admin):
    for forum in (KALTIM, KUTIM, SAMARINDA, SANGATTA):
        await set_up(telegram, forum)
    await join(telegram, KUTIM, KALTIM)
    await join(telegram, SAMARINDA, KALTIM)
    _, request = await ask_to_join(telegram, SANGATTA, KUTIM)

    # The kecamatan withdraws its waiting request: the buttons above go.
    assert await said(telegram, "/lepas", chat=SANGATTA.chat) == (
        "Permintaan bergabung ke Kabupaten Kutai Timur (64.08) dibatalkan."
    )
    withdrawn = await telegram.next_message(GROUP.id)
    assert withdrawn.message_id == request.message_id and not withdrawn.buttons
    assert withdrawn.text == (
        "Permintaan bergabung dari Kecamatan Sangatta Utara (64.08.04) dibatalkan oleh grup "
        "tersebut."
    )

    # The province has two below: /lepas offers them; an admin picks Samarinda.
    chooser = await say(telegram, "/lepas", chat=KALTIM.chat)
    assert [b["text"] for b in chooser.buttons] == [
        "Di bawah: Kabupaten Kutai Timur",
        "Di bawah: Kota Samarinda",
    ]
    await telegram.press(
        ADMIN, chooser, chooser.button("Di bawah: Kota Samarinda")["callback_data"]
    )
    ended = await telegram.next_message(KALTIM.chat.id)
    assert ended.text.startswith("🔌 Kota Samarinda (64.72) tidak lagi berada di bawah grup ini.")
    assert (await telegram.next_message(SAMARINDA.chat.id)).text.startswith(
        "🔌 Provinsi Kalimantan Timur (64) memutus hubungan dengan grup ini (oleh Budi)."
    )
    # By name, from the upper side.
    assert (await said(telegram, "/lepas Kutai Timur", chat=KALTIM.chat)).startswith(
        "🔌 Kabupaten Kutai Timur (64.08) tidak lagi berada di bawah grup ini."
    )
    await telegram.next_message(GROUP.id)
    assert await said(telegram, "/lepas", chat=KALTIM.chat) == (
        "Grup ini tidak terhubung dengan grup lain."
    )
    assert await links.links_down(KALTIM.chat.id) == []


async def test_a_linked_group_keeps_its_region_until_it_leaves(bot, telegram, admin):
    for forum in (KALTIM, KUTIM):
        await set_up(telegram, forum)
    await join(telegram, KUTIM, KALTIM)
    before = await stored()
    assert (await said(telegram, "/wilayah 64.72")).startswith(
        "Wilayah grup ini tidak dapat diganti selama grup ini terhubung dengan grup lain"
    )
    assert await stored() == before
    assert (await said(telegram, "/wilayah 64.08")).startswith("Wilayah grup ini sekarang")


# -- the rollup in the summaries ---------------------------------------------------------------


async def test_the_province_summary_carries_the_rollup_and_a_region_reads_as_its_own(
    bot, telegram, admin, clock
):
    with days_earlier(clock):
        for forum in (KALTIM, KUTIM, SAMARINDA, SANGATTA):
            await set_up(telegram, forum)
        await join(telegram, KUTIM, KALTIM)
        await join(telegram, SAMARINDA, KALTIM)
        await join(telegram, SANGATTA, KUTIM)
    await report(telegram, KUTIM, situation="Waspada", incidents=2)
    await report(telegram, SANGATTA, situation="Rawan", incidents=3)
    summary = await said(telegram, "/ringkasan", chat=KALTIM.chat, user=MEMBER)
    own, rollup = summary.split("\n\nRekap wilayah")
    assert own.startswith("Ringkasan harian Posko Forkopimda\nProvinsi Kalimantan Timur\n")
    assert "Belum ada instansi yang melapor." in own
    assert rollup.splitlines() == [
        " · 2 wilayah di bawah grup ini",
        "• Kabupaten Kutai Timur: 🔴 Rawan · 2 dari 2 instansi · 2 grup · "
        "Personel yang dikerahkan: 20 · Kejadian menonjol: 5",
        "• Kota Samarinda: belum ada laporan (0 dari 1 instansi)",
        "Total: 🔴 Rawan · 2 dari 3 instansi · 3 grup · "
        "Personel yang dikerahkan: 20 · Kejadian menonjol: 5",
    ]
    regency = await said(telegram, "/ringkasan 64.08", chat=KALTIM.chat, user=MEMBER)
    assert regency == await said(telegram, "/ringkasan", user=MEMBER)  # as Kutai Timur sees it
    assert "Catatan rahasia KUTIM" in regency and "• Kecamatan Sangatta Utara: 🔴 Rawan" in regency
    assert await said(telegram, "/ringkasan Kutai Timur kemarin", chat=KALTIM.chat) == await said(
        telegram, "/ringkasan kemarin"
    )
    # /jadwal: the summary with the rollup waits for the level below.
    listing = await said(telegram, "/jadwal", chat=KALTIM.chat)
    assert "• ringkasan 19.00" in listing
    assert "• ringkasan 18.00" in await said(telegram, "/jadwal")
    assert "• ringkasan 17.00" in await said(telegram, "/jadwal", chat=SANGATTA.chat)
    scheduler = scheduler_of(bot)
    clock.set(2024, 11, 13, 10, 0)  # 17.00 WIB
    await scheduler.tick()
    assert not [m for m in telegram.unread(KALTIM.chat.id) if "Ringkasan" in m.text]
    clock.set(2024, 11, 13, 12, 0)  # 19.00 WIB
    await scheduler.tick()
    posted = [m.text for m in telegram.unread(KALTIM.chat.id) if "Ringkasan" in m.text]
    assert len(posted) == 1 and "Rekap wilayah · 2 wilayah" in posted[0]
    assert "• Kabupaten Kutai Timur: 🔴 Rawan" in posted[0]


async def test_a_region_named_from_above_with_a_shared_name_gets_buttons(
    bot, telegram, admin, clock
):
    kubar = Forum(
        "KUBAR", Chat(-1002000006407, "Forkopimda Kubar"), "64.07", "Kabupaten Kutai Barat",
        User(710000008, "Polisi Kubar"), 128,
    )  # fmt: skip
    for forum in (KALTIM, KUTIM, kubar):
        await set_up(telegram, forum)
    await join(telegram, KUTIM, KALTIM)
    await join(telegram, kubar, KALTIM)
    choice = await say(telegram, "/ringkasan Kutai", chat=KALTIM.chat, user=MEMBER)
    assert choice.text == "Nama «Kutai» cocok dengan beberapa wilayah di bawah grup ini. Pilih:"
    assert [b["text"] for b in choice.buttons] == [
        "Kabupaten Kutai Barat (64.07)",
        "Kabupaten Kutai Timur (64.08)",
    ]  # Kutai Kartanegara has no group linked here
    await telegram.press(
        MEMBER, choice, choice.button("Kabupaten Kutai Barat (64.07)")["callback_data"]
    )
    shown = await telegram.next_message(KALTIM.chat.id)
    assert shown.text.startswith("Ringkasan harian Posko Forkopimda\nKabupaten Kutai Barat\n")


# -- bad input: a clear answer or quiet, and nothing stored changes --------------------------------


BAD_WILAYAH = [
    ("/wilayah 64.99", "Kode wilayah «64.99» tidak ada dalam data wilayah Kemendagri."),
    ("/wilayah 99", "Kode wilayah «99» tidak ada dalam data wilayah Kemendagri."),
    ("/wilayah 6.408", "Kode wilayah «6.408» tidak sesuai bentuk kode Kemendagri."),
    ("/wilayah 64 08", "Kode wilayah «64 08» tidak sesuai bentuk kode Kemendagri."),
    ("/wilayah 64..08", "Kode wilayah «64..08» tidak sesuai bentuk kode Kemendagri."),
    ("/wilayah 640801200", "Kode wilayah «640801200» tidak sesuai bentuk kode Kemendagri."),
    ("/wilayah 64.08.04.2001", "«64.08.04.2001» adalah kode desa/kelurahan."),
    ("/wilayah 6408042001", "«6408042001» adalah kode desa/kelurahan."),
    ("/wilayah Kutai Tengah", "Wilayah «Kutai Tengah» tidak ditemukan dalam data wilayah"),
    ("/wilayah Sungai", "Nama «Sungai» cocok dengan 59 wilayah."),
]


@pytest.mark.parametrize(("typed", "expected"), BAD_WILAYAH, ids=[t for t, _ in BAD_WILAYAH])
async def test_bad_region_input_is_explained_and_nothing_changes(
    bot, telegram, admin, typed, expected
):
    await said(telegram, "/wilayah 64.08")
    before = await stored()
    reply = await said(telegram, typed)
    assert reply.startswith(expected), reply
    assert "Contoh: /wilayah 64.08" in reply
    assert await stored() == before


async def test_bad_link_requests_are_explained_and_nothing_changes(bot, telegram, admin):
    for forum in (KALTIM, KALTIM_DESK, KUTIM, SAMARINDA, SANGATTA, KALTARA):
        await set_up(telegram, forum)
    before = await stored()
    cases = [
        (
            GROUP,
            "/induk 65",
            "Provinsi Kalimantan Utara (65) bukan wilayah tepat di atas Kabupaten Kutai Timur. "
            "Grup ini hanya dapat bergabung dengan grup Provinsi Kalimantan Timur (64).",
        ),
        (GROUP, "/induk 64.72", "Kota Samarinda (64.72) bukan wilayah tepat di atas"),
        (GROUP, "/induk 64.08.04", "Kecamatan Sangatta Utara, Kabupaten Kutai Timur (64.08.04)"),
        (GROUP, "/induk 6.4", "Kode wilayah «6.4» tidak sesuai bentuk kode Kemendagri."),
        (GROUP, "/induk Kutai Tengah", "Wilayah «Kutai Tengah» tidak ditemukan"),
        (
            SANGATTA.chat,
            "/induk 64.02",
            "Kabupaten Kutai Kartanegara (64.02) bukan wilayah tepat di atas",
        ),
        (
            KALTIM.chat,
            "/induk",
            "Belum ada grup tingkat nasional yang terdaftar. Grup itu perlu menambahkan bot",
        ),
        (KALTIM.chat, "/induk 64.08", "Grup provinsi bergabung dengan grup tingkat nasional"),
        (
            SAMARINDA.chat,
            "/lepas",
            "Grup ini tidak terhubung dengan grup lain.",
        ),
    ]
    for chat, typed, expected in cases:
        reply = await said(telegram, typed, chat=chat)
        assert reply.startswith(expected) or expected in reply, (typed, reply)
        assert await stored() == before, typed
    # Not an admin: refused, in either group.
    for chat, typed in ((GROUP, "/induk 64"), (KALTIM.chat, "/lepas"), (GROUP, "/wilayah 64.72")):
        assert await said(telegram, typed, chat=chat, user=MEMBER) == (
            "Mohon maaf, pengaturan grup hanya dapat diubah oleh admin grup."
        )
    assert await stored() == before
    # A region with no registered group: said so.
    await Group.filter(region_code="64").update(active=False)
    before = await stored()
    assert (await said(telegram, "/induk 64")).startswith(
        "Belum ada grup terdaftar untuk Provinsi Kalimantan Timur (64). Admin grup itu perlu"
    )
    assert await stored() == before


async def test_a_second_group_above_a_waiting_request_and_a_cycle_are_refused(bot, telegram, admin):
    for forum in (NASIONAL, KALTIM, KUTIM):
        await set_up(telegram, forum)
    await join(telegram, KUTIM, KALTIM)
    await join(telegram, KALTIM, NASIONAL)
    await set_up(telegram, KALTIM_DESK)  # a second group of the province
    before = await stored()
    assert (await said(telegram, "/induk 64")).startswith(
        "Grup ini sudah berada di bawah Provinsi Kalimantan Timur (64). Sebuah grup hanya dapat "
        "memiliki satu grup induk"
    )
    # A forged /induk button to the desk group of the same province: the same answer.
    anchor = await say(telegram, "/hitungmundur")
    await telegram.press(ADMIN, anchor, UpperChoice(KALTIM_DESK.chat.id).pack())
    assert (await telegram.next_message(GROUP.id)).text.startswith("Grup ini sudah berada di bawah")
    # The national group, by a forged button, asks to join anyone: nothing is above it.
    anchor = await say(telegram, "/hitungmundur", chat=NASIONAL.chat)
    await telegram.press(ADMIN, anchor, UpperChoice(GROUP.id).pack())
    assert (await telegram.next_message(NASIONAL.chat.id)).text == (
        "Grup tingkat nasional tidak memiliki grup di atasnya."
    )
    # The province, free of its group above, asks by a forged button to join the
    # regency below it: a cycle.
    assert (await said(telegram, "/lepas nasional", chat=KALTIM.chat)).startswith(
        "🔌 Grup ini tidak lagi berada di bawah Nasional."
    )
    await telegram.next_message(NASIONAL.chat.id)
    assert await stored() != before
    before = await stored()
    anchor = await say(telegram, "/hitungmundur", chat=KALTIM.chat)
    await telegram.press(ADMIN, anchor, UpperChoice(GROUP.id).pack())
    cycle = await telegram.next_message(KALTIM.chat.id)
    assert cycle.text == (
        "Kabupaten Kutai Timur (64.08) berada di bawah grup ini, sehingga tidak dapat menjadi "
        "grup induknya."
    )
    assert await stored() == before
    # A request still waiting: one at a time.
    await said(telegram, "/lepas 64")
    await telegram.next_message(KALTIM.chat.id)
    listing = await say(telegram, "/induk 64")  # two groups of the province now: a choice
    await telegram.press(ADMIN, listing, listing.buttons[0]["callback_data"])
    await telegram.next_message(KALTIM.chat.id)  # the request
    await telegram.next_message(GROUP.id)  # the list, its buttons gone
    assert (await telegram.next_message(GROUP.id)).text.startswith("📨 Permintaan bergabung")
    assert (await said(telegram, "/induk 64")).startswith(
        "Permintaan bergabung ke Provinsi Kalimantan Timur (64) masih menunggu jawaban"
    )
    # A forged decision on that request, tapped in the lower group itself: refused.
    waiting = await links.link_up(GROUP.id)
    anchor = await say(telegram, "/hitungmundur")
    query = await telegram.press(ADMIN, anchor, LinkDecision(waiting.id, accept=True).pack())
    assert (await telegram.callback_answer(query))["text"] == (
        "Permintaan ini sudah dijawab atau dibatalkan."
    )
    assert (await links.link_up(GROUP.id)).requested


async def test_a_group_above_that_removed_the_bot(bot, telegram, admin):
    for forum in (KALTIM, KUTIM):
        await set_up(telegram, forum)
    # Telegram never told the bot: the request's send fails, and nothing is stored.
    telegram.bot_status[KALTIM.chat.id] = "kicked"
    before = await stored()
    assert await said(telegram, "/induk 64") == (
        "Bot tidak lagi ada di grup Provinsi Kalimantan Timur (64), sehingga permintaan tidak "
        "dapat dikirim."
    )
    assert await links.link_up(GROUP.id) is None
    assert (await stored())[1] == before[1]  # no link row
    assert not (await find_group(KALTIM.chat.id)).active  # the group is marked gone
    # Asked again: no group of the province is there any more.
    assert (await said(telegram, "/induk")).startswith(
        "Belum ada grup terdaftar untuk Provinsi Kalimantan Timur (64)."
    )


async def test_summaries_due_together_go_out_regencies_first(
    bot, telegram, admin, clock, monkeypatch
):
    # One send at a time, as when thousands are due together and every slot is taken.
    monkeypatch.setattr(ticks, "CONCURRENT_SENDS", 1)
    with days_earlier(clock):
        for forum in (KALTIM, KUTIM, SAMARINDA):
            await set_up(telegram, forum)
        await join(telegram, KUTIM, KALTIM)
        await join(telegram, SAMARINDA, KALTIM)
        await say(telegram, "/jadwal ringkasan 17:00", chat=KALTIM.chat)  # as early as theirs
    for forum in (KALTIM, KUTIM, SAMARINDA):
        while telegram.unread(forum.chat.id):
            await telegram.next_message(forum.chat.id)
    sent_before = len(telegram.calls_of("sendMessage"))
    clock.set(2024, 11, 13, 10, 0)  # 17.00 WIB
    await scheduler_of(bot).tick()
    summaries = [
        int(call["chat_id"])
        for call in telegram.calls_of("sendMessage")[sent_before:]
        if str(call["text"]).startswith("<b>Ringkasan harian")
    ]
    assert sorted(summaries[:2]) == sorted([GROUP.id, SAMARINDA.chat.id])
    assert summaries[2:] == [KALTIM.chat.id]  # the rollup last, with both regions in it
