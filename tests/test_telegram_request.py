"""Retries to the Bot API: only where the request cannot have taken effect, or is safe to repeat."""

from __future__ import annotations

import httpx
import pytest
from telegram.error import NetworkError, TimedOut

from bot.transport.request import RetryingRequest


class FlakyTransport(httpx.AsyncBaseTransport):
    """Fails the first ``failures`` requests with ``error``, then answers ok."""

    def __init__(self, failures: int, error: Exception | int) -> None:
        self.failures = failures
        self.error = error
        self.requests: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request.url.path.rsplit("/", 1)[-1])
        if len(self.requests) <= self.failures:
            if isinstance(self.error, int):
                return httpx.Response(self.error, text="<html>Bad Gateway</html>")
            raise self.error
        return httpx.Response(200, json={"ok": True, "result": True})


async def post(transport: FlakyTransport, method: str) -> tuple[int, bytes]:
    request = RetryingRequest(first_backoff=0.001, httpx_kwargs={"transport": transport})
    await request.initialize()
    try:
        return await request.do_request(f"http://127.0.0.1:1/botX/{method}", "POST")
    finally:
        await request.shutdown()


async def test_connection_refused_is_retried_for_any_method():
    transport = FlakyTransport(2, httpx.ConnectError("Connection refused"))
    assert (await post(transport, "sendMessage"))[0] == 200
    assert transport.requests == ["sendMessage"] * 3


async def test_html_502_pages_are_retried():
    transport = FlakyTransport(3, 502)
    assert (await post(transport, "sendMessage"))[0] == 200
    assert len(transport.requests) == 4


async def test_gives_up_after_the_last_attempt():
    transport = FlakyTransport(10, httpx.ConnectError("Connection refused"))
    with pytest.raises(NetworkError):
        await post(transport, "sendMessage")
    assert len(transport.requests) == 4


async def test_a_send_that_timed_out_is_not_sent_again():
    transport = FlakyTransport(1, httpx.ReadTimeout("read timed out"))
    with pytest.raises(TimedOut):
        await post(transport, "sendMessage")
    assert transport.requests == ["sendMessage"]


async def test_a_read_that_timed_out_is_repeated():
    transport = FlakyTransport(1, httpx.ReadTimeout("read timed out"))
    assert (await post(transport, "getChatMember"))[0] == 200
    assert transport.requests == ["getChatMember"] * 2


async def test_connection_dropped_mid_send_is_not_repeated():
    transport = FlakyTransport(1, httpx.RemoteProtocolError("server disconnected"))
    with pytest.raises(NetworkError):
        await post(transport, "sendMessage")
    assert transport.requests == ["sendMessage"]
