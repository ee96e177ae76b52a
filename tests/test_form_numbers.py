"""Numbers typed the Indonesian way, and every way of getting them wrong."""

from __future__ import annotations

import time
from decimal import Decimal

import pytest

from bot.domain.forms.numbers import (
    NumberParseError,
    NumberProblem,
    parse_percent,
    parse_whole_number,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0", 0),
        ("12", 12),
        ("1200", 1200),
        ("1.200", 1200),
        ("  1.200  ", 1200),
        ("１２", 12),  # full-width digits from some phone keyboards
        ("１．２００", 1200),
        ("+7", 7),
        ("-0", 0),
        ("007", 7),
        ("1000000", 1_000_000),
    ],
)
def test_whole_numbers_read_as_indonesians_write_them(text, expected):
    assert parse_whole_number(text) == expected


def test_millions_with_two_group_separators():
    assert parse_whole_number("1.200.000", maximum=10_000_000) == 1_200_000


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", NumberProblem.EMPTY),
        ("   \n ", NumberProblem.EMPTY),
        ("dua belas", NumberProblem.NOT_A_NUMBER),
        ("12 orang", NumberProblem.NOT_A_NUMBER),
        ("NaN", NumberProblem.NOT_A_NUMBER),
        ("nan", NumberProblem.NOT_A_NUMBER),
        ("inf", NumberProblem.NOT_A_NUMBER),
        ("Infinity", NumberProblem.NOT_A_NUMBER),
        ("1e3", NumberProblem.NOT_A_NUMBER),
        ("0x10", NumberProblem.NOT_A_NUMBER),
        ("1_000", NumberProblem.NOT_A_NUMBER),
        ("٣", NumberProblem.NOT_A_NUMBER),  # Arabic-Indic digit: Babel would take it
        ("-5", NumberProblem.NEGATIVE),
        ("−5", NumberProblem.NEGATIVE),  # U+2212 minus sign
        ("1000001", NumberProblem.TOO_LARGE),
        ("1.200.000", NumberProblem.TOO_LARGE),
        ("12.5", NumberProblem.AMBIGUOUS_SEPARATOR),
        ("1.2000", NumberProblem.AMBIGUOUS_SEPARATOR),
        ("1.", NumberProblem.AMBIGUOUS_SEPARATOR),
        ("1,200", NumberProblem.AMBIGUOUS_SEPARATOR),  # English thousands
        ("1,200,000", NumberProblem.AMBIGUOUS_SEPARATOR),
        ("1,200.50", NumberProblem.AMBIGUOUS_SEPARATOR),
        ("1 200", NumberProblem.AMBIGUOUS_SEPARATOR),
        ("12,5", NumberProblem.DECIMAL_NOT_ALLOWED),
        ("12,0", NumberProblem.DECIMAL_NOT_ALLOWED),
        ("1.234,5", NumberProblem.DECIMAL_NOT_ALLOWED),
    ],
)
def test_whole_number_problems(text, problem):
    with pytest.raises(NumberParseError) as caught:
        parse_whole_number(text)
    assert caught.value.problem is problem
    assert caught.value.text == text


def test_whole_number_range_is_the_callers():
    assert parse_whole_number("5", minimum=5, maximum=5) == 5
    with pytest.raises(NumberParseError) as too_small:
        parse_whole_number("4", minimum=5)
    assert too_small.value.problem is NumberProblem.TOO_SMALL
    with pytest.raises(NumberParseError) as too_large:
        parse_whole_number("101", maximum=100)
    assert too_large.value.problem is NumberProblem.TOO_LARGE


def test_a_pasted_paragraph_is_refused_at_once():
    for text in ("1" * 5000, "1." * 2500, "x" * 5000, "1,2" * 1700):
        began = time.perf_counter()
        with pytest.raises(NumberParseError) as caught:
            parse_whole_number(text)
        assert caught.value.problem is NumberProblem.NOT_A_NUMBER
        assert time.perf_counter() - began < 0.1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0", 0),
        ("100", 100),
        ("87,5", Decimal("87.5")),
        ("87,5%", Decimal("87.5")),
        ("87,5 %", Decimal("87.5")),
        ("87,50", Decimal("87.5")),
        ("100,0", 100),
        ("0,25", Decimal("0.25")),
        ("１００％", 100),
        (" 42% ", 42),
    ],
)
def test_percentages(text, expected):
    value = parse_percent(text)
    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", NumberProblem.EMPTY),
        ("%", NumberProblem.EMPTY),
        ("banyak", NumberProblem.NOT_A_NUMBER),
        ("NaN", NumberProblem.NOT_A_NUMBER),
        ("1e2", NumberProblem.NOT_A_NUMBER),
        ("-5", NumberProblem.NEGATIVE),
        ("-0,5%", NumberProblem.NEGATIVE),
        ("150%", NumberProblem.TOO_LARGE),
        ("100,5", NumberProblem.TOO_LARGE),
        ("1.000", NumberProblem.TOO_LARGE),
        ("87.5", NumberProblem.AMBIGUOUS_SEPARATOR),
        ("87.5%", NumberProblem.AMBIGUOUS_SEPARATOR),
        ("x" * 5000, NumberProblem.NOT_A_NUMBER),
    ],
)
def test_percent_problems(text, problem):
    with pytest.raises(NumberParseError) as caught:
        parse_percent(text)
    assert caught.value.problem is problem
