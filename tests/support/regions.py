"""Groups set up by their region codes, linked through /induk, reporting through the real form."""

from __future__ import annotations

from dataclasses import dataclass

from tests.support.botapi import BotMessage, Chat, TelegramServer, User
from tests.support.chat import say
from tests.support.harness import ADMIN


@dataclass(frozen=True)
class Forum:
    """A region's group, its Polri liaison, and what that liaison reports (unique per group)."""

    tag: str  # "KALTIM": marks this group's note, so a leak shows as a foreign tag
    chat: Chat
    code: str | None  # None: the national group
    name: str  # as the bot names the region
    liaison: User
    personel: int  # a distinct power of ten per group: a sum shows whose figures it holds

    @property
    def note(self) -> str:
        return f"Catatan rahasia {self.tag}"


async def set_up(telegram: TelegramServer, forum: Forum) -> None:
    """The admin gives the group its region and approves its Polri liaison."""
    telegram.set_member_status(forum.chat, ADMIN, "administrator")
    region = forum.code or "nasional"
    answer = await say(telegram, f"/wilayah {region}", chat=forum.chat)
    assert answer.text.startswith("Wilayah grup ini sekarang"), answer.text
    request = await say(
        telegram, f"/daftar Polri Polisi {forum.tag}", user=forum.liaison, chat=forum.chat
    )
    await telegram.press(ADMIN, request, request.button("Setujui")["callback_data"])
    await telegram.next_message(forum.chat.id)


async def ask_to_join(
    telegram: TelegramServer, lower: Forum, upper: Forum
) -> tuple[BotMessage, BotMessage]:
    """The lower group's admin asks to join by the upper region's code; returns the lower
    group's answer and the request as the upper group sees it."""
    argument = upper.code or "nasional"
    answer = await say(telegram, f"/induk {argument}", chat=lower.chat)
    request = await telegram.next_message(upper.chat.id)
    return answer, request


async def join(telegram: TelegramServer, lower: Forum, upper: Forum) -> None:
    """The lower group asks, the upper group's admin taps Terima; both are told."""
    answer, request = await ask_to_join(telegram, lower, upper)
    assert "sudah dikirim" in answer.text, answer.text
    await telegram.press(ADMIN, request, request.button("Terima")["callback_data"])
    accepted = await telegram.next_message(upper.chat.id)
    assert "sekarang berada di bawah grup ini" in accepted.text, accepted.text
    told = await telegram.next_message(lower.chat.id)
    assert told.text.startswith("✅ Permintaan diterima"), told.text


async def report(
    telegram: TelegramServer, forum: Forum, situation: str = "Aman", incidents: int = 1
) -> None:
    """The group's Polri liaison fills in the day's form in the private chat and sends it."""
    private = Chat.private_with(forum.liaison)
    question = await say(telegram, "/lapor", user=forum.liaison, chat=private)
    await telegram.press(forum.liaison, question, question.button(situation)["callback_data"])
    await telegram.next_message(private.id)
    await telegram.next_message(private.id)
    # Then the three TPS counts, the note and the follow-up request, all skipped.
    for answer in (str(forum.personel), str(incidents), forum.note, "-", "-", "-", "-", "-"):
        review = await say(telegram, answer, user=forum.liaison, chat=private)
    await telegram.press(forum.liaison, review, review.button("Kirim")["callback_data"])
    await telegram.next_message(private.id)
    line = await telegram.next_message(forum.chat.id)
    assert "telah melapor" in line.text, line.text
