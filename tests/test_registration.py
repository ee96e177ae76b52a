"""End to end: liaisons register, admins approve, the group sees who reports for whom."""

from __future__ import annotations

import pytest

from bot.domain.agencies import Agency, registration_of
from bot.services.liaisons import approved_liaisons, liaison_in_group
from bot.storage.models import LiaisonStatus
from tests.support.chat import OFFICER, approve, say
from tests.support.harness import ADMIN, GROUP, MEMBER


@pytest.fixture
def admin(telegram):
    telegram.set_member_status(GROUP, ADMIN, "administrator")
    return ADMIN


async def test_keyboard_request_and_admin_approval(bot, telegram, admin):
    keyboard = await say(telegram, "/daftar", user=OFFICER)
    assert keyboard.text == "Andi Polres, pilih instansi Anda:"
    assert [b["text"] for b in keyboard.buttons] == [
        "Pemda",
        "TNI",
        "Polri",
        "KPU",
        "Bawaslu",
        "Kejaksaan",
        "DPRD",
    ]

    await telegram.press(OFFICER, keyboard, keyboard.button("Polri")["callback_data"])
    request = await telegram.next_message(GROUP.id)
    assert request.text == (
        "📝 Permintaan pendaftaran penghubung\nAndi Polres — Polri\n"
        "Admin grup, silakan setujui atau tolak."
    )
    assert [b["text"] for b in request.buttons] == ["Setujui", "Tolak"]

    query = await telegram.press(MEMBER, request, request.button("Setujui")["callback_data"])
    answer = await telegram.callback_answer(query)
    assert answer["text"] == "Hanya admin grup yang dapat menyetujui atau menolak pendaftaran."
    assert answer["show_alert"] is True
    assert (await liaison_in_group(GROUP.id, OFFICER.id)).status is LiaisonStatus.PENDING

    query = await telegram.press(ADMIN, request, request.button("Setujui")["callback_data"])
    await telegram.callback_answer(query)
    outcome = await telegram.next_message(GROUP.id)
    assert outcome.text == "✅ Andi Polres disetujui sebagai penghubung Polri oleh Budi."
    assert not outcome.buttons
    assert 'href="tg://user?id=333333333"' in outcome.html

    listing = await say(telegram, "/penghubung", user=MEMBER)
    assert listing.text == "Penghubung terdaftar\n\nPolri\n• Andi Polres"


async def test_typed_agency_and_unit_with_rejection(bot, telegram, admin):
    request = await say(telegram, "/daftar kpu KPU Kabupaten Kutai Timur", user=MEMBER)
    assert "Sari — KPU (KPU Kabupaten Kutai Timur)" in request.text
    approve_data = request.button("Setujui")["callback_data"]
    query = await telegram.press(ADMIN, request, request.button("Tolak")["callback_data"])
    await telegram.callback_answer(query)
    outcome = await telegram.next_message(GROUP.id)
    assert outcome.text == (
        "❌ Pendaftaran Sari sebagai penghubung KPU (KPU Kabupaten Kutai Timur) ditolak oleh Budi."
    )
    assert await approved_liaisons(GROUP.id) == []

    query = await telegram.press(ADMIN, request, approve_data)  # a late tap on a stale button
    assert (await telegram.callback_answer(query))["text"] == (
        "Permintaan ini sudah diputuskan sebelumnya."
    )
    assert await approved_liaisons(GROUP.id) == []


async def test_admin_registration_is_approved_at_once(bot, telegram, admin):
    reply = await say(telegram, "/daftar Polri Polres Kutai Timur")
    assert reply.text == "✅ Budi terdaftar sebagai penghubung Polri (Polres Kutai Timur)."
    again = await say(telegram, "/daftar Polri Polres Kutai Timur")
    assert again.text == "Budi sudah terdaftar sebagai penghubung Polri (Polres Kutai Timur)."
    [record] = await approved_liaisons(GROUP.id)
    assert (record.agency.label, record.unit_name, record.name) == (
        "Polri",
        "Polres Kutai Timur",
        "Budi",
    )


async def test_someone_elses_agency_keyboard_does_nothing(bot, telegram, admin):
    keyboard = await say(telegram, "/daftar", user=OFFICER)
    query = await telegram.press(MEMBER, keyboard, keyboard.button("TNI")["callback_data"])
    answer = await telegram.callback_answer(query)
    assert answer["show_alert"] is True and "/daftar" in answer["text"]
    assert await liaison_in_group(GROUP.id, MEMBER.id) is None
    assert await liaison_in_group(GROUP.id, OFFICER.id) is None


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        (
            "/daftar Polisi",
            'Instansi "Polisi" tidak dikenal. Pilih salah satu: Pemda, TNI, Polri, '
            "KPU, Bawaslu, Kejaksaan, DPRD.\nContoh: /daftar Polri Polres Kutai Timur",
        ),
        (
            "/daftar <b>x</b>",
            'Instansi "<b>x</b>" tidak dikenal. Pilih salah satu: Pemda, TNI, Polri, '
            "KPU, Bawaslu, Kejaksaan, DPRD.\nContoh: /daftar Polri Polres Kutai Timur",
        ),
        (
            "/daftar TNI " + "K" * 5000,
            "Nama satuan terlalu panjang (5.000 karakter, paling banyak 100).\n"
            "Contoh: /daftar Polri Polres Kutai Timur",
        ),
    ],
)
async def test_bad_registration_input(bot, telegram, admin, typed, expected):
    assert (await say(telegram, typed, user=MEMBER)).text == expected
    assert await liaison_in_group(GROUP.id, MEMBER.id) is None


