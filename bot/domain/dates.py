"""Dates as liaisons and secretaries type them: "27 November 2024", "27-11-2024", "kemarin"."""

from __future__ import annotations

import re
from datetime import date, timedelta
from enum import Enum
from functools import cache

from babel.dates import get_day_names, get_month_names

from bot.domain.user_input import clean_keyword

EARLIEST_YEAR = 2000
LATEST_YEAR = 2100


class DateProblem(Enum):
    UNRECOGNISED = "unrecognised"  # "besok", "kemarin lusa", "2024/13"
    IMPOSSIBLE = "impossible"  # 31-02-2025
    OUT_OF_RANGE = "out_of_range"  # year 1945 or 2999
    NO_DAYS = "no_days"  # "0 hari": a span of no days at all


class DateParseError(ValueError):
    def __init__(self, problem: DateProblem, text: str) -> None:
        super().__init__(f"{problem.value}: {text!r}")
        self.problem = problem
        self.text = text


_NUMERIC_FORMS = (
    re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$", re.ASCII),
    re.compile(r"^(?P<d>\d{1,2})-(?P<m>\d{1,2})-(?P<y>\d{4})$", re.ASCII),
    re.compile(r"^(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})$", re.ASCII),
)
_WORDED_FORM = re.compile(r"^(?P<d>[0-9]{1,2})\s+(?P<month>[^\W\d_]+)\.?\s+(?P<y>[0-9]{4})$")
_DAY_AND_MONTH = re.compile(r"^(?P<d>[0-9]{1,2})\s+(?P<month>[^\W\d_]+)\.?$")
_DAY_COUNT = re.compile(r"^(?P<n>[0-9]{1,40})(\s+hari)?$", re.ASCII | re.IGNORECASE)


@cache
def _month_numbers() -> dict[str, int]:
    """Month names Babel knows in Indonesian and English, wide and abbreviated."""
    numbers: dict[str, int] = {}
    for locale in ("id", "en"):
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=locale).items():
                numbers[name.casefold().rstrip(".")] = number
    return numbers


def parse_date(text: str) -> date:
    """Parses 2024-11-27, 27-11-2024, 27/11/2024 or 27 November 2024 (also "27 Nov 2024")."""
    # Full-width digits from CJK keyboards read as ASCII ones; invisible marks go.
    cleaned = clean_keyword(text)
    for form in _NUMERIC_FORMS:
        match = form.match(cleaned)
        if match:
            return _build(int(match["y"]), int(match["m"]), int(match["d"]), text)
    match = _WORDED_FORM.match(cleaned)
    if match:
        month = _month_numbers().get(match["month"].casefold())
        if month is None:
            raise DateParseError(DateProblem.UNRECOGNISED, text)
        return _build(int(match["y"]), month, int(match["d"]), text)
    raise DateParseError(DateProblem.UNRECOGNISED, text)


def _build(year: int, month: int, day: int, text: str) -> date:
    if not EARLIEST_YEAR <= year <= LATEST_YEAR:
        raise DateParseError(DateProblem.OUT_OF_RANGE, text)
    try:
        return date(year, month, day)
    except ValueError:
        raise DateParseError(DateProblem.IMPOSSIBLE, text) from None


@cache
def _weekday_numbers() -> dict[str, int]:
    """Day names in Indonesian and English, wide and abbreviated -> ISO weekday (1 = Monday)."""
    numbers: dict[str, int] = {}
    for locale in ("id", "en"):
        for width in ("wide", "abbreviated"):
            for index, name in get_day_names(width, locale=locale).items():
                numbers[name.casefold().rstrip(".")] = index + 1
    return numbers


def parse_weekday(text: str) -> int | None:
    """ "Senin", "senin", "Sen", "Monday" -> 1; None for anything else."""
    return _weekday_numbers().get(clean_keyword(text).casefold().rstrip("."))


RELATIVE_DAYS = {"hari ini": 0, "kemarin": -1}


def parse_report_date(text: str, today: date) -> date:
    """A report day as a secretary asks for it: a date, "kemarin" or "hari ini"."""
    relative = RELATIVE_DAYS.get(clean_keyword(text).casefold())
    if relative is not None:
        return today + timedelta(days=relative)
    return parse_date(text)


