"""End to end: an incident reported in a private chat reaches its group at once, and is
followed up until done, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.app import publisher_of
from bot.domain.agencies import Agency
from bot.domain.incidents import IncidentStatus, MediaKind, Urgency
from bot.services import incidents
from tests.support.botapi import Chat, Fault, User
from tests.support.chat import OFFICER, approve, say, tap, type_in
from tests.support.harness import ADMIN, GROUP, MEMBER, OTHER_GROUP
from tests.support.incidents import DESCRIPTION, fill_incident, next_private, submit

PRIVATE = Chat.private_with(OFFICER)
DAY = (datetime(2024, 11, 12, 17, tzinfo=UTC), datetime(2024, 11, 13, 17, tzinfo=UTC))


@pytest.fixture
async def liaison(bot, telegram):
    """Andi, approved as the Polri liaison of GROUP."""
    telegram.set_member_status(GROUP, ADMIN, "administrator")
    return await approve(telegram, OFFICER, "/daftar Polri Polres Kutai Timur")


async def stored() -> list:
    return await incidents.incidents_between([GROUP.id, OTHER_GROUP.id], *DAY)


async def test_urgent_incident_with_album_and_pin_is_followed_up_to_done(
    bot, telegram, liaison, clock
):
    telegram.allow_pinning(GROUP)
    first = await type_in(telegram, "/kejadian")
    assert first.text.startswith("Laporan kejadian\nForkopimda Kabupaten Kutai Timur\n")
    assert "Langkah 1 dari 8\nJenis kejadian apa?" in first.text
    assert [b["text"] for b in first.buttons][:2] == [
        "⚔️ Gangguan keamanan/konflik",
        "💰 Politik uang",
    ]
    step = await tap(telegram, first, "💰 Politik uang", replies=2)
    assert "Di kecamatan mana?" in step.text
    await type_in(telegram, "Sangatta Utara")
    location_step = await type_in(telegram, "Swarga Bara")
    assert "Titik lokasi kejadian" in location_step.text
    await telegram.send_user_location(PRIVATE, OFFICER, 0.50871, 117.53812)
    when = await next_private(telegram, OFFICER)
    assert "Kapan terjadi?" in when.text and [b["text"] for b in when.buttons] == ["Sekarang"]
    description = await type_in(telegram, "08.30")
    assert "Apa yang terjadi?" in description.text
    urgency = await type_in(telegram, "Pembagian amplop di <b>TPS 3</b> & sekitarnya.")
    photos = await tap(telegram, urgency, "Segera", replies=2)
    assert [b["text"] for b in photos.buttons] == ["Lewati"]

    # An album: three updates with one media group id, arriving out of order.
    await telegram.send_album(PRIVATE, OFFICER, 3, order=[2, 0, 1])
    tally = await next_private(telegram, OFFICER)
    assert tally.text.startswith("📷 Foto diterima: 1 dari 5.")
    for _ in range(2):
        edited = await next_private(telegram, OFFICER)
        assert edited.message_id == tally.message_id  # one message, counting
    assert edited.text.startswith("📷 Foto diterima: 3 dari 5.")
    assert [b["text"] for b in edited.buttons] == ["Selesai"]
    review = await tap(telegram, edited, "Selesai", replies=2)
    assert review.text.split("\n") == [
        "Periksa laporan kejadian",
        "Jenis: Politik uang",
        "Kecamatan: Sangatta Utara",
        "Desa/kelurahan: Swarga Bara",
        "Lokasi: 0.50871, 117.53812",
        "Waktu: Rabu, 13 November 2024, 08.30 WIB",
        "Uraian: Pembagian amplop di <b>TPS 3</b> & sekitarnya.",
        "Urgensi: Segera",
        "Foto: 3",
        "Ketuk Kirim untuk mengirim ke grup sekarang.",
    ]
    assert [b["text"] for b in review.buttons] == ["Kirim", "Ubah", "Batal"]

    receipt = await submit(telegram, review)
    assert receipt.text == "✅ Kejadian #1 terkirim ke grup."
    album = [await telegram.next_message(GROUP.id) for _ in range(3)]
    assert [m.kind for m in album] == ["photo"] * 3
    assert len({m.media_group_id for m in album}) == 1
    assert album[0].text == (
        "🚨 Kejadian #1 · Politik uang · Segera\n"
        "Pelapor: Andi Polres · Polri (Polres Kutai Timur)\n"
        "Tempat: Swarga Bara, Kec. Sangatta Utara\n"
        "Waktu: Rabu, 13 November 2024, 08.30 WIB\n\n"
        "Pembagian amplop di <b>TPS 3</b> & sekitarnya."
    )
    assert album[1].text == album[2].text == ""
    pin = await telegram.next_message(GROUP.id)
    assert pin.kind == "location" and pin.location == (0.50871, 117.53812)
    assert pin.reply_to == album[0].message_id
    control = await telegram.next_message(GROUP.id)
    assert control.text == "Tindak lanjut Kejadian #1:" and control.reply_to == album[0].message_id
    assert [b["text"] for b in control.buttons] == ["Ditangani", "Selesai"]
    assert telegram.pinned[GROUP.id] == [album[0].message_id]
    [incident] = await stored()
    assert incident.number == 1 and incident.urgency is Urgency.URGENT
    assert [p.kind for p in incident.photos] == [MediaKind.PHOTO] * 3
    assert incident.photos[0].file_id.startswith("AgAC")  # Telegram's ids, not pictures
    assert incident.occurred_at == datetime(2024, 11, 13, 1, 30, tzinfo=UTC)

    # Ditangani by the liaison: the note is asked in the private chat.
    clock.now += timedelta(minutes=45)
    await telegram.press(OFFICER, control, control.button("Ditangani")["callback_data"])
    prompt = await next_private(telegram, OFFICER)
    assert prompt.text.startswith("Kejadian #1 · 💰 Politik uang → Ditangani\nTulis catatan")
    done = await type_in(telegram, "Tim Gakkumdu sudah di lokasi.")
    assert done.text == "✅ Tercatat: Kejadian #1 kini Ditangani."
    handling = await telegram.next_message(GROUP.id)
    assert handling.reply_to == album[0].message_id
    assert handling.text == (
        "🛠 Kejadian #1 · Ditangani\n"
        "Oleh Andi Polres · Polri (Polres Kutai Timur), Rabu, 13 November 2024, 09.45 WIB\n"
        "Catatan: Tim Gakkumdu sudah di lokasi."
    )
    assert telegram.pinned[GROUP.id] == [album[0].message_id]  # still open: still pinned

    # Selesai by the group's admin, who is no liaison.
    clock.now += timedelta(hours=2)
    await telegram.press(ADMIN, control, control.button("Selesai")["callback_data"])
    await next_private(telegram, ADMIN)
    await type_in(telegram, "Pelaku diamankan, barang bukti dicatat.", user=ADMIN)
    closed = await telegram.next_message(GROUP.id)
    assert closed.text.startswith("✅ Kejadian #1 · Selesai\nOleh Budi · admin grup, ")
    assert telegram.pinned[GROUP.id] == []
    stripped = await telegram.next_message(GROUP.id)
    assert stripped.message_id == control.message_id and control.buttons == []  # none left
    history = await incidents.history(incident.id)
    assert [(c.status, c.name, c.agency) for c in history] == [
        (IncidentStatus.HANDLING, "Andi Polres", Agency.POLRI),
        (IncidentStatus.DONE, "Budi", None),
    ]
    assert history[0].at == datetime(2024, 11, 13, 2, 45, tzinfo=UTC)
    listing = await say(telegram, "/kejadian_terbuka")
    assert listing.text.startswith("Tidak ada kejadian yang belum selesai.")


async def test_incident_without_photos_or_location_is_one_message_with_buttons(
    bot, telegram, liaison
):
    receipt = await submit(telegram, await fill_incident(telegram))
    assert receipt.text == "✅ Kejadian #1 terkirim ke grup."
    post = await telegram.next_message(GROUP.id)
    assert post.kind == "text"
    assert post.text.startswith("💰 Kejadian #1 · Politik uang · Biasa\n")
    assert post.text.endswith("\n\n" + DESCRIPTION)
    assert "Waktu: Rabu, 13 November 2024, 09.00 WIB" in post.text  # "Sekarang"
    assert [b["text"] for b in post.buttons] == ["Ditangani", "Selesai"]
    assert telegram.unread(GROUP.id) == [] and telegram.pinned[GROUP.id] == []

    await submit(telegram, await fill_incident(telegram, category="🌊 Bencana alam"))
    second = await telegram.next_message(GROUP.id)
    assert second.text.startswith("🌊 Kejadian #2 · Bencana alam · Biasa")
    listing = await say(telegram, "/kejadian_terbuka")
    assert listing.text.split("\n")[0] == "Kejadian belum selesai: 2"
    assert "#1 · Politik uang · Baru" in listing.text and "#2 · Bencana alam · Baru" in listing.text


async def test_one_photo_and_an_image_file_go_as_a_captioned_photo_and_a_file(
    bot, telegram, liaison
):
    review = await fill_incident(telegram, photos=1)
    # An image sent "as a file" after the review counts too; the review is shown again.
    await telegram.send_user_photo(PRIVATE, OFFICER, as_file=True)
    again = await next_private(telegram, OFFICER)
    assert again.text.startswith("📷 Foto diterima: 2 dari 5.\n\nPeriksa laporan kejadian")
    await submit(telegram, again)
    photo = await telegram.next_message(GROUP.id)
    assert photo.kind == "photo" and photo.text.startswith("💰 Kejadian #1")
    assert [b["text"] for b in photo.buttons] == ["Ditangani", "Selesai"]
    document = await telegram.next_message(GROUP.id)
    assert document.kind == "document" and document.reply_to == photo.message_id
    [incident] = await stored()
    assert [p.kind for p in incident.photos] == [MediaKind.PHOTO, MediaKind.DOCUMENT]
    assert review.text.endswith("Ketuk Kirim untuk mengirim ke grup sekarang.")


async def test_kejadian_in_the_group_opens_a_private_chat_and_admins_may_report(bot, telegram):
    telegram.set_member_status(GROUP, ADMIN, "administrator")
    await say(telegram, "/mulai")
    answer = await say(telegram, "/kejadian")
    assert answer.text == "Budi, laporkan kejadian melalui percakapan pribadi dengan bot:"
    url = answer.button("Laporkan kejadian")["url"]
    assert url == "https://t.me/PoskoForkopimdaBot?start=kejadian_m1001234567890"
    review = await fill_incident(telegram, ADMIN, start="/start kejadian_m1001234567890")
    await submit(telegram, review, user=ADMIN)
    post = await telegram.next_message(GROUP.id)
    assert "Pelapor: Budi · admin grup" in post.text

    stranger = await say(telegram, "/kejadian", user=MEMBER)
    assert stranger.text.startswith("Hanya penghubung yang disetujui dan admin grup")
    refused = await type_in(telegram, "/start kejadian_m1001234567890", user=MEMBER)
    assert refused.text.startswith("Anda bukan penghubung yang disetujui atau admin")
    assert len(await stored()) == 1


async def test_the_bot_without_the_right_to_pin_still_posts(bot, telegram, liaison):
    await submit(telegram, await fill_incident(telegram, urgent=True))
    post = await telegram.next_message(GROUP.id)
    assert post.text.startswith("🚨 Kejadian #1 · Politik uang · Segera")
    assert telegram.pinned[GROUP.id] == []
    assert telegram.calls_of("pinChatMessage")  # tried, and refused by Telegram


async def test_a_post_that_fails_is_retried_once_later(bot, telegram, liaison, clock):
    review = await fill_incident(telegram, photos=2)
    # Telegram is down for this album: the retries of the request do not get through.
    telegram.fail_next("sendMediaGroup", Fault(502, "Bad Gateway"), times=5)
    receipt = await submit(telegram, review)
    assert receipt.text == "Kejadian #1 tersimpan; pengirimannya ke grup sedang dicoba lagi."
    assert telegram.unread(GROUP.id) == []
    publisher = publisher_of(bot)
    assert await publisher.retry_unposted() == 0  # too soon: a tap may be posting it now
    clock.now += timedelta(minutes=1)
    assert await publisher.retry_unposted() == 1
    assert await publisher.retry_unposted() == 0
    sent = [m.kind for m in telegram.unread(GROUP.id)]
    assert sent == ["photo", "photo", "text"]  # the album, whole, and its buttons, once


async def test_an_album_whose_buttons_did_not_arrive_gets_them_once_later(
    bot, telegram, liaison, clock
):
    """The buttons' own message goes out at least once: without it nobody can follow up."""
    review = await fill_incident(telegram, photos=2)
    telegram.fail_next("sendMessage", Fault(400, "Bad Request: PEER_FLOOD"), chat_id=GROUP.id)
    await submit(telegram, review)
    album = [await telegram.next_message(GROUP.id) for _ in range(2)]
    assert [m.kind for m in album] == ["photo", "photo"]
    assert telegram.unread(GROUP.id) == []  # no buttons
    publisher = publisher_of(bot)
    assert await publisher.retry_unposted() == 0  # too soon: a tap may be posting it now
    clock.now += timedelta(minutes=1)
    assert await publisher.retry_unposted() == 1
    control = await telegram.next_message(GROUP.id)
    assert control.text == "Tindak lanjut Kejadian #1:" and control.reply_to == album[0].message_id
    assert [b["text"] for b in control.buttons] == ["Ditangani", "Selesai"]
    assert await publisher.retry_unposted() == 0  # recorded now: not sent again
    assert telegram.unread(GROUP.id) == []


