"""The election calendar as a pure function of (date, calendar): tables, no clock, no database.

Each row is a day around a boundary of a stage, with the stage a group at that
level is in and whether a report is expected that day, as read from the
regulations (the weekday matters: weekly reports fall on Mondays).
"""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from bot.domain.elections import (
    CalendarFileError,
    CorrectionError,
    CorrectionProblem,
    GroupCalendar,
    Level,
    MilestoneKind,
    Phase,
    Rhythm,
    RhythmKind,
    build_calendar,
    check_correction,
    day_of,
    level_of_region,
    load_presets,
    next_report_day,
    preset,
    relative_calendar,
    upcoming_milestones,
)
from bot.domain.elections.loading import PRESETS_DIR, read_calendar

KEC, KAB, PROV, NAS = Level.KECAMATAN, Level.KABKOTA, Level.PROVINSI, Level.NASIONAL
PILKADA = date(2024, 11, 27)
PEMILU = date(2024, 2, 14)


def d(text: str) -> date:
    return date.fromisoformat(text)


# (level, day, stage the group is in, report expected)
PILKADA_DAYS = [
    # outside any stage before polling day: weekly, on Monday
    (KAB, "2024-08-26", None, True),  # Monday
    (KAB, "2024-08-27", "pendaftaran", False),  # Tuesday: candidate registration 27-29 August
    (KAB, "2024-08-29", "pendaftaran", False),
    (KAB, "2024-08-30", None, False),
    (KAB, "2024-09-02", None, True),
    (KAB, "2024-09-24", None, False),
    (KAB, "2024-09-25", "kampanye", False),  # the campaign begins on a Wednesday
    (KAB, "2024-09-30", "kampanye", True),  # its first Monday
    (KAB, "2024-10-27", "kampanye", False),  # H-31, a Sunday: still weekly
    (KAB, "2024-10-28", "kampanye", True),  # H-30: daily from now on
    (KAB, "2024-10-29", "kampanye", True),
    (KAB, "2024-11-23", "kampanye", True),  # the last day of campaigning
    (KAB, "2024-11-24", "masa_tenang", True),
    (KAB, "2024-11-26", "masa_tenang", True),
    (KAB, "2024-11-27", "pemungutan", True),  # polling day, not "the count" starting too
    (KAB, "2024-11-28", "rekap_kecamatan", True),  # the regency follows its districts' count
    (KAB, "2024-11-29", "rekap_kabkota", True),  # then its own
    (KAB, "2024-12-06", "rekap_kabkota", True),
    (KAB, "2024-12-07", "penghitungan", False),  # the rest of the count: weekly
    (KAB, "2024-12-09", "penghitungan", True),
    (KAB, "2024-12-16", "penghitungan", True),  # the count's last day, a Monday
    (KAB, "2024-12-17", None, False),  # the calendar is over: nothing expected
    (KAB, "2024-12-23", None, False),  # not even on Monday
    (KEC, "2024-11-28", "rekap_kecamatan", True),
    (KEC, "2024-11-29", "rekap_kecamatan", True),  # a district's forum: not the regency's recap
    (KEC, "2024-12-03", "rekap_kecamatan", True),
    (KEC, "2024-12-04", "penghitungan", False),
    (PROV, "2024-11-29", "rekap_kabkota", True),
    (PROV, "2024-11-30", "rekap_provinsi", True),
    (PROV, "2024-12-09", "rekap_provinsi", True),
    (PROV, "2024-12-10", "penghitungan", False),
    (NAS, "2024-12-09", "rekap_provinsi", True),  # no national recapitulation in a Pilkada
]

