"""The range after /ekspor, /grafik and /brief: every way people write one, and every refusal."""

from __future__ import annotations

from datetime import date

import pytest

from bot.domain.ranges import MAX_DAYS, DayRange, RangeError, RangeProblem, parse_range
from bot.texts.i18n import translator
from bot.texts.ranges import range_label, range_problem_text

# A Tuesday, the day before Pilkada Serentak 2024's polling day.
TODAY = date(2024, 11, 26)
t = translator("id")


def days(first: date, last: date) -> DayRange:
    return DayRange(first, last)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", days(date(2024, 11, 20), TODAY)),  # the default: 7 days
        ("   ", days(date(2024, 11, 20), TODAY)),
        ("7", days(date(2024, 11, 20), TODAY)),
        ("7 hari", days(date(2024, 11, 20), TODAY)),
        ("7 HARI", days(date(2024, 11, 20), TODAY)),
        ("7 hari terakhir", days(date(2024, 11, 20), TODAY)),
        ("1", days(TODAY, TODAY)),
        ("30", days(date(2024, 10, 28), TODAY)),
        ("hari ini", days(TODAY, TODAY)),
        ("Hari  Ini", days(TODAY, TODAY)),
        ("kemarin", days(date(2024, 11, 25), date(2024, 11, 25))),
        ("minggu ini", days(date(2024, 11, 25), TODAY)),
        ("pekan ini", days(date(2024, 11, 25), TODAY)),
        ("minggu lalu", days(date(2024, 11, 18), date(2024, 11, 24))),
        ("pekan lalu", days(date(2024, 11, 18), date(2024, 11, 24))),
        ("bulan ini", days(date(2024, 11, 1), TODAY)),
        ("bulan lalu", days(date(2024, 10, 1), date(2024, 10, 31))),
        ("20-11-2024", days(date(2024, 11, 20), date(2024, 11, 20))),
        ("2024-11-20", days(date(2024, 11, 20), date(2024, 11, 20))),
        ("20/11/2024", days(date(2024, 11, 20), date(2024, 11, 20))),
        ("20 November 2024", days(date(2024, 11, 20), date(2024, 11, 20))),
        ("20 Nov 2024", days(date(2024, 11, 20), date(2024, 11, 20))),
        ("26-11-2024", days(TODAY, TODAY)),
        ("dari 1-11-2024 sampai 25-11-2024", days(date(2024, 11, 1), date(2024, 11, 25))),
        ("1-11-2024 sampai 25-11-2024", days(date(2024, 11, 1), date(2024, 11, 25))),
        ("1-11-2024 s/d 25-11-2024", days(date(2024, 11, 1), date(2024, 11, 25))),
        ("1-11-2024 hingga 25-11-2024", days(date(2024, 11, 1), date(2024, 11, 25))),
        ("1-11-2024 25-11-2024", days(date(2024, 11, 1), date(2024, 11, 25))),
        ("1-11-2024 - 25-11-2024", days(date(2024, 11, 1), date(2024, 11, 25))),
        (
            "dari 1 November 2024 sampai 25 November 2024",
            days(date(2024, 11, 1), date(2024, 11, 25)),
        ),
        ("1 Oktober 2024 sampai 25-11-2024", days(date(2024, 10, 1), date(2024, 11, 25))),
        ("Dari 1-11-2024 sampai hari ini", days(date(2024, 11, 1), TODAY)),
        ("dari 1-11-2024 sampai kemarin", days(date(2024, 11, 1), date(2024, 11, 25))),
        ("kemarin sampai hari ini", days(date(2024, 11, 25), TODAY)),
        ("dari 20 November 2024", days(date(2024, 11, 20), TODAY)),
        ("dari kemarin", days(date(2024, 11, 25), TODAY)),
        ("26-11-2024 sampai 26-11-2024", days(TODAY, TODAY)),
    ],
)
def test_every_form_of_range(text, expected):
    assert parse_range(text, TODAY, default_days=7) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Full-width digits and letters from a CJK keyboard.
        ("７", days(date(2024, 11, 20), TODAY)),
        ("７ hari", days(date(2024, 11, 20), TODAY)),
        ("ｋｅｍａｒｉｎ sampai ｈａｒｉ ｉｎｉ", days(date(2024, 11, 25), TODAY)),
        ("ＢＵＬＡＮ ＬＡＬＵ", days(date(2024, 10, 1), date(2024, 10, 31))),
        # A zero-width space and a bidirectional mark around the count.
        ("\u200b7\u200e", days(date(2024, 11, 20), TODAY)),
        ("minggu\u200b ini", days(date(2024, 11, 25), TODAY)),
    ],
)
def test_full_width_and_invisible_characters_read_as_typed(text, expected):
    assert parse_range(text, TODAY, default_days=7) == expected


