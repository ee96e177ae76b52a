"""A group's day as the summary and the reminders see it: who reported, who has not."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.domain.agencies import Agency
from bot.domain.forum import GroupSettings, Liaison, SubmittedReport
from bot.services.liaisons import approved_liaisons
from bot.services.reports import reports_of_day


@dataclass(frozen=True)
class DayStatus:
    reports: list[SubmittedReport]  # the current report of each agency that reported
    expected_agencies: list[Agency]  # agencies the group expects daily, with approved liaisons
    missing_agencies: list[Agency]
    missing_liaisons: list[Liaison]


async def day_status(group: GroupSettings, day: date) -> DayStatus:
    """Reports of ``day`` and the approved liaisons whose agency has not reported."""
    reports = await reports_of_day(group.chat_id, day)
    liaisons = await approved_liaisons(group.chat_id)
    reported = {report.agency for report in reports}
    # Expected: agencies the group expects daily that have someone to report.
    expected = list(
        dict.fromkeys(record.agency for record in liaisons if record.agency in group.expected)
    )
    missing_agencies = [agency for agency in expected if agency not in reported]
    return DayStatus(
        reports=[
            SubmittedReport(
                agency=r.agency,
                unit_name=r.unit_name,
                liaison_name=r.liaison_name,
                submitted_at=r.submitted_at,
                answers=r.answers,
            )
            for r in reports
        ],
        expected_agencies=expected,
        missing_agencies=missing_agencies,
        missing_liaisons=[
            Liaison(user_id=record.user_id, name=record.name, agency=record.agency)
            for record in liaisons
            if record.agency in missing_agencies
        ],
    )
