"""The typed callback context every handler receives."""

from __future__ import annotations

from dataclasses import dataclass

from telegram.ext import Application, CallbackContext, ExtBot

from bot.clock import Clock
from bot.domain.forms import FormSet
from bot.domain.incidents import IncidentCategories
from bot.publishing.incidents import IncidentPublisher
from bot.publishing.outputs import OutputDesk
from bot.settings import Settings
from bot.texts.i18n import Translator, translator

RUNTIME_KEY = "runtime"
PUBLISHER_KEY = "incident_publisher"
OUTPUTS_KEY = "output_desk"


@dataclass(frozen=True)
class Runtime:
    """What handlers need beyond the update: the settings, the clock, the report forms and
    the incident categories."""

    settings: Settings
    clock: Clock
    forms: FormSet
    categories: IncidentCategories


class BotContext(CallbackContext[ExtBot, dict, dict, dict]):
    @property
    def runtime(self) -> Runtime:
        return self.application.bot_data[RUNTIME_KEY]

    @property
    def publisher(self) -> IncidentPublisher:
        """Posts incidents and their follow-ups to their groups, once."""
        return self.application.bot_data[PUBLISHER_KEY]

    @property
    def outputs(self) -> OutputDesk:
        """Makes the exports, charts and briefs asked for, and sends each once."""
        return self.application.bot_data[OUTPUTS_KEY]

    def translator(self, locale: str | None = None) -> Translator:
        return translator(locale or "id")


def install_runtime(application: Application, runtime: Runtime) -> None:
    application.bot_data[RUNTIME_KEY] = runtime