PEMILU_DAYS = [
    (KAB, "2023-11-27", None, True),  # Monday before the campaign
    (KAB, "2023-11-28", "kampanye", False),
    (KAB, "2023-12-04", "kampanye", True),
    (KAB, "2024-01-14", "kampanye", False),  # H-31
    (KAB, "2024-01-15", "kampanye", True),  # H-30
    (KAB, "2024-01-16", "kampanye", True),
    (KAB, "2024-02-10", "kampanye", True),
    (KAB, "2024-02-11", "masa_tenang", True),
    (KAB, "2024-02-13", "masa_tenang", True),
    (KAB, "2024-02-14", "pemungutan", True),
    (KAB, "2024-02-15", "rekap_kecamatan", True),  # rather than the count's second day
    (KAB, "2024-02-16", "rekap_kecamatan", True),
    (KAB, "2024-02-17", "rekap_kabkota", True),
    (KAB, "2024-03-05", "rekap_kabkota", True),
    (KAB, "2024-03-06", "rekapitulasi", False),  # the recapitulation above: weekly
    (KAB, "2024-03-11", "rekapitulasi", True),
    (KAB, "2024-03-20", "rekapitulasi", False),  # its last day is a Wednesday
    (KAB, "2024-03-21", None, False),
    (KAB, "2024-03-25", None, False),
    (KEC, "2024-03-02", "rekap_kecamatan", True),
    (KEC, "2024-03-03", "rekapitulasi", False),
    (KEC, "2024-03-04", "rekapitulasi", True),
    (PROV, "2024-02-19", "rekap_provinsi", True),
    (PROV, "2024-03-10", "rekap_provinsi", True),
    (PROV, "2024-03-11", "rekapitulasi", True),
    (PROV, "2024-03-12", "rekapitulasi", False),
    (NAS, "2024-02-22", "rekap_nasional", True),
    (NAS, "2024-03-20", "rekap_nasional", True),
    (NAS, "2024-03-21", None, False),
]


@pytest.mark.parametrize(("level", "day", "stage", "expected"), PILKADA_DAYS)
def test_pilkada_2024_day_by_day(level, day, stage, expected):
    election = day_of(GroupCalendar(preset("pilkada2024"), level), d(day))
    assert (election.stage_id, election.reports_expected) == (stage, expected)


@pytest.mark.parametrize(("level", "day", "stage", "expected"), PEMILU_DAYS)
def test_pemilu_2024_day_by_day(level, day, stage, expected):
    election = day_of(GroupCalendar(preset("pemilu2024"), level), d(day))
    assert (election.stage_id, election.reports_expected) == (stage, expected)


# A re-vote on Wednesday 27 August 2025: the template places the stages around it.
PSU = date(2025, 8, 27)
RELATIVE_DAYS = [
    (-64, None, False),  # a Tuesday before the campaign
    (-63, "kampanye", False),
    (-31, "kampanye", False),
    (-30, "kampanye", True),  # H-30, a Monday
    (-4, "kampanye", True),
    (-3, "masa_tenang", True),  # the masa tenang is always H-3 to H-1
    (-1, "masa_tenang", True),
    (0, "pemungutan", True),
    (1, "rekap_kecamatan", True),
    (2, "rekap_kabkota", True),
    (9, "rekap_kabkota", True),
    (10, "penghitungan", False),
    (12, "penghitungan", True),
    (19, "penghitungan", True),
    (20, None, False),
]


@pytest.mark.parametrize(("offset", "stage", "expected"), RELATIVE_DAYS)
def test_a_relative_calendar_around_any_polling_day(offset, stage, expected):
    day = PSU + timedelta(days=offset)
    election = day_of(GroupCalendar(relative_calendar(PSU), KAB), day)
    assert (election.stage_id, election.reports_expected) == (stage, expected)
    assert election.countdown.days_before == -offset


def test_the_phase_follows_polling_day():
    calendar = GroupCalendar(relative_calendar(PSU), KAB)
    assert [day_of(calendar, PSU + timedelta(days=n)).phase for n in (-1, 0, 1)] == [
        Phase.BEFORE,
        Phase.POLLING_DAY,
        Phase.AFTER,
    ]


def test_polling_day_brings_its_extra_round():
    calendar = GroupCalendar(preset("pilkada2024"), KAB)
    assert day_of(calendar, PILKADA).posts == {"pengingat_pagi", "ringkasan_siang"}
    assert day_of(calendar, PILKADA - timedelta(days=1)).posts == frozenset()


