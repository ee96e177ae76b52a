"""Incident reports fed what people really send: every bad input gets a clear Indonesian
answer, and nothing stored changes; odd but fair input is handled as people expect.

Decisions recorded here (the issue left them open):

* A location pin or a photo is taken at any step before Kirim (people send them when they
  think of it); the step being asked stays, but a pin answers the location step.
* A forwarded message counts as if typed or sent: a hoax is often reported by forwarding it.
* An edited message is not read again; the reporter is told how to change an answer.
* The same picture sent twice is kept once (Telegram's file_unique_id).
* A report left for a day continues where it was; its times stay as answered.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.services import incident_drafts, incidents
from tests.support.botapi import Chat
from tests.support.chat import OFFICER, approve, tap, type_in
from tests.support.corpus import STICKER, edit_message
from tests.support.harness import ADMIN, GROUP
from tests.support.incidents import next_private, submit
from tests.support.tally import TALLY

PRIVATE = Chat.private_with(OFFICER)
VIDEO = {
    "file_id": "BAACvideo",
    "file_unique_id": "AgADvideo",
    "width": 640,
    "height": 360,
    "duration": 5,
}
VOICE = {"file_id": "AwACvoice", "file_unique_id": "AgADvoice", "duration": 3}
CONTACT = {"phone_number": "+628123456789", "first_name": "Saksi"}
POLL = {
    "id": "1",
    "question": "Aman?",
    "options": [
        {"text": "Ya", "voter_count": 0, "persistent_id": "a"},
        {"text": "Tidak", "voter_count": 0, "persistent_id": "b"},
    ],
    "total_voter_count": 0,
    "is_closed": False,
    "is_anonymous": True,
    "type": "regular",
    "allows_multiple_answers": False,
    "allows_revoting": False,
    "members_only": False,
}
PDF = {
    "file_id": "BQACpdf",
    "file_unique_id": "AgADpdf",
    "file_name": "surat.pdf",
    "mime_type": "application/pdf",
}
OTHERS = {
    "video": ({"video": VIDEO}, "Video tidak dapat dilampirkan; kirim foto."),
    "voice": ({"voice": VOICE}, "Pesan suara tidak dapat dilampirkan; tuliskan isinya."),
    "sticker": ({"sticker": STICKER}, "Stiker tidak dapat dipakai sebagai jawaban."),
    "contact": ({"contact": CONTACT}, "Kontak tidak dapat dilampirkan;"),
    "poll": ({"poll": POLL}, "Polling tidak dapat dipakai sebagai jawaban."),
    "pdf": ({"document": PDF}, "Hanya gambar yang dapat dilampirkan; berkas ini bukan gambar."),
}


@pytest.fixture
async def liaison(bot, telegram):
    telegram.set_member_status(GROUP, ADMIN, "administrator")
    return await approve(telegram, OFFICER, "/daftar Polri Polres Kutai Timur")


async def progress():
    _note, draft = await incident_drafts.drafts_of(OFFICER.id)
    return draft.progress if draft else None


async def refused(telegram, send, expected: str, asked: str) -> None:
    """``send`` is refused with ``expected`` first, the step ``asked`` again, nothing changed."""
    before = await progress()
    await send()
    answer = await next_private(telegram, OFFICER)
    assert answer.text.startswith(expected), answer.text
    assert asked in answer.text, answer.text
    assert await progress() == before
    TALLY["bad_inputs"] += 1


async def test_every_bad_input_is_explained_and_changes_nothing(bot, telegram, liaison, clock):
    def text(value):
        return lambda: telegram.send_message(PRIVATE, OFFICER, value)

    def other(content):
        return lambda: telegram.send_other(PRIVATE, OFFICER, **content)

    first = await type_in(telegram, "/kejadian")
    await refused(telegram, text("kerusuhan besar"), "Pilih jenis kejadian", "Jenis kejadian apa?")
    await type_in(telegram, "POLITIK UANG")  # typed instead of tapped: as good
    asked = "Di kecamatan mana?"
    await refused(
        telegram, text("A" * 5000), "Terlalu panjang: 5.000 karakter, paling banyak 60.", asked
    )
    await refused(telegram, text("\u200b \u3164"), "Jawaban ini tidak boleh kosong.", asked)
    for content, expected in OTHERS.values():
        await refused(telegram, other(content), expected, asked)
    # A stale button: the category again, from the first message.
    await refused(
        telegram,
        lambda: telegram.press(OFFICER, first, first.button("🌊 Bencana alam")["callback_data"]),
        "Tombol ini sudah tidak berlaku.",
        asked,
    )
    await type_in(telegram, "Sangatta Utara")
    await type_in(telegram, "Swarga Bara")
    await refused(
        telegram, text("dekat masjid"), "Di sini yang diminta titik lokasi", "Titik lokasi"
    )
    # Far outside Indonesia (Paris): accepted, with a word of warning.
    await telegram.send_user_location(PRIVATE, OFFICER, 48.85661, 2.35222)
    when = await next_private(telegram, OFFICER)
    assert when.text.startswith(
        "📍 Lokasi diterima. Titik ini berada di luar wilayah Indonesia; periksa kembali"
    )
    asked = "Kapan terjadi?"
    await refused(telegram, text("jam sembilan"), "Waktu «jam sembilan» tidak dikenali.", asked)
    await refused(telegram, text("25.00"), "Waktu «25.00» tidak dikenali.", asked)
    await refused(telegram, text("23.00"), "Pukul 23.00 belum lewat hari ini.", asked)
    await type_in(telegram, "pukul 9.30 WITA")  # 08.30 WIB
    asked = "Apa yang terjadi?"
    await refused(
        telegram, text("x" * 5000), "Terlalu panjang: 5.000 karakter, paling banyak 500.", asked
    )
    # A forwarded hoax is the description, as if typed.
    await telegram.send_message(
        PRIVATE,
        OFFICER,
        "Pesan berantai: pemilih yang datang ke TPS 3 akan didenda.",
        forward_origin={"type": "hidden_user", "date": 0, "sender_user_name": "Anonim"},
    )
    urgency = await next_private(telegram, OFFICER)
    assert "Seberapa mendesak?" in urgency.text
    assert (await progress()).description.startswith("Pesan berantai:")
    await refused(telegram, text("darurat"), "Pilih Biasa atau Segera", "Seberapa mendesak?")
    # An edited answer is not read again.
    sent = await telegram.send_message(PRIVATE, OFFICER, "segera")
    photo_step = await next_private(telegram, OFFICER)
    assert "Foto kejadian" in photo_step.text
    before = await progress()
    await edit_message(telegram, sent, "biasa")
    edited = await next_private(telegram, OFFICER)
    assert edited.text.startswith("Pesan yang diubah tidak dibaca ulang;")
    assert await progress() == before and before.urgent
    asked = "Foto kejadian"
    await refused(telegram, text("ini fotonya"), "Kirim foto, atau ketuk Lewati", asked)
    await refused(telegram, other(OTHERS["video"][0]), "Video tidak dapat", asked)
    # An album of seven: five kept, the rest refused, one message counting them.
    await telegram.send_album(PRIVATE, OFFICER, 7, order=[6, 0, 5, 1, 4, 2, 3])
    tally = await next_private(telegram, OFFICER)
    for _ in range(5):  # the seventh changes nothing the sixth had not: no edit
        edited = await next_private(telegram, OFFICER)
        assert edited.message_id == tally.message_id
    assert edited.text.startswith("Paling banyak 5 foto; foto selebihnya tidak disimpan.")
    assert "Foto diterima: 5 dari 5." in edited.text
    kept = (await progress()).photos
    assert len(kept) == 5
    # A sixth, sent alone, and the same picture again: both refused.
    await refused(
        telegram,
        lambda: telegram.send_user_photo(PRIVATE, OFFICER),
        "Paling banyak 5 foto",
        asked,
    )
    # Left for a day: it continues where it was, its times as answered.
    clock.now += timedelta(days=1)
    review = await tap(telegram, edited, "Selesai", replies=2)
    assert "Waktu: Rabu, 13 November 2024, 08.30 WIB" in review.text
    assert "Lokasi: 48.85661, 2.35222 (di luar wilayah Indonesia)" in review.text
    await refused(
        telegram,
        text("kirim"),
        "Laporan sudah lengkap. Ketuk Kirim, Ubah, atau Batal.",
        "Periksa laporan",
    )
    resumed = await type_in(telegram, "/kejadian")
    assert resumed.text.startswith(
        "Melanjutkan laporan kejadian yang belum selesai (dimulai Rabu, 13 November 2024, "
        "09.00 WIB)."
    )

    # Kirim tapped twice: one incident, one post.
    await telegram.press(OFFICER, review, review.button("Kirim")["callback_data"])
    again = await telegram.press(OFFICER, review, review.button("Kirim")["callback_data"])
    receipt = await next_private(telegram, OFFICER)
    assert receipt.text == "✅ Kejadian #1 terkirim ke grup."
    posted = [await telegram.next_message(GROUP.id) for _ in range(7)]
    assert [m.kind for m in posted] == ["photo"] * 5 + ["location", "text"]
    assert "⚠️ Titik lokasi yang dikirim berada di luar wilayah Indonesia." in posted[0].text
    await telegram.callback_answer(again)  # answered, and the receipt stands as it was
    assert telegram.unread(GROUP.id) == [] and telegram.unread(OFFICER.id) == []
    [incident] = await incidents.open_incidents(GROUP.id)
    assert incident.photos == kept and incident.urgent
    assert incident.occurred_at == datetime(2024, 11, 13, 1, 30, tzinfo=UTC)


async def test_the_same_photo_twice_is_kept_once(bot, telegram, liaison):
    await type_in(telegram, "/kejadian")
    photo = telegram.new_photo()
    await telegram.send_user_photo(PRIVATE, OFFICER, photo=photo)
    first = await next_private(telegram, OFFICER)
    assert first.text.startswith("📷 Foto diterima: 1 dari 5.\n\n")
    assert "Jenis kejadian apa?" in first.text  # a photo on the side: the step stays
    await telegram.send_user_photo(PRIVATE, OFFICER, photo=photo)
    again = await next_private(telegram, OFFICER)
    assert again.text.startswith("Foto ini sudah diterima sebelumnya.")
    assert len((await progress()).photos) == 1


async def test_follow_up_notes_refuse_what_is_no_note(bot, telegram, liaison):
    from tests.support.incidents import fill_incident

    await submit(telegram, await fill_incident(telegram))
    post = await telegram.next_message(GROUP.id)
    await telegram.press(OFFICER, post, post.button("Ditangani")["callback_data"])
    prompt = await next_private(telegram, OFFICER)
    assert "Tulis catatan singkat (paling banyak 300 karakter)" in prompt.text
    await telegram.send_other(PRIVATE, OFFICER, sticker=STICKER)
    assert (await next_private(telegram, OFFICER)).text.startswith("Tulis catatan sebagai teks.")
    too_long = await type_in(telegram, "y" * 301)
    assert too_long.text.startswith("Terlalu panjang: 301 karakter, paling banyak 300.")
    cancelled = await type_in(telegram, "/batal")
    assert cancelled.text == "Catatan dibatalkan; status kejadian tidak berubah."
    assert (
        await incidents.history(post_incident := (await incidents.open_incidents(GROUP.id))[0].id)
        == []
    )
    assert post_incident and telegram.unread(GROUP.id) == []
