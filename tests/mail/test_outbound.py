"""Mail out: the agent's reply reaches a real SMTP relay with the thread's headers; a relay that
is down leaves the reply marked and tried again later."""

from __future__ import annotations

import email
import email.policy
import socket

import pytest
from pytest_django import Settings

from frontdesk.mail.services import mail_receive
from frontdesk.tickets.models import Message
from frontdesk.tickets.services import ticket_reply
from frontdesk.tickets.tasks import message_send
from tests import factories
from tests.conftest import kept_tasks
from tests.mail import corpus
from tests.mail.conftest import Sink

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_reply_reaches_the_relay_threaded_in_the_customers_language(relay: Sink) -> None:
    inbound = mail_receive(raw=corpus.hungarian_latin2(), source="smtp")
    ticket = inbound.ticket
    assert ticket is not None
    relay.messages.clear()  # the acknowledgement
    ticket_reply(ticket=ticket, agent=factories.agent(), text="Visszautaltuk az összeget.")
    sent = email.message_from_bytes(relay.messages[-1], policy=email.policy.default)
    assert sent["In-Reply-To"] == "<hu-1@freemail.example>"
    assert "<hu-1@freemail.example>" in sent["References"]
    assert sent["Message-ID"] == Message.objects.filter(direction="out").reverse()[0].message_id
    assert ticket.reference in sent["Subject"]
    assert sent["To"] == "odon@kovacs.example"
    plain = sent.get_body(preferencelist=("plain",))
    assert plain is not None
    assert "Visszautaltuk az összeget." in plain.get_content()


def test_the_acknowledgement_says_it_is_automatic(relay: Sink) -> None:
    mail_receive(raw=corpus.estonian_cp1257(), source="smtp")
    [sent] = [email.message_from_bytes(m, policy=email.policy.default) for m in relay.messages]
    assert sent["Auto-Submitted"] == "auto-replied"
    assert sent["In-Reply-To"] == "<et-1@posti.example>"


def test_a_relay_that_is_down_leaves_the_reply_marked_and_tried_again(settings: Settings) -> None:
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.dummy.DummyBackend",
            "QUEUES": ["default", "mail"],
        }
    }
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", closed_port
    ticket = factories.ticket()
    ticket_reply(ticket=ticket, agent=factories.agent(), text="Here is your answer.")
    reply = Message.objects.get(direction="out")
    message_send.call(reply.pk, 0)
    reply.refresh_from_db()
    assert reply.delivered_at is None
    assert reply.delivery_error  # shown on the ticket as "not sent yet" with the reason
    retries = [r for r in kept_tasks().results if r.task.name == "message_send"]
    assert retries[-1].args == [reply.pk, 1]
    assert retries[-1].task.run_after is not None
    # The relay is back: the retry delivers it.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    message_send.call(reply.pk, 1)
    reply.refresh_from_db()
    assert reply.delivered_at is not None
    assert reply.delivery_error == ""


def test_a_reply_answers_the_customers_message_not_a_third_partys(relay: Sink) -> None:
    ticket = mail_receive(raw=corpus.plain(), source="smtp").ticket
    assert ticket is not None
    colleague = corpus.plain(
        sender="Colin Banks <colin@bank.example>",
        message_id="<colin-9@bank.example>",
        extra=(("In-Reply-To", "<plain-1@bank.example>"),),
    )
    assert mail_receive(raw=colleague, source="smtp").ticket == ticket
    relay.messages.clear()  # the acknowledgement
    ticket_reply(ticket=ticket, agent=factories.agent(), text="We refunded the second charge.")
    sent = email.message_from_bytes(relay.messages[-1], policy=email.policy.default)
    assert sent["To"] == "victim@bank.example"
    assert sent["In-Reply-To"] == "<plain-1@bank.example>"
