"""End to end: group admins set the group up; everyone reads it back, in Indonesian."""

from __future__ import annotations

import pytest

from bot.services.groups import find_group
from tests.support.botapi import Chat
from tests.support.chat import say
from tests.support.harness import ADMIN, GROUP, MEMBER


@pytest.fixture
def admin(telegram):
    telegram.set_member_status(GROUP, ADMIN, "administrator")
    return ADMIN


async def said(telegram, text, **kwargs) -> str:
    """What the bot answers to ``text``, as the user reads it."""
    return (await say(telegram, text, **kwargs)).text


async def test_mulai_registers_group_and_lists_what_is_missing(bot, telegram, admin):
    reply = await said(telegram, "/mulai")

    assert "Posko Forkopimda aktif di grup ini." in reply
    assert "Wilayah: belum diatur" in reply
    assert "Zona waktu: WIB" in reply
    assert "Wilayah, contoh: /wilayah Kabupaten Kutai Timur" in reply
    assert "Hari H, contoh: /hari_h 2024-11-27 Pilkada Serentak 2024" in reply
    group = await find_group(GROUP.id)
    assert group.title == GROUP.title and group.active


async def test_full_setup_then_countdown(bot, telegram, admin):
    await said(telegram, "/mulai")
    assert await said(telegram, "/wilayah Kabupaten Kutai Timur") == (
        "Wilayah grup ini sekarang: Kabupaten Kutai Timur (kode 64.08, tingkat kabupaten/kota).\n"
        "Untuk bergabung dengan grup di atasnya, ketik /induk."
    )
    assert "Zona waktu grup ini sekarang: WITA." in await said(telegram, "/zona WITA")
    reply = await said(telegram, "/hari_h 2024-11-27 Pilkada Serentak 2024")
    assert reply.startswith(
        "Hari H tersimpan.\n"
        "H-14 menuju hari pemungutan suara Pilkada Serentak 2024 (Rabu, 27 November 2024)\n"
    )
    # A typed date takes the template around it, and the preset of that day is offered.
    assert "Untuk jadwal resmi KPU, gunakan /hari_h pilkada2024." in reply
    assert "Tahap saat ini: masa kampanye, sampai Sabtu, 23 November 2024" in reply

    assert await said(telegram, "/hitungmundur", user=MEMBER) == (
        "H-14 menuju hari pemungutan suara Pilkada Serentak 2024 (Rabu, 27 November 2024)"
    )
    settings = await said(telegram, "/pengaturan", user=MEMBER)
    assert "Wilayah: Kabupaten Kutai Timur (kode 64.08, tingkat kabupaten/kota)" in settings
    assert "Hari H: Rabu, 27 November 2024 (H-14)" in settings
    assert "Semua pengaturan sudah lengkap." in settings


@pytest.mark.parametrize("typed", ["27-11-2024", "27/11/2024", "27 November 2024", "27 Nov 2024"])
async def test_hari_h_accepts_the_usual_date_forms(bot, telegram, admin, typed):
    reply = await said(telegram, f"/hari_h {typed} Pilkada Serentak 2024")
    assert (
        "H-14 menuju hari pemungutan suara Pilkada Serentak 2024 (Rabu, 27 November 2024)" in reply
    )


async def test_group_zone_decides_what_today_is(bot, telegram, admin, clock):
    await said(telegram, "/hari_h 2024-11-27 Pilkada Serentak 2024")
    clock.set(2024, 11, 26, 16, 30)  # 23.30 WIB but 01.30 WIT on the 27th
    assert (await said(telegram, "/hitungmundur")).startswith("H-1 menuju")
    await said(telegram, "/zona WIT")
    assert (await said(telegram, "/hitungmundur")).startswith(
        "Hari H pemungutan suara Pilkada Serentak 2024"
    )
    clock.set(2024, 11, 29, 3, 0)
    # After polling day: the stage running for a regency's forum, and its end.
    assert (await said(telegram, "/hitungmundur")) == (
        "H+2 · rekapitulasi tingkat kabupaten/kota, sampai Jumat, 6 Desember 2024"
    )


