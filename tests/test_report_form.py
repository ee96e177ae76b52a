"""End to end: a liaison fills in the daily report in a private chat; the group sees one line."""

from __future__ import annotations

from datetime import date

import pytest

from bot.domain.agencies import Agency
from bot.services.form_sessions import active_form
from bot.services.reports import reports_of_day
from tests.support.botapi import Chat, User
from tests.support.chat import OFFICER, approve, tap, type_in
from tests.support.harness import ADMIN, GROUP, MEMBER, OTHER_GROUP, running_bot
from tests.support.records import report_history

PRIVATE = Chat.private_with(OFFICER)
TODAY = date(2024, 11, 13)  # the clock fixture: 09:00 WIB


@pytest.fixture
async def liaison(bot, telegram):
    """Andi, approved as the Polri liaison of GROUP."""
    telegram.set_member_status(GROUP, ADMIN, "administrator")
    return await approve(telegram, OFFICER, "/daftar Polri Polres Kutai Timur")


async def open_form(telegram):
    return await type_in(telegram, "/start lapor_m1001234567890")


async def test_group_lapor_gives_a_deep_link_to_the_private_form(bot, telegram, liaison):
    await telegram.send_message(GROUP, OFFICER, "/lapor")
    answer = await telegram.next_message(GROUP.id)
    assert answer.text == (
        "Andi Polres, isi laporan harian Polri (Polres Kutai Timur) melalui "
        "percakapan pribadi dengan bot:"
    )
    assert answer.button("Buka formulir laporan")["url"] == (
        "https://t.me/PoskoForkopimdaBot?start=lapor_m1001234567890"
    )


async def test_full_polri_report_with_bad_inputs_in_between(bot, telegram, liaison):
    question = await open_form(telegram)
    assert question.text.startswith(
        "Laporan harian Polri (Polres Kutai Timur)\nForkopimda Kabupaten Kutai Timur\n"
    )
    assert "Bagaimana situasi di wilayah tugas Anda hari ini?" in question.text
    assert [b["text"] for b in question.buttons] == ["Aman", "Waspada", "Rawan"]

    typed_wrong = await type_in(telegram, "mungkin")
    assert "Bagaimana situasi di wilayah tugas Anda hari ini?" in typed_wrong.text  # asked again
    personnel = await tap(telegram, typed_wrong, "Waspada", replies=2)
    assert "Jumlah personel Polri yang dikerahkan hari ini?" in personnel.text

    for bad in ("abc", "12.5", "-3", "NaN", "1e3", "", "9" * 5000):
        again = await type_in(telegram, bad)
        assert "Jumlah personel Polri yang dikerahkan hari ini?" in again.text, bad
        assert again.text.split("\n")[0] != "Pertanyaan 2 dari 9", f"{bad!r} was not explained"
    await telegram.send_other(
        PRIVATE,
        OFFICER,
        sticker={
            "file_id": "x",
            "file_unique_id": "y",
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
        },
    )
    assert "Jumlah personel" in (await telegram.next_message(PRIVATE.id)).text

    assert "Jumlah kejadian menonjol" in (await type_in(telegram, "1.200")).text
    description = await type_in(telegram, "2")
    assert [b["text"] for b in description.buttons] == ["Lewati"]
    low_risk = await type_in(telegram, "Bentrok kecil di <b>TPS 3</b> & sekitarnya")
    assert "Jumlah TPS kurang rawan menurut pemetaan Polri?" in low_risk.text
    high_risk = await type_in(telegram, "1.000")
    very_high_risk = await type_in(telegram, "188")
    notes = await tap(telegram, await type_in(telegram, "12"), "Lewati", replies=2)
    assert "Persoalan yang perlu dibahas atau ditindaklanjuti Forkopimda?" in notes.text
    review = await type_in(telegram, "Mohon patroli tambahan di Bengalon.")
    assert "TPS rawan" in high_risk.text and "TPS sangat rawan" in very_high_risk.text
    assert review.text.startswith(
        "Periksa laporan Anda\nSituasi: Waspada\nPersonel yang dikerahkan: 1.200\n"
        "Kejadian menonjol: 2\n"
        "Uraian kejadian: Bentrok kecil di <b>TPS 3</b> & sekitarnya\n"
        "TPS kurang rawan: 1.000\nTPS rawan: 188\nTPS sangat rawan: 12\n"
        "Catatan lain: —\nPerlu tindak lanjut: Mohon patroli tambahan di Bengalon."
    )
    assert [b["text"] for b in review.buttons] == ["Kirim", "Ubah", "Batal"]

    await telegram.press(OFFICER, review, review.button("Kirim")["callback_data"])
    confirmation = await telegram.next_message(PRIVATE.id)
    assert (
        "Terima kasih, laporan Polri untuk Rabu, 13 November 2024 sudah tercatat."
        in confirmation.text
    )
    group_line = await telegram.next_message(GROUP.id)
    assert group_line.text == "✅ Polri (Polres Kutai Timur) telah melapor · 🟡 Waspada"

    [report] = await reports_of_day(GROUP.id, TODAY)
    assert report.agency is Agency.POLRI and report.liaison_name == "Andi Polres"
    assert report.answers == {
        "situasi": "waspada",
        "personel": 1200,
        "kejadian": 2,
        "uraian_kejadian": "Bentrok kecil di <b>TPS 3</b> & sekitarnya",
        "tps_kurang_rawan": 1000,
        "tps_rawan": 188,
        "tps_sangat_rawan": 12,
        "catatan": None,
        "tindak_lanjut": "Mohon patroli tambahan di Bengalon.",
    }
    assert await active_form(OFFICER.id) is None