# A regency whose recapitulation was delayed to Tuesday 10 December.
DELAYED = (("rekap_kabkota", d("2024-11-29"), d("2024-12-10")),)
CORRECTED_DAYS = [
    ("2024-12-06", "rekap_kabkota", True),
    ("2024-12-07", "rekap_kabkota", True),  # a Saturday: weekly without the correction
    ("2024-12-10", "rekap_kabkota", True),
    ("2024-12-11", "penghitungan", False),
]


@pytest.mark.parametrize(("day", "stage", "expected"), CORRECTED_DAYS)
def test_a_regions_correction(day, stage, expected):
    calendar = GroupCalendar(build_calendar("pilkada2024", PILKADA, DELAYED), KAB)
    election = day_of(calendar, d(day))
    assert (election.stage_id, election.reports_expected) == (stage, expected)
    assert election.stage.corrected == (stage == "rekap_kabkota")


def test_a_correction_moves_its_milestone_and_leaves_other_regions_alone():
    corrected = GroupCalendar(build_calendar("pilkada2024", PILKADA, DELAYED), KAB)
    plain = GroupCalendar(build_calendar("pilkada2024", PILKADA), KAB)
    assert [m.kind for m in day_of(corrected, d("2024-12-10")).milestones] == [
        MilestoneKind.STAGE_LAST
    ]
    assert day_of(corrected, d("2024-12-06")).milestones == ()
    assert [m.kind for m in day_of(plain, d("2024-12-06")).milestones] == [MilestoneKind.STAGE_LAST]
    assert corrected != plain and build_calendar("pilkada2024", PILKADA) == plain.calendar


CORRECTIONS = {
    "an unknown stage": ("arisan", "2024-12-01", "2024-12-02", CorrectionProblem.UNKNOWN_STAGE),
    "polling day itself": ("pemungutan", "2024-11-28", "2024-11-28", CorrectionProblem.POLLING_DAY),
    "reversed": ("rekap_kabkota", "2024-12-10", "2024-11-29", CorrectionProblem.REVERSED),
    "overlapping the masa tenang": (
        "kampanye",
        "2024-09-25",
        "2024-11-24",
        CorrectionProblem.OVERLAP,
    ),
    "a campaign past polling day": (
        "kampanye",
        "2024-09-25",
        "2024-11-28",
        CorrectionProblem.CROSSES_POLLING_DAY,
    ),
    "a recapitulation before polling day": (
        "rekap_kabkota",
        "2024-11-26",
        "2024-12-06",
        CorrectionProblem.CROSSES_POLLING_DAY,
    ),
    "a year off": ("rekap_kabkota", "2024-11-29", "2025-12-06", CorrectionProblem.OUTSIDE_SPAN),
    "long before": ("pendaftaran", "2023-08-27", "2023-08-29", CorrectionProblem.OUTSIDE_SPAN),
}


@pytest.mark.parametrize(
    ("stage", "first", "last", "problem"), CORRECTIONS.values(), ids=CORRECTIONS.keys()
)
def test_a_correction_that_does_not_fit_is_refused(stage, first, last, problem):
    with pytest.raises(CorrectionError) as refused:
        check_correction(preset("pilkada2024"), stage, d(first), d(last))
    assert refused.value.problem is problem


def test_corrections_accumulate_and_replace_their_own_stage():
    calendar = preset("pilkada2024")
    once = check_correction(calendar, "rekap_kabkota", d("2024-11-29"), d("2024-12-10"))
    twice = check_correction(
        build_calendar("pilkada2024", PILKADA, once),
        "kampanye",
        d("2024-09-25"),
        d("2024-11-22"),
    )
    again = check_correction(
        build_calendar("pilkada2024", PILKADA, twice),
        "rekap_kabkota",
        d("2024-11-29"),
        d("2024-12-12"),
    )
    assert again == (
        ("kampanye", d("2024-09-25"), d("2024-11-22")),
        ("rekap_kabkota", d("2024-11-29"), d("2024-12-12")),
    )


def test_a_stored_correction_that_no_longer_fits_is_left_out():
    stale = (("rekap_kabkota", d("2024-11-20"), d("2024-12-06")),)  # before polling day
    assert build_calendar("pilkada2024", PILKADA, stale) == preset("pilkada2024")