def test_full_width_dates():
    assert parse_range("１-１１-２０２４ sampai ２５-１１-２０２４", TODAY, 7) == days(
        date(2024, 11, 1), date(2024, 11, 25)
    )


def test_empty_text_takes_the_default_length():
    assert parse_range("", TODAY, default_days=30) == days(date(2024, 10, 28), TODAY)
    assert parse_range("", TODAY, default_days=1) == days(TODAY, TODAY)


@pytest.mark.parametrize("default_days", [0, -1, MAX_DAYS + 1])
def test_a_default_outside_the_limits_is_a_programming_error(default_days):
    with pytest.raises(ValueError) as caught:
        parse_range("", TODAY, default_days=default_days)
    assert not isinstance(caught.value, RangeError)


def test_366_days_is_the_limit():
    year = parse_range(str(MAX_DAYS), TODAY, 7)
    assert year == days(date(2023, 11, 27), TODAY)
    assert year.days == 366
    with pytest.raises(RangeError) as caught:
        parse_range("367", TODAY, 7)
    assert caught.value.problem is RangeProblem.TOO_LONG
    assert caught.value.limit == MAX_DAYS


def test_366_days_written_as_dates():
    assert parse_range("27-11-2023 sampai 26-11-2024", TODAY, 7).days == 366
    with pytest.raises(RangeError) as caught:
        parse_range("26-11-2023 sampai 26-11-2024", TODAY, 7)
    error = caught.value
    assert error.problem is RangeProblem.TOO_LONG
    assert (error.first, error.last, error.limit) == (date(2023, 11, 26), TODAY, MAX_DAYS)


def test_a_wall_of_digits_is_too_long_not_a_crash():
    with pytest.raises(RangeError) as caught:
        parse_range("9" * 5000, TODAY, 7)
    assert caught.value.problem is RangeProblem.TOO_LONG


@pytest.mark.parametrize("text", ["0", "0 hari", "000", "０"])
def test_zero_days(text):
    with pytest.raises(RangeError) as caught:
        parse_range(text, TODAY, 7)
    assert caught.value.problem is RangeProblem.NO_DAYS


def test_bulan_ini_on_the_first_is_that_day_alone():
    first = date(2024, 12, 1)
    assert parse_range("bulan ini", first, 7) == days(first, first)


def test_minggu_ini_on_a_monday_is_that_day_alone():
    monday = date(2024, 11, 25)
    assert parse_range("minggu ini", monday, 7) == days(monday, monday)
    assert parse_range("minggu lalu", monday, 7) == days(date(2024, 11, 18), date(2024, 11, 24))


def test_minggu_lalu_on_a_sunday_is_the_week_before_this_one():
    sunday = date(2024, 12, 1)
    assert parse_range("minggu lalu", sunday, 7) == days(date(2024, 11, 18), date(2024, 11, 24))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("bulan lalu", days(date(2024, 12, 1), date(2024, 12, 31))),
        ("minggu lalu", days(date(2024, 12, 30), date(2025, 1, 5))),
        ("minggu ini", days(date(2025, 1, 6), date(2025, 1, 7))),
        ("kemarin", days(date(2025, 1, 6), date(2025, 1, 6))),
        ("10", days(date(2024, 12, 29), date(2025, 1, 7))),
        ("28-12-2024 sampai 2-1-2025", days(date(2024, 12, 28), date(2025, 1, 2))),
    ],
)
def test_across_the_new_year(text, expected):
    assert parse_range(text, date(2025, 1, 7), 7) == expected


