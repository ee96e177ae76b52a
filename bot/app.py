"""The application factory: ``python -m bot`` and the tests build the bot here."""

from __future__ import annotations

import gc
import logging
from datetime import UTC, date, datetime
from typing import Any

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import Application, ApplicationBuilder, ContextTypes, Defaults

from bot.clock import Clock, system_clock
from bot.context import (
    OUTPUTS_KEY,
    PUBLISHER_KEY,
    RUNTIME_KEY,
    BotContext,
    Runtime,
    install_runtime,
)
from bot.domain.elections import load_presets, relative_calendar
from bot.domain.forms import load_forms
from bot.domain.incidents import load_incident_categories
from bot.instance import SingleInstanceApplication
from bot.outputs.workers import WorkerSetup, workers_for
from bot.publishing.incidents import RETRY_SECONDS, IncidentPublisher
from bot.publishing.outputs import OutputDesk
from bot.scheduling import post_record
from bot.scheduling.post_kinds import check_stage_posts
from bot.scheduling.ticks import TICK_SECONDS, Scheduler, next_tick_after
from bot.services import inbox
from bot.services.inbox import DurableUpdateQueue
from bot.settings import Settings
from bot.storage.db import close_database, open_database
from bot.storage.lease import lease_for
from bot.transport.commands import publish_commands
from bot.transport.limits import TelegramLimiter
from bot.transport.polling_conflicts import PollingConflicts
from bot.transport.request import PollingRequest, RetryingRequest
from bot.transport.update_processor import PerSenderUpdateProcessor
from handlers import COMMANDS, register_handlers

log = logging.getLogger(__name__)

SCHEDULER_KEY = "scheduler"
RUN_SCHEDULER_KEY = "run_scheduler"
FREEZE_HEAP_KEY = "freeze_heap"


def build_application(
    settings: Settings,
    *,
    clock: Clock = system_clock,
    rate_limit: bool = True,
    run_scheduler: bool = True,
    read_timeout: float = 5.0,
    freeze_heap: bool = False,
) -> SingleInstanceApplication:
    """Wires settings, storage and handlers into a ready-to-run PTB application.

    Tests pass their own ``clock`` and ``run_scheduler=False``, and call
    ``scheduler_of(application).tick()`` at the instants they choose.
    ``freeze_heap`` (the runner's) moves what start-up built out of the
    garbage collector's way (see ``_post_init``).
    """
    polling = not settings.webhook_url
    updates = DurableUpdateQueue(put_waits=not polling)
    polling_conflicts = PollingConflicts()
    # Any: each builder step changes the builder's type parameters (the rate
    # limiter's arguments), which one variable cannot follow.
    builder: Any = (
        ApplicationBuilder()
        .application_class(
            SingleInstanceApplication,
            kwargs={
                "lease": lease_for(
                    settings.database_url,
                    settings.bot_id,
                    connect_attempts=settings.database_connect_attempts,
                ),
                "lease_wait_seconds": settings.instance_wait_seconds,
                "polling_conflicts": polling_conflicts,
            },
        )
        .token(settings.bot_token.get_secret_value())
        .base_url(settings.api_base_url)
        .base_file_url(f"{settings.telegram_api_url}/file/bot")
        .defaults(Defaults(parse_mode=ParseMode.HTML, tzinfo=UTC))
        .context_types(ContextTypes(context=BotContext))
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
        .concurrent_updates(PerSenderUpdateProcessor(on_handled=inbox.HandledMarks().mark))
        .update_queue(updates)
        # 30 sends a second plus replies at Telegram's ~0.2 s round trip need
        # about ten connections. Not many more: httpcore checks every pooled
        # connection (a getpeername and a poll each) on every request, which
        # with 128 took a sixth of the bot's CPU under load.
        .request(RetryingRequest(connection_pool_size=32, read_timeout=read_timeout))
    )
    if polling:
        # A getUpdates confirms the updates before it: only once they are recorded.
        builder = builder.get_updates_request(
            PollingRequest(updates.recorded, polling_conflicts, connection_pool_size=1)
        )
    if rate_limit:
        # Keeps sends under Telegram's limits with people ahead of broadcasts,
        # and waits out a 429's retry_after instead of failing the send.
        builder = builder.rate_limiter(TelegramLimiter())
    application = builder.build()
    assert isinstance(application, SingleInstanceApplication)  # the class given above
    forms = load_forms(settings.forms_file)  # a bad FORMS_FILE stops the start here
    categories = load_incident_categories(settings.incidents_file)  # and a bad INCIDENTS_FILE
    # The shipped calendars, checked like the forms (and their stages' posts).
    check_stage_posts([*load_presets().values(), relative_calendar(date.today())])
    install_runtime(
        application, Runtime(settings=settings, clock=clock, forms=forms, categories=categories)
    )
    application.bot_data[PUBLISHER_KEY] = IncidentPublisher(application.bot, clock, categories)
    setup = WorkerSetup(settings.database_url, settings.forms_file, settings.incidents_file)
    workers = workers_for(settings.redis_url, setup, settings.render_workers)
    application.bot_data[OUTPUTS_KEY] = OutputDesk(application.bot, workers)
    application.bot_data[SCHEDULER_KEY] = Scheduler(
        application, clock, forms, categories, make_output=workers.make
    )
    application.bot_data[RUN_SCHEDULER_KEY] = run_scheduler
    application.bot_data[FREEZE_HEAP_KEY] = freeze_heap
    register_handlers(application)
    return application


