"""The SMTP (or LMTP) listener an MTA delivers to: 250 only once the message is stored.

Each message is stored and filed on a *lane*: a thread with its own database connection. The
sender gets its 250 as soon as the raw message is committed; filing (parsing, threading, triage)
follows on the same lane while the next connection is served, so several senders are filed at
once and a slow database round trip on one lane does not hold up the others. One sender's mail
always takes the same lane, so it is filed in the order it arrived.

A lane works in batches (group commit): the messages that reached it while it was filing the
last batch are stored in one transaction, answered, then filed in order in one transaction, each
in a savepoint of its own, so a message that cannot be filed is kept and flagged without undoing
the others. A busy lane thus commits twice a batch instead of three or four times a message,
and an idle one still answers each message as soon as it is stored. What waits to be filed is
bounded by the open connections (each waits for its 250 before it sends again) and by
MAIL_BATCH. A message stored but not yet filed when the process dies is filed by the recovery
sweep.
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
from frontdesk.mail.inbound import Arrival, mail_file_pending, mail_process_many, mail_store_many
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

    def __init__(self, count: int, batch: int = 0) -> None:
        if count < 1:
            raise ValueError("at least one lane is needed")
        self._batch = batch or settings.MAIL_BATCH
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

    @property
    def waiting(self) -> int:
        """Messages handed over and not yet filed."""
        with self._idle:
            return self._busy

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
            ending = False
            while not ending and (delivery := lane.get()) is not None:
                batch = [delivery]
                # Whatever else arrived while the last batch was filed joins this one.
                while len(batch) < self._batch:
                    try:
                        waiting = lane.get_nowait()
                    except queue.Empty:
                        break
                    if waiting is None:
                        ending = True
                        break
                    batch.append(waiting)
                try:
                    self._store_and_file(batch)
                finally:
                    with self._idle:
                        self._busy -= len(batch)
                        self._idle.notify_all()
        finally:
            connections.close_all()

    @classmethod
    def _store_and_file(cls, batch: list[_Delivery]) -> None:
        stored = cls._store(batch)
        if not stored:
            return
        try:
            mail_process_many(inbounds=stored)
        except Exception as error:  # the database went away: the recovery sweep files them
            _reconnect_after(error)

    @staticmethod
    def _store(batch: list[_Delivery]) -> list[InboundMail]:
        """Store the batch in one transaction and answer each sender; if that fails, store
        them one at a time, so that only a message that cannot be stored hears 451."""
        arrivals = [
            Arrival(
                raw=delivery.raw,
                source=delivery.source,
                envelope_from=delivery.sender,
                envelope_to=delivery.recipients,
            )
            for delivery in batch
        ]
        try:
            stored = mail_store_many(arrivals=arrivals)
        except Exception as error:
            _reconnect_after(error)
            if len(batch) == 1:
                batch[0].stored.set_exception(error)  # the sender tries again later
                return []
            stored = []
            for delivery, arrived in zip(batch, arrivals, strict=True):
                try:
                    stored.append(mail_store_many(arrivals=[arrived])[0])
                except Exception as alone:
                    _reconnect_after(alone)
                    delivery.stored.set_exception(alone)
                else:
                    delivery.stored.set_result(stored[-1])
            return stored
        for delivery, inbound in zip(batch, stored, strict=True):
            delivery.stored.set_result(inbound)
        return stored


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


async def listen(
    listening: socket.socket, *, lmtp: bool = False, lanes: int = 0, batch: int = 0
) -> None:
    """Serve on a bound socket until cancelled, SIGTERM or SIGINT; what was handed to the
    lanes is filed before the process ends. Call warm_up() first."""
    working = Lanes(lanes or settings.MAIL_LANES, batch=batch)
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
