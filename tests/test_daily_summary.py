"""End to end: /ringkasan, /belum and /jadwal as a secretary and an admin use them."""

from __future__ import annotations

import json

import pytest

from bot.domain.forms import DEFAULT_FORMS_PATH
from bot.services.groups import find_group
from tests.support.botapi import Chat, User
from tests.support.chat import OFFICER, approve, say
from tests.support.harness import ADMIN, GROUP, MEMBER, running_bot

KPU = User(444444444, "Rina <KPU>")


@pytest.fixture
async def group(bot, telegram):
    """A WITA group with Polri and KPU liaisons; H-14 on the clock fixture's day."""
    telegram.set_member_status(GROUP, ADMIN, "administrator")
    for command in (
        "/wilayah Kabupaten Kutai Timur",
        "/zona WITA",
        "/hari_h 2024-11-27 Pilkada Serentak 2024",
    ):
        await say(telegram, command)
    for user, command in ((OFFICER, "/daftar Polri Polres Kutai Timur"), (KPU, "/daftar KPU")):
        request = await say(telegram, command, user=user)
        await telegram.press(ADMIN, request, request.button("Setujui")["callback_data"])
        await telegram.next_message(GROUP.id)
    return GROUP


async def report_polri(telegram, clock, status="Waspada"):
    private = Chat.private_with(OFFICER)
    question = await say(telegram, "/lapor", user=OFFICER, chat=private)
    await telegram.press(OFFICER, question, question.button(status)["callback_data"])
    await telegram.next_message(private.id)
    await telegram.next_message(private.id)
    for answer in ("1.200", "1", "Bentrok <kecil> di TPS 3", "-", "4", "-", "-", "-"):
        review = await say(telegram, answer, user=OFFICER, chat=private)
    await telegram.press(OFFICER, review, review.button("Kirim")["callback_data"])
    await telegram.next_message(private.id)
    await telegram.next_message(GROUP.id)


async def test_ringkasan_shows_the_day_in_the_groups_zone(group, telegram, clock):
    clock.set(2024, 11, 13, 0, 12)  # 08.12 WITA
    await report_polri(telegram, clock)
    summary = await say(telegram, "/ringkasan", user=MEMBER)
    text = summary.text
    assert text.startswith(
        "Ringkasan harian Posko Forkopimda\nKabupaten Kutai Timur\n"
        "Rabu, 13 November 2024\n"
        "H-14 menuju hari pemungutan suara Pilkada Serentak 2024 (Rabu, 27 November 2024)"
    )
    assert "🟡 Waspada · 1 dari 2 instansi melapor" in text
    assert "08.12 WITA" in text and "1.200" in text
    assert "Bentrok <kecil> di TPS 3" in text  # shown literally
    assert "Belum melapor: KPU" in text
    assert "&lt;kecil&gt;" in summary.html


async def test_ringkasan_for_yesterday_and_for_a_date(group, telegram, clock):
    clock.set(2024, 11, 13, 0, 12)
    await report_polri(telegram, clock, status="Rawan")
    clock.set(2024, 11, 14, 1, 0)
    yesterday = await say(telegram, "/ringkasan kemarin", user=MEMBER)
    assert "Rabu, 13 November 2024" in yesterday.text and "🔴 Rawan" in yesterday.text
    by_date = await say(telegram, "/ringkasan 13/11/2024", user=MEMBER)
    assert by_date.text == yesterday.text
    today = await say(telegram, "/ringkasan", user=MEMBER)
    assert "Kamis, 14 November 2024" in today.text and "🔴" not in today.text


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("/ringkasan besok", 'Tanggal "besok" tidak dikenali.'),
        ("/ringkasan 31-02-2024", 'Tanggal "31-02-2024" tidak dikenali.'),
    ],
)
async def test_ringkasan_bad_date(group, telegram, typed, expected):
    assert (await say(telegram, typed, user=MEMBER)).text.startswith(expected)


async def test_belum_mentions_the_liaisons_still_missing(group, telegram, clock):
    await report_polri(telegram, clock)
    answer = await say(telegram, "/belum", user=MEMBER)
    assert "KPU" in answer.text and "Rina <KPU>" in answer.text and "Polri" not in answer.text
    assert 'href="tg://user?id=444444444"' in answer.html
    assert "Rina &lt;KPU&gt;" in answer.html


