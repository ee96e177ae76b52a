"""The typed callback context every handler receives."""

from __future__ import annotations

from dataclasses import dataclass

from telegram.ext import Application, CallbackContext, ExtBot

from bot.clock import Clock
from bot.domain.forms import FormSet
from bot.settings import Settings
from bot.texts.i18n import Translator, translator

RUNTIME_KEY = "runtime"


@dataclass(frozen=True)
class Runtime:
    """What handlers need beyond the update: the settings, the clock and the report forms."""

    settings: Settings
    clock: Clock
    forms: FormSet


class BotContext(CallbackContext[ExtBot, dict, dict, dict]):
    @property
    def runtime(self) -> Runtime:
        return self.application.bot_data[RUNTIME_KEY]

    def translator(self, locale: str | None = None) -> Translator:
        return translator(locale or "id")


def install_runtime(application: Application, runtime: Runtime) -> None:
    application.bot_data[RUNTIME_KEY] = runtime
