"""Filing a stored e-mail: on the ticket it answers, as its customer's message (through the
intake flow) or a third party's, or on a new ticket opened through the intake flow. Mail stores
and parses; this module, registered as mail's filer, decides where a message goes."""

from __future__ import annotations

import re
from datetime import timedelta
from email.utils import parseaddr

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from frontdesk.accounts.selectors import team_addresses
from frontdesk.core.memo import for_a_while
from frontdesk.customers.models import Customer
from frontdesk.customers.services import customer_get_or_create
from frontdesk.engine.mail import ParsedMail, envelope_address, mail_parse
from frontdesk.intake.flows import contact_open, customer_message_add
from frontdesk.mail.choices import MailState
from frontdesk.mail.inbound import mail_record
from frontdesk.mail.models import InboundMail
from frontdesk.mail.selectors import mail_route_addresses, mail_route_teams
from frontdesk.outreach.models import CampaignRecipient
from frontdesk.outreach.selectors import campaign_reply_ticket, recipient_by_message_ids
from frontdesk.outreach.services import campaign_reply_record
from frontdesk.tickets.choices import Channel, MessageDirection
from frontdesk.tickets.constants import REFERENCE_ALPHABET, REFERENCE_LENGTH, REFERENCE_PREFIX
from frontdesk.tickets.models import Message, Ticket
from frontdesk.tickets.selectors import message_in_exists, ticket_answered, tickets_opened_count
from frontdesk.tickets.services import ticket_third_party_reply
from frontdesk.triage import runtime
from frontdesk.triage.services import triage_new_contact

REFERENCE_IN_SUBJECT = re.compile(
    re.escape(REFERENCE_PREFIX) + f"[{REFERENCE_ALPHABET}]{{{REFERENCE_LENGTH}}}"
)
ATTACHMENT_REFUSED = "attachment-refused"
NO_SUBJECT = "(no subject)"
NO_TEXT = "(no text)"
NAME_LENGTH = 200  # what a customer's name holds


def mail_file(inbound: InboundMail) -> None:
    """File a stored message on the ticket it answers, or open one for it through the intake
    flow; a message from the desk itself, or filed before, is kept and marked ignored."""
    # Mail files each message in a savepoint of its own (mail.inbound), so the writes below
    # need none more: a failure undoes the message's savepoint, claim and all.
    mail = mail_parse(bytes(inbound.raw))
    inbound.header_message_id = mail.message_id[:250]
    inbound.flags = list(mail.flags)
    if mail.sender_email and mail.sender_email in own_addresses():
        # Our own mail coming back (a loop, a misrouted copy): keep it, never answer it.
        _record(inbound, state=MailState.IGNORED, error="sent by the desk itself")
        return
    if mail.message_id and _already_filed(mail.message_id):
        _record(inbound, state=MailState.IGNORED, error="the same Message-ID was filed before")
        return
    customer, new_customer = _customer(mail, inbound)
    files, refused = _files(mail)
    inbound.flags = [*mail.flags, *([ATTACHMENT_REFUSED] if refused else [])]
    headers = {name: value[:1000] for name, value in mail.headers.items()}
    ticket = _thread(mail, customer)
    # A reply to a campaign mail: on the ticket an earlier reply to it opened, else on a new
    # ticket that names the campaign.
    campaign_recipient = None if ticket is not None else _campaign_answered(mail)
    if campaign_recipient is not None:
        ticket = campaign_reply_ticket(recipient=campaign_recipient)
    text = mail.text or NO_TEXT
    if ticket is not None:
        with transaction.atomic(savepoint=False):
            message = _reply(
                ticket, customer, mail, text=text, headers=headers, files=files, flags=inbound.flags
            )
            _record(inbound, state=MailState.PROCESSED, ticket=ticket, message=message)
        return
    subject = (mail.subject or NO_SUBJECT)[:250].strip() or NO_SUBJECT
    opened = timezone.now()
    decision = triage_new_contact(
        customer=customer,
        subject=subject,
        body=text,
        channel=Channel.EMAIL,
        headers=headers,
        received_at=opened,
        attachments=len(files),
    )
    acknowledge = _may_acknowledge(mail, customer, new_customer=new_customer)
    team_id = _team_for(mail, inbound)
    with transaction.atomic(savepoint=False):
        ticket = contact_open(
            customer=customer,
            subject=subject,
            body=text,
            channel=Channel.EMAIL,
            html=mail.html,
            headers=headers,
            files=files,
            acknowledge=acknowledge,
            created_at=opened,
            message_id=mail.message_id,
            flags=inbound.flags,
            team_id=team_id,
            files_checked=True,
            decision=decision,
            from_address=mail.sender_email,
        )
        # The customer's message; the ticket may hold a note already (linked to a problem).
        first = ticket.messages.get(direction=MessageDirection.IN)
        if campaign_recipient is not None:
            campaign_reply_record(recipient=campaign_recipient, ticket=ticket)
        _record(inbound, state=MailState.PROCESSED, ticket=ticket, message=first)


