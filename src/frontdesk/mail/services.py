"""Incoming mail: store it whole, then file it on the right ticket, never losing a message."""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Sequence
from datetime import timedelta
from email.utils import parseaddr

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from frontdesk.config.errors import Invalid
from frontdesk.config.memo import for_a_while
from frontdesk.customers.models import Customer
from frontdesk.customers.services import customer_get_or_create
from frontdesk.engine.mail import ParsedMail, mail_parse
from frontdesk.mail.choices import MailSource, MailState
from frontdesk.mail.models import InboundMail, MailRoute
from frontdesk.tickets.choices import Channel, Status
from frontdesk.tickets.constants import REFERENCE_ALPHABET, REFERENCE_LENGTH, REFERENCE_PREFIX
from frontdesk.tickets.models import Message, Ticket
from frontdesk.tickets.services import ticket_create, ticket_customer_reply

logger = logging.getLogger(__name__)

REFERENCE_IN_SUBJECT = re.compile(
    re.escape(REFERENCE_PREFIX) + f"[{REFERENCE_ALPHABET}]{{{REFERENCE_LENGTH}}}"
)
ATTACHMENT_REFUSED = "attachment-refused"
NO_SUBJECT = "(no subject)"
NO_TEXT = "(no text)"


def mail_store(
    *, raw: bytes, source: str, envelope_from: str = "", envelope_to: Sequence[str] = ()
) -> InboundMail:
    """Keep a message exactly as it arrived; only after this returns may it be acknowledged."""
    if source not in MailSource.values:
        raise Invalid(f"unknown mail source {source!r}")
    with transaction.atomic():
        return InboundMail.objects.create(
            raw=raw,
            digest=hashlib.sha256(raw).hexdigest(),
            source=source,
            envelope_from=envelope_from[:320],
            envelope_to=[str(address)[:320] for address in envelope_to][:100],
        )


def mail_receive(
    *, raw: bytes, source: str, envelope_from: str = "", envelope_to: Sequence[str] = ()
) -> InboundMail:
    """Store a message, then file it; a message that cannot be filed stays stored and flagged."""
    inbound = mail_store(
        raw=raw, source=source, envelope_from=envelope_from, envelope_to=envelope_to
    )
    return mail_process(inbound=inbound)


def mail_process(*, inbound: InboundMail) -> InboundMail:
    """File a stored message on its ticket, or open one; record what happened either way."""
    try:
        with transaction.atomic():
            _file(inbound)
    except Exception as error:  # anything at all: the raw message is safe, say what went wrong
        logger.exception("incoming mail %s could not be filed", inbound.pk)
        InboundMail.objects.filter(pk=inbound.pk).update(
            state=MailState.FAILED, error=f"{type(error).__name__}: {error}"[:2000]
        )
        inbound.refresh_from_db()
    return inbound


def _file(inbound: InboundMail) -> None:
    mail = mail_parse(bytes(inbound.raw))
    inbound.header_message_id = mail.message_id[:250]
    inbound.flags = list(mail.flags)
    if mail.sender_email and mail.sender_email in own_addresses():
        # Our own mail coming back (a loop, a misrouted copy): keep it, never answer it.
        inbound.state = MailState.IGNORED
        inbound.save(update_fields=["header_message_id", "flags", "state"])
        return
    if mail.message_id and _already_filed(mail.message_id):
        inbound.state = MailState.IGNORED
        inbound.error = "the same Message-ID was filed before"
        inbound.save(update_fields=["header_message_id", "flags", "state", "error"])
        return
    customer = _customer(mail, inbound)
    files, refused = _files(mail)
    flags = [*mail.flags, *([ATTACHMENT_REFUSED] if refused else [])]
    headers = {name: value[:1000] for name, value in mail.headers.items()}
    ticket = _thread(mail, customer)
    text = mail.text or NO_TEXT
    message: Message | None
    if ticket is not None:
        message = ticket_customer_reply(
            ticket=ticket,
            customer=customer,
            text=text,
            channel=Channel.EMAIL,
            html=mail.html,
            headers=headers,
            files=files,
            message_id=mail.message_id,
            flags=flags,
            files_checked=True,
        )
    else:
        ticket = ticket_create(
            customer=customer,
            subject=(mail.subject or NO_SUBJECT)[:250],
            body=text,
            channel=Channel.EMAIL,
            html=mail.html,
            headers=headers,
            files=files,
            acknowledge=_may_acknowledge(mail, customer),
            message_id=mail.message_id,
            flags=flags,
            team_id=_team_for(mail, inbound),
            files_checked=True,
        )
        message = ticket.messages.order_by("id").first()
    inbound.state = MailState.PROCESSED
    inbound.flags = flags
    inbound.ticket = ticket
    inbound.message = message
    inbound.save(update_fields=["header_message_id", "flags", "state", "ticket", "message"])


