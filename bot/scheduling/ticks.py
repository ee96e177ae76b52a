"""The scheduled-post job: every tick, work out from the database what is due, and send it once.

A tick looks at the groups with something due (``group_book.GroupBook``: the
groups whose next slot has come, those changed since the last tick, and every
group now and then), reads the record of posts already handled (kept up to
date incrementally by ``post_record.PostLedger``), asks ``bot.scheduling.slots``
what is due at this instant, and claims each due post in the database before
sending it (a unique row per group, kind and local day). So a restart, a zone
change or a schedule change all take effect at the next tick, and two ticks
(or two processes) never send the same post twice. What a post says comes
from its kind's composer in ``post_kinds``.

A post whose file a worker makes (the brief) is claimed and sent beside the
ticks, not within one: a Monday's 2,000 briefs are minutes of rendering, and
a tick that waited for them would hold every other group's post due
meanwhile. The claim is the same, so it still goes out once.

When a send fails (``bot.transport.errors`` says what a failure means):
- certainly not delivered (connection refused, 5xx, 429 beyond the rate
  limiter's retries): the claim is released and the next tick tries again,
  while the post is still within its grace period;
- maybe delivered (a timeout after the request was sent): the post counts as
  sent. We prefer missing a post, logged, to posting it twice in a group
  that reads every post;
- the bot was removed or blocked (403), or the chat is gone ("chat not
  found"): the group is marked inactive;
- any other 400 (our message is wrong): logged as an error and given up,
  since sending it again would fail the same way;
- the group became a supergroup: its data moves to the new id and the post
  is sent there.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from telegram.error import ChatMigrated, TelegramError
from telegram.ext import Application

from bot.clock import Clock
from bot.domain.countdown import local_today
from bot.domain.forms import FormSet
from bot.domain.forum import GroupSettings
from bot.domain.incidents import IncidentCategories
from bot.scheduling import post_record
from bot.scheduling.composers import MakeOutput, Outgoing, PostContext
from bot.scheduling.group_book import GroupBook
from bot.scheduling.post_kinds import POST_KINDS
from bot.scheduling.slots import DuePost, GroupSchedule, Plan, PostKey, plan_posts
from bot.services import pauses
from bot.storage.models import PostState
from bot.texts.html import escape
from bot.transport import delivery
from bot.transport.errors import TelegramFault, classify

log = logging.getLogger(__name__)

# Ticks fall on the wall clock's :00, :20 and :40, so a post due at a minute
# (post times are whole minutes) goes out at that minute's first instant
# rather than up to a tick later: 2,000 summaries due at 17.00 are then
# paced from 17.00:00. The ticks between retry what failed.
TICK_SECONDS = 20
CONCURRENT_SENDS = 32  # the rate limiter, not this, sets the pace


def next_tick_after(now: datetime) -> datetime:
    """The first instant after ``now`` on the wall clock's grid of ``TICK_SECONDS`` (UTC)."""
    minute = now.replace(second=0, microsecond=0)
    ticks = int((now - minute).total_seconds() // TICK_SECONDS) + 1
    return minute + timedelta(seconds=ticks * TICK_SECONDS)


@dataclass
class TickResult:
    sent: int = 0
    not_needed: int = 0
    missed: int = 0
    failed: int = 0
    groups_planned: int = 0  # the groups this tick looked at
    retry: set[int] = field(default_factory=set)  # chats whose post goes again next tick


class Scheduler:
    """Sends what is due; ``tick`` is the whole job, called with the clock's "now"."""

    def __init__(
        self,
        application: Application,
        clock: Clock,
        forms: FormSet,
        categories: IncidentCategories | None = None,
        make_output: MakeOutput | None = None,
    ) -> None:
        self.application = application
        self.make_output = make_output
        self.clock = clock
        self.forms = forms
        self.categories = categories
        self._ledger = post_record.PostLedger()
        self._book = GroupBook()
        self._lock = asyncio.Lock()
        # The posts a worker makes, going out beside the ticks (see the module's doc).
        self._made: dict[PostKey, asyncio.Task] = {}
        self._made_gate = asyncio.Semaphore(CONCURRENT_SENDS)

    async def job(self, context: object) -> None:
        """The JobQueue callback."""
        await self.tick()

    async def tick(self) -> TickResult:
        async with self._lock:  # a slow broadcast must not overlap the next tick
            return await self._tick()

    async def idle(self) -> None:
        """Waits until the posts a worker makes are sent (tests and benchmarks)."""
        while self._made:
            await asyncio.gather(*list(self._made.values()), return_exceptions=True)

    async def close(self) -> None:
        """Stops what is being made: claimed and not yet sent, it goes after the restart."""
        tasks = list(self._made.values())
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def _tick(self) -> TickResult:
        now = self.clock()
        book = self._book
        _, rows = await book.refresh(now)
        # plan_posts looks at each group's local yesterday and today: the
        # earliest of those is all the record that needs reading.
        zones = book.zones()
        earliest_today = min((local_today(now, zone) for zone in zones), default=now.date())
        done = await self._ledger.since(earliest_today - timedelta(days=1), now)
        if self._ledger.read_whole:  # it may hold what another process released
            rows = set(book.groups)
        # Pauses running in the two days the plan looks at (a day's slots are at
        # most a day and a half old in any zone): few rows, read every tick. The
        # book's schedules leave them out, so /jeda and /lanjut count at once.
        paused = await pauses.recent_pauses(now - timedelta(days=2))
        schedules = [book.schedules[row] for row in rows]
        if paused:
            schedules = [
                replace(schedule, pauses=paused[schedule.chat_id])
                if schedule.chat_id in paused
                else schedule
                for schedule in schedules
            ]
        plan = await _plan(now, schedules, done)
        result = TickResult(
            missed=await post_record.record_missed(plan.missed), groups_planned=len(rows)
        )
        for post in plan.missed:  # recorded: logged once, never planned again
            self._ledger.remember(post, missed=True)
        if result.missed:
            log.warning(
                "Skipped %d scheduled post(s) found more than the grace period late: %s",
                result.missed,
                ", ".join(f"{p.chat_id}/{p.kind}/{p.local_date}" for p in plan.missed[:20]),
            )
        gate = asyncio.Semaphore(CONCURRENT_SENDS)
        row_of = {book.groups[row].chat_id: row for row in rows}
        by_group: dict[int, list[DuePost]] = {}
        for post in plan.due:  # already in time order, and in kind order within a minute
            if POST_KINDS[post.kind].made_by_worker:
                self._make_beside(row_of[post.chat_id], post)
            else:
                by_group.setdefault(post.chat_id, []).append(post)

        async def deliver(posts: list[DuePost]) -> None:
            # Groups in parallel; one group's posts in order, so 07.00's "report
            # opens" is read before the countdown of the same minute.
            async with gate:
                group = book.groups[row_of[posts[0].chat_id]]
                for post in posts:
                    group = await self._deliver(group, replace(post, chat_id=group.chat_id), result)

        # Groups with groups below go last: their rollups (heavier to compose, and
        # more complete the later they go) never hold up a regency's own post
        # due the same minute. The sort is stable, so time order stays within each.
        ordered = sorted(
            by_group.values(), key=lambda p: book.groups[row_of[p[0].chat_id]].has_groups_below
        )
        await asyncio.gather(*(deliver(posts) for posts in ordered))
        await book.planned(now, rows)
        book.retry(row_of[chat] for chat in result.retry if chat in row_of)
        return result

    def _make_beside(self, row: int, post: DuePost) -> None:
        """Has the post made and sent in the background, unless it already is."""
        if post.key in self._made:
            return  # planned again (the book was read whole) before its claim was read
        task = asyncio.create_task(self._made_post(row, post), name=f"{post.kind}-{post.chat_id}")
        self._made[post.key] = task
        task.add_done_callback(lambda _: self._made.pop(post.key, None))

    async def _made_post(self, row: int, post: DuePost) -> None:
        result = TickResult()
        async with self._made_gate:
            group = self._book.groups.get(row)
            if group is None:
                return  # the group left while its post waited
            await self._deliver(group, replace(post, chat_id=group.chat_id), result)
        if result.retry:
            # Released after a tick may have read its claim: due again at the next.
            self._ledger.forget(post)
            self._book.retry([row])

    async def _deliver(
        self, group: GroupSettings, post: DuePost, result: TickResult
    ) -> GroupSettings:
        """Sends one post; returns the group as it is now (it may have become a supergroup)."""
        if not await post_record.claim(post):
            self._ledger.remember(post)  # taken by a twin, or under the group's old chat id
            return group
        try:
            outgoing = await POST_KINDS[post.kind].compose(
                PostContext(
                    self.application.bot.username,
                    self.forms,
                    group,
                    post.local_date,
                    self.categories,
                    self.make_output,
                    self.clock(),
                )
            )
            if outgoing is None:
                await post_record.finish(post, PostState.NOT_NEEDED)
                result.not_needed += 1
                return group
            try:
                message_id = await self._send_parts(group.chat_id, outgoing, post)
            except ChatMigrated as moved:
                await delivery.chat_moved(group.chat_id, moved.new_chat_id)
                group = replace(group, chat_id=moved.new_chat_id)
                post = replace(post, chat_id=moved.new_chat_id)
                message_id = await self._send_parts(group.chat_id, outgoing, post)
        except TelegramError as error:
            await self._failed(post, error, result)
        except Exception:
            log.exception("Failed to prepare %s for %s", post.kind, post.chat_id)
            await post_record.release(post)
            result.failed += 1
            result.retry.add(post.chat_id)
        else:
            await post_record.finish(post, PostState.SENT, message_id)
            result.sent += 1
        return group

    async def _failed(self, post: DuePost, error: TelegramError, result: TickResult) -> None:
        """Settles a post whose send failed, by what the failure means."""
        fault = classify(error)
        if fault is TelegramFault.MAYBE_DELIVERED:
            log.warning(
                "Timed out sending %s to %s; counted as sent (never posted twice)",
                post.kind,
                post.chat_id,
            )
            await post_record.finish(post, PostState.SENT)
            result.sent += 1
            return
        result.failed += 1
        result.retry.add(post.chat_id)
        if fault is TelegramFault.CHAT_GONE:
            await delivery.chat_gone(post.chat_id, error)
            await post_record.release(post)  # sent if the group comes back in time
        elif fault in (TelegramFault.NOT_DELIVERED, TelegramFault.RATE_LIMITED):
            log.warning("Could not send %s to %s (%s); will retry", post.kind, post.chat_id, error)
            await post_record.release(post)
        elif fault is TelegramFault.OTHER:
            log.error(
                "Unexpected answer sending %s to %s: %s; will retry", post.kind, post.chat_id, error
            )
            await post_record.release(post)
        else:
            log.error("Telegram refused %s for %s: %s", post.kind, post.chat_id, error)
            await post_record.finish(post, PostState.MISSED)  # retrying cannot help

    async def _send_parts(self, chat_id: int, outgoing: Outgoing, post: DuePost) -> int:
        """Sends the post's parts; it is handed over only once its first send slot is taken.

        Until then it is only claimed, which a dead process's successor releases: a
        crash while thousands of posts wait for their slot loses none of them.
        """
        bot = self.application.bot
        limiter = bot.rate_limiter
        # Broadcast lane: people's replies go ahead of scheduled posts.
        lane = {"rate_limit_args": {"broadcast": True, "slot_taken": True}} if limiter else {}
        first_id = 0
        if outgoing.document is not None:
            if limiter:
                await limiter.take_broadcast_slot(chat_id)
            await post_record.hand_over(post)
            document = outgoing.document
            message = await bot.send_document(
                chat_id,
                document.data,
                filename=document.name,
                caption=escape(document.caption),
                **lane,
            )
            return message.message_id
        for index, part in enumerate(outgoing.parts):
            last = index == len(outgoing.parts) - 1
            if limiter:
                await limiter.take_broadcast_slot(chat_id)
            if index == 0:
                await post_record.hand_over(post)
            message = await bot.send_message(
                chat_id, part, reply_markup=outgoing.markup if last else None, **lane
            )
            first_id = first_id or message.message_id
        return first_id


_PLAN_CHUNK = 500  # groups planned between two chances for replies to go out


async def _plan(
    now: datetime, schedules: list[GroupSchedule], done: dict[PostKey, datetime | None]
) -> Plan:
    """``plan_posts`` a chunk of groups at a time, letting replies through in between."""
    if len(schedules) <= _PLAN_CHUNK:
        return plan_posts(now, schedules, done)
    due: list[DuePost] = []
    missed: list[DuePost] = []
    for start in range(0, len(schedules), _PLAN_CHUNK):
        part = plan_posts(now, schedules[start : start + _PLAN_CHUNK], done)
        due += part.due
        missed += part.missed
        await asyncio.sleep(0)
    order = {kind: index for index, kind in enumerate(POST_KINDS)}

    def key(post: DuePost) -> tuple:
        return (post.scheduled_at, post.chat_id, order[post.kind])

    return Plan(due=sorted(due, key=key), missed=sorted(missed, key=key))