async def replay_unhandled_updates(application: Application) -> None:
    """Queues what a previous process received but did not finish (see ``bot.services.inbox``)."""
    await inbox.forget_handled(datetime.now(UTC) - inbox.KEEP_HANDLED)
    pending = await inbox.unhandled()
    queue = application.update_queue
    assert isinstance(queue, DurableUpdateQueue)  # the queue build_application gave it
    for payload in pending:
        await queue.replay(Update.de_json(payload, application.bot))
    if pending:
        log.warning("Replaying %d update(s) left unhandled by the previous run", len(pending))


def scheduler_of(application: Application) -> Scheduler:
    return application.bot_data[SCHEDULER_KEY]


def publisher_of(application: Application) -> IncidentPublisher:
    return application.bot_data[PUBLISHER_KEY]


def outputs_of(application: Application) -> OutputDesk:
    return application.bot_data[OUTPUTS_KEY]


async def _post_init(application: Application) -> None:
    runtime = application.bot_data[RUNTIME_KEY]
    await open_database(
        runtime.settings.database_url, attempts=runtime.settings.database_connect_attempts
    )
    await replay_unhandled_updates(application)
    # Files asked for before a restart are made and sent now (once: see the desk).
    await outputs_of(application).resume()
    await publish_commands(application, COMMANDS)
    if application.bot_data[RUN_SCHEDULER_KEY]:
        released = await post_record.release_queued()
        if released:
            log.warning(
                "Released %d scheduled post(s) a previous run claimed but never sent", released
            )
        # One job for all groups: what is due comes from the database each tick,
        # so the tick at start also sends what was missed while down. It runs
        # whenever the job queue starts (no misfire limit); the repeating ticks
        # keep to the wall clock's grid (see bot.scheduling.ticks.TICK_SECONDS).
        job = scheduler_of(application).job
        job_queue = application.job_queue
        assert job_queue is not None  # python-telegram-bot[job-queue] is a dependency
        job_queue.run_once(
            job, 0, name="scheduled-posts-at-start", job_kwargs={"misfire_grace_time": None}
        )
        job_queue.run_repeating(
            job,
            interval=TICK_SECONDS,
            first=next_tick_after(system_clock()),
            name="scheduled-posts",
        )
        # Incident posts and follow-ups a crash or a failed send left unfinished.
        job_queue.run_repeating(
            publisher_of(application).job,
            interval=RETRY_SECONDS,
            first=0,
            name="incident-posts",
        )
    if application.bot_data[FREEZE_HEAP_KEY]:
        # What start-up built (modules, catalogs, forms, calendars) lives as long
        # as the process. A full collection walked all of it each time, holding
        # every reply for a tenth of a second (measured with 8,000 groups in
        # memory); frozen, the collector walks only what came since. Only the
        # runner asks: a test process starts hundreds of bots.
        gc.freeze()
    log.info("Posko Forkopimda started as @%s", application.bot.username)


async def _post_shutdown(application: Application) -> None:
    await scheduler_of(application).close()
    await outputs_of(application).close()
    await close_database()
