"""Writes on behalf of customers: new requests, portal links."""

from __future__ import annotations

from collections.abc import Sequence

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from frontdesk.customers.models import Customer
from frontdesk.customers.selectors import customer_by_identity
from frontdesk.customers.services import customer_identify
from frontdesk.engine.identities import IdentityError, normalise_email
from frontdesk.intake.flows import contact_open
from frontdesk.tickets.choices import Channel
from frontdesk.tickets.models import Ticket


def request_submit(
    *,
    name: str,
    email: str,
    subject: str,
    body: str,
    language: str,
    files: Sequence[UploadedFile] = (),
) -> Ticket:
    """A request from the public form: find or make the customer, open a ticket, acknowledge."""
    # One transaction writes the customer (when new) with the ticket and its acknowledgement.
    return contact_open(
        customer=customer_identify(name=name, email=email, language=language),
        subject=subject,
        body=body,
        channel=Channel.WEB,
        language=language,
        files=files,
        acknowledge=True,
    )


def portal_link_request(*, email: str, language: str) -> bool:
    """E-mail a fresh portal link to a known address; says whether one was sent (never shown)."""
    try:
        value = normalise_email(email).value
    except IdentityError:
        return False
    customer = customer_by_identity(kind="email", value=value)
    if customer is None:
        return False
    from frontdesk.portal.tasks import portal_link_send

    transaction.on_commit(lambda: portal_link_send.enqueue(customer.pk, language))
    return True


def portal_session_customer(*, customer_id: object, portal_key: object) -> Customer | None:
    """The customer a portal session belongs to, while their key is unchanged."""
    if not isinstance(customer_id, int) or not isinstance(portal_key, str) or not portal_key:
        return None
    return Customer.objects.filter(
        pk=customer_id, portal_key=portal_key, merged_into__isnull=True
    ).first()