async def test_commands_addressed_to_the_bot_by_name_work(bot, telegram, admin):
    reply = await said(telegram, "/wilayah@PoskoForkopimdaBot Kota Jayapura")
    assert reply.startswith("Wilayah grup ini sekarang: Kota Jayapura (kode 91.71, ")


async def test_non_admin_is_refused_and_nothing_changes(bot, telegram, admin):
    await said(telegram, "/wilayah Kabupaten Kutai Timur")
    reply = await said(telegram, "/wilayah Kabupaten Lain", user=MEMBER)
    assert reply == "Mohon maaf, pengaturan grup hanya dapat diubah oleh admin grup."
    assert (await find_group(GROUP.id)).region_name == "Kabupaten Kutai Timur"


async def test_demoted_admin_loses_the_right_at_once(bot, telegram, admin):
    await said(telegram, "/zona WITA")
    telegram.set_member_status(GROUP, ADMIN, "member")
    assert "hanya dapat diubah oleh admin" in await said(telegram, "/zona WIT")
    assert (await find_group(GROUP.id)).time_zone == "Asia/Makassar"


async def test_anonymous_admin_posting_as_the_group_counts_as_admin(bot, telegram):
    reply = await said(telegram, "/wilayah Kota Jayapura", user=None, sender_chat=GROUP)
    assert reply.startswith("Wilayah grup ini sekarang: Kota Jayapura (kode 91.71, ")


async def test_a_channel_posting_in_the_group_is_not_an_admin(bot, telegram):
    channel = Chat(-1005555555555, "Kanal Lain", type="channel")
    reply = await said(telegram, "/wilayah Kota Jayapura", user=None, sender_chat=channel)
    assert "hanya dapat diubah oleh admin" in reply
    assert await find_group(GROUP.id) is None


BAD_INPUT = [
    (
        "/wilayah",
        "Kode atau nama wilayah belum diisi.\n"
        "Contoh: /wilayah 64.08 atau /wilayah Kabupaten Kutai Timur",
    ),
    (
        "/wilayah    ",
        "Kode atau nama wilayah belum diisi.\n"
        "Contoh: /wilayah 64.08 atau /wilayah Kabupaten Kutai Timur",
    ),
    (
        "/wilayah " + "A" * 5000,
        "Nama wilayah terlalu panjang (5.000 karakter, paling banyak 100).\n"
        "Contoh: /wilayah 64.08 atau /wilayah Kabupaten Kutai Timur",
    ),
    ("/zona", "Zona waktu belum diisi. Pilih WIB, WITA, atau WIT.\nContoh: /zona WITA"),
    (
        "/zona GMT+7",
        'Zona waktu "GMT+7" tidak dikenal. Gunakan WIB, WITA, WIT, atau nama zona '
        "IANA seperti Asia/Makassar.\nContoh: /zona WITA",
    ),
    (
        "/zona Etc/GMT-7",
        'Zona waktu "Etc/GMT-7" tidak dikenal. Gunakan WIB, WITA, WIT, atau nama '
        "zona IANA seperti Asia/Makassar.\nContoh: /zona WITA",
    ),
    (
        "/hari_h",
        "Jadwal atau tanggal dan nama pemilihan belum diisi.\n"
        "Contoh: /hari_h pilkada2024 atau /hari_h 2024-11-27 Pilkada Serentak 2024",
    ),
    (
        "/hari_h pilkada2025",
        '"pilkada2025" bukan nama jadwal yang dikenal dan bukan tanggal. Jadwal yang tersedia: '
        "pilkada2024 (Pilkada Serentak 2024), pemilu2024 (Pemilu 2024); atau tulis tanggal "
        "hari H dan nama pemilihan.\n"
        "Contoh: /hari_h pilkada2024 atau /hari_h 2024-11-27 Pilkada Serentak 2024",
    ),
    (
        "/hari_h besok Pilkada",
        'Tanggal "besok" tidak dikenali. Gunakan bentuk 2024-11-27, '
        "27-11-2024, 27/11/2024, atau 27 November 2024.\n"
        "Contoh: /hari_h 2024-11-27 Pilkada Serentak 2024",
    ),
    (
        "/hari_h 31-02-2025 Pilkada",
        'Tanggal "31-02-2025" tidak ada di kalender.\n'
        "Contoh: /hari_h 2024-11-27 Pilkada Serentak 2024",
    ),
    (
        "/hari_h 31 Februari 2025 PSU",
        'Tanggal "31 Februari 2025" tidak ada di kalender.\n'
        "Contoh: /hari_h 2024-11-27 Pilkada Serentak 2024",
    ),
    (
        "/hari_h 27-11-1924 Pemilu",
        'Tahun pada tanggal "27-11-1924" harus antara 2000 dan 2100.\n'
        "Contoh: /hari_h 2024-11-27 Pilkada Serentak 2024",
    ),
    (
        "/hari_h 2024-11-27",
        "Nama pemilihan belum diisi.\nContoh: /hari_h 2024-11-27 Pilkada Serentak 2024",
    ),
]


