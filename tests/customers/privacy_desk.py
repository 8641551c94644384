"""A customer the desk knows everything about, built as the desk builds it: their mail filed by
the mail intake (raw mail and an attachment on disk), a reply, a rating with a comment, a
promise, a call with its recording, a visit, a campaign they opted out of, notes, tags, a
custom field and a view in the audit trail. The words below are theirs alone, so that finding
one anywhere after an erasure is a leak."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from email.message import EmailMessage
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils import timezone

from frontdesk.accounts.models import User
from frontdesk.audit.services import audit_record
from frontdesk.customers.field_services import customer_custom_set
from frontdesk.customers.models import Customer
from frontdesk.customers.services import identity_add, interaction_record
from frontdesk.journal.services import follow_up_make
from frontdesk.live.recording_services import recording_url_attach
from frontdesk.mail.inbound import mail_receive
from frontdesk.outreach.choices import OptOutHow
from frontdesk.outreach.models import CampaignRecipient
from frontdesk.outreach.services import campaigns_send_due, opt_out_record
from frontdesk.satisfaction.services import survey_rate, survey_send
from frontdesk.tickets.models import Attachment, Ticket
from frontdesk.tickets.services import ticket_reply, ticket_set_status
from tests import factories
from tests.outreach.helpers import scheduled

NAME = "Zebulon Quixote-Marsh"
EMAIL = "zebulon.qm@privacy.example"
PHONE = "+372 5551 2345"
ORGANISATION = "Quagga Holdings"
WORD = "xylophonicbanana"  # in their message, notes, promise, comment and custom field
ATTACHMENT_BYTES = f"passport scan of {NAME}, {WORD}".encode()
# Each as it could be stored: whole, in parts, normalised.
NEEDLES = (NAME, "Zebulon", "Quixote", EMAIL, "zebulon.qm", "55512345", ORGANISATION, WORD)


@dataclass
class Known:
    """The customer and the rows around them a test looks at."""

    customer: Customer
    ticket: Ticket
    other: Customer
    # The files stored for them (the attachments folder is shared by parallel test processes,
    # so only these are looked at).
    files: tuple[Path, ...]


def known_customer(*, agent: User, lead: User) -> Known:
    """Build the customer with everything, and another customer whose data must not change."""
    message = EmailMessage()
    message["From"] = f"{NAME} <{EMAIL}>"
    message["To"] = "help@frontdesk.example"
    message["Subject"] = f"Refund for {WORD}"
    message["Message-ID"] = "<zq-1@privacy.example>"
    message.set_content(f"Hello, my {WORD} order failed. Call me on {PHONE}. {NAME}")
    message.add_attachment(
        ATTACHMENT_BYTES, maintype="application", subtype="octet-stream", filename="scan.bin"
    )
    inbound = mail_receive(
        raw=message.as_bytes(),
        source="smtp",
        envelope_from=EMAIL,
        envelope_to=["help@frontdesk.example"],
    )
    assert inbound.ticket is not None
    ticket = inbound.ticket
    customer = ticket.customer
    identity_add(customer=customer, kind="phone", raw=PHONE)
    customer.organisation = ORGANISATION
    customer.notes = f"{NAME} likes {WORD}"
    customer.save(update_fields=["organisation", "notes"])
    customer.tags.create(name=f"tag-{WORD}"[:50])
    factories.custom_field(key="loyalty", target="customer")
    customer_custom_set(customer=customer, values={"loyalty": f"gold {WORD}"})

    ticket_reply(ticket=ticket, agent=agent, text=f"Dear {NAME}, your {WORD} is refunded.")
    ticket_set_status(ticket=ticket, actor=agent, status="solved")
    ticket.refresh_from_db()
    survey = survey_send(ticket_id=ticket.pk, solved_at=ticket.solved_at)
    assert survey is not None
    survey_rate(survey=survey, rating="good", comment=f"Thanks for the {WORD}")

    follow_up_make(
        customer=customer,
        owner=agent,
        text=f"Ring {NAME} about {WORD}",
        due_at=timezone.now() + timedelta(days=1),
    )
    interaction_record(customer=customer, kind="call", summary=f"{NAME} asked about {WORD}")
    call = factories.call(customer=customer, from_number=PHONE)
    recording_url_attach(call=call, url=f"https://pbx.example/{WORD}.mp3")
    visit_ticket = factories.ticket(customer_=customer, subject=f"Visit of {NAME}")
    factories.visit(name=NAME, email=EMAIL, ticket=visit_ticket)

    other = factories.customer(name="Olga Otherperson", email="olga@other.example")
    factories.ticket(customer_=other, subject="Olga's printer")
    scheduled(lead=lead)
    campaigns_send_due(now=timezone.now())
    opt_out_record(recipient=CampaignRecipient.objects.get(customer=customer), how=OptOutHow.PAGE)
    audit_record(actor=agent, action="view", obj=customer)
    audit_record(actor=agent, action="status", obj=ticket, detail={"to": "solved"})
    customer.refresh_from_db()
    stored = Attachment.objects.filter(message__ticket__customer=customer).values_list("file")
    files = tuple(Path(settings.MEDIA_ROOT) / name for (name,) in stored)
    assert files
    assert all(path.is_file() for path in files)
    return Known(customer=customer, ticket=ticket, other=other, files=files)


TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField, models.BinaryField)


def leaks(known: Known) -> list[str]:
    """Every place in the database (any table's text, JSON or raw columns) and in the
    attachments folder that still holds one of the customer's words."""
    found = []
    for model in apps.get_models():
        fields = [f.name for f in model._meta.concrete_fields if isinstance(f, TEXT_FIELDS)]
        if not fields:
            continue
        for row in model._default_manager.values_list("pk", *fields):
            for name, value in zip(fields, row[1:], strict=True):
                text = _text(value).casefold()
                for needle in NEEDLES:
                    if needle.casefold() in text:
                        found.append(f"{model._meta.label}#{row[0]}.{name}: {needle}")
    for path in known.files:
        content = path.read_bytes() if path.exists() else b""
        found += [f"{path}: {n}" for n in NEEDLES if n.encode() in content]
    return found


def _text(value: object) -> str:
    if isinstance(value, bytes | memoryview):
        return bytes(value).decode("utf-8", "replace")
    return str(value)