async def test_a_follow_up_whose_reply_did_not_arrive_is_told_once_later(
    bot, telegram, liaison, clock
):
    """The group must learn an incident is handled: the reply goes out at least once."""
    await submit(telegram, await fill_incident(telegram))
    post = await telegram.next_message(GROUP.id)
    await telegram.press(OFFICER, post, post.button("Ditangani")["callback_data"])
    await next_private(telegram, OFFICER)
    telegram.fail_next("sendMessage", Fault(400, "Bad Request: PEER_FLOOD"), chat_id=GROUP.id)
    done = await type_in(telegram, "Tim sudah di lokasi.")
    assert done.text == "✅ Tercatat: Kejadian #1 kini Ditangani."
    assert telegram.unread(GROUP.id) == []
    publisher = publisher_of(bot)
    clock.now += timedelta(minutes=1)
    assert await publisher.retry_unposted() == 1
    reply = await telegram.next_message(GROUP.id)
    assert reply.text.startswith("🛠 Kejadian #1 · Ditangani")
    assert reply.reply_to == post.message_id
    assert await publisher.retry_unposted() == 0  # recorded now: not sent again
    assert telegram.unread(GROUP.id) == []


async def test_follow_up_by_someone_the_bot_may_not_write_to_first(bot, telegram, liaison):
    await submit(telegram, await fill_incident(telegram))
    post = await telegram.next_message(GROUP.id)
    telegram.fail_next(
        "sendMessage",
        Fault(403, "Forbidden: bot can't initiate conversation with a user"),
        chat_id=ADMIN.id,
    )
    query = await telegram.press(ADMIN, post, post.button("Selesai")["callback_data"])
    answer = await telegram.callback_answer(query)
    [incident] = await stored()
    assert answer["url"] == (f"https://t.me/PoskoForkopimdaBot?start=tindak_{incident.id}_selesai")
    prompt = await type_in(telegram, f"/start tindak_{incident.id}_selesai", user=ADMIN)
    assert "→ Selesai" in prompt.text
    await type_in(telegram, "Sudah selesai ditangani.", user=ADMIN)
    closed = await telegram.next_message(GROUP.id)
    assert closed.text.startswith("✅ Kejadian #1 · Selesai")
    assert closed.reply_to == post.message_id and post.buttons == []


