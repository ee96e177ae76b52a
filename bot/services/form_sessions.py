"""Report forms in progress, kept in the database so a restart loses nothing."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, replace
from datetime import date, datetime, time

from tortoise.transactions import in_transaction

from bot.domain.agencies import Agency
from bot.domain.countdown import local_today
from bot.domain.elections import ElectionDay, GroupCalendar, calendar_for, day_of
from bot.domain.forms import FormProgress
from bot.domain.regions.levels import RegionLevel
from bot.domain.reporting_days import late_cutoff_of, may_report_for
from bot.services.groups import corrections_of
from bot.services.reports import StoredReport, store_report
from bot.storage.models import FormSession, Group, Liaison, LiaisonStatus


@dataclass(frozen=True)
class ActiveForm:
    user_id: int
    chat_id: int
    group_name: str
    agency: Agency
    token: str
    progress: FormProgress
    last_update_id: int
    locale: str = "id"  # the group's: the form speaks its language
    time_zone: str = "Asia/Jakarta"  # the group's
    # The day the report is for (see ``start_form``); None for forms begun before
    # it was kept, which report for the day they are sent.
    report_date: date | None = None
    correcting: bool = False  # opened from "Ubah laporan", with that report's answers
    calendar: GroupCalendar | None = None  # the group's election calendar

    def already_applied(self, update_id: int) -> bool:
        """True for an update Telegram delivered again after the bot had applied it."""
        return update_id <= self.last_update_id

    def day(self, now: datetime) -> ElectionDay:
        """The day the form reports for (yesterday's for a late report), as of ``now``: its
        stage decides which questions are asked."""
        return day_of(self.calendar, self.report_date or local_today(now, self.time_zone))


class NotALiaison(Exception):
    """The person is not (or no longer) an approved liaison of that group."""


class DayClosed(Exception):
    """The form's day may no longer be reported for: yesterday, after the cut-off."""

    def __init__(self, day: date, cutoff: time) -> None:
        super().__init__(day)
        self.day = day
        self.cutoff = cutoff


def _active(session: FormSession, group: Group) -> ActiveForm:
    return ActiveForm(
        user_id=session.user_id,
        chat_id=group.chat_id,
        group_name=group.region_name or group.title,
        agency=Agency(session.agency),
        token=session.token,
        progress=FormProgress.from_json(session.progress),
        last_update_id=session.last_update_id,
        locale=group.locale,
        time_zone=group.time_zone,
        report_date=session.report_date,
        correcting=session.correcting,
        calendar=calendar_for(
            group.election_preset,
            group.polling_day,
            corrections_of(group.stage_corrections),
            group.region_name,
            RegionLevel(group.region_level) if group.region_level else None,
        ),
    )


async def _approved_liaison(chat_id: int, user_id: int, now: datetime) -> Liaison:
    """The person's registration, if they serve the group today (a stand-in's leave still runs)."""
    liaison = await Liaison.get_or_none(
        group__chat_id=chat_id,
        group__active=True,
        user_id=user_id,
        status=LiaisonStatus.APPROVED,
    ).select_related("group")
    if liaison is None or (
        liaison.stand_in_until is not None
        and local_today(now, liaison.group.time_zone) > liaison.stand_in_until
    ):
        raise NotALiaison(chat_id)
    return liaison


async def start_form(
    user_id: int,
    chat_id: int,
    progress: FormProgress,
    update_id: int,
    *,
    now: datetime,
    report_date: date | None = None,
    correcting: bool = False,
) -> ActiveForm:
    """Opens a new form for the group, replacing any unfinished one of this person.

    The form is for ``report_date`` (yesterday's late report, a correction),
    by default the group's local day now: a form begun at 23.50 and sent at
    00.05 reports for the day it was begun, late. ``correcting`` marks a form
    opened with a sent report's answers.
    """
    liaison = await _approved_liaison(chat_id, user_id, now)
    report_date = report_date or local_today(now, liaison.group.time_zone)
    async with in_transaction():
        await FormSession.filter(user_id=user_id).delete()
        session = await FormSession.create(
            user_id=user_id,
            group=liaison.group,
            agency=liaison.agency,
            token=secrets.token_urlsafe(6)[:8],
            report_date=report_date,
            correcting=correcting,
            progress=progress.to_json(),
            last_update_id=update_id,
        )
    return _active(session, liaison.group)


async def change_day(
    form: ActiveForm, report_date: date, update_id: int, progress: FormProgress | None = None
) -> ActiveForm:
    """Points the form at another day, as a new report's form (not a correction).

    The "laporan kemarin" button, and a form whose day closed before it was sent.
    """
    progress = progress or form.progress
    await FormSession.filter(user_id=form.user_id, token=form.token).update(
        report_date=report_date,
        correcting=False,
        progress=progress.to_json(),
        last_update_id=update_id,
    )
    return replace(
        form,
        report_date=report_date,
        correcting=False,
        progress=progress,
        last_update_id=update_id,
    )


_FORM_FIELDS = (
    "agency",
    "token",
    "progress",
    "last_update_id",
    "group__chat_id",
    "group__region_name",
    "group__title",
    "group__locale",
    "group__time_zone",
    "group__polling_day",
    "group__election_preset",
    "group__stage_corrections",
    "group__region_level",
    "report_date",
    "correcting",
)


async def active_form(user_id: int) -> ActiveForm | None:
    """The person's form in progress: read for every answer, so one query for what it needs."""
    row = await FormSession.filter(user_id=user_id).first().values(*_FORM_FIELDS)
    if row is None:
        return None
    return ActiveForm(
        user_id=user_id,
        chat_id=row["group__chat_id"],
        group_name=row["group__region_name"] or row["group__title"],
        agency=Agency(row["agency"]),
        token=row["token"],
        progress=FormProgress.from_json(row["progress"]),
        last_update_id=row["last_update_id"],
        locale=row["group__locale"],
        time_zone=row["group__time_zone"],
        report_date=row["report_date"],
        correcting=row["correcting"],
        calendar=calendar_for(
            row["group__election_preset"],
            row["group__polling_day"],
            corrections_of(row["group__stage_corrections"]),
            row["group__region_name"],
            RegionLevel(row["group__region_level"]) if row["group__region_level"] else None,
        ),
    )


async def save_progress(form: ActiveForm, progress: FormProgress, update_id: int) -> ActiveForm:
    """Stores the answers so far and marks ``update_id`` as applied."""
    await FormSession.filter(user_id=form.user_id, token=form.token).update(
        progress=progress.to_json(), last_update_id=update_id
    )
    return replace(form, progress=progress, last_update_id=update_id)


async def cancel_form(user_id: int) -> bool:
    return bool(await FormSession.filter(user_id=user_id).delete())


async def submit_form(form: ActiveForm, answers: dict, now: datetime) -> StoredReport:
    """Stores the report and closes the form, both or neither.

    The report is for the form's day, or the group's local date when it has
    none; a report for yesterday is marked late. ``DayClosed`` when the form's
    day may no longer be reported for (yesterday, after the cut-off): nothing
    changes then.
    """
    liaison = await _approved_liaison(form.chat_id, form.user_id, now)
    group: Group = liaison.group
    today = local_today(now, group.time_zone)
    report_date = form.report_date or today
    cutoff = late_cutoff_of(group.late_cutoff)
    if not may_report_for(report_date, now, group.time_zone, cutoff):
        raise DayClosed(report_date, cutoff)
    async with in_transaction():
        closed = await FormSession.filter(user_id=form.user_id, token=form.token).delete()
        if not closed:
            raise LookupError("form already submitted or cancelled")
        return await store_report(
            group_id=group.id,
            chat_id=group.chat_id,
            agency=Agency(liaison.agency),
            report_date=report_date,
            user_id=form.user_id,
            liaison_name=liaison.name,
            unit_name=liaison.unit_name,
            answers=answers,
            submitted_at=now,
            late=report_date < today,
        )
