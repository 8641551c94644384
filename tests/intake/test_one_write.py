"""A new contact is one write: the customer (when new), their identities, the ticket, its first
message, the timeline entry and the queued acknowledgement commit together or not at all; the
API answers from what it wrote; the worker then sends the acknowledgement once."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_tasks_db.models import DBTaskResult
from pytest_django import Settings

from frontdesk.customers.models import Customer, CustomerIdentity, Interaction
from frontdesk.customers.services import customer_identify
from frontdesk.intake import flows
from frontdesk.intake.flows import contact_open
from frontdesk.tickets.models import Message, Ticket
from tests import factories

DATABASE_TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "mail"]}
}
WRITES = ("INSERT", "UPDATE", "DELETE")


def new_ticket(email: str, **customer: str) -> dict[str, object]:
    return {
        "customer": {"name": "Mari Tamm", "email": email, **customer},
        "channel": "email",
        "subject": "Arve puudub",
        "body": "Tere! Ma ei leia oktoobri arvet.",
    }


def blocks(queries: list[dict[str, str]]) -> list[list[str]]:
    """The statements of each transaction block (BEGIN … COMMIT), and each write made outside
    one as a block of its own."""
    found: list[list[str]] = []
    inside: list[str] | None = None
    for query in queries:
        sql = query["sql"]
        verb = sql.split(None, 1)[0].upper()
        if verb == "BEGIN":
            inside = []
        elif verb == "COMMIT":
            assert inside is not None
            found.append(inside)
            inside = None
        elif inside is not None:
            inside.append(sql)
        elif verb in WRITES:
            found.append([sql])
    return found


def written(block: list[str]) -> list[str]:
    """The tables a block inserted into, in order."""
    return [sql.split('"', 2)[1] for sql in block if sql.startswith("INSERT")]


@pytest.mark.django_db(transaction=True)
def test_an_api_create_is_one_transaction_of_seven_statements() -> None:
    client = Client(HTTP_AUTHORIZATION=f"Bearer {factories.api_token(factories.agent())}")
    assert client.post("/api/v1/tickets", new_ticket("first@posti.ee"), "application/json")
    with CaptureQueriesContext(connection) as create:
        body = new_ticket("mari@posti.ee", phone="+372 5123 4567")
        response = client.post("/api/v1/tickets", body, "application/json")
    assert response.status_code == 201
    statements = [q["sql"].split(None, 1)[0].upper() for q in create.captured_queries]
    assert "SAVEPOINT" not in statements
    (only,) = blocks(create.captured_queries)
    assert written(only) == [
        "customers_customer",
        "customers_customeridentity",  # both identities in one statement
        "tickets_ticket",
        "tickets_message",
        "customers_interaction",
    ]
    # Outside the transaction, one look-up of the customer by both identities; inside it, the
    # writes and the open problems a new ticket may belong to. The token is remembered.
    assert statements.count("SELECT") == 2
    assert len(statements) == 9  # BEGIN and COMMIT included
    assert CustomerIdentity.objects.filter(customer__name="Mari Tamm").count() == 3


@pytest.mark.django_db(transaction=True)
def test_a_form_request_queues_its_acknowledgement_in_the_tickets_transaction(
    settings: Settings,
) -> None:
    settings.TASKS = DATABASE_TASKS
    form = {"name": "Mari", "email": "mari@posti.ee", "subject": "Arve", "body": "Kus on arve?"}
    with CaptureQueriesContext(connection) as create:
        assert Client().post(reverse("portal:new"), form).status_code == 302
    (ticket_block,) = [b for b in blocks(create.captured_queries) if "tickets_ticket" in written(b)]
    assert written(ticket_block) == [
        "customers_customer",
        "customers_customeridentity",
        "tickets_ticket",
        "tickets_message",
        "customers_interaction",
        "django_tasks_database_dbtaskresult",
    ]
    ticket = Ticket.objects.get()
    (task,) = DBTaskResult.objects.all()
    assert (task.task_path, task.args_kwargs["args"]) == (
        "frontdesk.tickets.tasks.acknowledgement_send",
        [ticket.pk],
    )


@pytest.mark.django_db(transaction=True)
def test_the_worker_sends_the_acknowledgement_once(settings: Settings) -> None:
    settings.TASKS = DATABASE_TASKS
    form = {"name": "Mari", "email": "mari@posti.ee", "subject": "Arve", "body": "Kus on arve?"}
    assert Client().post(reverse("portal:new"), form).status_code == 302
    worker = {"queue_name": "*", "batch": True, "startup_delay": False, "reload": False}
    call_command("db_worker", **worker, verbosity=0)
    call_command("db_worker", **worker, verbosity=0)
    (sent,) = mail.outbox
    assert sent.to == ["mari@posti.ee"]
    assert Ticket.objects.get().reference in f"{sent.subject} {sent.body}"


def failing_after(function: Any) -> Any:
    """`function`, then a failure, as if the process died right after it."""

    def failing(*args: Any, **kwargs: Any) -> Any:
        function(*args, **kwargs)
        raise RuntimeError("the power went out")

    return failing


@pytest.mark.django_db
@pytest.mark.parametrize("step", ["problem_link_on_arrival", "task_enqueue_with_write"])
def test_a_failure_mid_way_leaves_nothing_half_written(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, step: str
) -> None:
    settings.TASKS = DATABASE_TASKS
    monkeypatch.setattr(flows, step, failing_after(getattr(flows, step)))
    with pytest.raises(RuntimeError, match="power"):
        contact_open(
            customer=customer_identify(name="Mari", email="mari@posti.ee", phone="+3725123456"),
            subject="Arve",
            body="Kus on arve?",
            channel="web",
            acknowledge=True,
        )
    for model in (Customer, CustomerIdentity, Ticket, Message, Interaction, DBTaskResult):
        assert not model.objects.exists(), model


@pytest.mark.django_db
def test_a_failure_mid_way_through_the_api_leaves_no_customer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    step = "problem_link_on_arrival"
    monkeypatch.setattr(flows, step, failing_after(getattr(flows, step)))
    client = Client(HTTP_AUTHORIZATION=f"Bearer {factories.api_token(factories.agent())}")
    with pytest.raises(RuntimeError, match="power"):
        client.post("/api/v1/tickets", new_ticket("mari@posti.ee"), "application/json")
    assert not Customer.objects.exists()
    assert not Ticket.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_contacts_from_a_new_address_at_once_make_one_customer() -> None:
    # Each looks the address up before any has written it; the later writers' transactions
    # fail on the address and are tried again whole, finding the customer the first wrote.
    senders = 4
    start = threading.Barrier(senders)
    opened: list[Ticket] = []
    errors: list[BaseException] = []
    identified = threading.Barrier(senders)

    def send(n: int) -> None:
        try:
            start.wait()
            who = customer_identify(name=f"Mari {n}", email="mari@posti.ee")
            identified.wait()
            opened.append(
                contact_open(customer=who, subject=f"Arve {n}", body="Kus on arve?", channel="web")
            )
        except BaseException as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(n,)) for n in range(senders)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    (customer,) = Customer.objects.all()
    assert sorted(t.customer_id for t in opened) == [customer.pk] * senders
    assert Ticket.objects.filter(customer=customer).count() == senders
    assert Interaction.objects.filter(customer=customer).count() == senders
