"""Telegram glue: each module returns its handlers; this registers them all."""

from telegram.ext import Application

from handlers import (
    countdown,
    daily_status,
    errors,
    help,
    membership,
    post_schedule,
    registration,
    report_entry,
    report_form,
    setup,
    stale_buttons,
)


def register_handlers(application: Application) -> None:
    for module in (
        membership,
        setup,
        countdown,
        help,
        registration,
        report_entry,
        report_form,
        daily_status,
        post_schedule,
    ):
        application.add_handlers(module.handlers())
    application.add_handlers(stale_buttons.handlers(application), group=stale_buttons.LATER_GROUP)
    application.add_error_handler(errors.on_error)
