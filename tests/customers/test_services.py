from datetime import timedelta

import pytest
from django.apps import apps
from django.db.models import Field
from django.utils import timezone

from frontdesk.core.errors import Invalid
from frontdesk.customers.choices import IdentityKind, InteractionKind
from frontdesk.customers.models import Customer
from frontdesk.customers.selectors import customer_list, customer_timeline
from frontdesk.customers.services import (
    customer_get_or_create,
    customer_merge,
    identity_add,
    interaction_record,
)
from frontdesk.engine.queue import sort_key
from frontdesk.journal.selectors import promises_unbacked
from frontdesk.journal.services import follow_up_make, log_line_save
from frontdesk.live.services import call_event_record
from frontdesk.outreach.choices import OptOutHow
from frontdesk.outreach.models import CampaignRecipient
from frontdesk.outreach.services import opt_out_record
from frontdesk.tickets.adapters import queue_item_of
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.selectors import queue_weights
from tests import factories
from tests.outreach.helpers import campaign

pytestmark = pytest.mark.django_db


def test_get_or_create_matches_an_address_whatever_its_case() -> None:
    first, created = customer_get_or_create(name="Mari Tamm", email="Mari.Tamm@Posti.ee")
    again, created_again = customer_get_or_create(name="M. Tamm", email="mari.tamm@posti.ee")
    assert created is True
    assert created_again is False
    assert again.pk == first.pk
    assert again.name == "Mari Tamm"


def test_get_or_create_matches_a_phone_number_written_differently() -> None:
    first, _ = customer_get_or_create(name="Eli Levi", phone="+972 52 123 4567")
    again, created = customer_get_or_create(name="Eli", phone="00972-52-1234567")
    assert created is False
    assert again.pk == first.pk


def test_an_identity_cannot_belong_to_two_customers() -> None:
    factories.customer(email="anna@example.hu")
    other = factories.customer()
    with pytest.raises(Invalid, match="merge"):
        identity_add(customer=other, kind=IdentityKind.EMAIL, raw="ANNA@example.hu")


def test_merge_moves_identities_tickets_timeline_tags_and_notes() -> None:
    agent = factories.agent()
    target = factories.customer(name="Kovács Anna", email="anna@example.hu")
    source = factories.customer(name="Anna Kovacs", email="anna.k@gmail.example", is_key=True)
    identity_add(customer=source, kind=IdentityKind.PHONE, raw="+36 30 123 4567")
    ticket = factories.ticket(customer_=source)
    source.notes = "Prefers phone calls."
    source.save()
    source.tags.create(name="vat")

    merged = customer_merge(source=source, target=target, actor=agent)

    source.refresh_from_db()
    target.refresh_from_db()
    assert merged.pk == target.pk
    assert source.merged_into_id == target.pk
    assert set(target.identities.values_list("value", flat=True)) == {
        "anna@example.hu",
        "anna.k@gmail.example",
        "+36301234567",
    }
    assert Ticket.objects.get(pk=ticket.pk).customer_id == target.pk
    assert target.is_key is True
    assert "Prefers phone calls." in target.notes
    assert [t.name for t in target.tags.all()] == ["vat"]
    summaries = [entry.summary for entry in customer_timeline(customer=target)]
    assert any(ticket.reference in s for s in summaries)
    assert any("Merged customer record" in s for s in summaries)
    assert Customer.objects.filter(pk=source.pk).exists()
    assert source not in customer_list()


def test_merge_refuses_a_customer_into_itself() -> None:
    agent = factories.agent()
    customer = factories.customer()
    with pytest.raises(Invalid):
        customer_merge(source=customer, target=customer, actor=agent)


def test_after_a_merge_the_old_address_finds_the_surviving_customer() -> None:
    agent = factories.agent()
    target = factories.customer(email="new@example.com")
    source = factories.customer(email="old@example.com")
    customer_merge(source=source, target=target, actor=agent)
    found, created = customer_get_or_create(name="x", email="old@example.com")
    assert created is False
    assert found.pk == target.pk


