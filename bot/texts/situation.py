"""How a reported situation reads: "🟢 Aman", or "—" when none was given."""

from __future__ import annotations

from bot.domain.forms import FormSet
from bot.texts.html import escape
from bot.texts.i18n import Translator

NONE_GIVEN = "—"


def situation_text(t: Translator, forms: FormSet, value: str | None) -> str:
    """The level's emoji and its choice label in the reader's language; "—" for none or unknown."""
    scale = forms.situation
    try:
        emoji = scale.emoji(value) if value is not None else None
    except KeyError:
        emoji = None
    if emoji is None or value is None:
        return NONE_GIVEN
    choice = forms.questions[scale.question_id].choice(value)
    label = choice.label if choice is not None else value
    return f"{emoji} {escape(t.gettext(label))}"
