"""What each scheduled post says: one composer per kind, registered in ``post_kinds``.

A composer takes the group and the local day the post is for and returns the
message parts (already split to Telegram's limits) with their buttons, or
None when there is nothing to say that day (a reminder when everyone has
reported, a countdown on a day that is no milestone).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.domain.forms import FormSet
from bot.domain.forum import GroupSettings
from bot.domain.incidents import IncidentCategories
from bot.outputs.jobs import OutputFile, OutputJob, OutputKind, OutputResult, brief_days
from bot.services import regional
from bot.services.day_status import day_status
from bot.services.incidents import digest
from bot.texts.i18n import Translator, translator
from bot.texts.posts import milestone_text, reminder_text, report_opening_text
from bot.texts.rollup import render_rollup
from bot.texts.splitting import split_message
from bot.texts.summary import SummaryInput, render_summary
from bot.transport.deep_links import report_url


@dataclass(frozen=True)
class Outgoing:
    parts: list[str]
    markup: InlineKeyboardMarkup | None = None  # under the last part
    # A file sent instead of the parts (the brief); its caption is HTML.
    document: OutputFile | None = None


# Has a worker make a job's files (bot.outputs.workers.Workers.make).
MakeOutput = Callable[[OutputJob, str], Awaitable[OutputResult]]


@dataclass(frozen=True)
class PostContext:
    """What a composer may use: the bot's name (for deep links), the forms, the group, the day."""

    bot_username: str
    forms: FormSet
    group: GroupSettings
    day: date
    categories: IncidentCategories | None = None  # None: the summary leaves incidents out
    make_output: MakeOutput | None = None  # None: no files (the brief is not sent)
    now: datetime | None = None  # when the post is composed (the brief's "as of")

    @property
    def t(self) -> Translator:
        return translator(self.group.locale)


Composer = Callable[[PostContext], Awaitable[Outgoing | None]]


def report_button(bot_username: str, chat_id: int, label: str) -> InlineKeyboardMarkup:
    url = report_url(bot_username, chat_id)
    return InlineKeyboardMarkup([[InlineKeyboardButton(label, url=url)]])


async def report_opening(post: PostContext) -> Outgoing | None:
    """The morning post, with the button that opens the form in a private chat."""
    t = post.t
    return Outgoing(
        [report_opening_text(t, post.group, post.day)],
        report_button(post.bot_username, post.group.chat_id, t.gettext("Buka formulir laporan")),
    )


async def reminder(post: PostContext) -> Outgoing | None:
    """The midday nudge, only while an expected agency has not reported.

    Its liaisons are mentioned; if every one is on leave, the group reads until when.
    """
    status = await day_status(post.group, post.day, post.forms)
    if not status.missing_agencies:
        return None
    text = reminder_text(post.t, post.group, post.day, status.missing_liaisons, status.on_leave)
    return Outgoing(split_message(text))


async def summary_text(
    t: Translator,
    forms: FormSet,
    categories: IncidentCategories | None,
    viewer_chat_id: int,
    group: GroupSettings,
    day: date,
    interim: bool = False,
) -> str | None:
    """``group``'s summary of ``day`` as its own chat reads it, for the viewer: its agencies,
    then the "Rekap wilayah" of the groups linked below it when there are any.

    A group other than the viewer's is read through ``bot.services.regional``
    (None when the viewer may not see it now); the /ringkasan command and the
    scheduled post both come here, so they say the same. The group's incidents
    are read only once that check has passed; without ``categories`` they are
    left out. ``interim`` is polling day's afternoon summary, the day so far.
    """
    if group.chat_id == viewer_chat_id:
        status = await day_status(group, day, forms, mentions=False)
    else:
        seen = await regional.day_status_seen_by(viewer_chat_id, group.chat_id, day, forms)
        if seen is None:
            return None
        status = seen
    incidents = None if categories is None else await digest(group.chat_id, day, group.time_zone)
    summary = SummaryInput(
        group,
        day,
        status.reports,
        status.expected_agencies,
        forms,
        incidents=incidents,
        categories=categories,
        day_off=status.day_off,
        interim=interim,
    )
    text = render_summary(t, summary)
    if group.has_groups_below:
        rollup = await regional.rollup(viewer_chat_id, day, forms, root_chat_id=group.chat_id)
        if rollup is not None:
            text += "\n\n" + render_rollup(t, forms, rollup)
    return text


async def daily_summary(post: PostContext) -> Outgoing | None:
    """The same summary /ringkasan gives, with the rollup in a group with groups below."""
    text = await summary_text(
        post.t, post.forms, post.categories, post.group.chat_id, post.group, post.day
    )
    return Outgoing(split_message(text)) if text else None


async def interim_summary(post: PostContext) -> Outgoing | None:
    """Polling day's first summary, in the afternoon: the summary so far."""
    text = await summary_text(
        post.t,
        post.forms,
        post.categories,
        post.group.chat_id,
        post.group,
        post.day,
        interim=True,
    )
    return Outgoing(split_message(text)) if text else None


async def countdown(post: PostContext) -> Outgoing | None:
    """The milestone post of the day (countdown, stage edges, H-1); nothing on other days."""
    text = milestone_text(post.t, post.group, post.day)
    return Outgoing([text]) if text else None


async def brief(post: PostContext) -> Outgoing | None:
    """The meeting brief of the day as a PDF, made by a worker; nothing without reports."""
    if post.make_output is None or post.now is None:
        return None
    first, last = brief_days(post.day)
    job = OutputJob(post.group.chat_id, OutputKind.BRIEF, first, last, post.now)
    # One job id per group and day: a restart while it is made waits for the same job.
    result = await post.make_output(job, f"brief-{post.group.chat_id}-{post.day.isoformat()}")
    if not result.files:
        return None
    (document,) = result.files
    return Outgoing([], document=document)
