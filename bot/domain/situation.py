"""The day's situation an agency reports (Aman, Waspada, Rawan), as the forms data declares it.

The forms file names the situation question and its levels from the calmest
to the most serious, each with the emoji that marks it; nothing here knows
their ids or words. A day's or a region's situation is the most serious
level any agency reported.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class SituationLevel:
    value: str  # the choice value stored in the answers
    emoji: str


@dataclass(frozen=True)
class SituationScale:
    """The situation question and its levels, calmest first."""

    question_id: str
    levels: tuple[SituationLevel, ...]

    @cached_property
    def _rank(self) -> dict[str, int]:
        return {level.value: rank for rank, level in enumerate(self.levels)}

    def of(self, answers: Mapping[str, object]) -> str | None:
        """The level a report gave, or None when it gave none the scale knows."""
        value = answers.get(self.question_id)
        return value if isinstance(value, str) and value in self._rank else None

    def worst(self, values: Iterable[str | None]) -> str | None:
        """The most serious of ``values`` (unknown ones and None ignored); None if none is known."""
        known = [value for value in values if value in self._rank]
        return max(known, key=self._rank.__getitem__) if known else None

    def rank(self, value: str) -> int:
        """0 for the calmest level and up; ``KeyError`` for a value not on the scale."""
        return self._rank[value]

    def emoji(self, value: str) -> str:
        return self.levels[self._rank[value]].emoji
