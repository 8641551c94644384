"""Incoming mail: store it whole, then have it filed on the right ticket (by the registered
filer), never losing a message."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from frontdesk.core.errors import Invalid
from frontdesk.mail.choices import MailSource, MailState
from frontdesk.mail.models import InboundMail
from frontdesk.mail.registry import filer

logger = logging.getLogger(__name__)


def mail_store(
    *, raw: bytes, source: str, envelope_from: str = "", envelope_to: Sequence[str] = ()
) -> InboundMail:
    """Keep a message exactly as it arrived; only after this returns may it be acknowledged."""
    arrived = Arrival(raw=raw, source=source, envelope_from=envelope_from, envelope_to=envelope_to)
    with transaction.atomic():
        return InboundMail.objects.create(**_row(arrived))


@dataclass(frozen=True)
class Arrival:
    """A message as an MTA handed it over, not stored yet."""

    raw: bytes
    source: str
    envelope_from: str = ""
    envelope_to: Sequence[str] = ()


def mail_store_many(*, arrivals: Sequence[Arrival]) -> list[InboundMail]:
    """Keep several messages exactly as they arrived, in one transaction (one commit for all:
    a lane's group commit); only after this returns may they be acknowledged."""
    rows = [InboundMail(**_row(arrived)) for arrived in arrivals]
    with transaction.atomic():
        # Both databases hand back the new ids of a multi-row INSERT (SQLite 3.35+: RETURNING).
        return InboundMail.objects.bulk_create(rows)


def _row(arrived: Arrival) -> dict[str, object]:
    if arrived.source not in MailSource.values:
        raise Invalid(f"unknown mail source {arrived.source!r}")
    return {
        "raw": arrived.raw,
        "digest": hashlib.sha256(arrived.raw).hexdigest(),
        "source": arrived.source,
        "envelope_from": _storable(arrived.envelope_from)[:320],
        "envelope_to": [_storable(str(address))[:320] for address in arrived.envelope_to][:100],
    }


def _storable(text: str) -> str:
    # The envelope is as the sending server wrote it; PostgreSQL refuses NUL in text and JSON,
    # and no database encodes a lone surrogate. The raw message keeps every byte.
    text = text.replace("\x00", "")
    return text.encode("utf-8", "surrogatepass").decode("utf-8", errors="replace")


def mail_receive(
    *, raw: bytes, source: str, envelope_from: str = "", envelope_to: Sequence[str] = ()
) -> InboundMail:
    """Store a message, then file it; a message that cannot be filed stays stored and flagged."""
    inbound = mail_store(
        raw=raw, source=source, envelope_from=envelope_from, envelope_to=envelope_to
    )
    return mail_process(inbound=inbound)


def mail_process(*, inbound: InboundMail) -> InboundMail:
    """File a stored message on its ticket, or open one; record what happened either way.

    Filing is claimed by the state the message was read in: when two processes file the same
    message (a listener and the recovery sweep), one files it and the other changes nothing.
    """
    for _attempt in range(DEADLOCK_ATTEMPTS):
        if _file_in_savepoint(inbound):
            return inbound
    _failed(inbound, RuntimeError("deadlocked with other listener processes, again and again"))
    return inbound


def mail_process_many(*, inbounds: Sequence[InboundMail]) -> list[InboundMail]:
    """File stored messages in order in one transaction (a lane's group commit), each in a
    savepoint of its own: one that cannot be filed is stored and flagged, the others filed."""
    deferred: list[InboundMail] = []
    try:
        with transaction.atomic():
            for inbound in inbounds:
                # After a sender's message is deferred, so is the rest of theirs: in order.
                if any(d.envelope_from == inbound.envelope_from for d in deferred) or (
                    not _file_in_savepoint(inbound)
                ):
                    deferred.append(inbound)
    except Exception as error:  # the commit itself failed: file them one at a time
        logger.warning("incoming mail: a batch fell back to one at a time: %s", error)
        for inbound in inbounds:
            inbound.refresh_from_db()
            if inbound.state == MailState.RECEIVED:
                mail_process(inbound=inbound)
        return list(inbounds)
    # A message that deadlocked with another process's batch is filed on its own once this
    # batch's locks are released: holding them, a second try would only deadlock again.
    for inbound in deferred:
        mail_process(inbound=inbound)
    return list(inbounds)


# Tries of a message that deadlocks with other listener processes before it is flagged.
DEADLOCK_ATTEMPTS = 3
DEADLOCKED = {"40P01", "40001"}  # PostgreSQL's deadlock_detected, serialization_failure


class _Deadlocked(Exception):
    pass


def _file_in_savepoint(inbound: InboundMail) -> bool:
    """File one message in a savepoint; False when it deadlocked with another process (the
    savepoint undid it, and it is still to be filed)."""
    try:
        with transaction.atomic():
            _sender_turn(inbound)
            filer().file(inbound)
    except MailFiledElsewhere:
        inbound.refresh_from_db()
    except Exception as error:  # this message only: the savepoint undid its half-done filing
        if isinstance(error, _Deadlocked) or (
            isinstance(error, DatabaseError)
            and getattr(error.__cause__, "sqlstate", None) in DEADLOCKED
        ):
            return False
        logger.exception("incoming mail %s could not be filed", inbound.pk)
        _failed(inbound, error)
    return True


def _sender_turn(inbound: InboundMail) -> None:
    """On PostgreSQL, where several listener processes file at once, a sender's mail is filed
    in the order it was stored: wait for the sender's turn, then file first what they sent
    before and is still waiting (stored by another process, which will find it filed)."""
    if connection.vendor != "postgresql" or not inbound.envelope_from:
        return
    with connection.cursor() as cursor:
        key = f"frontdesk.mail.sender:{inbound.envelope_from.lower()}"
        cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [key])
    earlier = InboundMail.objects.filter(
        state=MailState.RECEIVED, envelope_from=inbound.envelope_from, pk__lt=inbound.pk
    ).order_by("pk")
    for waiting in earlier:
        if not _file_in_savepoint(waiting):
            raise _Deadlocked


