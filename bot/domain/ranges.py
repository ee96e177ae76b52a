"""Ranges of days as people ask for them after /ekspor, /grafik and /brief.

"7", "7 hari", "kemarin", "minggu ini", "bulan lalu", a single date, or two
dates ("dari 1-11-2024 sampai 27-11-2024"). The dates themselves are read by
``bot.domain.dates``: this module only knows the words for whole spans and
what makes a span unusable.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum

from bot.domain.dates import (
    RELATIVE_DAYS,
    DateParseError,
    DateProblem,
    parse_date_range,
    parse_report_date,
)
from bot.domain.user_input import clean_keyword, clean_line

# A year and a day: a whole year's export or chart, even across a leap day.
MAX_DAYS = 366


@dataclass(frozen=True)
class DayRange:
    """Whole local days from ``first`` to ``last``, both included."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.first > self.last:
            raise ValueError(f"range ends before it starts: {self.first} > {self.last}")

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def __iter__(self) -> Iterator[date]:
        """The days in order, so a chart or an export can have a row for each, reports or not."""
        for offset in range(self.days):
            yield self.first + timedelta(days=offset)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first <= day <= self.last


class RangeProblem(Enum):
    UNRECOGNISED = "unrecognised"  # "kemarinan", "7 minggu", "besok"
    IMPOSSIBLE_DATE = "impossible_date"  # 31-02-2024
    OUT_OF_RANGE_YEAR = "out_of_range_year"  # 1-1-1945
    REVERSED = "reversed"  # "27-11-2024 sampai 1-11-2024"
    FUTURE = "future"  # a day after the group's today
    TOO_LONG = "too_long"  # more than MAX_DAYS days
    NO_DAYS = "no_days"  # "0"


class RangeError(ValueError):
    """Why a range is refused, with what the reply needs to say so.

    ``text`` is the part at fault as typed: the date not read, or the whole
    range. REVERSED carries ``first`` and ``last`` as typed; FUTURE carries
    ``last``, the latest day named, which has not come yet; TOO_LONG carries
    ``limit`` (and ``first`` and ``last`` when dates were typed, not a count).
    """

    def __init__(
        self,
        problem: RangeProblem,
        text: str,
        *,
        first: date | None = None,
        last: date | None = None,
        limit: int | None = None,
    ) -> None:
        super().__init__(f"{problem.value}: {text!r}")
        self.problem = problem
        self.text = text
        self.first = first
        self.last = last
        self.limit = limit


_DATE_PROBLEMS = {
    DateProblem.UNRECOGNISED: RangeProblem.UNRECOGNISED,
    DateProblem.IMPOSSIBLE: RangeProblem.IMPOSSIBLE_DATE,
    DateProblem.OUT_OF_RANGE: RangeProblem.OUT_OF_RANGE_YEAR,
    DateProblem.NO_DAYS: RangeProblem.NO_DAYS,
}
# "7", "7 hari", "7 hari terakhir": the last days, today included.
_DAY_COUNT = re.compile(r"^(?P<n>[0-9]+)(?:\s+hari)?(?:\s+terakhir)?$", re.ASCII)
_FROM_WORD = "dari "


def _this_week(today: date) -> DayRange:
    return DayRange(today - timedelta(days=today.weekday()), today)


def _last_week(today: date) -> DayRange:
    monday = today - timedelta(days=today.weekday())
    return DayRange(monday - timedelta(days=7), monday - timedelta(days=1))


def _this_month(today: date) -> DayRange:
    return DayRange(today.replace(day=1), today)


def _last_month(today: date) -> DayRange:
    last = today.replace(day=1) - timedelta(days=1)
    return DayRange(last.replace(day=1), last)


# Weeks start on Monday, as Indonesian calendars and offices count them;
# "pekan" is the word letters and news use for the same week.
_NAMED_SPANS = {
    "minggu ini": _this_week,
    "pekan ini": _this_week,
    "minggu lalu": _last_week,
    "pekan lalu": _last_week,
    "bulan ini": _this_month,
    "bulan lalu": _last_month,
}


