"""A group's day as the summary and the reminders see it: who reported, who has not.

Who is expected: the agencies the group expects daily (``/instansi``) that
have a liaison serving that day. Nobody is expected on a day off (a pause, a
national holiday the group skips): the day reads as such instead, and its
reports are still shown. A liaison on leave is not mentioned: another
liaison of the agency is, or, if there is none, the day says the agency's
liaison is on leave until when; the agency is still expected.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from bot.domain.agencies import Agency
from bot.domain.days_off import DayOff, day_off
from bot.domain.forum import GroupSettings, LeaveNotice, Liaison, SubmittedReport
from bot.services.leaves import leaves_on
from bot.services.liaisons import approved_liaisons
from bot.services.pauses import pauses_around
from bot.services.reports import StoredReport, reports_of_day


@dataclass(frozen=True)
class DayStatus:
    reports: list[SubmittedReport]  # the current report of each agency that reported
    expected_agencies: list[Agency]  # expected daily, with a serving liaison; none on a day off
    missing_agencies: list[Agency]
    missing_liaisons: list[Liaison]  # to mention: serving, not on leave
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


async def day_status(group: GroupSettings, day: date, mentions: bool = True) -> DayStatus:
    """Reports of ``day``, and who is missing and who to mention for it.

    Without ``mentions`` (the summary names agencies, not people) the liaisons
    to mention and those on leave are not worked out, which saves a query.
    """
    reports = await reports_of_day(group.chat_id, day)
    shown = [submitted(report) for report in reports]
    off = await day_off_of(group, day)
    if off is not None:
        return DayStatus(shown, [], [], [], day_off=off)
    serving = await approved_liaisons(group.chat_id, on=day)
    reported = {report.agency for report in reports}
    # Expected: agencies the group expects daily that have someone to report.
    expected = list(
        dict.fromkeys(record.agency for record in serving if record.agency in group.expected)
    )
    missing_agencies = [agency for agency in expected if agency not in reported]
    if not mentions:
        return DayStatus(shown, expected, missing_agencies, [])
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
        reports=shown,
        expected_agencies=expected,
        missing_agencies=missing_agencies,
        missing_liaisons=mentioned,
        on_leave=on_leave,
    )