def _reply(
    ticket: Ticket,
    sender: Customer,
    mail: ParsedMail,
    *,
    text: str,
    headers: dict[str, str],
    files: list[SimpleUploadedFile],
    flags: list[str],
) -> Message:
    """Put a message on the ticket it answers, as the customer's only when they sent it."""
    if ticket.customer_id == sender.pk:
        return customer_message_add(
            ticket=ticket,
            customer=sender,
            text=text,
            channel=Channel.EMAIL,
            html=mail.html,
            headers=headers,
            files=files,
            message_id=mail.message_id,
            flags=flags,
            files_checked=True,
            from_address=mail.sender_email,
        )
    # Anyone else in the thread (a colleague in copy) is filed as who they are, flagged, and
    # the agent judges what they wrote; they never speak as the customer.
    return ticket_third_party_reply(
        ticket=ticket,
        sender=sender,
        text=text,
        channel=Channel.EMAIL,
        html=mail.html,
        headers=headers,
        files=files,
        message_id=mail.message_id,
        flags=flags,
        files_checked=True,
        from_address=mail.sender_email,
    )


def _record(
    inbound: InboundMail,
    *,
    state: str,
    error: str = "",
    ticket: Ticket | None = None,
    message: Message | None = None,
) -> None:
    """Write what became of the message, if nobody else filed it meanwhile."""
    mail_record(
        inbound=inbound,
        state=state,
        error=error,
        ticket_id=ticket.pk if ticket is not None else None,
        message_id=message.pk if message is not None else None,
    )
    inbound.ticket, inbound.message = ticket, message


@for_a_while
def own_addresses() -> set[str]:
    """Every address the desk sends from or receives at."""
    addresses = {parseaddr(settings.DEFAULT_FROM_EMAIL)[1].lower()}
    addresses |= mail_route_addresses()
    addresses |= team_addresses()
    return addresses - {""}


def _already_filed(message_id: str) -> bool:
    # The same message delivered twice (an MTA retry after a lost 250, two recipients, an IMAP
    # fetch cut short) is filed once.
    return message_in_exists(message_id=message_id)


def _customer(mail: ParsedMail, inbound: InboundMail) -> tuple[Customer, bool]:
    """The sender as a customer, and whether the desk met them just now: by the From address,
    else by the envelope sender when it is an address, else an unknown sender."""
    address = mail.sender_email or envelope_address(inbound.envelope_from)
    if address:
        name = (mail.sender_name or address)[:NAME_LENGTH]
        return customer_get_or_create(name=name, email=address)
    return customer_get_or_create(name="Unknown sender", email="")


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
    return ticket_answered(
        message_ids=[*mail.in_reply_to, *reversed(mail.references)],
        references=REFERENCE_IN_SUBJECT.findall(mail.subject),
        customer=customer,
    )


def _campaign_answered(mail: ParsedMail) -> CampaignRecipient | None:
    """The campaign mail this message answers, if it names one."""
    return recipient_by_message_ids(message_ids=[*mail.in_reply_to, *reversed(mail.references)])


def _team_for(mail: ParsedMail, inbound: InboundMail) -> int | None:
    recipients = [a.lower() for a in (*inbound.envelope_to, *mail.to)]
    routes = mail_route_teams()
    return next((routes[a] for a in recipients if a in routes), None)


def _may_acknowledge(mail: ParsedMail, customer: Customer, *, new_customer: bool) -> bool:
    """Answer a person, at most a few times an hour: never a machine (RFC 3834)."""
    if mail.automatic or not mail.sender_email:
        return False
    if new_customer:
        return True
    # New requests by mail from this customer in the last hour (this one is not yet among them).
    recent = tickets_opened_count(
        customer=customer, channel=Channel.EMAIL, since=timezone.now() - timedelta(hours=1)
    )
    return recent < settings.MAIL_ACKNOWLEDGEMENTS_PER_HOUR


def mail_filing_warm_up() -> None:
    """Load what filing a message needs (everything triage reads)."""
    runtime.warm_up()
