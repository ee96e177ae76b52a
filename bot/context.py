"""The typed callback context every handler receives."""

from __future__ import annotations

from dataclasses import dataclass

from telegram.ext import Application, CallbackContext, ExtBot

from bot.clock import Clock
from bot.forms import FormSet
from bot.i18n import Translator, translator
from bot.settings import Settings

SERVICES_KEY = "services"


@dataclass(frozen=True)
class Services:
    """What handlers need beyond the update: settings, the clock and the report forms."""

    settings: Settings
    clock: Clock
    forms: FormSet


class BotContext(CallbackContext[ExtBot, dict, dict, dict]):
    @property
    def services(self) -> Services:
        return self.application.bot_data[SERVICES_KEY]

    def translator(self, locale: str | None = None) -> Translator:
        return translator(locale or "id")


def install_services(application: Application, services: Services) -> None:
    application.bot_data[SERVICES_KEY] = services
