import pytest

from frontdesk.config.errors import Invalid
from frontdesk.customers.choices import IdentityKind, InteractionKind
from frontdesk.customers.models import Customer
from frontdesk.customers.selectors import customer_list, customer_timeline
from frontdesk.customers.services import (
    customer_get_or_create,
    customer_merge,
    identity_add,
    interaction_record,
)
from frontdesk.tickets.models import Ticket
from tests import factories

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