@for_a_while
def own_addresses() -> set[str]:
    """Every address the desk sends from or receives at."""
    addresses = {parseaddr(settings.DEFAULT_FROM_EMAIL)[1].lower()}
    addresses |= {a.lower() for a in MailRoute.objects.values_list("address", flat=True)}
    from frontdesk.accounts.models import Team

    addresses |= {a.lower() for a in Team.objects.exclude(email="").values_list("email", flat=True)}
    return addresses - {""}


def _already_filed(message_id: str) -> bool:
    # The same message delivered twice (an MTA retry after a lost 250, two recipients, an IMAP
    # fetch cut short) is filed once.
    return Message.objects.filter(message_id=message_id, direction="in").exists()


def _customer(mail: ParsedMail, inbound: InboundMail) -> Customer:
    address = mail.sender_email or parseaddr(inbound.envelope_from)[1].lower()
    if address:
        customer, _created = customer_get_or_create(name=mail.sender_name or address, email=address)
        return customer
    customer, _created = customer_get_or_create(name="Unknown sender", email="")
    return customer


def _files(mail: ParsedMail) -> tuple[list[SimpleUploadedFile], bool]:
    """The attachments the desk keeps beside the text: empty ones too (the parser flagged them),
    not those over the size limit or past the count limit (they stay in the raw message)."""
    kept: list[SimpleUploadedFile] = []
    refused = False
    for attachment in mail.attachments:
        too_many = len(kept) >= settings.MAX_ATTACHMENTS_PER_MESSAGE
        if too_many or len(attachment.data) > settings.MAX_ATTACHMENT_BYTES:
            refused = True
            continue
        kept.append(
            SimpleUploadedFile(
                attachment.name or "attachment", attachment.data, attachment.content_type
            )
        )
    return kept, refused


def _thread(mail: ParsedMail, customer: Customer) -> Ticket | None:
    """The open (or solved) ticket this message answers, if any."""
    known = [*mail.in_reply_to, *reversed(mail.references)]
    if known:
        found = (
            Message.objects.filter(message_id__in=known)
            .exclude(ticket__status=Status.CLOSED)
            .select_related("ticket")
            .order_by("-id")
            .first()
        )
        if found is not None:
            return found.ticket
    for reference in REFERENCE_IN_SUBJECT.findall(mail.subject):
        ticket = (
            Ticket.objects.filter(reference=reference, customer=customer)
            .exclude(status=Status.CLOSED)
            .first()
        )
        if ticket is not None:
            return ticket
    return None


def _team_for(mail: ParsedMail, inbound: InboundMail) -> int | None:
    recipients = [a.lower() for a in (*inbound.envelope_to, *mail.to)]
    routes = _routes()
    return next((routes[a] for a in recipients if a in routes), None)


@for_a_while
def _routes() -> dict[str, int]:
    return {
        address.lower(): team_id
        for address, team_id in MailRoute.objects.exclude(team=None).values_list("address", "team")
    }


def _may_acknowledge(mail: ParsedMail, customer: Customer) -> bool:
    """Answer a person, at most a few times an hour: never a machine (RFC 3834)."""
    if mail.automatic or not mail.sender_email:
        return False
    # New requests by mail from this customer in the last hour (this one is not yet among them).
    recent = Ticket.objects.filter(
        customer=customer,
        channel=Channel.EMAIL,
        created_at__gte=timezone.now() - timedelta(hours=1),
    ).count()
    return recent < settings.MAIL_ACKNOWLEDGEMENTS_PER_HOUR


def mail_reprocess_failed(*, older_than: timedelta = timedelta(minutes=5)) -> int:
    """Try again to file messages that failed (after a fix or a database hiccup)."""
    cutoff = timezone.now() - older_than
    failed = InboundMail.objects.filter(state=MailState.FAILED, received_at__lte=cutoff)[:100]
    return sum(mail_process(inbound=i).state == MailState.PROCESSED for i in failed)