def _failed(inbound: InboundMail, error: Exception) -> None:
    InboundMail.objects.filter(pk=inbound.pk).update(
        state=MailState.FAILED, error=f"{type(error).__name__}: {error}"[:2000]
    )
    inbound.refresh_from_db()


class MailFiledElsewhere(Exception):
    """Another process filed this message while this one was at it: undo this one's work."""


def mail_record(
    *,
    inbound: InboundMail,
    state: str,
    error: str = "",
    ticket_id: int | None = None,
    message_id: int | None = None,
) -> None:
    """Write what became of the message, if nobody else filed it meanwhile (else raise
    MailFiledElsewhere, so that the filer's transaction undoes its work)."""
    claimed = InboundMail.objects.filter(pk=inbound.pk, state=inbound.state).update(
        header_message_id=inbound.header_message_id,
        flags=inbound.flags,
        state=state,
        error=error,
        ticket_id=ticket_id,
        message_id=message_id,
    )
    if not claimed:
        raise MailFiledElsewhere
    inbound.state, inbound.error = state, error
    inbound.ticket_id, inbound.message_id = ticket_id, message_id


def mail_reprocess_failed(*, older_than: timedelta = timedelta(minutes=5)) -> int:
    """Try again to file messages that failed (after a fix or a database hiccup)."""
    cutoff = timezone.now() - older_than
    failed = InboundMail.objects.filter(state=MailState.FAILED, received_at__lte=cutoff)[:100]
    return sum(mail_process(inbound=i).state == MailState.PROCESSED for i in failed)


def mail_file_pending(*, older_than: timedelta = timedelta(0), batch: int = 100) -> int:
    """File messages that were stored but never filed (the listener stopped between the two);
    how many reached a ticket."""
    cutoff = timezone.now() - older_than
    filed = 0
    after = 0
    while True:
        pending = list(
            InboundMail.objects.filter(
                state=MailState.RECEIVED, received_at__lte=cutoff, pk__gt=after
            ).order_by("pk")[:batch]
        )
        for inbound in pending:
            filed += mail_process(inbound=inbound).state == MailState.PROCESSED
        if len(pending) < batch:
            return filed
        after = pending[-1].pk
