from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import pytest
from aiosmtpd.smtp import SMTP, Envelope, Session
from pytest_django import Settings

from frontdesk.mail.listener import Lanes, server_factory, warm_up


@contextmanager
def serving(factory: Callable[[], SMTP]) -> Iterator[tuple[int, asyncio.AbstractEventLoop]]:
    """An SMTP server from `factory` on a free port, in a thread with its own event loop (the
    browser tests keep another loop in the main thread): its port and its loop."""
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    found: list[asyncio.Server] = []

    def serve() -> None:
        asyncio.set_event_loop(loop)
        server = loop.run_until_complete(loop.create_server(factory, host="127.0.0.1", port=0))
        found.append(server)
        ready.set()
        loop.run_forever()
        server.close()
        loop.run_until_complete(server.wait_closed())
        loop.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    assert ready.wait(timeout=10), "the server did not start"
    try:
        yield found[0].sockets[0].getsockname()[1], loop
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(timeout=10)


@dataclass
class Listening:
    """The desk's listener on a free port, and the lanes that store and file what it takes."""

    port: int
    lanes: Lanes

    def settle(self) -> None:
        """Wait until everything answered 250 is filed (filing follows the answer)."""
        assert self.lanes.wait_idle(timeout=30), "the listener did not file its mail in time"


@pytest.fixture
def smtp(transactional_db: None) -> Iterator[Listening]:
    """The desk's SMTP listener, as `frontdesk mail listen` runs it."""
    yield from _listener(lmtp=False)


@pytest.fixture
def lmtp(transactional_db: None) -> Iterator[Listening]:
    """The same listener speaking LMTP, as `frontdesk mail listen --lmtp` does."""
    yield from _listener(lmtp=True)


def _listener(*, lmtp: bool) -> Iterator[Listening]:
    warm_up()  # as `frontdesk mail listen` does before it answers anyone
    lanes = Lanes(4)
    try:
        with serving(lambda: server_factory(lanes=lanes, lmtp=lmtp)) as (port, _loop):
            yield Listening(port=port, lanes=lanes)
    finally:
        # Each lane closes its own database connection as it ends, or PostgreSQL could not
        # drop the test database at the end.
        lanes.stop()


class Sink:
    """An SMTP server that keeps what it is sent: the relay the desk's worker talks to."""

    def __init__(self) -> None:
        self.messages: list[bytes] = []

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        # aiosmtpd keeps the raw bytes of every message it takes, decoded or not.
        assert envelope.original_content is not None
        self.messages.append(envelope.original_content)
        return "250 OK"


@pytest.fixture
def relay(settings: Settings) -> Iterator[Sink]:
    """A local SMTP relay, with the desk's outgoing mail pointed at it."""
    sink = Sink()
    with serving(lambda: SMTP(sink)) as (port, _loop):
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
        yield sink
