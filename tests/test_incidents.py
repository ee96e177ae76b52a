"""End to end: an incident reported in a private chat reaches its group at once, and is
followed up until done."""

from __future__ import annotations

import pytest

from bot.services import incidents
from tests.support.botapi import Chat
from tests.support.chat import OFFICER, approve, tap, type_in
from tests.support.harness import ADMIN, GROUP

PRIVATE = Chat.private_with(OFFICER)


@pytest.fixture
async def liaison(bot, telegram):
    """Andi, approved as the Polri liaison of GROUP."""
    telegram.set_member_status(GROUP, ADMIN, "administrator")
    return await approve(telegram, OFFICER, "/daftar Polri Polres Kutai Timur")


async def test_urgent_incident_with_album_and_pin(bot, telegram, liaison):
    telegram.allow_pinning(GROUP)
    first = await type_in(telegram, "/kejadian")
    assert "Jenis kejadian apa?" in first.text
    step = await tap(telegram, first, "💰 Politik uang", replies=2)
    assert "Di kecamatan mana?" in step.text
    await type_in(telegram, "Sangatta Utara")
    location_step = await type_in(telegram, "Swarga Bara")
    assert "Titik lokasi" in location_step.text
    await telegram.send_user_location(PRIVATE, OFFICER, 0.5087, 117.5381)
    when = await telegram.next_message(PRIVATE.id)
    assert "Kapan terjadi?" in when.text
    description = await type_in(telegram, "08.30")
    assert "Apa yang terjadi?" in description.text
    urgency = await type_in(telegram, "Pembagian amplop di <b>TPS 3</b> & sekitarnya.")
    photos = await tap(telegram, urgency, "Segera", replies=2)
    assert "Foto kejadian" in photos.text
    await telegram.send_album(PRIVATE, OFFICER, 3, order=[2, 0, 1])
    tally = await telegram.next_message(PRIVATE.id)
    print(tally.text)
    for _ in range(2):
        edited = await telegram.next_message(PRIVATE.id)
        assert edited.message_id == tally.message_id
    assert "Foto diterima: 3 dari 5" in edited.text
    review = await tap(telegram, edited, "Selesai", replies=2)
    print(review.text)
    assert "Periksa laporan kejadian" in review.text
    await telegram.press(OFFICER, review, review.button("Kirim")["callback_data"])
    done = await telegram.next_message(PRIVATE.id)
    print(done.text)
    posted = [await telegram.next_message(GROUP.id) for _ in range(5)]
    for message in posted:
        print(message.kind, message.media_group_id, message.reply_to, repr(message.text[:300]))
    print(telegram.pinned)
