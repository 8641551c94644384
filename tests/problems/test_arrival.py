"""A new contact about a known problem is linked as it arrives, gets level 3 and the reason,
and its acknowledgement says the problem is known, in the customer's language."""

from __future__ import annotations

import email
import email.policy
from datetime import timedelta

import pytest
from django.utils import timezone

from frontdesk.intake.flows import contact_open
from frontdesk.mail.inbound import mail_receive
from frontdesk.problems.choices import LinkHow
from frontdesk.problems.models import Problem
from frontdesk.problems.services import alert_problem_make, problem_update, problems_detect
from frontdesk.tickets.choices import MessageDirection
from frontdesk.tickets.models import Ticket
from tests import factories
from tests.mail.conftest import Sink, relay  # noqa: F401 - the relay fixture

pytestmark = pytest.mark.django_db(transaction=True)

BURST = (
    ("Export gives a 0 KB file", "Since this morning the CSV export is 0 KB, error E-4031."),
    ("Eksport annab 0 KB faili", "Alates hommikust on CSV eksport 0 KB, viga E-4031."),
    ("Az export 0 KB-os fájlt ad", "Ma reggel óta a CSV export 0 KB, E-4031 hiba."),
    ("Empty export: 0 KB", "Our CSV export comes out 0 KB with E-4031 again."),
)


def _problem() -> Problem:
    now = timezone.now()
    for n, (subject, body) in enumerate(BURST):
        factories.ticket(subject=subject, body=body, created_at=now - timedelta(minutes=30 - n))
    [alert] = problems_detect(now=now)
    lead = factories.agent(role="lead")
    problem = alert_problem_make(actor=lead, alert=alert, title="Empty CSV export")
    return problem_update(
        actor=lead,
        problem=problem,
        title=problem.title,
        summary="",
        public_texts={"et": "CSV eksport annab praegu tühja faili; parandame seda."},
    )


def _arrive(*, subject: str, body: str, language: str, email_address: str) -> Ticket:
    customer = factories.customer(name="New Reporter", email=email_address, language=language)
    return contact_open(
        customer=customer, subject=subject, body=body, channel="email", acknowledge=True
    )


def test_a_matching_contact_is_linked_and_told_in_its_language(relay: Sink) -> None:  # noqa: F811
    problem = _problem()
    ticket = _arrive(
        subject="CSV eksport on tühi",
        body="Meie CSV eksport on 0 KB, viga E-4031.",
        language="et",
        email_address="mari@firma.example",
    )
    ticket.refresh_from_db()
    assert problem.links.get(ticket=ticket).how == LinkHow.ARRIVAL
    assert ticket.level == 3
    assert ticket.reasons[0]["detail"].startswith("reported by 5 customers since ")
    [raw] = relay.messages
    sent = email.message_from_bytes(raw, policy=email.policy.default)
    body = sent.get_body(preferencelist=("plain",))
    assert body is not None
    assert "CSV eksport annab praegu tühja faili; parandame seda." in body.get_content()


def test_without_a_public_text_in_the_language_the_default_line_is_said(
    relay: Sink,  # noqa: F811
) -> None:
    _problem()
    _arrive(
        subject="Export 0 KB",
        body="The CSV export is 0 KB with error E-4031 for us too.",
        language="en",
        email_address="sam@firm.example",
    )
    [raw] = relay.messages
    sent = email.message_from_bytes(raw, policy=email.policy.default)
    body = sent.get_body(preferencelist=("plain",))
    assert body is not None
    assert "We already know of this problem" in body.get_content()


def test_a_matching_mail_is_filed_linked_and_acknowledged(relay: Sink) -> None:  # noqa: F811
    problem = _problem()
    raw = (
        b"From: Mart Kuusk <mart@kauplus.example>\r\nTo: help@desk.example\r\n"
        b"Subject: CSV eksport on 0 KB\r\nMessage-ID: <mart-1@kauplus.example>\r\n"
        b"Content-Type: text/plain; charset=utf-8\r\n\r\n"
        b"Meie CSV eksport on samuti 0 KB, viga E-4031.\r\n"
    )
    inbound = mail_receive(raw=raw, source="smtp")
    assert inbound.ticket is not None
    assert inbound.message is not None
    assert inbound.message.direction == MessageDirection.IN
    assert problem.links.filter(ticket=inbound.ticket).exists()
    [raw_ack] = relay.messages
    ack = email.message_from_bytes(raw_ack, policy=email.policy.default)
    body = ack.get_body(preferencelist=("plain",))
    assert body is not None
    # Estonian, as the customer wrote: the problem's Estonian public text.
    assert "CSV eksport annab praegu tühja faili; parandame seda." in body.get_content()


def test_a_contact_about_something_else_is_not_linked(relay: Sink) -> None:  # noqa: F811
    problem = _problem()
    ticket = _arrive(
        subject="Change of address",
        body="We moved to a new office, please update our address.",
        language="en",
        email_address="office@firm.example",
    )
    assert not problem.links.filter(ticket=ticket).exists()
    [raw] = relay.messages
    assert b"We already know of this problem" not in raw
