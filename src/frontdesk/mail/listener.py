"""The SMTP (or LMTP) listener an MTA delivers to: 250 only once the message is stored.

Each message is stored and filed on a *lane*: a thread with its own database connection. The
sender gets its 250 as soon as the raw message is committed; filing (parsing, threading, triage)
follows on the same lane while the next connection is served, so several senders are filed at
once and a slow database round trip on one lane does not hold up the others. One sender's mail
always takes the same lane, so it is filed in the order it arrived. A lane stores a message only
after it filed the one before, so what waits to be filed is bounded by the open connections.
A message stored but not yet filed when the process dies is filed by the recovery sweep.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import logging
import queue
import signal
import socket
import threading
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from aiosmtpd.lmtp import LMTP
from aiosmtpd.smtp import SMTP, Envelope, Session
from django.conf import settings
from django.db import connections

from frontdesk.mail.choices import MailSource
from frontdesk.mail.inbound import mail_file_pending, mail_process, mail_store
from frontdesk.mail.models import InboundMail
from frontdesk.mail.registry import filer

logger = logging.getLogger(__name__)


@dataclass
class _Delivery:
    raw: bytes
    source: str
    sender: str
    recipients: list[str]
    stored: concurrent.futures.Future[InboundMail] = field(
        default_factory=concurrent.futures.Future
    )


class Lanes:
    """Threads that store, then file, incoming mail; each sender keeps to one lane."""

    def __init__(self, count: int) -> None:
        if count < 1:
            raise ValueError("at least one lane is needed")
        self._queues: list[queue.Queue[_Delivery | None]] = [queue.Queue() for _ in range(count)]
        self._busy = 0
        self._idle = threading.Condition()
        self._threads = [
            threading.Thread(target=self._run, args=(q,), name=f"mail-lane-{n}", daemon=True)
            for n, q in enumerate(self._queues)
        ]
        for thread in self._threads:
            thread.start()

    def deliver(
        self, *, raw: bytes, source: str, sender: str, recipients: Sequence[str]
    ) -> concurrent.futures.Future[InboundMail]:
        """Hand a message to its sender's lane; the future resolves once it is stored."""
        delivery = _Delivery(raw=raw, source=source, sender=sender, recipients=list(recipients))
        lane = zlib.crc32(sender.lower().encode("utf-8", "surrogateescape")) % len(self._queues)
        with self._idle:
            self._busy += 1
        self._queues[lane].put(delivery)
        return delivery.stored

    def wait_idle(self, timeout: float = 30.0) -> bool:
        """Wait until every message handed over is stored and filed; False on timeout."""
        with self._idle:
            return self._idle.wait_for(lambda: self._busy == 0, timeout=timeout)

    def stop(self, timeout: float = 30.0) -> None:
        """Finish what was handed over, then end the lanes and close their connections."""
        for lane in self._queues:
            lane.put(None)
        for thread in self._threads:
            thread.join(timeout=timeout)

    def _run(self, lane: queue.Queue[_Delivery | None]) -> None:
        try:
            while (delivery := lane.get()) is not None:
                try:
                    self._store_and_file(delivery)
                finally:
                    with self._idle:
                        self._busy -= 1
                        self._idle.notify_all()
        finally:
            connections.close_all()

    @staticmethod
    def _store_and_file(delivery: _Delivery) -> None:
        try:
            inbound = mail_store(
                raw=delivery.raw,
                source=delivery.source,
                envelope_from=delivery.sender,
                envelope_to=delivery.recipients,
            )
        except Exception as error:  # the sender hears 451 and tries again later
            _reconnect_after(error)
            delivery.stored.set_exception(error)
            return
        delivery.stored.set_result(inbound)
        try:
            mail_process(inbound=inbound)
        except Exception as error:  # the database went away: the recovery sweep files it
            _reconnect_after(error)


def _reconnect_after(error: Exception) -> None:
    logger.error("incoming mail: %s: %s", type(error).__name__, error)
    # A broken connection stays broken: the lane's next message opens a fresh one.
    connections.close_all()


class DeskHandler:
    """aiosmtpd's handler: hand the message to a lane, answer once it is stored."""

    def __init__(self, lanes: Lanes, source: str = MailSource.SMTP) -> None:
        self.lanes = lanes
        self.source = source

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content or envelope.content or b""
        if isinstance(raw, str):
            raw = raw.encode("utf-8", errors="surrogateescape")
        stored = self.lanes.deliver(
            raw=raw,
            source=self.source,
            sender=envelope.mail_from or "",
            recipients=list(envelope.rcpt_tos),
        )
        try:
            inbound = await asyncio.wrap_future(stored)
        except Exception:
            logger.exception("incoming mail could not be stored; the sender will retry")
            return "451 4.3.0 Temporarily unable to store the message, please try again"
        return f"250 2.0.0 Stored as {inbound}"


def server_factory(*, lanes: Lanes, lmtp: bool = False) -> SMTP:
    """One protocol instance per connection, with the desk's size limit."""
    handler = DeskHandler(lanes, MailSource.LMTP if lmtp else MailSource.SMTP)
    protocol = LMTP if lmtp else SMTP
    return protocol(
        handler,
        data_size_limit=settings.MAIL_MAX_BYTES,
        enable_SMTPUTF8=True,
        hostname=settings.MESSAGE_ID_DOMAIN,
        ident="frontdesk",
    )


def warm_up() -> None:
    """Load what filing a message needs (language models, word lists) before the first arrives,
    so the first sender does not wait seconds for a 250."""
    filer().warm_up()


def start_up() -> int:
    """File what was stored before the last stop but never filed (the process was killed
    between the two); how many reached a ticket."""
    filed = mail_file_pending()
    connections.close_all()
    return filed


async def listen(listening: socket.socket, *, lmtp: bool = False, lanes: int = 0) -> None:
    """Serve on a bound socket until cancelled, SIGTERM or SIGINT; what was handed to the
    lanes is filed before the process ends. Call warm_up() first."""
    working = Lanes(lanes or settings.MAIL_LANES)
    loop = asyncio.get_running_loop()
    try:
        server = await loop.create_server(
            lambda: server_factory(lanes=working, lmtp=lmtp), sock=listening
        )
        serving = asyncio.ensure_future(server.serve_forever())
        for stop in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(stop, serving.cancel)
        host, port = listening.getsockname()[:2]
        print(f"frontdesk mail: {'LMTP' if lmtp else 'SMTP'} on {host}:{port}", flush=True)
        with contextlib.suppress(asyncio.CancelledError):
            await serving
    finally:
        await asyncio.to_thread(working.stop)