def split_leading_date(text: str) -> tuple[date, str]:
    """Splits "27 November 2024 Pilkada Serentak" into the date and the rest.

    A worded date takes three words, a numeric one a single word; the
    three-word reading is tried first so "27 November 2024" is never read
    as the date "27" followed by a name.
    """
    words = text.split()
    if len(words) >= 3:
        leading = " ".join(words[:3])
        try:
            return parse_date(leading), " ".join(words[3:])
        except DateParseError as error:
            # "27 Novembre 2024" is a worded date with a misspelt month: say so
            # about all three words, not about a lone "27".
            if error.problem is not DateProblem.UNRECOGNISED or _WORDED_FORM.match(
                clean_keyword(leading)
            ):
                raise
    if not words:
        raise DateParseError(DateProblem.UNRECOGNISED, text)
    return parse_date(words[0]), " ".join(words[1:])


def split_trailing_report_date(text: str, today: date) -> tuple[str, date | None]:
    """Splits "Kutai Timur kemarin" into the rest and the report day it ends with, if any.

    The longest reading is tried first (a worded date takes three words,
    "hari ini" two); None when the text ends with no day, or is nothing but one.
    """
    words = text.split()
    for count in (3, 2, 1):
        if len(words) <= count:
            continue
        try:
            day = parse_report_date(" ".join(words[-count:]), today)
        except DateParseError:
            continue
        return " ".join(words[:-count]), day
    return text, None


COMING_DAYS = {"hari ini": 0, "besok": 1, "lusa": 2}
_UNTIL_WORDS = ("sampai dengan ", "sampai ", "hingga ", "s.d. ", "s/d ")


def parse_coming_date(text: str, today: date) -> date:
    """A day as people name one ahead: any form ``parse_date`` reads, "besok", "lusa",
    or a day and month without the year ("5 Desember"), read as the one nearest today.

    The nearest, not the next: "5 November" typed on 13 November 2024 is the
    5 November just past (which the caller refuses as past), not one a year away.
    """
    cleaned = clean_keyword(text)
    relative = COMING_DAYS.get(cleaned.casefold())
    if relative is not None:
        return today + timedelta(days=relative)
    match = _DAY_AND_MONTH.match(cleaned)
    if match is None:
        return parse_date(text)
    month = _month_numbers().get(match["month"].casefold())
    if month is None:
        raise DateParseError(DateProblem.UNRECOGNISED, text)
    candidates = []
    for year in (today.year - 1, today.year, today.year + 1):
        try:
            candidates.append(date(year, month, int(match["d"])))
        except ValueError:
            continue  # 29 Februari in a year without it
    if not candidates:
        raise DateParseError(DateProblem.IMPOSSIBLE, text)
    return min(candidates, key=lambda day: abs((day - today).days))


def parse_last_day(text: str, today: date) -> date:
    """The last day of a leave or a pause, as typed after the command.

    "sampai 5 Desember" (or the date alone, in any form ``parse_coming_date``
    reads) names it; "3" or "3 hari" counts days from today, today included,
    so it ends the day after tomorrow. The date may come back in the past:
    the caller says so.
    """
    cleaned = clean_keyword(text)
    folded = cleaned.casefold()
    for word in _UNTIL_WORDS:
        if folded.startswith(word):
            cleaned = cleaned[len(word) :].strip()
            break
    count = _DAY_COUNT.match(cleaned)
    if count is not None:
        days = int(count["n"])
        if days < 1:
            raise DateParseError(DateProblem.NO_DAYS, text)
        return today + timedelta(days=min(days, 100_000) - 1)
    return parse_coming_date(cleaned, today)


# Words people put between two dates: "29-11-2024 sampai 10-12-2024".
_BETWEEN_WORDS = frozenset({"sampai", "s/d", "s.d.", "s.d", "sd", "hingga", "-", "–", "—", "to"})


def parse_date_range(text: str) -> tuple[date, date]:
    """Reads two dates, as typed: "29-11-2024 10-12-2024", "29 November 2024 sampai 10 Desember
    2024". Their order is the caller's to check. ``DateParseError`` names the part not read.
    """
    words = [word for word in text.split() if word.casefold() not in _BETWEEN_WORDS]
    if not words:
        raise DateParseError(DateProblem.UNRECOGNISED, text)
    # A worded date takes three words, a numeric one a single word.
    first_problem: DateParseError | None = None
    for split in (1, 3):
        if len(words) not in (split + 1, split + 3):
            continue
        left, right = " ".join(words[:split]), " ".join(words[split:])
        try:
            return parse_date(left), parse_date(right)
        except DateParseError as error:
            first_problem = first_problem or error
    if first_problem is not None and first_problem.problem is not DateProblem.UNRECOGNISED:
        raise first_problem
    raise DateParseError(DateProblem.UNRECOGNISED, " ".join(words))
