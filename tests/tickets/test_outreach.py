"""The desk reaching the customer: an e-mail an agent starts reaches a real SMTP relay; a call
an agent logs becomes a phone ticket with a note; both land on the customer's timeline."""

from __future__ import annotations

import email
import email.policy

import pytest

from frontdesk.accounts.models import User
from frontdesk.core.errors import Invalid
from frontdesk.customers.choices import Direction, InteractionKind
from frontdesk.customers.services import identity_add
from frontdesk.tickets.choices import Channel, MessageDirection, Status
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.selectors import TicketFilter, ticket_list
from frontdesk.tickets.services import ticket_call_log, ticket_write_to_customer
from tests import factories
from tests.mail.conftest import Sink, relay  # noqa: F401 - the relay fixture

pytestmark = pytest.mark.django_db(transaction=True)


def test_writing_to_a_customer_mails_them_and_opens_a_ticket_of_the_agent_s(
    relay: Sink,  # noqa: F811
) -> None:
    agent = factories.agent()
    customer = factories.customer(name="Kovács Ödön", email="odon@kovacs.example", language="hu")
    identity_add(customer=customer, kind="email", raw="Odon.Work@firm.example")
    ticket = ticket_write_to_customer(
        customer=customer,
        agent=agent,
        subject="Your refund",
        body="We have sent the money back today.",
        to="odon.work@firm.example",
    )
    ticket.refresh_from_db()
    assert (ticket.assignee, ticket.channel, ticket.status) == (
        agent,
        Channel.EMAIL,
        Status.WAITING,
    )
    assert ticket.language == "hu"
    assert ticket.reasons == []  # not triaged: these are the agent's words
    [message] = ticket.messages.all()
    assert (message.direction, message.author_agent) == (MessageDirection.OUT, agent)
    [raw] = relay.messages  # no acknowledgement: nobody wrote to the desk
    sent = email.message_from_bytes(raw, policy=email.policy.default)
    assert sent["To"] == "Odon.Work@firm.example"
    assert ticket.reference in sent["Subject"]
    assert sent["Message-ID"] == message.message_id
    plain = sent.get_body(preferencelist=("plain",))
    assert plain is not None
    assert "We have sent the money back today." in plain.get_content()
    [entry] = customer.interactions.all()
    assert (entry.kind, entry.direction, entry.ticket_id) == (
        InteractionKind.EMAIL,
        Direction.OUT,
        ticket.pk,
    )


def test_the_primary_address_is_the_default_and_another_s_is_refused(
    relay: Sink,  # noqa: F811
) -> None:
    agent = factories.agent()
    customer = factories.customer(email="mari@example.ee")
    ticket_write_to_customer(customer=customer, agent=agent, subject="Hello", body="Hi Mari.")
    assert email.message_from_bytes(relay.messages[-1])["To"] == "mari@example.ee"
    with pytest.raises(Invalid):
        ticket_write_to_customer(
            customer=customer, agent=agent, subject="Hi", body="x", to="someone@else.example"
        )
    assert Ticket.objects.filter(customer=customer).count() == 1


def test_a_customer_without_an_address_cannot_be_written_to(relay: Sink) -> None:  # noqa: F811
    customer = factories.customer(email="", phone="+372 5123 4567")
    with pytest.raises(Invalid, match="no e-mail address"):
        ticket_write_to_customer(
            customer=customer, agent=factories.agent(), subject="Hello", body="Hi."
        )
    assert relay.messages == []
    assert not Ticket.objects.filter(customer=customer).exists()


@pytest.mark.parametrize(("subject", "body"), [("", "text"), ("Subject", "  "), ("x" * 251, "t")])
def test_an_empty_or_too_long_conversation_is_refused_and_nothing_is_written(
    subject: str, body: str
) -> None:
    customer = factories.customer()
    with pytest.raises(Invalid):
        ticket_write_to_customer(
            customer=customer, agent=factories.agent(), subject=subject, body=body
        )
    assert not Ticket.objects.filter(customer=customer).exists()


def test_a_logged_call_is_a_solved_phone_ticket_with_a_note_on_the_timeline() -> None:
    agent = factories.agent()
    customer = factories.customer(name="Mari Tamm")
    ticket = ticket_call_log(
        customer=customer,
        agent=agent,
        direction=Direction.IN,
        subject="Meter reading",
        text="Read out 12345; she will send a photo.",
    )
    ticket.refresh_from_db()
    assert (ticket.channel, ticket.status, ticket.assignee) == (Channel.PHONE, Status.SOLVED, agent)
    [note] = ticket.messages.all()
    assert note.direction == MessageDirection.NOTE
    assert "12345" in note.text
    [entry] = customer.interactions.all()
    assert (entry.kind, entry.direction) == (InteractionKind.CALL, Direction.IN)
    # What was said is searchable.
    found = ticket_list(actor=agent, filters=TicketFilter(query="meter photo"))
    assert list(found) == [ticket]


def test_a_call_kept_open_stays_with_the_agent() -> None:
    agent: User = factories.agent()
    ticket = ticket_call_log(
        customer=factories.customer(),
        agent=agent,
        direction=Direction.OUT,
        subject="Called about the outage",
        text="No answer; try again tomorrow.",
        keep_open=True,
    )
    ticket.refresh_from_db()
    assert (ticket.status, ticket.assignee) == (Status.OPEN, agent)


def test_a_call_needs_a_direction() -> None:
    with pytest.raises(Invalid):
        ticket_call_log(
            customer=factories.customer(),
            agent=factories.agent(),
            direction="sideways",
            subject="Call",
            text="Said hello.",
        )
