"""Mail out: the agent's reply reaches a real SMTP relay with the thread's headers; a relay that
is down leaves the reply marked and tried again later."""

from __future__ import annotations

import ast
import email
import email.policy
import socket
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks.backends.dummy import DummyBackend
from pytest_django import Settings

import frontdesk
from frontdesk.accounts.models import User
from frontdesk.accounts.services import agents_mail
from frontdesk.core.errors import Invalid
from frontdesk.mail.inbound import mail_receive
from frontdesk.mail.models import OutboundMail
from frontdesk.mail.outbound import RETRY_DELAYS, mail_deliver, mail_send
from frontdesk.mail.signals import mail_failed, mail_sent
from frontdesk.portal.tasks import portal_link_send
from frontdesk.tickets.models import Message
from frontdesk.tickets.services import ticket_reply
from frontdesk.tickets.tasks import message_mail_send
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


def test_a_replys_plain_text_goes_as_written_not_escaped(relay: Sink) -> None:
    ticket = factories.ticket(customer_=factories.customer(email="sam@firm.example"))
    ticket_reply(ticket=ticket, agent=factories.agent(), text='It\'s fixed: <1 min & "done".')
    sent = email.message_from_bytes(relay.messages[-1], policy=email.policy.default)
    plain = sent.get_body(preferencelist=("plain",))
    assert plain is not None
    assert 'It\'s fixed: <1 min & "done".' in plain.get_content()


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
    queued = OutboundMail.objects.get(about="tickets.message", about_id=reply.pk)
    mail_deliver.call(queued.pk, 0)
    reply.refresh_from_db()
    assert reply.delivered_at is None
    assert reply.delivery_error  # shown on the ticket as "not sent yet" with the reason
    retries = [r for r in kept_tasks().results if r.task.name == "mail_deliver"]
    assert retries[-1].args == [queued.pk, 1]
    assert retries[-1].task.run_after is not None
    # The relay is back: the retry delivers it.
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail_deliver.call(queued.pk, 1)
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


@pytest.fixture
def tasks_held(settings: Settings) -> DummyBackend:
    """Tasks are recorded, not run: each attempt is made by hand, as a worker would."""
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.dummy.DummyBackend",
            "QUEUES": ["default", "mail"],
        }
    }
    return kept_tasks()


@pytest.fixture
def heard() -> Iterator[list[tuple[str, str, int | None, str]]]:
    """What the mail signals told the senders: which signal, about what, and the error."""
    told: list[tuple[str, str, int | None, str]] = []

    def on_sent(sender: object, mail: OutboundMail, **kwargs: object) -> None:
        told.append(("sent", mail.about, mail.about_id, mail.error))

    def on_failed(sender: object, mail: OutboundMail, error: str, **kwargs: object) -> None:
        told.append(("failed", mail.about, mail.about_id, error))

    mail_sent.connect(on_sent)
    mail_failed.connect(on_failed)
    yield told
    mail_sent.disconnect(on_sent)
    mail_failed.disconnect(on_failed)


def _closed_port() -> int:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _mail_tasks(backend: DummyBackend) -> list[list[int]]:
    return [list(r.args) for r in backend.results if r.task.name == "mail_deliver"]


def test_mail_send_hands_the_mail_to_the_relay_once_the_transaction_commits(
    relay: Sink, heard: list[tuple[str, str, int | None, str]]
) -> None:
    with transaction.atomic():
        queued = mail_send(
            to="ada@example.com",
            subject="Grüße aus dem Büro",
            text="Plain words.",
            html="<p>Plain words.</p>",
            headers={"Auto-Submitted": "auto-generated", "Message-ID": "<q-1@frontdesk.example>"},
            about="tests.thing",
            about_id=7,
        )
        assert relay.messages == []  # nothing leaves while the caller may still roll back
    [raw] = relay.messages
    sent = email.message_from_bytes(raw, policy=email.policy.default)
    assert sent["To"] == "ada@example.com"
    assert sent["Subject"] == "Grüße aus dem Büro"
    assert sent["Auto-Submitted"] == "auto-generated"
    assert sent["Message-ID"] == "<q-1@frontdesk.example>"
    plain = sent.get_body(preferencelist=("plain",))
    html = sent.get_body(preferencelist=("html",))
    assert plain is not None
    assert html is not None
    assert plain.get_content().strip() == "Plain words."
    assert html.get_content().strip() == "<p>Plain words.</p>"
    queued.refresh_from_db()
    assert queued.sent_at is not None
    assert (queued.attempts, queued.error) == (1, "")
    assert heard == [("sent", "tests.thing", 7, "")]


def test_a_mail_queued_in_a_transaction_that_rolls_back_is_never_sent(relay: Sink) -> None:
    def queue_then_fail() -> None:
        with transaction.atomic():
            mail_send(to="ada@example.com", subject="Never", text="Never sent.")
            raise RuntimeError

    with pytest.raises(RuntimeError):
        queue_then_fail()
    assert relay.messages == []
    assert not OutboundMail.objects.exists()


def test_a_mail_needs_an_address() -> None:
    with pytest.raises(Invalid):
        mail_send(to="", subject="Nobody", text="To nobody.")
    assert not OutboundMail.objects.exists()


