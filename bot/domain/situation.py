"""The day's situation an agency reports: Aman, Waspada or Rawan."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from bot.texts.i18n import N_, Translator

STATUS_QUESTION = "situasi"
# Worst last: the overall situation of a day is the worst one reported.
SEVERITY = ("aman", "waspada", "rawan")
EMOJI = {"aman": "🟢", "waspada": "🟡", "rawan": "🔴"}
WORDS = {"aman": N_("Aman"), "waspada": N_("Waspada"), "rawan": N_("Rawan")}


def status_of(answers: Mapping[str, object]) -> str | None:
    value = answers.get(STATUS_QUESTION)
    return value if value in EMOJI else None


def worst_status(statuses: Iterable[str | None]) -> str | None:
    known = [s for s in statuses if s in EMOJI]
    return max(known, key=SEVERITY.index) if known else None


def status_line(t: Translator, answers: Mapping[str, object]) -> str:
    """ "🟢 Aman", or "—" for a report without a known situation."""
    status = status_of(answers)
    return f"{EMOJI[status]} {t.gettext(WORDS[status])}" if status else "—"
