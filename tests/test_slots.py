"""What is due when: a table of explicit timezone-aware instants, no clock, no sleep."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.domain.elections import calendar_for
from bot.scheduling.slots import (
    DEFAULT_TIMES,
    GRACE,
    DuePost,
    GroupSchedule,
    NewTime,
    Plan,
    PostKind,
    next_slot_after,
    next_slots_after,
    parse_post_time,
    plan_posts,
    when_new_time_applies,
)

WIB, WITA, WIT = "Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"
LAPORAN, PENGINGAT, RINGKASAN, PENGINGAT_PAGI, RINGKASAN_SIANG, HITUNGMUNDUR, BRIEF = PostKind
PILKADA = date(2024, 11, 27)  # Pilkada Serentak 2024: 13 November is H-14, 12 November H-15
CHAT = -1001


def group_schedule(
    chat_id: int, zone: str, times: dict, polling_day: date | None, **options
) -> GroupSchedule:
    """A group whose calendar is the template around ``polling_day`` (None: no calendar)."""
    return GroupSchedule(chat_id, zone, times, calendar_for(None, polling_day, (), None), **options)


def local(zone: str, day: int, hour: int, minute: int = 0, second: int = 0, month: int = 11):
    """An aware instant read off a clock in ``zone`` during November 2024."""
    return datetime(2024, month, day, hour, minute, second, tzinfo=ZoneInfo(zone))


def whole_day(day: date, chat_id: int = CHAT) -> set[tuple[int, PostKind, date]]:
    """Every post of ``day`` already sent (or recorded missed)."""
    return {(chat_id, kind, day) for kind in PostKind}


def keyed(*items: tuple[PostKind, date]) -> set[tuple[int, PostKind, date]]:
    return {(CHAT, kind, day) for kind, day in items}


D11, D12, D13, D14 = (date(2024, 11, day) for day in (11, 12, 13, 14))

# (zone, times, polling day, now, done, expected due, expected missed); each expected
# post is (kind, its local slot), from which its local date and UTC instant follow.
CASES = {
    "due exactly at the minute (WIB)": (
        WIB,
        {},
        None,
        local(WIB, 12, 7),
        whole_day(D11),
        [(LAPORAN, local(WIB, 12, 7))],
        [],
    ),
    "one second before: nothing yet": (
        WIB,
        {},
        None,
        local(WIB, 12, 6, 59, 59),
        whole_day(D11),
        [],
        [],
    ),
    "within grace, at its very end (WITA)": (
        WITA,
        {},
        None,
        local(WITA, 12, 9),
        whole_day(D11),
        [(LAPORAN, local(WITA, 12, 7))],
        [],
    ),
    "a second beyond grace is missed (WITA)": (
        WITA,
        {},
        None,
        local(WITA, 12, 9, 0, 1),
        whole_day(D11),
        [],
        [(LAPORAN, local(WITA, 12, 7))],
    ),
    "already sent today (WIT)": (
        WIT,
        {},
        None,
        local(WIT, 12, 7, 30),
        whole_day(D11) | keyed((LAPORAN, D12)),
        [],
        [],
    ),
    "already recorded missed stays quiet": (
        WIT,
        {},
        None,
        local(WIT, 12, 13),
        whole_day(D11) | keyed((LAPORAN, D12)),
        [(PENGINGAT, local(WIT, 12, 12))],
        [],
    ),
    "turned off, and a custom reminder time": (
        WIB,
        {LAPORAN: None, PENGINGAT: time(7, 15)},
        None,
        local(WIB, 12, 7, 30),
        whole_day(D11),
        [(PENGINGAT, local(WIB, 12, 7, 15))],
        [],
    ),
    "summary at a custom time (WITA)": (
        WITA,
        {RINGKASAN: time(16, 0)},
        None,
        local(WITA, 12, 16),
        whole_day(D11) | keyed((LAPORAN, D12), (PENGINGAT, D12)),
        [(RINGKASAN, local(WITA, 12, 16))],
        [],
    ),
    "23.30 summary seen at 00.30 next day is still due": (
        WITA,
        {RINGKASAN: time(23, 30)},
        None,
        local(WITA, 13, 0, 30),
        keyed((LAPORAN, D12), (PENGINGAT, D12)),
        [(RINGKASAN, local(WITA, 12, 23, 30))],
        [],
    ),
    "22.00 summary seen at 00.30 next day is missed (WIT)": (
        WIT,
        {RINGKASAN: time(22, 0)},
        None,
        local(WIT, 13, 0, 30),
        keyed((LAPORAN, D12), (PENGINGAT, D12)),
        [],
        [(RINGKASAN, local(WIT, 12, 22))],
    ),
    "a bot back after a day away: yesterday's posts are missed": (
        WIB,
        {},
        None,
        local(WIB, 13, 7, 30),
        set(),
        [(LAPORAN, local(WIB, 13, 7))],
        [
            (LAPORAN, local(WIB, 12, 7)),
            (PENGINGAT, local(WIB, 12, 12)),
            (RINGKASAN, local(WIB, 12, 17)),
        ],
    ),
    "H-14 is a milestone: countdown beside the report opening": (
        WIB,
        {},
        PILKADA,
        local(WIB, 13, 7),
        whole_day(D12),
        [(LAPORAN, local(WIB, 13, 7)), (HITUNGMUNDUR, local(WIB, 13, 7))],
        [],
    ),
    "H-15 is not a milestone": (
        WIB,
        {},
        PILKADA,
        local(WIB, 12, 7),
        whole_day(D11),
        [(LAPORAN, local(WIB, 12, 7))],
        [],
    ),
    "H-3, masa tenang, countdown at its own time (WIT)": (
        WIT,
        {HITUNGMUNDUR: time(6, 0)},
        PILKADA,
        local(WIT, 24, 6),
        whole_day(date(2024, 11, 23)),
        [(HITUNGMUNDUR, local(WIT, 24, 6))],
        [],
    ),
    "Hari H (WITA)": (
        WITA,
        {},
        PILKADA,
        local(WITA, 27, 8),
        whole_day(date(2024, 11, 26)),
        [(LAPORAN, local(WITA, 27, 7)), (HITUNGMUNDUR, local(WITA, 27, 7))],
        [],
    ),
    "H+1: no countdown any more": (
        WITA,
        {},
        PILKADA,
        local(WITA, 28, 8),
        whole_day(PILKADA),
        [(LAPORAN, local(WITA, 28, 7))],
        [],
    ),
    "H-30 in October (WIB)": (
        WIB,
        {},
        PILKADA,
        local(WIB, 28, 7, 5, month=10),
        whole_day(date(2024, 10, 27)),
        [(LAPORAN, local(WIB, 28, 7, month=10)), (HITUNGMUNDUR, local(WIB, 28, 7, month=10))],
        [],
    ),
    "yesterday's milestone never sent is missed": (
        WIB,
        {},
        PILKADA,
        local(WIB, 14, 6),
        keyed((LAPORAN, D13), (PENGINGAT, D13), (RINGKASAN, D13)),
        [],
        [(HITUNGMUNDUR, local(WIB, 13, 7))],
    ),
    "countdown turned off on a milestone": (
        WIB,
        {HITUNGMUNDUR: None},
        PILKADA,
        local(WIB, 13, 7),
        whole_day(D12),
        [(LAPORAN, local(WIB, 13, 7))],
        [],
    ),
    "no polling day: never a countdown": (
        WIT,
        {},
        None,
        local(WIT, 13, 7),
        whole_day(D12),
        [(LAPORAN, local(WIT, 13, 7))],
        [],
    ),
    # The group sent its 07.00 WIB opening (05.00 WIT), then moved to WIT:
    # the opening of 13 November stays sent under the new zone.
    "zone changed WIB to WIT: sent today stays sent": (
        WIT,
        {},
        None,
        local(WIT, 13, 9, 30),
        whole_day(D12) | keyed((LAPORAN, D13)),
        [],
        [],
    ),
    # At 06.30 WIB (08.30 WIT) the group moved to WIT before its opening went
    # out: the opening now follows WIT, 07.00 WIT, an hour and a half ago.
    "zone changed WIB to WIT before the opening: new zone's time": (
        WIT,
        {},
        None,
        local(WIB, 13, 6, 30),
        whole_day(D12),
        [(LAPORAN, local(WIT, 13, 7))],
        [],
    ),
    "all posts off": (WIB, dict.fromkeys(PostKind), PILKADA, local(WIB, 13, 18), set(), [], []),
}


def expected_posts(expected: list[tuple[PostKind, datetime]]) -> list[DuePost]:
    return [DuePost(CHAT, kind, slot.date(), slot.astimezone(UTC)) for kind, slot in expected]


@pytest.mark.parametrize(
    ("zone", "times", "polling_day", "now", "done", "due", "missed"),
    CASES.values(),
    ids=CASES.keys(),
)
def test_plan_for_one_group(zone, times, polling_day, now, done, due, missed):
    schedule = group_schedule(CHAT, zone, times, polling_day)

    plan = plan_posts(now, [schedule], done)

    assert plan.due == expected_posts(due)
    assert plan.missed == expected_posts(missed)
    assert all(post.scheduled_at.tzinfo is UTC for post in plan.due + plan.missed)


def test_one_instant_across_the_three_zones_sorted_by_time_then_chat():
    now = datetime(2024, 11, 13, 0, 0, tzinfo=UTC)  # 07.00 WIB, 08.00 WITA, 09.00 WIT
    schedules = [
        group_schedule(30, WIB, {}, None),
        group_schedule(10, WIB, {}, None),
        group_schedule(20, WITA, {}, PILKADA),
        group_schedule(40, WIT, {}, None),
        group_schedule(50, WIT, {LAPORAN: time(6, 59)}, None),  # 2 h 1 min ago
        group_schedule(60, WIB, {LAPORAN: time(7, 1)}, None),  # a minute to go
    ]
    done = set().union(*(whole_day(D12, chat_id) for chat_id in (10, 20, 30, 40, 50, 60)))

    plan = plan_posts(now, schedules, done)

    assert [(post.chat_id, post.kind, post.scheduled_at) for post in plan.due] == [
        (40, LAPORAN, datetime(2024, 11, 12, 22, 0, tzinfo=UTC)),
        (20, LAPORAN, datetime(2024, 11, 12, 23, 0, tzinfo=UTC)),
        (20, HITUNGMUNDUR, datetime(2024, 11, 12, 23, 0, tzinfo=UTC)),
        (10, LAPORAN, now),
        (30, LAPORAN, now),
    ]
    assert [(post.chat_id, post.kind, post.local_date) for post in plan.missed] == [
        (50, LAPORAN, D13)
    ]


def test_recording_the_plan_makes_the_next_call_quiet():
    now = local(WITA, 13, 17, 30)
    schedules = [group_schedule(chat_id, WITA, {}, PILKADA) for chat_id in range(5)]
    first = plan_posts(now, schedules, set())
    done = {post.key for post in first.due + first.missed}

    second = plan_posts(now + timedelta(minutes=1), schedules, done)

    # Due: today's summary. Missed: yesterday's three (H-15), and today's opening,
    # countdown (H-14) and reminder, all more than two hours old.
    assert len(first.due) == 5 and len(first.missed) == 5 * 6
    assert second == type(second)(due=[], missed=[])


def test_now_in_any_zone_means_the_same_instant():
    schedule = group_schedule(CHAT, WITA, {}, None)
    instant = local(WITA, 12, 7)
    in_utc = plan_posts(instant.astimezone(UTC), [schedule], whole_day(D11))
    in_wit = plan_posts(instant.astimezone(ZoneInfo(WIT)), [schedule], whole_day(D11))
    assert in_utc == in_wit and len(in_utc.due) == 1


def test_naive_now_is_refused():
    with pytest.raises(ValueError):
        plan_posts(datetime(2024, 11, 13, 7), [], set())


def test_eight_thousand_groups_plan_correctly():
    zones = (WIB, WITA, WIT)
    schedules = [
        group_schedule(
            chat_id,
            zones[chat_id % 3],
            {PENGINGAT: None} if chat_id % 4 == 0 else {},
            PILKADA if chat_id % 2 else None,
        )
        for chat_id in range(8000)
    ]
    now = datetime(2024, 11, 13, 0, 0, tzinfo=UTC)  # 07.00 WIB, 08.00 WITA, 09.00 WIT on H-14
    done = set().union(*(whole_day(D12, schedule.chat_id) for schedule in schedules))

    plan = plan_posts(now, schedules, done)

    with_polling_day = 4000
    assert len(plan.due) == 8000 + with_polling_day  # every opening, plus the H-14 countdowns
    assert plan.missed == []
    assert {post.local_date for post in plan.due} == {D13}
    assert plan.due == sorted(plan.due, key=lambda post: (post.scheduled_at, post.chat_id))

    nothing_recorded = plan_posts(now, schedules, set())
    # Yesterday (H-15, no countdown): opening, summary, and the reminder unless turned off.
    assert len(nothing_recorded.missed) == 8000 * 2 + 6000
    assert len(nothing_recorded.due) == len(plan.due)


def test_defaults_and_grace_are_the_documented_ones():
    assert {
        LAPORAN: time(7),
        PENGINGAT: time(12),
        RINGKASAN: time(17),
        PENGINGAT_PAGI: time(10),
        RINGKASAN_SIANG: time(14),
        HITUNGMUNDUR: time(7),
        BRIEF: None,  # off until an admin sets it
    } == DEFAULT_TIMES
    assert timedelta(hours=2) == GRACE
    assert group_schedule(1, WIB, {PENGINGAT: None}, None).time_of(PENGINGAT) is None
    assert group_schedule(1, WIB, {}, None).time_of(RINGKASAN) == time(17)


def test_the_milestones_follow_the_morning_posts_time_unless_set_themselves():
    assert group_schedule(1, WIB, {LAPORAN: time(6, 30)}, None).time_of(HITUNGMUNDUR) == time(6, 30)
    moved = {LAPORAN: time(6, 30), HITUNGMUNDUR: time(8)}
    assert group_schedule(1, WIB, moved, None).time_of(HITUNGMUNDUR) == time(8)
    # The morning post turned off: the milestones keep their own default.
    assert group_schedule(1, WIB, {LAPORAN: None}, None).time_of(HITUNGMUNDUR) == time(7)
    off = {HITUNGMUNDUR: None}
    assert group_schedule(1, WIB, off, None).time_of(HITUNGMUNDUR) is None


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("17:00", time(17, 0)),
        ("7:00", time(7, 0)),
        ("17.00", time(17, 0)),
        (" 07.30 ", time(7, 30)),
        ("0:00", time(0, 0)),
        ("23:59", time(23, 59)),
        ("mati", None),
        ("MATI", None),
        ("off", None),
    ],
)
def test_parse_post_time(typed, expected):
    assert parse_post_time(typed) == expected


@pytest.mark.parametrize(
    "typed", ["25:00", "24:00", "17:60", "17", "abc", "", "17:0", "17:00:00", "7 pagi", "１７:００"]
)
def test_parse_post_time_refuses(typed):
    with pytest.raises(ValueError):
        parse_post_time(typed)


def test_slots_before_the_group_joined_are_neither_due_nor_missed():
    """Added at 20.38 WITA with the summary moved to 20.41: only the 20.41 summary counts."""
    joined = local(WITA, 13, 20, 38)
    schedule = group_schedule(CHAT, WITA, {RINGKASAN: time(20, 41)}, PILKADA, active_since=joined)
    assert plan_posts(local(WITA, 13, 20, 40), [schedule], set()) == Plan([], [])
    plan = plan_posts(local(WITA, 13, 20, 41), [schedule], set())
    assert plan.missed == []
    assert plan.due == [DuePost(CHAT, RINGKASAN, D13, local(WITA, 13, 20, 41).astimezone(UTC))]


def test_a_missed_post_moved_later_the_same_day_is_due_at_its_new_time():
    missed_at = local(WIB, 13, 17).astimezone(UTC)
    done = {
        **dict.fromkeys(whole_day(D12)),
        (CHAT, LAPORAN, D13): None,
        (CHAT, PENGINGAT, D13): None,
        (CHAT, RINGKASAN, D13): missed_at,
    }
    moved = group_schedule(CHAT, WIB, {RINGKASAN: time(20, 41)}, None)
    assert plan_posts(local(WIB, 13, 20, 40), [moved], done) == Plan([], [])
    plan = plan_posts(local(WIB, 13, 20, 41), [moved], done)
    assert plan.due == [
        DuePost(CHAT, RINGKASAN, D13, local(WIB, 13, 20, 41).astimezone(UTC), was_missed=True)
    ]
    # Moved to an earlier time (or left as it was), the missed post stays missed.
    for earlier in (time(16), time(17)):
        stays = group_schedule(CHAT, WIB, {RINGKASAN: earlier}, None)
        assert plan_posts(local(WIB, 13, 20, 41), [stays], done) == Plan([], [])
    # A post already sent (settled) is not sent again at a later time.
    sent = {**done, (CHAT, RINGKASAN, D13): None}
    assert plan_posts(local(WIB, 13, 20, 41), [moved], sent) == Plan([], [])


NOW = local(WITA, 13, 20, 38)
NEW_TIME_CASES = {
    "later today": ({RINGKASAN: time(20, 41)}, RINGKASAN, None, None, NewTime.TODAY),
    "just passed, within grace": ({RINGKASAN: time(19)}, RINGKASAN, None, None, NewTime.AT_ONCE),
    "long passed": ({RINGKASAN: time(9)}, RINGKASAN, None, None, NewTime.TOMORROW),
    "before the group joined": (
        {RINGKASAN: time(20)},
        RINGKASAN,
        local(WITA, 13, 20, 30),
        None,
        NewTime.TOMORROW,
    ),
    "at or before the slot it was missed at": (
        {RINGKASAN: time(19)},
        RINGKASAN,
        None,
        local(WITA, 13, 19, 30),
        NewTime.TOMORROW,
    ),
    "after the slot it was missed at": (
        {RINGKASAN: time(20, 41)},
        RINGKASAN,
        None,
        local(WITA, 13, 17),
        NewTime.TODAY,
    ),
    "the countdown on a day that is no milestone": (
        {HITUNGMUNDUR: time(21)},
        HITUNGMUNDUR,
        None,
        None,
        NewTime.NOT_TODAY,
    ),
    "turned off": ({RINGKASAN: None}, RINGKASAN, None, None, NewTime.NOT_TODAY),
}


@pytest.mark.parametrize(
    ("times", "kind", "active_since", "missed_at", "expected"),
    NEW_TIME_CASES.values(),
    ids=NEW_TIME_CASES.keys(),
)
def test_when_a_changed_time_applies(times, kind, active_since, missed_at, expected):
    # 13 November is H-14 before PILKADA: a milestone; the 12th (H-15) is not.
    polling_day = PILKADA + timedelta(days=1) if kind is HITUNGMUNDUR else PILKADA
    schedule = group_schedule(CHAT, WITA, times, polling_day, active_since=active_since)
    assert when_new_time_applies(NOW, schedule, kind, missed_at) is expected


def test_a_group_with_groups_below_sums_up_an_hour_after_the_level_below():
    from dataclasses import replace as changed

    from bot.domain.forum import GroupSettings
    from bot.domain.regions import RegionLevel
    from bot.scheduling.slots import schedule_of

    group = GroupSettings(
        chat_id=-1, title="", region_name="Provinsi Kalimantan Timur", time_zone="Asia/Makassar",
        locale="id", election_name=None, polling_day=None, active=True, region_code="64",
        region_level=RegionLevel.PROVINSI,
    )  # fmt: skip
    summary = PostKind.RINGKASAN
    assert schedule_of(group).time_of(summary) == time(17, 0)  # nothing below yet
    below = changed(group, has_groups_below=True)
    assert schedule_of(below).time_of(summary) == time(19, 0)
    regency = changed(below, region_level=RegionLevel.KABUPATEN_KOTA, region_code="64.08")
    assert schedule_of(regency).time_of(summary) == time(18, 0)
    national = changed(below, region_level=RegionLevel.NASIONAL, region_code=None)
    assert schedule_of(national).time_of(summary) == time(20, 0)
    moved = changed(below, post_times={"ringkasan": "16:30"})
    assert schedule_of(moved).time_of(summary) == time(16, 30)  # an admin's time wins


def preset_schedule(zone: str, times: dict, preset_id: str = "pilkada2024") -> GroupSchedule:
    calendar = calendar_for(preset_id, PILKADA, (), "Kabupaten Kutai Timur")
    return GroupSchedule(CHAT, zone, times, calendar)


NEXT_SLOT_CASES = {
    "the morning post, later today": (
        preset_schedule(WIB, {}),
        local(WIB, 13, 6),
        local(WIB, 13, 7),
    ),
    "after the summary: tomorrow morning": (
        preset_schedule(WIB, {}),
        local(WIB, 13, 17),
        local(WIB, 14, 7),
    ),
    "polling day: the extra round's reminder next": (
        preset_schedule(WITA, {}),
        local(WITA, 27, 9),
        local(WITA, 27, 10),
    ),
    "a Tuesday of a weekly stage, nothing tomorrow either: looked at again in two days": (
        preset_schedule(WIB, {}),
        local(WIB, 1, 8, month=10),
        local(WIB, 3, 0, month=10),
    ),
    "Sunday evening of a weekly stage: Monday morning": (
        preset_schedule(WIB, {}),
        local(WIB, 6, 20, month=10),
        local(WIB, 7, 7, month=10),
    ),
    "every post turned off": (
        preset_schedule(WIB, dict.fromkeys(PostKind)),
        local(WIB, 13, 6),
        local(WIB, 15, 0),
    ),
    "without a calendar, every day": (
        group_schedule(CHAT, WIT, {}, None),
        local(WIT, 13, 12, 1),
        local(WIT, 13, 17),
    ),
}


@pytest.mark.parametrize(
    ("schedule", "now", "expected"), NEXT_SLOT_CASES.values(), ids=NEXT_SLOT_CASES.keys()
)
def test_when_a_group_next_needs_a_look(schedule, now, expected):
    assert next_slot_after(now, schedule) == expected


def test_groups_alike_share_their_next_slot():
    schedules = [preset_schedule(WIB, {}), preset_schedule(WIB, {}), preset_schedule(WIT, {})]
    assert next_slots_after(local(WIB, 13, 6), schedules) == [
        local(WIB, 13, 7),
        local(WIB, 13, 7),
        local(WIT, 13, 12),  # 08.00 WIT: its morning posts are behind it
    ]


def test_a_weekly_brief_has_a_slot_on_its_weekday_only():
    # 18 November 2024 is a Monday; the brief is set for Mondays at 08.00.
    schedule = group_schedule(CHAT, WITA, {BRIEF: time(8)}, PILKADA, weekdays={BRIEF: 1})
    monday = plan_posts(local(WITA, 18, 8, 1), [schedule], set())
    assert [(p.kind, p.local_date) for p in monday.due if p.kind is BRIEF] == [
        (BRIEF, date(2024, 11, 18))
    ]
    tuesday = plan_posts(local(WITA, 19, 8, 1), [schedule], whole_day(date(2024, 11, 18)))
    assert not [p for p in tuesday.due + tuesday.missed if p.kind is BRIEF]
    # From Sunday evening the next slot looked for is Monday's, not any day's 08.00.
    assert next_slot_after(local(WITA, 17, 20), schedule) == local(WITA, 18, 7)  # the 07.00 post
    only_brief = group_schedule(
        CHAT, WITA, dict.fromkeys(PostKind) | {BRIEF: time(8)}, PILKADA, weekdays={BRIEF: 1}
    )
    assert next_slot_after(local(WITA, 17, 20), only_brief) == local(WITA, 18, 8)
    assert next_slot_after(local(WITA, 18, 9), only_brief) == local(WITA, 20, 0)  # look again


def test_the_brief_is_off_until_an_admin_sets_it():
    schedule = group_schedule(CHAT, WITA, {}, PILKADA)
    assert schedule.time_of(BRIEF) is None
    plan = plan_posts(local(WITA, 18, 23), [schedule], set())
    assert not [p for p in plan.due + plan.missed if p.kind is BRIEF]