async def fill_polri(telegram, status="Aman", personnel="100"):
    question = await open_form(telegram)
    await tap(telegram, question, status, replies=2)
    await type_in(telegram, personnel)
    await type_in(telegram, "0")
    await type_in(telegram, "-")  # "-" skips an optional text
    await type_in(telegram, "900")
    await type_in(telegram, "3")
    await type_in(telegram, "1")
    await type_in(telegram, "-")
    return await type_in(telegram, "-")


async def test_change_an_answer_from_the_review_then_submit(bot, telegram, liaison):
    review = await fill_polri(telegram)
    picker = await tap(telegram, review, "Ubah")
    assert picker.text == "Pertanyaan mana yang ingin diubah?"
    assert [b["text"] for b in picker.buttons][-1] == "Kembali"
    question = await tap(telegram, picker, "Personel yang dikerahkan", replies=2)
    assert "Jumlah personel" in question.text
    review = await type_in(telegram, "250")
    assert "Personel yang dikerahkan: 250" in review.text and "TPS rawan: 3" in review.text
    await tap(telegram, review, "Kirim")
    [report] = await reports_of_day(GROUP.id, TODAY)
    assert report.answers["personel"] == 250 and report.answers["tps_rawan"] == 3


async def test_resubmitting_the_same_day_replaces_and_keeps_history(bot, telegram, liaison):
    await tap(telegram, await fill_polri(telegram, "Aman"), "Kirim")
    await telegram.next_message(GROUP.id)
    await tap(telegram, await fill_polri(telegram, "Rawan", "300"), "Kirim")
    line = await telegram.next_message(GROUP.id)
    # A second report the same day corrects the first: the group reads one line saying so.
    assert line.text == "✏️ Polri (Polres Kutai Timur) memperbaiki laporan hari ini · 🔴 Rawan"

    [current] = await reports_of_day(GROUP.id, TODAY)
    assert current.answers["situasi"] == "rawan" and current.answers["personel"] == 300
    history = await report_history(GROUP.id, Agency.POLRI, TODAY)
    assert [r.answers["situasi"] for r in history] == ["aman", "rawan"]


