"""Days off, late-report windows and typed last days: pure functions against explicit instants."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.domain.dates import DateParseError, DateProblem, parse_coming_date, parse_last_day
from bot.domain.days_off import (
    DayOffReason,
    PauseSpan,
    day_off,
    holiday_names,
    holidays_between,
    is_skipped_holiday,
    pause_end,
)
from bot.domain.elections import calendar_for
from bot.domain.reporting_days import (
    DEFAULT_LATE_CUTOFF,
    is_late,
    late_cutoff_of,
    late_report_day,
    may_report_for,
    parse_cutoff,
)
from bot.scheduling.slots import GroupSchedule, NewTime, PostKind, plan_posts, when_new_time_applies

WIB, WITA, WIT = "Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"
PILKADA = date(2024, 11, 27)
PEMILU = date(2024, 2, 14)
TODAY = date(2024, 11, 13)


def at(zone: str, day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=ZoneInfo(zone))


# -- pauses ------------------------------------------------------------------------------


def test_a_pause_covers_the_instants_between_its_ends():
    pause = PauseSpan(at(WIB, TODAY, 16), pause_end(date(2024, 11, 15), WIB))
    assert pause.ends_at == at(WIB, date(2024, 11, 16), 0)
    assert not pause.covers(at(WIB, TODAY, 15, 59))
    assert pause.covers(at(WIB, TODAY, 16)) and pause.covers(at(WIB, date(2024, 11, 15), 23, 59))
    assert not pause.covers(at(WIB, date(2024, 11, 16), 0))


@pytest.mark.parametrize(
    ("starts", "ends", "paused_days"),
    [
        # Paused at 16.00 until /lanjut: from today on.
        (at(WIB, TODAY, 16), None, {13, 14, 30}),
        # Until the 15th: the midnight after it ends the pause.
        (at(WIB, TODAY, 16), pause_end(date(2024, 11, 15), WIB), {13, 14, 15}),
        # Lifted at 10.00 on the 15th: the 15th is a working day again.
        (at(WIB, TODAY, 16), at(WIB, date(2024, 11, 15), 10), {13, 14}),
        # Paused and lifted the same day: no day paused.
        (at(WIB, TODAY, 9), at(WIB, TODAY, 9, 5), set()),
    ],
)
def test_the_days_a_pause_covers(starts, ends, paused_days):
    pause = PauseSpan(starts, ends)
    covered = {day for day in range(12, 31) if pause.covers_day(date(2024, 11, day), WIB)}
    assert covered == paused_days if ends else covered >= paused_days


def test_a_pause_s_days_follow_the_group_s_zone():
    # 23.30 WIB on the 12th is already 01.30 WIT on the 13th.
    pause = PauseSpan(at(WIB, date(2024, 11, 12), 23, 30), None)
    assert pause.first_day(WIB) == date(2024, 11, 12)
    assert pause.first_day(WIT) == TODAY


# -- holidays ----------------------------------------------------------------------------


def test_the_calendar_knows_election_days_and_cuti_bersama():
    assert holiday_names(PILKADA) == ["Hari Pemilihan Kepala Daerah"]
    assert holiday_names(PEMILU) == ["Hari Pemilihan Umum"]
    assert holiday_names(date(2024, 12, 26)) == ["Cuti Bersama Hari Raya Natal"]
    assert holiday_names(date(2024, 12, 25), "en") == ["Christmas Day"]
    assert holiday_names(TODAY) == []
    assert [day for day, _ in holidays_between(date(2024, 12, 20), date(2025, 1, 2))] == [
        date(2024, 12, 25),
        date(2024, 12, 26),
        date(2025, 1, 1),
    ]


def test_polling_day_is_never_a_skipped_holiday():
    assert not is_skipped_holiday(PILKADA, PILKADA)
    assert is_skipped_holiday(PILKADA, PEMILU)  # another election's day is a holiday as any
    assert is_skipped_holiday(date(2024, 12, 25), PILKADA)
    assert not is_skipped_holiday(TODAY, PILKADA)


def test_day_off_reads_pauses_first_then_holidays_when_skipped():
    christmas = date(2024, 12, 25)
    assert day_off(christmas, WIB, (), skip_holidays=False, polling_day=PILKADA) is None
    off = day_off(christmas, WIB, (), skip_holidays=True, polling_day=PILKADA)
    assert off is not None and off.reason is DayOffReason.HOLIDAY
    pause = PauseSpan(at(WIB, date(2024, 12, 20), 8), None)
    paused = day_off(christmas, WIB, (pause,), skip_holidays=True, polling_day=PILKADA)
    assert paused is not None and paused.paused and paused.pause == pause
    assert day_off(PILKADA, WIB, (), skip_holidays=True, polling_day=PILKADA) is None


# -- the scheduler's plan ------------------------------------------------------------------


def schedule(**changes) -> GroupSchedule:
    return GroupSchedule(
        chat_id=-1001,
        time_zone=changes.pop("zone", WIB),
        times={},
        calendar=changes.pop("calendar", calendar_for(None, PILKADA, (), "Kabupaten Kutai Timur")),
        active_since=at(WIB, date(2024, 11, 1), 0),
        **changes,
    )


def whole_days(*days: date) -> set:
    return {(-1001, kind, day) for kind in PostKind for day in days}


def test_slots_inside_a_pause_are_neither_due_nor_missed():
    pause = PauseSpan(at(WIB, TODAY, 10), None)
    done = whole_days(date(2024, 11, 12)) | {
        (-1001, PostKind.LAPORAN, TODAY),
        (-1001, PostKind.HITUNGMUNDUR, TODAY),
    }
    for hour in (12, 17, 23):
        plan = plan_posts(at(WIB, TODAY, hour), [schedule(pauses=(pause,))], done)
        assert (plan.due, plan.missed) == ([], []), hour
    # Before the pause, the morning's posts were due as usual.
    plan = plan_posts(
        at(WIB, TODAY, 8, 30), [schedule(pauses=(pause,))], whole_days(date(2024, 11, 12))
    )
    assert [post.kind for post in plan.due] == [PostKind.LAPORAN, PostKind.HITUNGMUNDUR]


def test_after_a_pause_the_next_slot_counts_and_the_ones_inside_do_not():
    lifted = PauseSpan(at(WIB, date(2024, 11, 12), 10), at(WIB, TODAY, 10))
    plan = plan_posts(
        at(WIB, TODAY, 12, 5), [schedule(pauses=(lifted,))], whole_days(date(2024, 11, 12))
    )
    assert [(post.kind, post.scheduled_at) for post in plan.due] == [
        (PostKind.PENGINGAT, at(WIB, TODAY, 12))
    ]
    assert plan.missed == []  # the 07.00 posts fell inside the pause


def test_a_skipped_holiday_has_no_slots_but_polling_day_keeps_its_own():
    christmas = date(2024, 12, 25)
    # Without an election calendar every day is a report day: only the holiday stops it.
    skipping = schedule(skip_holidays=True, calendar=None)
    done = whole_days(christmas - timedelta(days=1))
    assert plan_posts(at(WIB, christmas, 17), [skipping], done).due == []
    assert len(plan_posts(at(WIB, christmas, 7), [schedule(calendar=None)], done).due) == 1
    skipping = schedule(skip_holidays=True)
    polling = plan_posts(at(WIB, PILKADA, 7), [skipping], whole_days(PILKADA - timedelta(days=1)))
    assert [post.kind for post in polling.due] == [PostKind.LAPORAN, PostKind.HITUNGMUNDUR]


def test_a_time_moved_into_a_pause_or_onto_a_skipped_holiday_is_not_today():
    pause = PauseSpan(at(WIB, TODAY, 10), None)
    assert (
        when_new_time_applies(at(WIB, TODAY, 11), schedule(pauses=(pause,)), PostKind.RINGKASAN)
        is NewTime.NOT_TODAY
    )
    christmas = date(2024, 12, 25)
    assert (
        when_new_time_applies(
            at(WIB, christmas, 11), schedule(skip_holidays=True), PostKind.RINGKASAN
        )
        is NewTime.NOT_TODAY
    )
    assert when_new_time_applies(at(WIB, TODAY, 11), schedule(), PostKind.RINGKASAN) is (
        NewTime.TODAY
    )


# -- the late-report window --------------------------------------------------------------


@pytest.mark.parametrize("zone", [WIB, WITA, WIT])
def test_yesterday_stays_open_until_the_cut_off_in_the_groups_zone(zone):
    noon = DEFAULT_LATE_CUTOFF
    assert late_report_day(at(zone, TODAY, 0, 0), zone, noon) == date(2024, 11, 12)
    assert late_report_day(at(zone, TODAY, 11, 59), zone, noon) == date(2024, 11, 12)
    assert late_report_day(at(zone, TODAY, 12, 0), zone, noon) is None
    assert late_report_day(at(zone, TODAY, 23, 59), zone, noon) is None
    # The same instant, read in UTC, decides nothing by itself: the zone does.
    assert late_report_day(at(zone, TODAY, 11).astimezone(UTC), zone, noon) == date(2024, 11, 12)
    assert late_report_day(at(zone, TODAY, 0, 1), zone, time(0, 0)) is None


def test_reports_and_corrections_only_for_today_and_yesterday_until_the_cut_off():
    morning, afternoon = at(WIB, TODAY, 9), at(WIB, TODAY, 13)
    noon = DEFAULT_LATE_CUTOFF
    assert may_report_for(TODAY, afternoon, WIB, noon)
    assert may_report_for(date(2024, 11, 12), morning, WIB, noon)
    assert not may_report_for(date(2024, 11, 12), afternoon, WIB, noon)
    assert not may_report_for(date(2024, 11, 6), morning, WIB, noon)
    assert not may_report_for(date(2024, 11, 14), morning, WIB, noon)  # tomorrow
    assert is_late(date(2024, 11, 12), morning, WIB) and not is_late(TODAY, afternoon, WIB)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("12.00", time(12)), ("9:30", time(9, 30)), ("mati", time(0)), ("00.00", time(0))],
)
def test_parse_cutoff(typed, expected):
    assert parse_cutoff(typed) == expected


@pytest.mark.parametrize("typed", ["25.00", "12", "siang", "", "12.60"])
def test_parse_cutoff_refuses(typed):
    with pytest.raises(ValueError):
        parse_cutoff(typed)


def test_a_stored_cut_off_that_cannot_be_read_is_the_default():
    assert late_cutoff_of(None) == late_cutoff_of("nonsense") == DEFAULT_LATE_CUTOFF
    assert late_cutoff_of("10:00") == time(10)


# -- last days as typed ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("sampai 5 Desember", date(2024, 12, 5)),
        ("5 desember", date(2024, 12, 5)),
        ("hingga 5 Des 2024", date(2024, 12, 5)),
        ("sampai dengan 05-12-2024", date(2024, 12, 5)),
        ("3", date(2024, 11, 15)),
        ("3 hari", date(2024, 11, 15)),
        ("1", TODAY),
        ("besok", date(2024, 11, 14)),
        ("1 Januari", date(2025, 1, 1)),  # the nearest: next year's
        ("5 November", date(2024, 11, 5)),  # the nearest: just past (the caller refuses it)
    ],
)
def test_last_day_as_typed(typed, expected):
    assert parse_last_day(typed, TODAY) == expected


@pytest.mark.parametrize(
    ("typed", "problem"),
    [
        ("0", DateProblem.NO_DAYS),
        ("0 hari", DateProblem.NO_DAYS),
        ("31 Februari", DateProblem.IMPOSSIBLE),
        ("minggu depan", DateProblem.UNRECOGNISED),
        ("5 Desembre", DateProblem.UNRECOGNISED),
        ("sampai", DateProblem.UNRECOGNISED),
    ],
)
def test_last_day_refuses(typed, problem):
    with pytest.raises(DateParseError) as raised:
        parse_last_day(typed, TODAY)
    assert raised.value.problem is problem


def test_a_day_and_month_around_new_year():
    new_years_eve = date(2024, 12, 31)
    assert parse_coming_date("2 Januari", new_years_eve) == date(2025, 1, 2)
    assert parse_coming_date("30 Desember", new_years_eve) == date(2024, 12, 30)