async def test_liaison_leaves_and_admin_removes(bot, telegram, admin):
    await say(telegram, "/daftar Pemda Kesbangpol")
    request = await say(telegram, "/daftar Bawaslu", user=MEMBER)
    await telegram.press(ADMIN, request, request.button("Setujui")["callback_data"])
    await telegram.next_message(GROUP.id)

    left = await say(telegram, "/keluar", user=MEMBER)
    assert left.text == "Sari tidak lagi menjadi penghubung Bawaslu."
    assert (await say(telegram, "/keluar", user=MEMBER)).text == (
        "Anda belum terdaftar sebagai penghubung di grup ini."
    )

    request = await say(telegram, "/daftar TNI Kodim 0909", user=OFFICER)
    await telegram.press(ADMIN, request, request.button("Setujui")["callback_data"])
    await telegram.next_message(GROUP.id)
    refused = await say(telegram, "/hapus_penghubung", user=MEMBER)
    assert refused.text == "Mohon maaf, pengaturan grup hanya dapat diubah oleh admin grup."

    chooser = await say(telegram, "/hapus_penghubung")
    assert [b["text"] for b in chooser.buttons] == ["Pemda · Budi", "TNI · Andi Polres"]
    await telegram.press(ADMIN, chooser, chooser.button("TNI · Andi Polres")["callback_data"])
    removed = await telegram.next_message(GROUP.id)
    assert removed.text == "Andi Polres tidak lagi menjadi penghubung TNI (Kodim 0909)."
    assert [r.name for r in await approved_liaisons(GROUP.id)] == ["Budi"]


async def test_admin_removes_by_replying(bot, telegram, admin):
    request = await say(telegram, "/daftar DPRD", user=MEMBER)
    await telegram.press(ADMIN, request, request.button("Setujui")["callback_data"])
    await telegram.next_message(GROUP.id)
    their_message = await telegram.send_message(GROUP, MEMBER, "selamat pagi")
    await telegram.send_message(GROUP, ADMIN, "/hapus_penghubung", reply_to=their_message)
    assert (await telegram.next_message(GROUP.id)).text == (
        "Sari tidak lagi menjadi penghubung DPRD."
    )
    assert await approved_liaisons(GROUP.id) == []


@pytest.mark.parametrize(
    ("typed", "agency", "unit"),
    [
        ("Polres Kutai Timur", Agency.POLRI, "Polres Kutai Timur"),
        ("polresta Samarinda", Agency.POLRI, "polresta Samarinda"),
        ("Polda Kaltim", Agency.POLRI, "Polda Kaltim"),
        ("Kodim 0909/Sangatta", Agency.TNI, "Kodim 0909/Sangatta"),
        ("Korem 091", Agency.TNI, "Korem 091"),
        ("Kodam VI/Mulawarman", Agency.TNI, "Kodam VI/Mulawarman"),
        ("Kejari Kutai Timur", Agency.KEJAKSAAN, "Kejari Kutai Timur"),
        ("Kejati Kaltim", Agency.KEJAKSAAN, "Kejati Kaltim"),
        ("Kesbangpol Kutai Timur", Agency.PEMDA, "Kesbangpol Kutai Timur"),
        ("Pemkab Kutai Timur", Agency.PEMDA, "Pemkab Kutai Timur"),
        ("Pemkot Samarinda", Agency.PEMDA, "Pemkot Samarinda"),
        ("Pemprov Kaltim", Agency.PEMDA, "Pemprov Kaltim"),
        ("KPU Kutai Timur", Agency.KPU, "KPU Kutai Timur"),
        ("KPU KPU Kutai Timur", Agency.KPU, "KPU Kutai Timur"),
        ("Bawaslu Kutai Timur", Agency.BAWASLU, "Bawaslu Kutai Timur"),
        ("Polri Polres Kutai Timur", Agency.POLRI, "Polres Kutai Timur"),
        ("Polri", Agency.POLRI, "Polri"),
        ("DPRD", Agency.DPRD, "DPRD"),
    ],
)
def test_the_units_people_type_name_their_agency(typed, agency, unit):
    assert registration_of(typed) == (agency, unit)


async def test_daftar_with_a_unit_alone_registers_its_agency(bot, telegram, admin):
    request = await say(telegram, "/daftar Polres Kutai Timur", user=OFFICER)
    assert request.text.startswith(
        "📝 Permintaan pendaftaran penghubung\nAndi Polres — Polri (Polres Kutai Timur)\n"
    )


async def test_the_english_command_names_still_answer(bot, telegram, admin):
    await approve(telegram, OFFICER, "/daftar Polres Kutai Timur")
    for command in ("/penghubung", "/liaison"):
        listing = await say(telegram, command, user=MEMBER)
        assert listing.text == "Penghubung terdaftar\n\nPolri\n• Andi Polres (Polres Kutai Timur)"
    chooser = await say(telegram, "/hapus_penghubung")
    assert chooser.text.startswith("Pilih penghubung yang akan dihapus")
    assert (await say(telegram, "/hapus_liaison")).text == chooser.text
