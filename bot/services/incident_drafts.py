"""Incident reports and follow-up notes being written in private chats, kept in the database.

A restart loses nothing, and an update Telegram delivers twice is applied
once (``last_update_id``). Submitting turns a draft into its incident (or
status change) in one transaction, tied to the draft's token, so a Kirim
delivered again after a crash finds what the first one stored instead of
storing it twice.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, replace
from datetime import datetime
from zoneinfo import ZoneInfo

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from bot.domain.agencies import Agency
from bot.domain.incidents import Incident, IncidentProgress, IncidentStatus, Reporter, StatusChange
from bot.domain.incidents.records import may_change
from bot.services.incidents import change_record, incident_record
from bot.storage.models import Group, IncidentChange, IncidentDraft, IncidentDraftKind
from bot.storage.models import Incident as IncidentRow

NUMBERING_ATTEMPTS = 5  # two reports of one group in the same instant: the loser takes the next


@dataclass(frozen=True)
class ReportDraft:
    user_id: int
    chat_id: int
    group_name: str
    time_zone: str
    token: str
    progress: IncidentProgress
    reporter: Reporter
    last_update_id: int
    started_at: datetime
    tally_message_id: int | None = None
    tally_media_group: str | None = None

    def already_applied(self, update_id: int) -> bool:
        return update_id <= self.last_update_id


@dataclass(frozen=True)
class NoteDraft:
    user_id: int
    chat_id: int
    token: str
    incident_id: int
    status: IncidentStatus
    reporter: Reporter
    last_update_id: int

    def already_applied(self, update_id: int) -> bool:
        return update_id <= self.last_update_id


def _reporter(row: dict) -> Reporter:
    agency = row["agency"]
    return Reporter(
        user_id=row["user_id"],
        name=row["reporter_name"],
        agency=Agency(agency) if agency else None,
        unit_name=row["unit_name"],
    )


_FIELDS = (
    "kind",
    "user_id",
    "token",
    "progress",
    "reporter_name",
    "agency",
    "unit_name",
    "last_update_id",
    "tally_message_id",
    "tally_media_group",
    "started_at",
    "group__chat_id",
    "group__region_name",
    "group__title",
    "group__time_zone",
)


async def drafts_of(user_id: int) -> tuple[NoteDraft | None, ReportDraft | None]:
    """The person's note and incident report in progress, in one query (read for every message)."""
    note = report = None
    for row in await IncidentDraft.filter(user_id=user_id).values(*_FIELDS):
        if row["kind"] == IncidentDraftKind.NOTE:
            note = NoteDraft(
                user_id=user_id,
                chat_id=row["group__chat_id"],
                token=row["token"],
                incident_id=int(row["progress"]["incident_id"]),
                status=IncidentStatus(row["progress"]["status"]),
                reporter=_reporter(row),
                last_update_id=row["last_update_id"],
            )
        else:
            report = _report(row)
    return note, report


def _report(row: dict) -> ReportDraft:
    return ReportDraft(
        user_id=row["user_id"],
        chat_id=row["group__chat_id"],
        group_name=row["group__region_name"] or row["group__title"],
        time_zone=row["group__time_zone"],
        token=row["token"],
        progress=IncidentProgress.from_json(row["progress"]),
        reporter=_reporter(row),
        last_update_id=row["last_update_id"],
        started_at=row["started_at"],
        tally_message_id=row["tally_message_id"],
        tally_media_group=row["tally_media_group"],
    )


def _new_token() -> str:
    return secrets.token_urlsafe(6)[:8]


async def _replace_draft(
    kind: IncidentDraftKind,
    chat_id: int,
    reporter: Reporter,
    progress: dict,
    update_id: int,
    now: datetime,
) -> IncidentDraft:
    group = await Group.get(chat_id=chat_id, active=True)
    async with in_transaction():
        await IncidentDraft.filter(user_id=reporter.user_id, kind=kind).delete()
        return await IncidentDraft.create(
            user_id=reporter.user_id,
            kind=kind,
            group=group,
            token=_new_token(),
            progress=progress,
            reporter_name=reporter.name[:128],
            agency=reporter.agency.value if reporter.agency else None,
            unit_name=reporter.unit_name[:100],
            last_update_id=update_id,
            started_at=now,
        )


async def start_report(
    chat_id: int, reporter: Reporter, progress: IncidentProgress, update_id: int, now: datetime
) -> ReportDraft:
    """Opens a new incident report for the group, replacing any unfinished one of this person."""
    await _replace_draft(
        IncidentDraftKind.REPORT, chat_id, reporter, progress.to_json(), update_id, now
    )
    _, draft = await drafts_of(reporter.user_id)
    assert draft is not None
    return draft


_KEEP = object()


async def save_report(
    draft: ReportDraft,
    progress: IncidentProgress,
    update_id: int,
    tally: tuple[int | None, str | None] | object = _KEEP,
) -> ReportDraft:
    """Stores the answers so far (and the photo tally message) and marks ``update_id`` applied."""
    changes: dict = {"progress": progress.to_json(), "last_update_id": update_id}
    draft = replace(draft, progress=progress, last_update_id=update_id)
    if tally is not _KEEP:
        assert isinstance(tally, tuple)
        message_id, media_group = tally
        changes.update(tally_message_id=message_id, tally_media_group=media_group)
        draft = replace(draft, tally_message_id=message_id, tally_media_group=media_group)
    await IncidentDraft.filter(
        user_id=draft.user_id, kind=IncidentDraftKind.REPORT, token=draft.token
    ).update(**changes)
    return draft


