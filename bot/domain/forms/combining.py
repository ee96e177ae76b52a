"""Adding answers up across days, agencies and regions, by each question's declared rule.

The summary of one day shows each agency's own answers; everything that looks
further (a region's rollup of the groups below it, a week in the meeting
brief, the totals of an export) combines answers here, by the rule the forms
data gives the question: a head count adds up, a share is averaged, the
situation is the most serious level reported, notes are all kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal, InvalidOperation

from bot.domain.forms.definitions import Combine, Question
from bot.domain.forms.engine import Answer

Combined = int | Decimal | str | tuple[str, ...] | None

_TENTH = Decimal("0.1")


def combine(question: Question, answers: Sequence[Answer]) -> Combined:
    """The answers (oldest first) combined by the question's rule; None when none was given.

    Numbers come back as ``int`` when whole, averages as ``Decimal`` to one
    decimal; ``all`` gives every text answer in order, as a tuple.
    """
    given = [answer for answer in answers if answer is not None]
    if not given:
        return None
    rule = question.combine_rule
    if rule is Combine.LATEST:
        return given[-1]
    if rule is Combine.ALL:
        return tuple(str(answer) for answer in given)
    if rule is Combine.WORST:
        return _worst(question, given)
    numbers = [number for number in map(decimal_of, given) if number is not None]
    if not numbers:
        return None
    if rule is Combine.SUM:
        return _plain(sum(numbers, Decimal(0)))
    if rule is Combine.MINIMUM:
        return _plain(min(numbers))
    if rule is Combine.MAXIMUM:
        return _plain(max(numbers))
    average = sum(numbers, Decimal(0)) / len(numbers)
    return _plain(average.quantize(_TENTH, rounding=ROUND_HALF_UP))


def share(part: Answer | Combined, whole: Answer | Combined) -> Decimal | None:
    """``part`` as a percentage of ``whole``, rounded down to a tenth so 100% means every one.

    None when either is missing or the whole is zero.
    """
    part_number, whole_number = decimal_of(part), decimal_of(whole)
    if part_number is None or not whole_number:
        return None
    return (part_number * 100 / whole_number).quantize(_TENTH, rounding=ROUND_DOWN)


def decimal_of(value: object) -> Decimal | None:
    """A numeric answer (an int, or a percentage stored as "87.5") as a Decimal; else None."""
    if value is None or isinstance(value, bool | tuple):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def _worst(question: Question, answers: Sequence[Answer]) -> str | None:
    """The last listed of the choices given: choices are listed calmest (or best) first."""
    order = {choice.value: rank for rank, choice in enumerate(question.choices)}
    known = [str(answer) for answer in answers if answer in order]
    return max(known, key=order.__getitem__) if known else None


def _plain(number: Decimal) -> int | Decimal:
    return int(number) if number == number.to_integral_value() else number