async def test_a_remembered_answer_is_offered_with_one_tap_the_next_time(
    bot, telegram, liaison, clock
):
    """The TPS mapping rarely changes: the next report offers the last answers to keep."""
    await tap(telegram, await fill_polri(telegram), "Kirim")
    await telegram.next_message(GROUP.id)
    clock.set(2024, 11, 14, 2, 0)  # the next day
    question = await open_form(telegram)
    await tap(telegram, question, "Aman", replies=2)
    await type_in(telegram, "120")
    await type_in(telegram, "0")
    low_risk = await type_in(telegram, "-")
    assert [b["text"] for b in low_risk.buttons] == ["Tetap: 900", "Lewati"]
    high_risk = await tap(telegram, low_risk, "Tetap: 900", replies=2)
    assert [b["text"] for b in high_risk.buttons] == ["Tetap: 3", "Lewati"]
    very_high_risk = await type_in(telegram, "4")  # changed: typed as usual
    notes = await tap(telegram, very_high_risk, "Tetap: 1", replies=2)
    await type_in(telegram, "-")
    review = await type_in(telegram, "-")
    assert "TPS kurang rawan: 900\nTPS rawan: 4\nTPS sangat rawan: 1" in review.text
    assert "Catatan lain" in notes.text
    await tap(telegram, review, "Kirim")
    [report] = await reports_of_day(GROUP.id, date(2024, 11, 14))
    assert (report.answers["tps_kurang_rawan"], report.answers["tps_rawan"]) == (900, 4)


async def test_kpu_cross_check_and_indonesian_percentages(bot, telegram):
    kpu_officer = User(444444444, "Rina KPU")
    await approve(telegram, kpu_officer, "/daftar KPU KPU Kutai Timur")
    question = await type_in(telegram, "/lapor", user=kpu_officer)
    await tap(telegram, question, "Aman", user=kpu_officer, replies=2)
    assert "150" in (await type_in(telegram, "150%", user=kpu_officer)).text
    await type_in(telegram, "87,5", user=kpu_officer)
    await type_in(telegram, "100", user=kpu_officer)
    await type_in(telegram, "40", user=kpu_officer)
    await type_in(telegram, "1.250", user=kpu_officer)
    refused = await type_in(telegram, "1.200", user=kpu_officer)
    assert "Jumlah TPS dengan logistik lengkap (1.250)" in refused.text
    assert "jumlah seluruh TPS (1.200)" in refused.text
    ballots = await type_in(telegram, "1.300", user=kpu_officer)
    assert "Jumlah surat suara yang kurang atau rusak?" in ballots.text
    await type_in(telegram, "0", user=kpu_officer)
    notifications = await tap(
        telegram,
        await type_in(telegram, "-", user=kpu_officer),
        "Lewati",
        user=kpu_officer,
        replies=2,
    )
    await type_in(telegram, "-", user=kpu_officer)
    await type_in(telegram, "-", user=kpu_officer)
    review = await type_in(telegram, "-", user=kpu_officer)
    assert "Kecamatan atau desa/kelurahan" in notifications.text
    assert "Logistik tiba di kecamatan (PPK): 87,5%" in review.text
    assert "TPS dengan logistik lengkap: 1.250" in review.text
    assert "Jumlah TPS: 1.300" in review.text


async def test_restart_mid_form_loses_nothing(telegram, database_url, clock):
    async with running_bot(telegram, database_url, clock):
        await approve(telegram, OFFICER, "/daftar Polri Polres Kutai Timur")
        question = await open_form(telegram)
        await tap(telegram, question, "Rawan", replies=2)
        await type_in(telegram, "75")
    async with running_bot(telegram, database_url, clock):
        incidents_answered = await type_in(telegram, "4")
        assert "Uraian singkat kejadian menonjol (jika ada)?" in incidents_answered.text
        for skipped in ("-", "-", "-", "-", "-"):
            await type_in(telegram, skipped)
        review = await type_in(telegram, "-")
        assert "Situasi: Rawan\nPersonel yang dikerahkan: 75\nKejadian menonjol: 4" in review.text


