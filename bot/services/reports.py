"""Submitted daily reports: storing a liaison's form, and reading a group's day back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from tortoise.transactions import in_transaction

from bot.domain.agencies import Agency
from bot.storage.models import Report


@dataclass(frozen=True)
class StoredReport:
    chat_id: int
    agency: Agency
    report_date: date
    user_id: int
    liaison_name: str
    unit_name: str
    answers: dict
    submitted_at: datetime
    replaced_earlier: bool = False


def stored_report(report: Report, chat_id: int, replaced_earlier: bool = False) -> StoredReport:
    """The plain record of a report row."""
    return StoredReport(
        chat_id=chat_id,
        agency=Agency(report.agency),
        report_date=report.report_date,
        user_id=report.user_id,
        liaison_name=report.liaison_name,
        unit_name=report.unit_name,
        answers=dict(report.answers),
        submitted_at=report.submitted_at,
        replaced_earlier=replaced_earlier,
    )


async def store_report(
    group_id: int,
    chat_id: int,
    agency: Agency,
    report_date: date,
    user_id: int,
    liaison_name: str,
    unit_name: str,
    answers: dict,
    submitted_at: datetime,
) -> StoredReport:
    """Stores the report as the agency's one for that day; earlier ones become history.

    Runs inside the caller's transaction when there is one (see
    ``bot.services.form_sessions.submit_form``), so the form and the report change together.
    """
    async with in_transaction():
        replaced = await Report.filter(
            group_id=group_id, agency=agency.value, report_date=report_date, current=True
        ).update(current=False)
        report = await Report.create(
            group_id=group_id,
            agency=agency.value,
            report_date=report_date,
            user_id=user_id,
            liaison_name=liaison_name,
            unit_name=unit_name,
            answers=answers,
            submitted_at=submitted_at,
            current=True,
        )
    return stored_report(report, chat_id, replaced_earlier=bool(replaced))


async def reports_of_day(chat_id: int, report_date: date) -> list[StoredReport]:
    """The current report of each agency that reported on ``report_date``, in agency order."""
    rows = await Report.filter(
        group__chat_id=chat_id, report_date=report_date, current=True
    ).order_by("submitted_at")
    latest = {Agency(row.agency): stored_report(row, chat_id) for row in rows}
    return [latest[agency] for agency in Agency if agency in latest]


async def last_answers(chat_id: int, agency: Agency) -> dict:
    """The answers of the agency's latest current report in the group ({} if none yet).

    A new form offers them again for its remembered questions (the number of TPS).
    """
    row = (
        await Report.filter(group__chat_id=chat_id, agency=agency.value, current=True)
        .order_by("-report_date", "-submitted_at")
        .first()
        .values("answers")
    )
    return dict(row["answers"]) if row else {}
