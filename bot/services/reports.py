"""Submitted daily reports: storing a liaison's form, and reading a group's day back.

An agency has one report a day. A later one for the same day (a correction
through "Ubah laporan", or a form filled in again) becomes the current
version and the earlier ones stay as history (``current=False``): the
summary shows the current answers with the time the day's report was first
sent and the time of its correction, and the exports list every version.
A report sent after its day had ended (yesterday's, before the cut-off) is
marked late.
"""

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
    submitted_at: datetime  # when this version was sent
    replaced_earlier: bool = False  # this version corrects the day's earlier one
    late: bool = False  # this version was sent after its day had ended
    current: bool = True  # False: a later version replaced it (history)
    # When this version corrects the day's report: when, and whether late, the
    # first version was sent. None for the day's first version.
    first_submitted_at: datetime | None = None
    first_late: bool = False

    @property
    def corrected(self) -> bool:
        return self.first_submitted_at is not None

    @property
    def reported_at(self) -> datetime:
        """When the agency first reported for the day."""
        return self.first_submitted_at or self.submitted_at

    @property
    def reported_late(self) -> bool:
        """Whether the agency's report for the day first came after the day had ended."""
        return self.first_late if self.corrected else self.late


def stored_report(
    report: Report, chat_id: int, replaced_earlier: bool = False, first: Report | None = None
) -> StoredReport:
    """The plain record of a report row; ``first`` is the day's first version, if another."""
    corrects = first is not None and first.id != report.id
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
        late=report.late,
        current=report.current,
        first_submitted_at=first.submitted_at if corrects and first else None,
        first_late=first.late if corrects and first else False,
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
    late: bool = False,
) -> StoredReport:
    """Stores the report as the agency's one for that day; earlier ones become history.

    Runs inside the caller's transaction when there is one (see
    ``bot.services.form_sessions.submit_form``), so the form and the report change together.
    """
    async with in_transaction():
        replaced = await Report.filter(
            group_id=group_id, agency=agency.value, report_date=report_date, current=True
        ).update(current=False)
        # The day's first version, read only when this one corrects it.
        first = (
            await Report.filter(group_id=group_id, agency=agency.value, report_date=report_date)
            .order_by("submitted_at", "id")
            .first()
            if replaced
            else None
        )
        report = await Report.create(
            group_id=group_id,
            agency=agency.value,
            report_date=report_date,
            user_id=user_id,
            liaison_name=liaison_name,
            unit_name=unit_name,
            answers=answers,
            submitted_at=submitted_at,
            late=late,
            current=True,
        )
    return stored_report(report, chat_id, replaced_earlier=bool(replaced), first=first)


async def reports_of_day(chat_id: int, report_date: date) -> list[StoredReport]:
    """The current report of each agency that reported on ``report_date``, in agency order.

    Each knows when the agency first reported that day, and whether that was late.
    """
    rows = await Report.filter(group__chat_id=chat_id, report_date=report_date).order_by(
        "submitted_at", "id"
    )
    first: dict[str, Report] = {}
    latest: dict[str, Report] = {}
    for row in rows:
        first.setdefault(row.agency, row)
        if row.current:
            latest[row.agency] = row
    reports = {
        Agency(agency): stored_report(
            row, chat_id, replaced_earlier=first[agency].id != row.id, first=first[agency]
        )
        for agency, row in latest.items()
    }
    return [reports[agency] for agency in Agency if agency in reports]


async def report_of(chat_id: int, agency: Agency, report_date: date) -> StoredReport | None:
    """The agency's current report for the day in the group, if it has sent one."""
    return next(
        (
            report
            for report in await reports_of_day(chat_id, report_date)
            if report.agency is agency
        ),
        None,
    )


async def report_versions(chat_id: int, first_day: date, last_day: date) -> list[StoredReport]:
    """Every version sent for the days from ``first_day`` to ``last_day``, superseded ones
    too, by day, agency and time: the history the exports list."""
    rows = await Report.filter(
        group__chat_id=chat_id, report_date__gte=first_day, report_date__lte=last_day
    ).order_by("report_date", "submitted_at", "id")
    first: dict[tuple[date, str], Report] = {}
    versions = []
    for row in rows:
        earliest = first.setdefault((row.report_date, row.agency), row)
        versions.append(
            stored_report(row, chat_id, replaced_earlier=earliest.id != row.id, first=earliest)
        )
    order = {agency.value: agency.order for agency in Agency}
    return sorted(versions, key=lambda r: (r.report_date, order[r.agency.value]))


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
