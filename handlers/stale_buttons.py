"""Taps on buttons no handler knows: old keyboards, forged or garbled callback data.

Telegram keeps a client's spinner turning until the tap is answered, so even
a tap we ignore gets a short answer. This handler runs in a later group and
only when no other callback handler took the tap.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, BaseHandler, CallbackQueryHandler

from bot.context import BotContext
from handlers.replies import answer_query, group_translator

LATER_GROUP = 1


async def answer_stale_tap(update: Update, context: BotContext) -> None:
    """Tells the person the button no longer works (in the group's language); changes nothing."""
    _ = (await group_translator(update, context)).gettext
    await answer_query(update.callback_query, _("Tombol ini sudah tidak berlaku."))


class UnclaimedTap(CallbackQueryHandler):
    """Matches a callback query that no handler of the default group matches."""

    def __init__(self, application: Application) -> None:
        super().__init__(answer_stale_tap)
        self._application = application

    def check_update(self, update: object) -> bool | object | None:
        if not super().check_update(update):
            return False
        return not any(
            isinstance(handler, CallbackQueryHandler) and handler.check_update(update)
            for handler in self._application.handlers.get(0, [])
        )


def handlers(application: Application) -> list[BaseHandler]:
    return [UnclaimedTap(application)]
