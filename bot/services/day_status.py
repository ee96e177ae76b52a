"""A group's day as the summary and the reminders see it: who reported, who has not.

Who is expected: the agencies the group expects daily (``/instansi``) that
have a liaison serving that day and a form asked in the day's election stage.
Nobody is expected on a day off (a pause, a national holiday the group skips),
whose summary reads as such, nor on a day the stage asks no report (a Tuesday
of a weekly stage, the days after the election): the reminder, /belum and the
summary leave such a day alone; its reports are still shown. A liaison on
leave is not mentioned: another liaison of the agency is, or, if there is
none, the day says the agency's liaison is on leave until when; the agency is
still expected.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from bot.domain.agencies import Agency
from bot.domain.days_off import DayOff, day_off
from bot.domain.elections import ElectionDay, election_day
from bot.domain.forms import FormSet
from bot.domain.forum import GroupSettings, LeaveNotice, Liaison, SubmittedReport
from bot.services.leaves import leaves_on
from bot.services.liaisons import LiaisonRecord, approved_liaisons
from bot.services.pauses import pauses_around
from bot.services.reports import StoredReport, reports_of_day


@dataclass(frozen=True)
class DayStatus:
    day: ElectionDay  # the day's stage and whether reports are expected
    reports: list[SubmittedReport]  # the current report of each agency that reported
    # Expected that day: with a serving liaison and a form in the day's stage; none on a
    # day off or a day the stage asks no report.
    expected_agencies: list[Agency]
    missing_agencies: list[Agency]
    missing_liaisons: list[Liaison]  # to mention: serving, not on leave
    has_liaisons: bool  # any serving liaison of an agency the group expects
    # Missing agencies whose every liaison is on leave: named with the leave's end.
    on_leave: list[LeaveNotice] = field(default_factory=list)
    day_off: DayOff | None = None  # why nothing is expected today, if nothing is


def submitted(report: StoredReport) -> SubmittedReport:
    """The summary's view of a stored report."""
    return SubmittedReport(
        agency=report.agency,
        unit_name=report.unit_name,
        liaison_name=report.liaison_name,
        submitted_at=report.reported_at,
        answers=report.answers,
        late=report.reported_late,
        corrected_at=report.submitted_at if report.corrected else None,
    )


def agencies_with_liaison(group: GroupSettings, serving: Iterable[LiaisonRecord]) -> list[Agency]:
    """The agencies the group expects daily that have a serving liaison, in the forum's order."""
    return list(
        dict.fromkeys(record.agency for record in serving if record.agency in group.expected)
    )


def expected_on(election: ElectionDay, with_liaison: list[Agency], forms: FormSet) -> list[Agency]:
    """Of ``with_liaison``, the agencies the day's stage asks a report of (none on a day the
    stage asks none): who the day's summary, reminder and exports count as expected."""
    if not election.reports_expected:
        return []
    asked = forms.for_day(election.phase, election.stage_id)
    return [agency for agency in with_liaison if asked.has_form(agency)]


async def day_off_of(group: GroupSettings, day: date) -> DayOff | None:
    """Whether ``day`` is paused, or a national holiday the group skips."""
    pauses = await pauses_around(group.chat_id, day, day)
    return day_off(day, group.time_zone, pauses, group.skip_holidays, group.polling_day)


async def days_off_between(group: GroupSettings, first: date, last: date) -> dict[date, DayOff]:
    """Every day off from ``first`` to ``last``, in one read: what the exports and the
    charts show as paused or a holiday instead of as missed."""
    pauses = await pauses_around(group.chat_id, first, last)
    found = {}
    for offset in range((last - first).days + 1):
        day = first + timedelta(days=offset)
        off = day_off(day, group.time_zone, pauses, group.skip_holidays, group.polling_day)
        if off is not None:
            found[day] = off
    return found


async def day_status(
    group: GroupSettings, day: date, forms: FormSet, mentions: bool = True
) -> DayStatus:
    """Reports of ``day``, and who is missing and who to mention for it.

    Without ``mentions`` (the summary names agencies, not people) the liaisons
    to mention and those on leave are not worked out, which saves a query.
    """
    election = election_day(group, day)
    reports = await reports_of_day(group.chat_id, day)
    shown = [submitted(report) for report in reports]
    serving = await approved_liaisons(group.chat_id, on=day)
    with_liaison = agencies_with_liaison(group, serving)
    off = await day_off_of(group, day)
    if off is not None:
        return DayStatus(election, shown, [], [], [], bool(with_liaison), day_off=off)
    expected = expected_on(election, with_liaison, forms)
    reported = {report.agency for report in reports}
    missing_agencies = [agency for agency in expected if agency not in reported]
    if not mentions:
        return DayStatus(election, shown, expected, missing_agencies, [], bool(with_liaison))
    away = await leaves_on(group.chat_id, day) if missing_agencies else {}
    mentioned: list[Liaison] = []
    on_leave: list[LeaveNotice] = []
    for agency in missing_agencies:
        liaisons = [record for record in serving if record.agency is agency]
        present = [record for record in liaisons if record.user_id not in away]
        if present:
            mentioned += [Liaison(r.user_id, r.name, r.agency) for r in present]
        else:
            on_leave += [
                LeaveNotice(Liaison(r.user_id, r.name, r.agency), away[r.user_id].last_day)
                for r in liaisons
            ]
    return DayStatus(
        day=election,
        reports=shown,
        expected_agencies=expected,
        missing_agencies=missing_agencies,
        missing_liaisons=mentioned,
        has_liaisons=bool(with_liaison),
        on_leave=on_leave,
    )
