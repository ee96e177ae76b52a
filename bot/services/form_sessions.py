"""Report forms in progress, kept in the database so a restart loses nothing."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, replace
from datetime import datetime

from tortoise.transactions import in_transaction

from bot.domain.agencies import Agency
from bot.domain.countdown import local_today
from bot.domain.forms import FormProgress
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

    def already_applied(self, update_id: int) -> bool:
        """True for an update Telegram delivered again after the bot had applied it."""
        return update_id <= self.last_update_id


class NotALiaison(Exception):
    """The person is not (or no longer) an approved liaison of that group."""


def _active(session: FormSession, group: Group) -> ActiveForm:
    return ActiveForm(
        user_id=session.user_id,
        chat_id=group.chat_id,
        group_name=group.region_name or group.title,
        agency=Agency(session.agency),
        token=session.token,
        progress=FormProgress.from_json(session.progress),
        last_update_id=session.last_update_id,
    )


async def _approved_liaison(chat_id: int, user_id: int) -> Liaison:
    liaison = await Liaison.get_or_none(
        group__chat_id=chat_id,
        group__active=True,
        user_id=user_id,
        status=LiaisonStatus.APPROVED,
    ).select_related("group")
    if liaison is None:
        raise NotALiaison(chat_id)
    return liaison


async def start_form(
    user_id: int, chat_id: int, progress: FormProgress, update_id: int
) -> ActiveForm:
    """Opens a new form for the group, replacing any unfinished one of this person."""
    liaison = await _approved_liaison(chat_id, user_id)
    async with in_transaction():
        await FormSession.filter(user_id=user_id).delete()
        session = await FormSession.create(
            user_id=user_id,
            group=liaison.group,
            agency=liaison.agency,
            token=secrets.token_urlsafe(6)[:8],
            progress=progress.to_json(),
            last_update_id=update_id,
        )
    return _active(session, liaison.group)


_FORM_FIELDS = (
    "agency",
    "token",
    "progress",
    "last_update_id",
    "group__chat_id",
    "group__region_name",
    "group__title",
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
    """Stores the report for the group's local date and closes the form, both or neither."""
    liaison = await _approved_liaison(form.chat_id, form.user_id)
    group: Group = liaison.group
    async with in_transaction():
        closed = await FormSession.filter(user_id=form.user_id, token=form.token).delete()
        if not closed:
            raise LookupError("form already submitted or cancelled")
        return await store_report(
            group_id=group.id,
            chat_id=group.chat_id,
            agency=Agency(liaison.agency),
            report_date=local_today(now, group.time_zone),
            user_id=form.user_id,
            liaison_name=liaison.name,
            unit_name=liaison.unit_name,
            answers=answers,
            submitted_at=now,
        )
