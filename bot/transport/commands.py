"""A bot command as one entry: its handlers, its menu line in each language, its help line.

``handlers.commands.COMMANDS`` lists every command in menu order; from it the
bot registers the ``CommandHandler``s, publishes the menus with setMyCommands
and writes ``/bantuan``. ``tests/test_registries.py`` checks the three (and
the README's command table) agree, so a half-added command fails a test.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from telegram import (
    Bot,
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
    Update,
)
from telegram.ext import Application, BaseHandler, CommandHandler, filters

from bot.texts.i18n import DEFAULT_LOCALE, SUPPORTED_LOCALES, Translator, translator

Callback = Callable[[Update, Any], Coroutine[Any, Any, None]]

# A command typed in a private chat counts once: an edited one may come long
# after and must not restart or switch the form the liaison is in.
_PRIVATE_MESSAGES = filters.ChatType.PRIVATE & filters.UpdateType.MESSAGE


@dataclass(frozen=True)
class Command:
    """A command and where it answers.

    ``group`` answers in group chats; when it is the only callback it also
    answers elsewhere (to say the command is for groups). ``private`` answers
    in private chats. A command with a ``group`` callback is in the group
    menu and in ``/bantuan``; one with a ``private`` callback is in the
    private menu. ``aliases`` are answered the same way and listed nowhere.
    """

    name: str
    description: str  # a catalog message: the menu line and the /bantuan line
    group: Callback | None = None
    private: Callback | None = None
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def handlers(self) -> list[BaseHandler]:
        if self.group is not None and self.private is not None and self.group is not self.private:
            return [
                CommandHandler(self.names, self.group, filters=filters.ChatType.GROUPS),
                CommandHandler(self.names, self.private, filters=_PRIVATE_MESSAGES),
            ]
        if self.group is not None:
            return [CommandHandler(self.names, self.group)]
        if self.private is not None:
            return [CommandHandler(self.names, self.private, filters=_PRIVATE_MESSAGES)]
        raise ValueError(f"/{self.name} has no handler")


def group_menu(commands: Iterable[Command]) -> list[Command]:
    return [command for command in commands if command.group is not None]


def private_menu(commands: Iterable[Command]) -> list[Command]:
    return [command for command in commands if command.private is not None]


def help_lines(t: Translator, commands: Iterable[Command]) -> list[str]:
    """``/ringkasan — Ringkasan harian …``: one line per group command, in menu order."""
    return [
        f"/{command.name} — {t.gettext(command.description)}" for command in group_menu(commands)
    ]


async def publish_commands(application: Application, commands: Sequence[Command]) -> None:
    """Publishes the command menus; Indonesian is the default for every client language."""
    for locale in SUPPORTED_LOCALES:
        _ = translator(locale).gettext
        language = None if locale == "id" else locale
        for scope, menu in (
            (BotCommandScopeAllGroupChats(), group_menu(commands)),
            (BotCommandScopeAllPrivateChats(), private_menu(commands)),
        ):
            await application.bot.set_my_commands(
                [BotCommand(command.name, _(command.description)) for command in menu],
                scope=scope,
                language_code=language,
            )


async def publish_chat_menu(
    bot: Bot, chat_id: int, commands: Sequence[Command], locale: str
) -> None:
    """One group's menu in the group's language (``/bahasa``), whatever its members' clients say.

    Indonesian drops the group's own menu, so the published defaults apply again.
    """
    scope = BotCommandScopeChat(chat_id)
    if locale == DEFAULT_LOCALE:
        await bot.delete_my_commands(scope=scope)
        return
    _ = translator(locale).gettext
    await bot.set_my_commands(
        [BotCommand(command.name, _(command.description)) for command in group_menu(commands)],
        scope=scope,
    )