async def test_jadwal_shows_defaults_and_admins_change_them(group, telegram):
    shown = await say(telegram, "/jadwal", user=MEMBER)
    assert "Jadwal kiriman otomatis (WITA)" in shown.text
    assert "• laporan 07.00" in shown.text and "• ringkasan 17.00" in shown.text

    assert (
        "hanya dapat diubah oleh admin"
        in (await say(telegram, "/jadwal ringkasan 16:30", user=MEMBER)).text
    )
    changed = await say(telegram, "/jadwal ringkasan 16:30")
    assert changed.text.startswith("Kiriman ringkasan sekarang pukul 16.30 WITA.")
    off = await say(telegram, "/jadwal pengingat mati")
    assert off.text.startswith("Kiriman pengingat dimatikan.") and "• pengingat mati" in off.text
    assert (await find_group(GROUP.id)).post_times == {"ringkasan": "16:30", "pengingat": None}


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("/jadwal ringkasan 25:00", 'Jam "25:00" tidak dikenali.'),
        ("/jadwal ringkasan", 'Tulis jenis kiriman, lalu jam atau "mati".'),
        ("/jadwal arisan 10:00", 'Tulis jenis kiriman, lalu jam atau "mati".'),
    ],
)
async def test_jadwal_bad_input_changes_nothing(group, telegram, typed, expected):
    assert (await say(telegram, typed)).text.startswith(expected)
    assert (await find_group(GROUP.id)).post_times == {}


async def test_a_renamed_question_still_shows_its_figure_as_its_data_says(
    telegram, database_url, clock, tmp_path
):
    """A deployment's FORMS_FILE calls the head count jumlah_personel and words it its own way."""
    data = json.loads(DEFAULT_FORMS_PATH.read_text(encoding="utf-8"))
    for agency in ("tni", "polri"):
        for question in data["forms"][agency]["questions"]:
            if question["id"] == "personel":
                question.update(id="jumlah_personel", summary="Personel dikerahkan: {value} {unit}")
    data["headlines"] = ["jumlah_personel" if h == "personel" else h for h in data["headlines"]]
    data["charts"]["jumlah"] = [
        "jumlah_personel" if c == "personel" else c for c in data["charts"]["jumlah"]
    ]
    forms_file = tmp_path / "forms.json"
    forms_file.write_text(json.dumps(data), encoding="utf-8")
    async with running_bot(telegram, database_url, clock, forms_file=forms_file):
        telegram.set_member_status(GROUP, ADMIN, "administrator")
        await say(telegram, "/zona WITA")
        await approve(telegram, OFFICER, "/daftar Polri Polres Kutai Timur")
        await report_polri(telegram, clock)
        summary = await say(telegram, "/ringkasan", user=MEMBER)
    assert "Personel dikerahkan: 1.200 personel\n" in summary.text
    assert "Kejadian menonjol: 1 — Bentrok <kecil> di TPS 3\nTPS rawan: 4" in summary.text


async def test_an_agency_not_expected_daily_is_never_mentioned(group, telegram, clock):
    dprd = User(555555555, "Lina DPRD")
    await approve(telegram, dprd, "/daftar DPRD")
    listing = (await say(telegram, "/instansi", user=MEMBER)).text
    assert "Wajib: Pemda, TNI, Polri, KPU, Bawaslu, Kejaksaan\nTidak wajib: DPRD" in listing
    belum = (await say(telegram, "/belum", user=MEMBER)).text
    assert "Polri" in belum and "DPRD" not in belum and "Lina DPRD" not in belum
    summary = (await say(telegram, "/ringkasan", user=MEMBER)).text
    assert summary.endswith(
        "Belum ada instansi yang melapor.\n\n"
        "Kejadian tercatat: tidak ada\n\n"
        "Belum melapor: Polri, KPU"
    )

    refused = await say(telegram, "/instansi DPRD wajib", user=MEMBER)
    assert refused.text == "Mohon maaf, pengaturan grup hanya dapat diubah oleh admin grup."
    for typed, answer in (
        ("/instansi Polisi wajib", 'Instansi "Polisi" tidak dikenal.'),
        ("/instansi DPRD mungkin", 'Tulis nama instansi lalu "wajib" atau "tidak".'),
        ("/instansi DPRD", 'Tulis nama instansi lalu "wajib" atau "tidak".'),
    ):
        assert (await say(telegram, typed)).text.startswith(answer), typed
    assert "Tidak wajib: DPRD" in (await say(telegram, "/instansi", user=MEMBER)).text

    changed = await say(telegram, "/instansi DPRD wajib")
    assert changed.text.startswith("DPRD sekarang wajib melapor setiap hari.\n\n")
    belum = await say(telegram, "/belum", user=MEMBER)
    assert 'DPRD: <a href="tg://user?id=555555555">Lina DPRD</a>' in belum.html
    settings = (await say(telegram, "/pengaturan", user=MEMBER)).text
    assert "Wajib melapor setiap hari: Pemda, TNI, Polri, KPU, Bawaslu, Kejaksaan, DPRD" in settings