def test_interaction_summary_is_one_bounded_line() -> None:
    customer = factories.customer()
    entry = interaction_record(
        customer=customer, kind=InteractionKind.CALL, summary="line one\nline two " + "x" * 400
    )
    assert "\n" not in entry.summary
    assert len(entry.summary) == 300


def _customer_keys() -> list[Field]:
    """Every column in the project that points at a customer, read from the model registry."""
    return [
        field
        for model in apps.get_models(include_auto_created=True)
        for field in model._meta.get_fields()
        if field.concrete and field.is_relation and field.related_model is Customer
    ]


def _pointing_at(customer: Customer) -> dict[str, int]:
    return {
        f"{field.model._meta.label}.{field.name}": field.model._base_manager.filter(
            **{field.name: customer}
        ).count()
        for field in _customer_keys()
    }


def test_merge_leaves_no_row_pointing_at_the_retired_record() -> None:
    agent = factories.agent()
    target = factories.customer(name="Kovács Anna", email="anna@example.hu")
    source = factories.customer(name="Anna Kovacs", email="anna.k@example.hu", phone="+36301234567")
    customer_merge(source=factories.customer(name="A. Kovács"), target=source, actor=agent)
    source.refresh_from_db()
    source.tags.create(name="vat")
    factories.ticket(customer_=source)
    follow_up_make(
        customer=source, owner=agent, text="Call back", due_at=timezone.now() + timedelta(hours=1)
    )
    colleague = factories.agent(full_name="Eli Levi")
    log_line_save(line="Anna Kovacs. Eli Levi. viruses.", writer=agent, customer_id=source.pk)
    assert colleague.colleague_notes.get().customer == source
    call_event_record(call_id="c-merge", event="ringing", from_number="+36 30 123 4567")
    sent = CampaignRecipient.objects.create(
        campaign=campaign(lead=factories.agent(role="lead")), customer=source, language="hu"
    )
    opt_out_record(recipient=sent, how=OptOutHow.ONE_CLICK)

    before = _pointing_at(source)
    # A row of every kind points at the source; a new foreign key to customers fails here
    # until this test makes a row for it, and then the line below checks the merge moves it.
    assert [key for key, count in before.items() if count == 0] == []
    on_target = _pointing_at(target)

    customer_merge(source=source, target=target, actor=agent)

    assert _pointing_at(source) == dict.fromkeys(before, 0)
    after = _pointing_at(target)
    assert all(after[key] >= on_target[key] + before[key] for key in before)


def test_a_merge_that_makes_a_key_customer_moves_their_queued_tickets_up() -> None:
    agent = factories.agent()
    target = factories.customer(name="Kovács Anna")
    source = factories.customer(name="Anna Kovacs", is_key=True)
    waiting = factories.ticket(
        customer_=target, subject="Old data", body="Please move our old invoices over."
    )
    before = waiting.queue_key
    assert before is not None

    customer_merge(source=source, target=target, actor=agent)

    waiting.refresh_from_db()
    assert waiting.customer.is_key is True
    assert waiting.queue_key == sort_key(queue_item_of(waiting), queue_weights())
    assert waiting.queue_key < before


def test_a_promise_kept_by_a_follow_up_stays_backed_after_a_merge() -> None:
    agent = factories.agent()
    target = factories.customer(name="Rami Cohen")
    source = factories.customer(name="R. Cohen")
    since = timezone.now() - timedelta(minutes=1)
    interaction_record(
        customer=source, kind=InteractionKind.CALL, summary="I'll call you back at three."
    )
    follow_up_make(
        customer=source, owner=agent, text="Call back", due_at=timezone.now() + timedelta(hours=1)
    )
    assert promises_unbacked(since=since) == []

    customer_merge(source=source, target=target, actor=agent)

    assert promises_unbacked(since=since) == []