@pytest.mark.parametrize(("typed", "expected"), BAD_INPUT, ids=[t[:30] for t, _ in BAD_INPUT])
async def test_bad_input_is_explained_and_nothing_changes(bot, telegram, admin, typed, expected):
    await said(telegram, "/wilayah Kabupaten Kutai Timur")
    await said(telegram, "/hari_h 2024-11-27 Pilkada Serentak 2024")
    before = await find_group(GROUP.id)

    assert await said(telegram, typed) == expected
    assert await find_group(GROUP.id) == before


async def test_html_in_names_is_shown_literally(bot, telegram, admin):
    reply = await said(telegram, "/wilayah <b>Kab</b> & <script>x</script>")
    assert reply.startswith("Wilayah «<b>Kab</b> & <script>x</script>» tidak ditemukan")
    sent = telegram.sent_to(GROUP.id)[-1]
    assert "&lt;b&gt;Kab&lt;/b&gt; &amp; &lt;script&gt;" in sent.html
    assert await find_group(GROUP.id) is None  # nothing stored, not even the group


async def test_bot_added_to_group_welcomes_and_explains_mulai(bot, telegram):
    await telegram.change_bot_membership(GROUP, ADMIN, "left", "member")
    welcome = (await telegram.next_message(GROUP.id)).text
    assert "Terima kasih telah menambahkan Posko Forkopimda" in welcome
    assert "/mulai" in welcome


async def test_removed_bot_marks_group_inactive_and_readding_restores_it(bot, telegram, admin):
    await said(telegram, "/wilayah Kabupaten Kutai Timur")
    await telegram.change_bot_membership(GROUP, ADMIN, "member", "kicked")
    await telegram.change_bot_membership(GROUP, ADMIN, "kicked", "member")
    await telegram.next_message(GROUP.id)  # the welcome
    group = await find_group(GROUP.id)
    assert group.active and group.region_name == "Kabupaten Kutai Timur"


async def test_settings_commands_in_private_chat_point_to_the_group(bot, telegram):
    private = Chat.private_with(MEMBER)
    assert await said(telegram, "/wilayah Kota", user=MEMBER, chat=private) == (
        "Perintah ini hanya dapat digunakan di grup Forkopimda."
    )


async def test_start_in_private_and_bantuan_explain_the_bot(bot, telegram):
    private = Chat.private_with(MEMBER)
    reply = await said(telegram, "/start", user=MEMBER, chat=private)
    assert "Posko Forkopimda membantu Forum Koordinasi" in reply
    assert "/hari_h — Atur pemilihan: jadwal KPU atau hari pemungutan suara (admin)" in reply
    assert "/hitungmundur" in await said(telegram, "/bantuan", user=MEMBER)


async def test_command_menu_is_published_in_indonesian(bot, telegram):
    group_menu = telegram.commands["all_group_chats:"]
    assert {
        "command": "hitungmundur",
        "description": "Hitung mundur menuju hari pemungutan suara",
    } in group_menu