# The morning posts of a regency's forum in the Pilkada.
MILESTONE_DAYS = [
    (KAB, "2024-08-27", []),  # registration is no milestone post
    (KAB, "2024-09-25", [(MilestoneKind.STAGE_START, "kampanye")]),
    (KAB, "2024-10-28", [(MilestoneKind.COUNTDOWN, None)]),  # H-30
    (KAB, "2024-11-13", [(MilestoneKind.COUNTDOWN, None)]),  # H-14
    (KAB, "2024-11-20", [(MilestoneKind.COUNTDOWN, None)]),  # H-7
    (KAB, "2024-11-22", []),
    (KAB, "2024-11-23", [(MilestoneKind.STAGE_LAST, "kampanye")]),
    (KAB, "2024-11-24", [(MilestoneKind.STAGE_START, "masa_tenang")]),
    (KAB, "2024-11-25", []),
    (KAB, "2024-11-26", [(MilestoneKind.DEADLINE, "logistik_tps")]),  # H-1
    (KAB, "2024-11-27", [(MilestoneKind.STAGE_START, "pemungutan")]),
    (KAB, "2024-11-28", []),  # the districts' recapitulation: theirs to announce
    (KAB, "2024-11-29", [(MilestoneKind.STAGE_START, "rekap_kabkota")]),
    (KAB, "2024-12-06", [(MilestoneKind.STAGE_LAST, "rekap_kabkota")]),
    (KAB, "2024-12-16", []),
    (KEC, "2024-11-28", [(MilestoneKind.STAGE_START, "rekap_kecamatan")]),
    (KEC, "2024-11-29", []),
    (KEC, "2024-12-03", [(MilestoneKind.STAGE_LAST, "rekap_kecamatan")]),
    (PROV, "2024-11-30", [(MilestoneKind.STAGE_START, "rekap_provinsi")]),
    (PROV, "2024-12-09", [(MilestoneKind.STAGE_LAST, "rekap_provinsi")]),
]


@pytest.mark.parametrize(("level", "day", "expected"), MILESTONE_DAYS)
def test_the_milestones_of_each_day(level, day, expected):
    election = day_of(GroupCalendar(preset("pilkada2024"), level), d(day))
    found = [
        (m.kind, m.stage.id if m.stage else m.deadline.id if m.deadline else None)
        for m in election.milestones
    ]
    assert found == expected


def test_the_next_three_milestones():
    calendar = GroupCalendar(preset("pilkada2024"), KAB)
    assert [(m.day, m.kind) for m in upcoming_milestones(calendar, d("2024-11-13"))] == [
        (d("2024-11-23"), MilestoneKind.STAGE_LAST),
        (d("2024-11-24"), MilestoneKind.STAGE_START),
        (d("2024-11-26"), MilestoneKind.DEADLINE),
    ]
    # In its own recapitulation: its end and the count's (the districts' ends inside it).
    assert [(m.day, m.kind) for m in upcoming_milestones(calendar, d("2024-11-30"))] == [
        (d("2024-12-06"), MilestoneKind.STAGE_LAST),
        (d("2024-12-16"), MilestoneKind.STAGE_LAST),
    ]
    # Polling day, then the districts' recapitulation: the count starting on polling day
    # is no milestone of its own.
    assert [(m.day, m.stage.id) for m in upcoming_milestones(calendar, d("2024-11-26"))] == [
        (d("2024-11-27"), "pemungutan"),
        (d("2024-11-28"), "rekap_kecamatan"),
        (d("2024-11-29"), "rekap_kabkota"),
    ]
    assert upcoming_milestones(calendar, d("2024-12-16")) == ()


def test_the_next_report_day():
    calendar = GroupCalendar(preset("pilkada2024"), KAB)
    assert next_report_day(calendar, d("2024-10-01")) == d("2024-10-07")  # the next Monday
    assert next_report_day(calendar, d("2024-10-26")) == d("2024-10-28")  # H-30
    assert next_report_day(calendar, d("2024-12-10")) == d("2024-12-16")
    assert next_report_day(calendar, d("2024-12-16")) is None  # the election is over
    assert next_report_day(None, d("2024-12-16")) == d("2024-12-17")  # no calendar: daily


