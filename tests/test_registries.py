"""Each extension point has one registry, and these tests fail when an entry is half-added.

Commands: the registry, the handlers the bot registers, the menus it
publishes in each language, /bantuan and the README's command table agree.
Scheduled post kinds: every kind has an entry with a composer, and /jadwal
and the README list each. Agencies: the registration keyboard offers each.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path

from telegram.ext import CommandHandler

import handlers
from bot.domain.agencies import Agency
from bot.scheduling.post_kinds import POST_KINDS, PostKind
from bot.texts.i18n import translator
from bot.transport.commands import group_menu, help_lines, private_menu
from handlers.commands import COMMANDS
from handlers.registration import agency_keyboard, rows_of
from tests.support.chat import say
from tests.support.harness import GROUP

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
HANDLER_MODULES = [
    module
    for name, module in inspect.getmembers(handlers, inspect.ismodule)
    if module.__name__.startswith("handlers.")
]


def section(title: str) -> str:
    """The README section under ``## title``, up to the next heading of its level."""
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## )", README, re.M | re.S)
    assert match, f"README has no section {title!r}"
    return match.group(1)


def test_every_command_has_a_handler_and_a_description_in_each_language():
    english = translator("en")
    names = [name for command in COMMANDS for name in command.names]
    assert len(names) == len(set(names)), "a command name is registered twice"
    for command in COMMANDS:
        assert command.group or command.private, f"/{command.name} has no handler"
        assert command.handlers()
        assert english.gettext(command.description) != command.description, (
            f"/{command.name} has no English menu line"
        )


def test_every_command_callback_written_is_registered():
    registered = {command.group for command in COMMANDS}
    written = {
        f"{module.__name__}.{name}"
        for module in HANDLER_MODULES
        for name, function in vars(module).items()
        if getattr(function, "is_group_command", False)
        and function not in registered
        and getattr(function, "__module__", None) == module.__name__
    }
    assert written == set(), "group commands written but missing from handlers.commands"


async def test_the_bot_answers_exactly_the_registry_and_publishes_it(bot, telegram):
    answered = {
        name
        for group in bot.handlers.values()
        for handler in group
        if isinstance(handler, CommandHandler)
        for name in handler.commands
    }
    assert answered == {name for command in COMMANDS for name in command.names}
    for locale, suffix in (("id", ""), ("en", "en")):
        t = translator(locale)
        for scope, menu in (
            ("all_group_chats", group_menu(COMMANDS)),
            ("all_private_chats", private_menu(COMMANDS)),
        ):
            assert telegram.commands[f"{scope}:{suffix}"] == [
                {"command": command.name, "description": t.gettext(command.description)}
                for command in menu
            ]
    help_text = (await say(telegram, "/bantuan", chat=GROUP)).text
    for line in help_lines(translator("id"), COMMANDS):
        assert line in help_text


def test_the_readme_documents_every_command_and_no_other():
    documented = set(re.findall(r"`/([a-z_]+)", section("Commands")))
    primary = {command.name for command in COMMANDS}
    aliases = {alias for command in COMMANDS for alias in command.aliases}
    assert primary <= documented, f"undocumented: {sorted(primary - documented)}"
    assert documented <= primary | aliases, f"no such command: {sorted(documented - primary)}"


def test_every_post_kind_has_a_registry_entry_with_a_composer():
    assert list(POST_KINDS) == [kind for kind in PostKind if kind in POST_KINDS]
    assert set(PostKind) == set(POST_KINDS), "a post kind without an entry in POST_KINDS"
    english = translator("en")
    for kind, spec in POST_KINDS.items():
        assert spec.kind is kind
        assert inspect.iscoroutinefunction(spec.compose), f"{kind}: no composer"
        assert english.gettext(spec.description) != spec.description, f"{kind}: no English"


def test_the_readme_lists_every_post_kind():
    documented = set(re.findall(r"^\| `([a-z_]+)` \|", section("Scheduled posts"), re.M))
    assert documented == {kind.value for kind in PostKind}


async def test_jadwal_lists_every_post_kind(bot, telegram):
    listing = (await say(telegram, "/jadwal")).text
    for kind in POST_KINDS:
        assert f"• {kind.value} " in listing


def test_the_registration_keyboard_offers_every_agency_four_to_a_row():
    rows = agency_keyboard(1).inline_keyboard
    labels = [button.text for row in rows for button in row]
    assert labels == [agency.label for agency in Agency]
    assert [len(row) for row in rows] == [4, 3]
    # An eighth agency would get its own place, not be dropped.
    assert [len(row) for row in rows_of(list(range(8)), 4)] == [4, 4]
    assert [len(row) for row in rows_of(list(range(9)), 4)] == [4, 4, 1]
