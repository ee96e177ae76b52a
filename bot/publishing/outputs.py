"""Answering /ekspor, /grafik and /brief: the files made by a worker, sent once, as a reply.

The handler records the request (``bot.services.output_requests``) and hands
it here; the desk has a worker make the files (``bot.outputs.workers``) while
the bot goes on answering everyone else, then claims the one send and sends:
the workbook, the zipped CSV files or the brief as a document, the charts as
one album, or a sentence saying why there is nothing to send. A restart
answers what the previous process left (``resume``). As with scheduled posts,
a send that may have arrived (a timeout) counts as sent: a request is never
answered twice.
"""

from __future__ import annotations

import asyncio
import logging

from telegram import InputMediaPhoto, ReplyParameters
from telegram.error import TelegramError
from telegram.ext import ExtBot

from bot.domain.forum import GroupSettings
from bot.outputs.jobs import Emptiness, OutputJob, OutputKind, OutputResult
from bot.outputs.workers import Workers
from bot.services import output_requests
from bot.services.groups import find_group
from bot.services.output_requests import OutputOrder
from bot.texts.html import escape
from bot.texts.i18n import Translator, translator
from bot.texts.outputs import failed_text, no_chart_data_text, no_reports_text
from bot.transport.errors import TelegramFault, classify

log = logging.getLogger(__name__)

# A send that certainly failed is tried again this often, this many times.
RETRY_SECONDS = 20
ATTEMPTS = 3


def job_of(order: OutputOrder) -> OutputJob:
    return OutputJob(
        chat_id=order.chat_id,
        kind=OutputKind(order.kind),
        first=order.first,
        last=order.last,
        requested_at=order.requested_at,
        charts=order.charts,
    )


class OutputDesk:
    def __init__(self, bot: ExtBot, workers: Workers) -> None:
        self.bot = bot
        self.workers = workers
        self._tasks: set[asyncio.Task] = set()

    def take(self, order: OutputOrder) -> None:
        """Makes and sends the request's answer in the background."""
        task = asyncio.create_task(self.answer(order), name=f"output-{order.id}")
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def resume(self) -> int:
        """Takes up the requests a previous process left unanswered."""
        orders = await output_requests.unfinished()
        for order in orders:
            self.take(order)
        if orders:
            log.warning("Answering %d request(s) for files left by the previous run", len(orders))
        return len(orders)

    async def idle(self) -> None:
        """Waits until every request taken is answered (tests and benchmarks)."""
        while self._tasks:
            await asyncio.gather(*list(self._tasks), return_exceptions=True)

    async def close(self) -> None:
        """Stops; what is being made stays recorded and is answered after the restart."""
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*list(self._tasks), return_exceptions=True)
        await self.workers.close()

    async def answer(self, order: OutputOrder) -> None:
        group = await find_group(order.chat_id)
        if group is None or not group.active:
            await output_requests.finish(order.id)
            return
        t = translator(group.locale)
        try:
            result = await self.workers.make(job_of(order), f"output-{order.id}")
        except Exception:
            log.exception("Could not make %s for %s", order.kind, order.chat_id)
            result = None
        for attempt in range(1, ATTEMPTS + 1):
            if not await output_requests.claim_send(order.id):
                return  # answered by another process (or before a restart)
            try:
                await self._send(t, group, order, result)
            except TelegramError as error:
                fault = classify(error)
                if fault is TelegramFault.MAYBE_DELIVERED or attempt == ATTEMPTS:
                    log.warning("Sending %s to %s: %s; not sent again", order.kind, group, error)
                    break
                if fault not in (TelegramFault.NOT_DELIVERED, TelegramFault.RATE_LIMITED):
                    log.error("Telegram refused %s for %s: %s", order.kind, order.chat_id, error)
                    break
                await output_requests.release(order.id)
                await asyncio.sleep(RETRY_SECONDS)
                continue
            break
        await output_requests.finish(order.id)

    async def _send(
        self, t: Translator, group: GroupSettings, order: OutputOrder, result: OutputResult | None
    ) -> None:
        reply = ReplyParameters(order.message_id, allow_sending_without_reply=True)
        chat_id = group.chat_id
        text = _empty_text(t, order, result)
        await output_requests.hand_over(order.id)
        if text is not None or result is None:
            await self.bot.send_message(chat_id, text or failed_text(t), reply_parameters=reply)
            return
        files = result.files
        if files[0].photo:
            skipped = (
                "\n" + no_chart_data_text(t, result.skipped, order.first, order.last)
                if result.skipped
                else ""
            )
            captions = [escape(file.caption) for file in files]
            captions[0] += skipped
            if len(files) == 1:
                await self.bot.send_photo(
                    chat_id,
                    files[0].data,
                    filename=files[0].name,
                    caption=captions[0],
                    reply_parameters=reply,
                )
                return
            await self.bot.send_media_group(
                chat_id,
                [
                    # Bytes, not an InputFile: PTB then attaches each photo under its own name.
                    InputMediaPhoto(
                        file.data, caption=caption, parse_mode="HTML", filename=file.name
                    )
                    for file, caption in zip(files, captions, strict=True)
                ],
                reply_parameters=reply,
            )
            return
        (document,) = files
        await self.bot.send_document(
            chat_id,
            document.data,
            filename=document.name,
            caption=escape(document.caption),
            reply_parameters=reply,
        )


def _empty_text(t: Translator, order: OutputOrder, result: OutputResult | None) -> str | None:
    if result is None or result.empty is None:
        return None
    if result.empty is Emptiness.NO_CHART_DATA:
        return no_chart_data_text(t, result.skipped, order.first, order.last)
    return no_reports_text(t, order.first, order.last)