def test_a_group_without_polling_day_reports_every_day():
    election = day_of(None, d("2024-10-01"))
    assert election.reports_expected and election.stage is None and election.milestones == ()


@pytest.mark.parametrize(
    ("text", "rhythm", "monday", "tuesday", "saturday"),
    [
        ("daily", Rhythm(RhythmKind.DAILY), True, True, True),
        ("weekdays", Rhythm(RhythmKind.WEEKDAYS), True, True, False),
        ("weekly:monday", Rhythm(RhythmKind.WEEKLY, 0), True, False, False),
        ("weekly:saturday", Rhythm(RhythmKind.WEEKLY, 5), False, False, True),
        ("none", Rhythm(RhythmKind.NONE), False, False, False),
    ],
)
def test_report_rhythms(text, rhythm, monday, tuesday, saturday):
    assert Rhythm.parse(text) == rhythm
    days = (d("2024-09-30"), d("2024-10-01"), d("2024-10-05"))
    assert tuple(rhythm.expects(day) for day in days) == (monday, tuesday, saturday)


@pytest.mark.parametrize("text", ["weekly", "weekly:senin", "monthly", "daily:monday", ""])
def test_unknown_rhythms_are_refused(text):
    with pytest.raises(ValueError):
        Rhythm.parse(text)


@pytest.mark.parametrize(
    ("region", "level"),
    [
        ("Kabupaten Kutai Timur", KAB),
        ("Kota Samarinda", KAB),
        ("Provinsi Kalimantan Timur", PROV),
        ("provinsi papua", PROV),
        ("Kecamatan Sangatta Utara", KEC),
        ("Distrik Abepura", KEC),
        ("Desk Pilkada Nasional", NAS),
        ("Kutai Timur", KAB),
        (None, KAB),
    ],
)
def test_the_groups_level_from_its_region(region, level):
    assert level_of_region(region) is level


def test_every_preset_is_read_and_checked_and_carries_its_sources():
    presets = load_presets()
    assert set(presets) == {"pilkada2024", "pemilu2024"}
    assert presets["pilkada2024"].polling_day == PILKADA
    assert presets["pemilu2024"].polling_day == PEMILU
    for calendar in presets.values():
        for stage in calendar.stages:
            assert calendar.source_names(stage.sources), stage.id
        for source in calendar.sources.values():
            assert source.checked.strip(), source.id


def _write(tmp_path, changes: dict) -> object:
    data = json.loads((PRESETS_DIR / "pilkada2024.json").read_text(encoding="utf-8"))
    for index, stage_changes in changes.get("stages", {}).items():
        data["stages"][index].update(stage_changes)
    for key, value in changes.items():
        if key != "stages":
            data[key] = value
    path = tmp_path / "calendar.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"stages": {1: {"last": "2024-11-25"}}},
            "stage 'kampanye': overlap (overlaps 'masa_tenang')",
        ),
        ({"stages": {1: {"reports": "fortnightly"}}}, "reports must be daily, weekdays"),
        ({"stages": {1: {"sources": ["nowhere"]}}}, "'sources' must name listed sources"),
        ({"stages": {6: {"level": "desa"}}}, "'level' must be one of"),
        ({"stages": {1: {"first": "25-09-2024"}}}, "not an ISO date"),
        ({"reports_outside_stages": "sometimes"}, "reports must be daily"),
        ({"version": 2}, "'version' must be 1"),
    ],
)
def test_a_bad_calendar_file_names_what_is_wrong(tmp_path, changes, message):
    with pytest.raises(CalendarFileError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_calendar(_write(tmp_path, changes))


def test_the_template_read_around_a_polling_day(tmp_path):
    calendar = read_calendar(PRESETS_DIR / "relatif.json", PSU)
    assert calendar.stage("masa_tenang").first == PSU - timedelta(days=3)
    assert not calendar.is_preset
