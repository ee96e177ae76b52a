"""The database busy for a moment: the liaison is asked to resend, and nothing is lost.

SQLite only: "busy" is SQLite's single-writer lock, which another process
(a backup, a migration, an operator's shell) can hold for seconds. The bot
waits ``busy_timeout`` milliseconds for it (set short here) and then gives up
on that one update.
"""

from __future__ import annotations

import sqlite3

from bot.services.form_sessions import active_form
from tests.support.botapi import Chat
from tests.support.chat import OFFICER
from tests.support.harness import ADMIN, GROUP, running_bot

PRIVATE = Chat.private_with(OFFICER)


async def test_busy_database_asks_to_resend_and_keeps_earlier_answers(
    telegram, tmp_path, clock, caplog
):
    path = tmp_path / "posko.sqlite3"
    async with running_bot(telegram, f"sqlite://{path}?busy_timeout=100", clock):
        telegram.set_member_status(GROUP, ADMIN, "administrator")
        await telegram.send_message(GROUP, OFFICER, "/daftar Polri")
        request = await telegram.next_message(GROUP.id)
        await telegram.press(ADMIN, request, request.button("Setujui")["callback_data"])
        await telegram.next_message(GROUP.id)
        await telegram.send_message(PRIVATE, OFFICER, "/lapor")
        question = await telegram.next_message(PRIVATE.id)
        await telegram.press(OFFICER, question, question.button("Waspada")["callback_data"])
        await telegram.next_message(PRIVATE.id), await telegram.next_message(PRIVATE.id)

        blocker = sqlite3.connect(path, isolation_level=None)
        blocker.execute("BEGIN EXCLUSIVE")  # someone else holds the write lock
        try:
            await telegram.send_message(PRIVATE, OFFICER, "250")
            apology = await telegram.next_message(PRIVATE.id)
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        assert apology.text.startswith("Mohon maaf, sistem sedang sibuk. Silakan kirim kembali")

        await telegram.send_message(PRIVATE, OFFICER, "250")
        assert "Jumlah kejadian menonjol" in (await telegram.next_message(PRIVATE.id)).text
        form = await active_form(OFFICER.id)
        assert dict(form.progress.answers) == {"situasi": "waspada", "personel": 250}
    assert "Error while handling an update" not in caplog.text
