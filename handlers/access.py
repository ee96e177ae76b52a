"""Who may do what: group-only commands, admin-only settings and buttons."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Coroutine
from datetime import datetime
from typing import Any

from telegram import Chat, Update
from telegram.constants import ChatMemberStatus

from bot.context import BotContext
from bot.domain.user_input import clean_keyword, command_argument
from bot.services import groups
from bot.services.groups import GroupSettings
from bot.texts.i18n import Translator
from handlers.replies import (
    answer_query,
    chat_group,
    refuse_non_admin,
    refuse_outside_group,
    reply,
)

ADMIN_STATUSES = (ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER)

Callback = Callable[[Update, BotContext], Coroutine[Any, Any, None]]
GroupCommand = Callable[[Update, BotContext, Translator, GroupSettings | None], Awaitable[None]]
RegisteredGroupCommand = Callable[[Update, BotContext, Translator, GroupSettings], Awaitable[None]]
SettingView = Callable[[Translator, GroupSettings, datetime], Awaitable[str]]
SettingChange = Callable[[Update, BotContext, Translator, list[str]], Awaitable[None]]


def in_group(update: Update) -> bool:
    chat = update.effective_chat
    return chat is not None and chat.type in (Chat.GROUP, Chat.SUPERGROUP)


async def is_group_admin(update: Update, context: BotContext) -> bool:
    """Asks Telegram now, so a demoted admin loses the right at once."""
    chat = update.effective_chat
    message = update.effective_message
    if message is not None and message.sender_chat is not None:
        # An anonymous admin posts as the group itself; only admins can.
        return message.sender_chat.id == chat.id
    user = update.effective_user
    if user is None:
        return False
    member = await context.bot.get_chat_member(chat.id, user.id)
    return member.status in ADMIN_STATUSES


def group_command(command: GroupCommand) -> Callback:
    """A command that works only in a group chat.

    ``command`` gets the translator for the group's language and the group's
    stored settings (None while nobody has run /mulai); anywhere else the
    person is told the command is for Forkopimda groups.
    """

    @functools.wraps(command)
    async def callback(update: Update, context: BotContext) -> None:
        group, t = await chat_group(update, context)
        if not in_group(update):
            await refuse_outside_group(update, t)
            return
        await command(update, context, t, group)

    # Marks a command callback, so the registry test finds one written but never registered.
    callback.is_group_command = True  # type: ignore[attr-defined]
    return callback


def registered_group_command(command: RegisteredGroupCommand) -> Callback:
    """A group command that needs the group registered: otherwise it says how."""

    @functools.wraps(command)
    async def in_registered_group(
        update: Update, context: BotContext, t: Translator, group: GroupSettings | None
    ) -> None:
        if group is None:
            await reply(
                update, t.gettext("Grup ini belum terdaftar. Admin grup dapat mengetik /mulai.")
            )
            return
        await command(update, context, t, group)

    return group_command(in_registered_group)


def admin_command(command: GroupCommand) -> Callback:
    """A group command only the group's admins may run; anyone else is refused."""

    @functools.wraps(command)
    async def by_admin(
        update: Update, context: BotContext, t: Translator, group: GroupSettings | None
    ) -> None:
        if not await is_group_admin(update, context):
            await refuse_non_admin(update, t)
            return
        await command(update, context, t, group)

    return group_command(by_admin)


def setting_command(show: SettingView) -> Callable[[SettingChange], Callback]:
    """A group setting: on its own the command shows it to anyone, with words an admin changes it.

    Showing registers the group if nobody has run /mulai yet (there is then a
    default to show). ``change`` gets the command's words, read the way zones
    and dates are: invisible marks dropped, full-width "１６:３０" as 16:30.
    """

    def decorate(change: SettingChange) -> Callback:
        @functools.wraps(change)
        async def command(
            update: Update, context: BotContext, t: Translator, group: GroupSettings | None
        ) -> None:
            words = clean_keyword(command_argument(update.effective_message.text)).split()
            if not words:
                chat = update.effective_chat
                now = context.runtime.clock()
                group = group or await groups.register_group(chat.id, chat.title or "", now=now)
                await reply(update, await show(t, group, now))
            elif not await is_group_admin(update, context):
                await refuse_non_admin(update, t)
            else:
                await change(update, context, t, words)

        return group_command(command)

    return decorate


async def tapped_by_group_admin(
    update: Update, context: BotContext, t: Translator, refusal: str
) -> bool:
    """True for a button tapped by an admin in a group; otherwise the tap is told why not."""
    query = update.callback_query
    if not in_group(update):
        await answer_query(query, t.gettext("Tombol ini sudah tidak berlaku."))
        return False
    if not await is_group_admin(update, context):
        await answer_query(query, refusal, show_alert=True)
        return False
    return True
