"""What the database holds, read directly: the tests' own view, beside what users see."""

from __future__ import annotations

from datetime import date

from bot.domain.agencies import Agency
from bot.services.reports import StoredReport, stored_report
from bot.storage.models import Report


async def report_history(chat_id: int, agency: Agency, report_date: date) -> list[StoredReport]:
    """Every version submitted for the agency that day, oldest first (superseded ones too)."""
    rows = await Report.filter(
        group__chat_id=chat_id, agency=agency.value, report_date=report_date
    ).order_by("submitted_at", "id")
    return [stored_report(row, chat_id) for row in rows]