def test_a_relay_that_is_down_keeps_the_mail_and_tries_again_later(
    relay: Sink,
    settings: Settings,
    tasks_held: DummyBackend,
    heard: list[tuple[str, str, int | None, str]],
) -> None:
    relay_port = settings.EMAIL_PORT
    settings.EMAIL_PORT = _closed_port()
    queued = mail_send(to="ada@example.com", subject="Later", text="Sent later.", about="t")
    assert _mail_tasks(tasks_held) == [[queued.pk]]
    before = timezone.now()
    mail_deliver.call(queued.pk, 0)
    queued.refresh_from_db()
    assert queued.sent_at is None
    assert queued.attempts == 1
    assert queued.error
    assert heard == [("failed", "t", None, queued.error)]
    assert _mail_tasks(tasks_held) == [[queued.pk], [queued.pk, 1]]
    run_after = tasks_held.results[-1].task.run_after
    assert run_after is not None
    assert run_after >= before + timedelta(seconds=RETRY_DELAYS[0])
    # The relay is back: the retry delivers it, once.
    settings.EMAIL_PORT = relay_port
    mail_deliver.call(queued.pk, 1)
    mail_deliver.call(queued.pk, 1)
    queued.refresh_from_db()
    assert queued.sent_at is not None
    assert (queued.attempts, queued.error) == (2, "")
    assert len(relay.messages) == 1
    assert heard[-1] == ("sent", "t", None, "")


def test_sending_gives_up_after_the_last_delay(
    settings: Settings, tasks_held: DummyBackend
) -> None:
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", _closed_port()
    queued = mail_send(to="ada@example.com", subject="Never", text="Never sent.")
    with pytest.raises(ConnectionRefusedError):
        mail_deliver.call(queued.pk, len(RETRY_DELAYS))
    assert _mail_tasks(tasks_held) == [[queued.pk]]  # no attempt after the last
    queued.refresh_from_db()
    assert queued.sent_at is None
    assert queued.error


def test_a_portal_link_the_relay_refused_is_sent_when_it_is_back(
    relay: Sink, settings: Settings, tasks_held: DummyBackend
) -> None:
    customer = factories.customer(email="rami@example.com")
    relay_port = settings.EMAIL_PORT
    settings.EMAIL_PORT = _closed_port()
    portal_link_send.call(customer.pk, "en")
    [[mail_id]] = _mail_tasks(tasks_held)
    mail_deliver.call(mail_id, 0)
    assert relay.messages == []
    assert _mail_tasks(tasks_held)[-1] == [mail_id, 1]
    settings.EMAIL_PORT = relay_port
    mail_deliver.call(mail_id, 1)
    [raw] = relay.messages
    sent = email.message_from_bytes(raw, policy=email.policy.default)
    assert sent["To"] == "rami@example.com"
    assert sent["Auto-Submitted"] == "auto-generated"
    plain = sent.get_body(preferencelist=("plain",))
    assert plain is not None
    assert "/portal/enter/" in plain.get_content()


def test_a_mail_to_the_leads_the_relay_refused_is_sent_when_it_is_back(
    relay: Sink, settings: Settings, tasks_held: DummyBackend
) -> None:
    lead = factories.agent(role="lead", language="et")
    lead.email = "lead@example.com"
    lead.save(update_fields=["email"])
    relay_port = settings.EMAIL_PORT
    settings.EMAIL_PORT = _closed_port()

    def compose(agent: User) -> tuple[str, str]:
        return _("Coverage short: %(agent)s stepped away") % {"agent": "Mari"}, "Tere."

    assert agents_mail(agents=[lead], compose=compose) == 1
    [[mail_id]] = _mail_tasks(tasks_held)
    mail_deliver.call(mail_id, 0)
    assert relay.messages == []
    assert _mail_tasks(tasks_held)[-1] == [mail_id, 1]
    settings.EMAIL_PORT = relay_port
    mail_deliver.call(mail_id, 1)
    [raw] = relay.messages
    sent = email.message_from_bytes(raw, policy=email.policy.default)
    assert sent["To"] == "lead@example.com"
    assert "Mari" in sent["Subject"]
    assert "Coverage short" not in sent["Subject"]  # in the lead's own language


def _mail_imports(path: Path) -> list[str]:
    """What a module imports of Django's mail sending."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    named = [
        f"{node.module}.{alias.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.module
        for alias in node.names
    ]
    named += [
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    ]
    return [name for name in named if name.startswith("django.core.mail")]


def test_only_mail_hands_mail_to_a_relay() -> None:
    package = Path(frontdesk.__file__).parent
    senders = {
        str(path.relative_to(package)): _mail_imports(path)
        for path in package.rglob("*.py")
        if path.relative_to(package).parts[0] != "mail"
    }
    assert {path: found for path, found in senders.items() if found} == {}


def test_a_reply_queued_before_the_upgrade_gets_its_mail_once(relay: Sink) -> None:
    reply = ticket_reply(ticket=factories.ticket(), agent=factories.agent(), text="Kohe vaatame.")
    # As a version that sent replies from their own job left it: not delivered, no mail queued.
    OutboundMail.objects.all().delete()
    Message.objects.filter(pk=reply.pk).update(delivered_at=None)
    relay.messages.clear()

    message_mail_send.call(reply.pk)
    message_mail_send.call(reply.pk)

    assert OutboundMail.objects.filter(about_id=reply.pk).count() == 1
    assert len(relay.messages) == 1
    sent = email.message_from_bytes(relay.messages[0], policy=email.policy.default)
    assert sent["Message-ID"] == reply.message_id