async def cancel_report(user_id: int) -> bool:
    return bool(await IncidentDraft.filter(user_id=user_id, kind=IncidentDraftKind.REPORT).delete())


async def cancel_note(user_id: int) -> bool:
    return bool(await IncidentDraft.filter(user_id=user_id, kind=IncidentDraftKind.NOTE).delete())


async def mark_note_applied(user_id: int, update_id: int) -> None:
    await IncidentDraft.filter(user_id=user_id, kind=IncidentDraftKind.NOTE).update(
        last_update_id=update_id
    )


async def submit_report(draft: ReportDraft, now: datetime) -> Incident:
    """Stores the incident with the group's next number for the year and closes the draft.

    Both or neither. ``LookupError`` when the draft is gone (submitted by an
    earlier delivery of the same tap, or cancelled): see ``incident_of_draft``.
    """
    progress = draft.progress
    assert progress.at_review and progress.category and progress.occurred_at
    year = now.astimezone(ZoneInfo(draft.time_zone)).year
    for attempt in range(NUMBERING_ATTEMPTS):
        try:
            async with in_transaction():
                closed = await IncidentDraft.filter(
                    user_id=draft.user_id, kind=IncidentDraftKind.REPORT, token=draft.token
                ).delete()
                if not closed:
                    raise LookupError("incident report already submitted or cancelled")
                group = await Group.get(chat_id=draft.chat_id)
                numbers = await IncidentRow.filter(group=group, year=year).values_list(
                    "number", flat=True
                )
                last = max((int(str(n)) for n in numbers), default=0)
                row = await IncidentRow.create(
                    group=group,
                    year=year,
                    number=last + 1,
                    category=progress.category,
                    urgency=progress.urgency.value if progress.urgency else "biasa",
                    kecamatan=progress.kecamatan or "",
                    desa=progress.desa or "",
                    latitude=progress.location.latitude if progress.location else None,
                    longitude=progress.location.longitude if progress.location else None,
                    occurred_at=progress.occurred_at,
                    reported_at=now,
                    description=progress.description or "",
                    reporter_user_id=draft.user_id,
                    reporter_name=draft.reporter.name,
                    agency=draft.reporter.agency.value if draft.reporter.agency else None,
                    unit_name=draft.reporter.unit_name,
                    photos=[[p.file_id, p.unique_id, p.kind.value] for p in progress.photos],
                    status=IncidentStatus.NEW.value,
                    status_at=now,
                    form_token=draft.token,
                )
            return incident_record(row, draft.chat_id)
        except IntegrityError:
            if attempt == NUMBERING_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


async def incident_of_draft(user_id: int, token: str) -> Incident | None:
    """The incident a submitted draft became."""
    row = await IncidentRow.get_or_none(reporter_user_id=user_id, form_token=token).select_related(
        "group"
    )
    return incident_record(row, row.group.chat_id) if row else None


async def start_note(
    chat_id: int,
    incident_id: int,
    status: IncidentStatus,
    reporter: Reporter,
    update_id: int,
    now: datetime,
) -> NoteDraft:
    """Asks this person for the note of a change, replacing any note they had not written."""
    await _replace_draft(
        IncidentDraftKind.NOTE,
        chat_id,
        reporter,
        {"incident_id": incident_id, "status": status.value},
        update_id,
        now,
    )
    note, _ = await drafts_of(reporter.user_id)
    assert note is not None
    return note


class ChangeRefused(Exception):
    """The incident is done already (or gone): the change is not made."""


async def submit_note(draft: NoteDraft, note: str, now: datetime) -> StatusChange:
    """Stores the change with its note and moves the incident on, closing the draft.

    ``LookupError`` when the draft is gone (see ``change_of_draft``);
    ``ChangeRefused`` when the incident was closed meanwhile (the draft is closed too).
    """
    try:
        return await _store_change(draft, note, now)
    except _Refused:
        await IncidentDraft.filter(
            user_id=draft.user_id, kind=IncidentDraftKind.NOTE, token=draft.token
        ).delete()
        raise ChangeRefused(draft.incident_id) from None


async def _store_change(draft: NoteDraft, note: str, now: datetime) -> StatusChange:
    async with in_transaction():
        closed = await IncidentDraft.filter(
            user_id=draft.user_id, kind=IncidentDraftKind.NOTE, token=draft.token
        ).delete()
        if not closed:
            raise LookupError("note already submitted or cancelled")
        incident = await IncidentRow.get_or_none(id=draft.incident_id)
        if incident is None or not may_change(IncidentStatus(incident.status), draft.status):
            raise _Refused
        row = await IncidentChange.create(
            incident=incident,
            status=draft.status.value,
            note=note,
            user_id=draft.user_id,
            name=draft.reporter.name,
            agency=draft.reporter.agency.value if draft.reporter.agency else None,
            unit_name=draft.reporter.unit_name,
            at=now,
            note_token=draft.token,
        )
        await IncidentRow.filter(id=incident.id).update(status=draft.status.value, status_at=now)
    return change_record(row, incident, draft.chat_id)


class _Refused(Exception):
    pass


async def change_of_draft(user_id: int, token: str) -> StatusChange | None:
    row = await IncidentChange.get_or_none(user_id=user_id, note_token=token).select_related(
        "incident__group"
    )
    return change_record(row, row.incident, row.incident.group.chat_id) if row else None