def test_a_week_that_spans_the_new_year():
    # Wednesday 1 January 2025: the week began on Monday 30 December.
    assert parse_range("minggu ini", date(2025, 1, 1), 7) == days(
        date(2024, 12, 30), date(2025, 1, 1)
    )
    assert parse_range("bulan ini", date(2025, 1, 1), 7) == days(date(2025, 1, 1), date(2025, 1, 1))


def test_bulan_lalu_in_march_of_a_leap_year():
    assert parse_range("bulan lalu", date(2024, 3, 15), 7) == days(
        date(2024, 2, 1), date(2024, 2, 29)
    )


@pytest.mark.parametrize(
    ("text", "problem", "part"),
    [
        ("kemarinan", RangeProblem.UNRECOGNISED, "kemarinan"),
        ("besok", RangeProblem.UNRECOGNISED, "besok"),
        ("7 minggu", RangeProblem.UNRECOGNISED, "7 minggu"),
        ("-7", RangeProblem.UNRECOGNISED, "-7"),
        ("dari", RangeProblem.UNRECOGNISED, "dari"),
        ("sampai 25-11-2024", RangeProblem.UNRECOGNISED, "sampai 25-11-2024"),
        ("1-11-2024 sampai lusa", RangeProblem.UNRECOGNISED, "1-11-2024 sampai lusa"),
        ("1-11-2024 2-11-2024 3-11-2024", RangeProblem.UNRECOGNISED, None),
        ("31-02-2024", RangeProblem.IMPOSSIBLE_DATE, "31-02-2024"),
        ("31 Februari 2024", RangeProblem.IMPOSSIBLE_DATE, "31 Februari 2024"),
        ("dari 31-09-2024 sampai 5-10-2024", RangeProblem.IMPOSSIBLE_DATE, "31-09-2024"),
        ("1-11-1945", RangeProblem.OUT_OF_RANGE_YEAR, "1-11-1945"),
        ("1-11-1999 sampai 5-11-2024", RangeProblem.OUT_OF_RANGE_YEAR, "1-11-1999"),
        ("25-11-2024 sampai 1-11-2024", RangeProblem.REVERSED, None),
        ("27-11-2024", RangeProblem.FUTURE, None),
        ("dari 20-11-2024 sampai 30-11-2024", RangeProblem.FUTURE, None),
        ("dari 30-11-2024", RangeProblem.FUTURE, None),
        ("1-1-2023 sampai 2-1-2024", RangeProblem.TOO_LONG, None),
        ("400 hari", RangeProblem.TOO_LONG, None),
        ("0", RangeProblem.NO_DAYS, None),
    ],
)
def test_each_problem(text, problem, part):
    with pytest.raises(RangeError) as caught:
        parse_range(text, TODAY, 7)
    assert caught.value.problem is problem
    assert caught.value.text == (text if part is None else part)


def test_future_names_the_day_not_yet_come_rather_than_clipping():
    with pytest.raises(RangeError) as caught:
        parse_range("dari 20-11-2024 sampai 30-11-2024", TODAY, 7)
    assert caught.value.last == date(2024, 11, 30)
    # Today itself is not the future: the same range ending today is fine.
    assert parse_range("dari 20-11-2024 sampai 26-11-2024", TODAY, 7).days == 7


def test_reversed_carries_both_ends_as_typed():
    with pytest.raises(RangeError) as caught:
        parse_range("25-11-2024 sampai 1-11-2024", TODAY, 7)
    assert (caught.value.first, caught.value.last) == (date(2024, 11, 25), date(2024, 11, 1))