async def test_redelivered_updates_are_applied_once(telegram, database_url, clock):
    async with running_bot(telegram, database_url, clock):
        await approve(telegram, OFFICER, "/daftar Polri Polres Kutai Timur")
        question = await open_form(telegram)
        await tap(telegram, question, "Aman", replies=2)
        await type_in(telegram, "75")
        personnel_update = telegram.last_update_id
        for answer in ("0", "-", "900", "3", "1", "-"):
            await type_in(telegram, answer)
        review = await type_in(telegram, "-")
        await tap(telegram, review, "Kirim")
        await telegram.next_message(GROUP.id)
        submit_update = telegram.last_update_id
    # The bot "crashed" before confirming these: Telegram serves them again.
    await telegram.redeliver(personnel_update)
    await telegram.redeliver(submit_update)
    async with running_bot(telegram, database_url, clock):
        await telegram.send_message(GROUP, MEMBER, "/hitungmundur")  # a barrier
        await telegram.next_message(GROUP.id)
        [report] = await report_history(GROUP.id, Agency.POLRI, TODAY)
    assert report.answers["personel"] == 75
    # The update inbox recognises both ids: nothing is handled or sent again.
    assert telegram.unread(GROUP.id) == [] and telegram.unread(PRIVATE.id) == []


async def test_only_approved_liaisons_report_and_only_for_their_group(bot, telegram, liaison):
    outsider = User(555555555, "Orang Lain")
    refused = await type_in(telegram, "/start lapor_m1001234567890", user=outsider)
    assert refused.text == (
        "Anda bukan penghubung yang disetujui di grup itu, sehingga tidak dapat melapor untuknya."
    )
    assert await active_form(outsider.id) is None

    forged = await type_in(telegram, "/start lapor_m1009876543210")  # OTHER_GROUP
    assert "bukan penghubung yang disetujui" in forged.text
    assert (await type_in(telegram, "/start lapor_x")).text == (
        "Tautan laporan ini tidak valid. Ketik /lapor untuk mulai."
    )

    await telegram.send_message(GROUP, outsider, "/lapor")
    assert "Hanya penghubung yang sudah disetujui" in (await telegram.next_message(GROUP.id)).text


async def test_buttons_of_old_forms_and_other_people_do_nothing(bot, telegram, liaison):
    first = await open_form(telegram)
    await type_in(telegram, "/batal")
    second = await open_form(telegram)
    query = await telegram.press(OFFICER, first, first.button("Rawan")["callback_data"])
    assert "sudah selesai atau dibatalkan" in (await telegram.callback_answer(query))["text"]

    intruder = User(666666666, "Penyusup")
    query = await telegram.press(intruder, second, second.button("Rawan")["callback_data"])
    await telegram.callback_answer(query)
    form = await active_form(OFFICER.id)
    assert form.progress.answers == {} and form.progress.current == "situasi"
    assert await active_form(intruder.id) is None


async def test_liaison_of_two_groups_chooses_in_private(bot, telegram, liaison):
    await approve(telegram, OFFICER, "/daftar TNI Kodim 1708", group=OTHER_GROUP)
    chooser = await type_in(telegram, "/lapor")
    assert chooser.text == "Laporan ini untuk grup mana?"
    assert sorted(b["text"] for b in chooser.buttons) == sorted([GROUP.title, OTHER_GROUP.title])
    question = await tap(telegram, chooser, OTHER_GROUP.title, replies=2)
    assert question.text.startswith("Laporan harian TNI (Kodim 1708)\nForkopimda Kota Jayapura")


async def test_cancel_with_batal(bot, telegram, liaison):
    await open_form(telegram)
    assert (await type_in(telegram, "/batal")).text == (
        "Laporan dibatalkan. Ketik /lapor untuk mulai lagi."
    )
    assert await active_form(OFFICER.id) is None
    assert (await type_in(telegram, "12")).text == (
        "Tidak ada laporan yang sedang diisi. Ketik /lapor untuk mulai melapor."
    )