async def test_groups_see_only_their_own_incidents(bot, telegram, liaison):
    other_officer = User(555555555, "Yohan Polresta")
    telegram.set_member_status(OTHER_GROUP, ADMIN, "administrator")
    await approve(telegram, other_officer, "/daftar Polri Polresta Jayapura", group=OTHER_GROUP)
    await submit(telegram, await fill_incident(telegram))
    ours = await telegram.next_message(GROUP.id)
    await submit(telegram, await fill_incident(telegram, other_officer), user=other_officer)
    theirs = await telegram.next_message(OTHER_GROUP.id)
    assert theirs.text.startswith("💰 Kejadian #1 ")  # numbered per group
    assert ours.text.startswith("💰 Kejadian #1 ")

    # A button of GROUP's incident, tapped (or forged) in OTHER_GROUP, does nothing there.
    forged = type(theirs)(OTHER_GROUP.id, theirs.message_id, "", "", ours.reply_markup)
    query = await telegram.press(other_officer, forged, ours.button("Selesai")["callback_data"])
    answer = await telegram.callback_answer(query)
    assert answer["text"] == "Tombol ini bukan untuk kejadian di grup ini."
    # A stranger's tap in the right group is refused too.
    query = await telegram.press(other_officer, ours, ours.button("Selesai")["callback_data"])
    answer = await telegram.callback_answer(query)
    assert answer["text"].startswith("Hanya penghubung yang disetujui dan admin grup")
    assert telegram.unread(other_officer.id) == []

    listing = await say(telegram, "/kejadian_terbuka", user=ADMIN, chat=OTHER_GROUP)
    assert listing.text.split("\n")[0] == "Kejadian belum selesai: 1"
    assert [i.status for i in await stored()] == [IncidentStatus.NEW, IncidentStatus.NEW]
    assert {i.chat_id for i in await incidents.incidents_between([GROUP.id], *DAY)} == {GROUP.id}