def test_the_day_range_lists_its_days_in_order():
    week = days(date(2024, 11, 28), date(2024, 12, 2))
    assert week.days == 5
    assert list(week) == [
        date(2024, 11, 28),
        date(2024, 11, 29),
        date(2024, 11, 30),
        date(2024, 12, 1),
        date(2024, 12, 2),
    ]
    assert date(2024, 12, 1) in week
    assert date(2024, 12, 3) not in week
    assert date(2024, 11, 27) not in week


def test_a_day_range_cannot_end_before_it_starts():
    with pytest.raises(ValueError):
        DayRange(date(2024, 11, 26), date(2024, 11, 25))


# Texts


@pytest.mark.parametrize(
    ("first", "last", "label"),
    [
        (date(2024, 11, 13), date(2024, 11, 26), "13–26 Nov 2024"),
        (date(2024, 10, 28), date(2024, 11, 3), "28 Okt\u2009–\u20093 Nov 2024"),
        (date(2024, 12, 28), date(2025, 1, 3), "28 Des 2024\u2009–\u20093 Jan 2025"),
        (date(2024, 11, 26), date(2024, 11, 26), "26 Nov 2024"),
    ],
)
def test_range_label(first, last, label):
    assert range_label(t, DayRange(first, last)) == label


def test_range_label_in_english():
    english = translator("en")
    assert range_label(english, DayRange(date(2024, 11, 13), date(2024, 11, 26))) == (
        "Nov 13\u2009–\u200926, 2024"
    )


def problem_text(text: str, today: date = TODAY) -> str:
    with pytest.raises(RangeError) as caught:
        parse_range(text, today, 7)
    return range_problem_text(t, caught.value, "/ekspor")


EXAMPLE = "<code>/ekspor dari 1-11-2024 sampai 27-11-2024</code>"


@pytest.mark.parametrize(
    ("text", "says"),
    [
        # What the reply names, and the words that say what is wrong with it. The
        # quotes around the user's text are the catalog's to choose, so left out.
        ("kemarinan", ["kemarinan", "tidak dikenali"]),
        ("31-02-2024", ["31-02-2024", "tidak ada di kalender"]),
        ("1-11-1945", ["1-11-1945", "harus antara 2000 dan 2100"]),
        ("25-11-2024 sampai 1-11-2024", ["25 Nov 2024", "1 Nov 2024", "tanggal awal dahulu"]),
        ("dari 20-11-2024 sampai 30-11-2024", ["30 Nov 2024", "belum tiba"]),
        ("400", ["400", "paling lama 366 hari"]),
        ("1-1-2023 sampai 2-1-2024", ["1-1-2023 sampai 2-1-2024", "paling lama 366 hari"]),
        ("0", ["paling sedikit 1 hari"]),
    ],
)
def test_each_problem_is_explained_in_indonesian_with_an_example(text, says):
    reply = problem_text(text)
    for part in says:
        assert part in reply
    assert "Tulis jumlah hari" in reply
    assert "<code>/ekspor 7</code>" in reply
    assert EXAMPLE in reply


def test_the_reply_escapes_what_the_user_typed():
    reply = problem_text("<b>kemarin</b>")
    assert "&lt;b&gt;kemarin&lt;/b&gt;" in reply
    assert "<b>" not in reply


def test_a_long_range_is_shortened_when_quoted_back():
    reply = problem_text("minggu " * 50)
    assert "minggu " * 50 not in reply
    assert ("minggu " * 5).strip() in reply
    assert "…" in reply


def test_the_command_is_written_with_its_slash_either_way():
    with pytest.raises(RangeError) as caught:
        parse_range("kemarinan", TODAY, 7)
    assert "<code>/grafik 7</code>" in range_problem_text(t, caught.value, "grafik")
    assert "<code>/grafik 7</code>" in range_problem_text(t, caught.value, "/grafik")
