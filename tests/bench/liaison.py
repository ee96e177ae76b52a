"""A liaison filling in the daily report in a private chat, step by step, as a person does.

/lapor, then one reply per question (a tap on a choice, a typed number or
note), then Kirim on the review. Each update's latency runs from the moment
the user sends it to the moment the bot's answer reaches the server: the next
question (a new message), or for Kirim the review edited into its receipt.
"""

from __future__ import annotations

import asyncio
import functools
import math
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.domain.agencies import Agency
from bot.domain.forms import Form, FormSet, Question, QuestionKind
from handlers.form_keyboards import CHOOSE, SUBMIT
from tests.bench.limits import BenchServer, Delivery
from tests.bench.seed import AGENCIES, chat_id_of, user_id_of
from tests.support.botapi import BotMessage, Chat, User

REPLY_TIMEOUT = 30.0
RECEIPT_MARK = "sudah tercatat"  # "Terima kasih, laporan Polri untuk … sudah tercatat."


@dataclass(frozen=True)
class Liaison:
    user: User
    agency: Agency
    group_chat_id: int

    @property
    def chat(self) -> Chat:
        return Chat.private_with(self.user)


def liaisons_of_groups(
    first_group: int,
    count: int,
    per_group: int = len(AGENCIES),
) -> list[Liaison]:
    """``count`` seeded liaisons, ``per_group`` of each group from ``first_group`` on.

    One per group where Telegram's 20 messages a minute to a group would
    otherwise be the limit: each report is announced in its group.
    """
    liaisons = []
    for n in range(count):
        index, k = first_group + n // per_group, n % len(AGENCIES)
        user = User(user_id_of(index, k), f"Penghubung {AGENCIES[k].label} {index}")
        liaisons.append(Liaison(user, AGENCIES[k], chat_id_of(index)))
    return liaisons


def groups_needed(liaisons: int, per_group: int = len(AGENCIES)) -> int:
    return -(-liaisons // per_group)


@dataclass
class Replies:
    """What the bot's answers to a set of liaisons looked like."""

    latencies: list[float] = field(default_factory=list)  # seconds, one per answered update
    answered_at: list[float] = field(default_factory=list)  # perf_counter of each answer
    sent_at: list[float] = field(default_factory=list)  # perf_counter of each answered update
    forms_completed: Counter[int] = field(default_factory=Counter)  # per user id
    lost: int = 0  # updates never answered within REPLY_TIMEOUT
    off_script: int = 0  # answers that were not the next step of the form

    @property
    def updates(self) -> int:
        return len(self.latencies)

    def answered_between(self, start: float, end: float) -> int:
        return sum(1 for at in self.answered_at if start <= at < end)

    def latencies_sent_between(self, start: float, end: float) -> list[float]:
        return [
            latency
            for sent, latency in zip(self.sent_at, self.latencies, strict=True)
            if start <= sent < end
        ]


class Deadline:
    """When liaisons stop (perf_counter); it may be set once they are under way."""

    def __init__(self, at: float = math.inf) -> None:
        self.at = at

    def passed(self) -> bool:
        return time.perf_counter() >= self.at


def typed_answer(question: Question, position: int) -> str:
    """What the liaison types (see ``tests.bench.seed.sample_answers`` for the stored values)."""
    if question.kind is QuestionKind.NUMBER:
        # A part (TPS with complete logistics) stays below its whole (all TPS).
        return "1" if question.part_of else str(10 + position)
    if question.kind is QuestionKind.PERCENT:
        return "87,5"
    return "Situasi kondusif, tidak ada kendala berarti."


def _asked(form: Form, text: str) -> tuple[int, Question] | None:
    """The question of ``form`` that ``text`` asks (the longest prompt found), and its place."""
    found = [
        (len(question.prompt), position, question)
        for position, question in enumerate(form.questions)
        if question.prompt in text
    ]
    if not found:
        return None
    _, position, question = max(found, key=lambda item: item[0])
    return position, question


def _button_data(message: BotMessage, ending: str) -> str | None:
    return next(
        (
            button["callback_data"]
            for button in message.buttons
            if button.get("callback_data", "").endswith(ending)
        ),
        None,
    )


class FormFiller:
    """Plays liaisons against ``server``; every answer is measured into ``replies``."""

    def __init__(self, server: BenchServer, forms: FormSet, replies: Replies) -> None:
        self.server = server
        self.forms = forms
        self.replies = replies

    async def _step(self, liaison: Liaison, kind: str, act: Callable) -> BotMessage | None:
        expected = self.server.expect(liaison.user.id, kind)
        sent = time.perf_counter()
        await act()
        try:
            delivery: Delivery = await asyncio.wait_for(expected, REPLY_TIMEOUT)
        except TimeoutError:
            self.replies.lost += 1
            self.server.forget(liaison.user.id)
            return None
        self.replies.sent_at.append(sent)
        self.replies.latencies.append(delivery.at - sent)
        self.replies.answered_at.append(delivery.at)
        return delivery.message

    async def fill_in(self, liaison: Liaison, think: Callable[[], float], stop: Deadline) -> bool:
        """One whole report; False if abandoned at ``stop`` or gone wrong.

        The questions are those of the group's stage that day, which a local
        midnight during the run may change: the liaison answers whichever
        question of the agency's form the bot asks, until the review.
        """
        form: Form = self.forms.complete.form_for(liaison.agency)
        server, user, chat = self.server, liaison.user, liaison.chat
        message = await self._step(
            liaison, "send", lambda: server.send_message(chat, user, "/lapor")
        )
        for _ in range(len(form.questions)):
            if message is None:
                return False
            if _button_data(message, f":{SUBMIT}") is not None:
                break  # the review
            asked = _asked(form, message.text)
            if asked is None:
                self.replies.off_script += 1
                return False
            position, question = asked
            await asyncio.sleep(think())
            if stop.passed():
                return False
            if question.kind is QuestionKind.CHOICE:
                data = _button_data(message, f":{CHOOSE}:{question.id}:{question.choices[0].value}")
                if data is None:
                    self.replies.off_script += 1
                    return False
                act = functools.partial(server.press, user, message, data)
            else:
                act = functools.partial(
                    server.send_message, chat, user, typed_answer(question, position)
                )
            message = await self._step(liaison, "send", act)
        if message is None:
            return False
        submit = _button_data(message, f":{SUBMIT}")
        if submit is None:
            self.replies.off_script += 1
            return False
        await asyncio.sleep(think())
        if stop.passed():
            return False
        receipt = await self._step(liaison, "edit", lambda: server.press(user, message, submit))
        if receipt is None:
            return False
        if RECEIPT_MARK not in receipt.text:
            self.replies.off_script += 1
            return False
        self.replies.forms_completed[user.id] += 1
        return True

    async def keep_reporting(
        self,
        liaison: Liaison,
        think: Callable[[], float],
        stop: Deadline,
        first_delay: float = 0.0,
    ) -> None:
        """Report after report (each replaces the day's earlier one) until ``stop``."""
        await asyncio.sleep(first_delay)
        while not stop.passed():
            if not await self.fill_in(liaison, think, stop) and not stop.passed():
                return  # gone wrong: counted in ``replies``; this liaison stops
            await asyncio.sleep(think())  # before the next /lapor, as before every answer
