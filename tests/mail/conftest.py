from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator

import pytest

from frontdesk.mail.listener import server_factory


@pytest.fixture
def smtp_port(transactional_db: None) -> Iterator[int]:
    """The desk's SMTP listener on a free port, in a thread with its own event loop, as
    `frontdesk mail listen` runs it (the browser tests keep another loop in the main thread)."""
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    found: list[asyncio.Server] = []

    def serve() -> None:
        asyncio.set_event_loop(loop)
        server = loop.run_until_complete(
            loop.create_server(lambda: server_factory(), host="127.0.0.1", port=0)
        )
        found.append(server)
        ready.set()
        loop.run_forever()
        server.close()
        loop.run_until_complete(server.wait_closed())
        loop.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    assert ready.wait(timeout=10), "the listener did not start"
    yield found[0].sockets[0].getsockname()[1]
    loop.call_soon_threadsafe(loop.stop)
    thread.join(timeout=10)


@pytest.fixture(autouse=True)
def fresh_acknowledgement_counts() -> Iterator[None]:
    """The per-sender acknowledgement counts live in the cache; each test starts with none."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
