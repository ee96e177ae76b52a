"""Telegram glue: parse the update, call a service, render the reply; never the ORM.

One module per feature. Commands are registered from ``handlers.commands``
(the registry: handler, menu line, help line); each module with buttons or
other updates returns those handlers from ``handlers()``.

May import: anything in ``bot`` but ``bot.storage`` (and never tortoise).
"""

from telegram.ext import Application

from handlers import (
    daily_status,
    errors,
    group_links,
    incident_entry,
    incident_follow_up,
    incident_form,
    membership,
    private_chat,
    regions,
    registration,
    report_entry,
    report_form,
    stale_buttons,
)
from handlers.commands import COMMANDS

__all__ = ["COMMANDS", "register_handlers"]


def register_handlers(application: Application) -> None:
    for command in COMMANDS:
        application.add_handlers(command.handlers())
    for module in (
        membership,
        registration,
        report_entry,
        report_form,
        regions,
        group_links,
        daily_status,
        incident_entry,
        incident_form,
        incident_follow_up,
        private_chat,
    ):
        application.add_handlers(module.handlers())
    application.add_handlers(stale_buttons.handlers(application), group=stale_buttons.LATER_GROUP)
    application.add_error_handler(errors.on_error)