def last_days(count: int, today: date) -> DayRange:
    """The last ``count`` days, today included: what "7" asks for."""
    return DayRange(today - timedelta(days=count - 1), today)


def parse_range(text: str, today: date, default_days: int) -> DayRange:
    """The days ``text`` names, as of the group's local ``today``.

    Empty text means the last ``default_days`` days. A count ("7", "7 hari")
    always ends today. A single date is that one day; "dari" and one date run
    from it to today. Two dates may be written in any form ``parse_date``
    reads, and either end may be "kemarin" or "hari ini".

    A range that reaches past today is refused (FUTURE), not clipped to today:
    a brief "sampai 30-11-2024" sent on the 26th would otherwise look complete
    while four of its days cannot have reports yet, and the person asking
    should see that rather than a quietly shorter range.
    """
    if not 1 <= default_days <= MAX_DAYS:
        raise ValueError(f"default_days must be 1..{MAX_DAYS}, not {default_days}")
    shown = clean_line(text)
    cleaned = clean_keyword(text)
    folded = cleaned.casefold()
    if not folded:
        return last_days(default_days, today)
    named = _NAMED_SPANS.get(folded)
    if named is not None:
        return named(today)
    count = _DAY_COUNT.match(folded)
    if count is not None:
        return _counted(count["n"], shown, today)
    open_ended = folded.startswith(_FROM_WORD)
    body = cleaned[len(_FROM_WORD) :].strip() if open_ended else cleaned
    try:
        day = parse_report_date(body, today)
    except DateParseError as error:
        if error.problem is not DateProblem.UNRECOGNISED:
            raise _from_date_error(error) from None
    else:
        return _checked(day, today if open_ended else day, shown, today)
    try:
        first, last = parse_date_range(_relative_as_dates(body, today))
    except DateParseError as error:
        if error.problem is DateProblem.UNRECOGNISED:
            # Name the whole range: the part parse_date_range could not read
            # may be one it rewrote ("kemarin" as a date).
            raise RangeError(RangeProblem.UNRECOGNISED, shown) from None
        raise _from_date_error(error) from None
    return _checked(first, last, shown, today)


def _counted(digits: str, shown: str, today: date) -> DayRange:
    # The length check first: int() of a pasted wall of digits is slow, then refused.
    if len(digits) > len(str(MAX_DAYS)) or int(digits) > MAX_DAYS:
        raise RangeError(RangeProblem.TOO_LONG, shown, limit=MAX_DAYS)
    if int(digits) == 0:
        raise RangeError(RangeProblem.NO_DAYS, shown)
    return last_days(int(digits), today)


def _relative_as_dates(text: str, today: date) -> str:
    """ "kemarin sampai hari ini" as "2024-11-25 sampai 2024-11-26", for ``parse_date_range``,
    which reads calendar dates only: the words mean what ``parse_report_date`` says they mean."""
    for words, offset in RELATIVE_DAYS.items():
        day = (today + timedelta(days=offset)).isoformat()
        text = re.sub(rf"(?<!\S){re.escape(words)}(?!\S)", day, text, flags=re.IGNORECASE)
    return text


def _from_date_error(error: DateParseError) -> RangeError:
    return RangeError(_DATE_PROBLEMS[error.problem], error.text)


def _checked(first: date, last: date, shown: str, today: date) -> DayRange:
    """The range, if it is usable: a day not yet come is named before the order of the two,
    since "dari 30-11-2024" on the 26th is about the future, not about a reversed range."""
    latest = max(first, last)
    if latest > today:
        raise RangeError(RangeProblem.FUTURE, shown, first=first, last=latest)
    if first > last:
        raise RangeError(RangeProblem.REVERSED, shown, first=first, last=last)
    day_range = DayRange(first, last)
    if day_range.days > MAX_DAYS:
        raise RangeError(RangeProblem.TOO_LONG, shown, first=first, last=last, limit=MAX_DAYS)
    return day_range