async def test_the_summary_counts_the_days_incidents_and_lists_the_open_ones(
    bot, telegram, liaison, clock
):
    from bot.app import scheduler_of

    await submit(telegram, await fill_incident(telegram, urgent=True))
    await telegram.next_message(GROUP.id)
    await submit(telegram, await fill_incident(telegram))
    await submit(telegram, await fill_incident(telegram, category="🌊 Bencana alam"))
    post = [await telegram.next_message(GROUP.id) for _ in range(2)][-1]
    await telegram.press(OFFICER, post, post.button("Selesai")["callback_data"])
    await next_private(telegram, OFFICER)
    await type_in(telegram, "Jalan sudah dapat dilalui.")
    await telegram.next_message(GROUP.id), await telegram.next_message(GROUP.id)

    summary = await say(telegram, "/ringkasan")
    block = summary.text.split("\n\n")[2].split("\n")
    assert block == [
        "Kejadian tercatat: 3 (Politik uang 2, Bencana alam 1)",
        "Belum selesai: 2",
        "• 🚨 #1 Politik uang · Kec. Sangatta Utara · Baru",
        "• #2 Politik uang · Kec. Sangatta Utara · Baru",
    ]
    telegram.set_member_status(OTHER_GROUP, ADMIN, "administrator")
    await say(telegram, "/mulai", chat=OTHER_GROUP)
    other = await say(telegram, "/ringkasan", chat=OTHER_GROUP)
    assert "Kejadian tercatat: tidak ada" in other.text and "#1" not in other.text

    clock.set(2024, 11, 13, 10, 0)  # 17.00 WIB: the scheduled summary says the same
    await scheduler_of(bot).tick()
    scheduled = [m for m in telegram.unread(GROUP.id) if "Ringkasan harian" in m.text]
    assert scheduled and "\n".join(block) in scheduled[0].text
