import pytest

from frontdesk.accounts.models import User
from frontdesk.core.errors import Forbidden
from frontdesk.customers.field_selectors import (
    FilterInvalid,
    custom_pairs,
    field_definitions,
)
from frontdesk.customers.field_services import (
    ConfirmNeeded,
    FieldInvalid,
    customer_custom_set,
    field_definition_delete,
    field_definition_save,
)
from frontdesk.customers.selectors import customer_list
from frontdesk.tickets.services import ticket_custom_set
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def lead() -> User:
    return factories.agent(role="lead")


def test_a_lead_defines_a_field_and_an_agent_may_not(lead: User, agent: User) -> None:
    made = field_definition_save(
        actor=lead, target="ticket", key="contract", label="Contract", kind="text"
    )
    assert [d.key for d in field_definitions(target="ticket")] == ["contract"]
    with pytest.raises(Forbidden):
        field_definition_save(actor=agent, target="ticket", key="x", label="X", kind="text")
    with pytest.raises(Forbidden):
        field_definition_save(actor=agent, definition=made, label="Y", kind="text")
    with pytest.raises(Forbidden):
        field_definition_delete(actor=agent, definition=made)


@pytest.mark.parametrize(
    ("details", "field"),
    [
        ({"key": "Contract"}, "key"),
        ({"key": "1st"}, "key"),
        ({"key": "a__b"}, "key"),
        ({"key": "with space"}, "key"),
        ({"label": "   "}, "label"),
        ({"kind": "colour"}, "kind"),
        ({"kind": "choice", "choices": ["", "  "]}, "choices"),
        ({"target": "agent"}, "target"),
        ({"labels": {"xx": "Vertrag"}}, "labels"),
    ],
)
def test_a_bad_definition_names_the_field_at_fault(
    lead: User, details: dict[str, object], field: str
) -> None:
    given: dict[str, object] = {"target": "ticket", "key": "contract", "label": "Contract"}
    given["kind"] = "text"
    given.update(details)
    with pytest.raises(FieldInvalid) as raised:
        field_definition_save(actor=lead, **given)  # type: ignore[arg-type]
    assert raised.value.field == field


def test_a_key_is_unique_per_target_and_cannot_change(lead: User) -> None:
    ticket_field = factories.custom_field(key="region")
    factories.custom_field(key="region", target="customer")
    with pytest.raises(FieldInvalid) as raised:
        factories.custom_field(key="region")
    assert raised.value.field == "key"
    with pytest.raises(FieldInvalid):
        field_definition_save(
            actor=lead, definition=ticket_field, key="area", label="Area", kind="text"
        )


def test_changing_the_kind_asks_first_then_converts_and_drops(lead: User, agent: User) -> None:
    seats = factories.custom_field(key="seats")
    converted, dropped, untouched = factories.ticket(), factories.ticket(), factories.ticket()
    ticket_custom_set(ticket=converted, values={"seats": " 12 "}, actor=agent)
    ticket_custom_set(ticket=dropped, values={"seats": "a dozen"}, actor=agent)

    with pytest.raises(ConfirmNeeded) as raised:
        field_definition_save(actor=lead, definition=seats, label="Seats", kind="number")
    assert (raised.value.impact.converted, raised.value.impact.dropped) == (1, 1)
    seats.refresh_from_db()
    assert seats.kind == "text"

    field_definition_save(actor=lead, definition=seats, label="Seats", kind="number", confirm=True)
    for ticket in (converted, dropped, untouched):
        ticket.refresh_from_db()
    assert converted.custom == {"seats": 12}
    assert dropped.custom == {}
    assert untouched.custom == {}


def test_removing_a_choice_in_use_asks_first(lead: User) -> None:
    size = factories.custom_field(
        key="size", kind="choice", target="customer", choices=["small", "large"]
    )
    customer = factories.customer()
    customer_custom_set(customer=customer, values={"size": "large"})
    with pytest.raises(ConfirmNeeded):
        field_definition_save(
            actor=lead, definition=size, label="Size", kind="choice", choices=["small"]
        )
    field_definition_save(
        actor=lead, definition=size, label="Size", kind="choice", choices=["small", "large", "xl"]
    )
    customer.refresh_from_db()
    assert customer.custom == {"size": "large"}


def test_deactivating_hides_a_field_but_keeps_its_values(lead: User) -> None:
    region = factories.custom_field(key="region", target="customer")
    customer = factories.customer()
    customer_custom_set(customer=customer, values={"region": "North"})
    field_definition_save(actor=lead, definition=region, label="Region", kind="text", active=False)
    customer.refresh_from_db()
    assert customer.custom == {"region": "North"}
    assert field_definitions(target="customer") == []
    region.refresh_from_db()
    assert custom_pairs(values=customer.custom, definitions=[region]) == []
    with pytest.raises(FieldInvalid):
        customer_custom_set(customer=customer, values={"region": "South"})


def test_deleting_a_field_takes_its_values_away(lead: User) -> None:
    region = factories.custom_field(key="region", target="customer")
    customer = factories.customer()
    customer_custom_set(customer=customer, values={"region": "North"})
    assert field_definition_delete(actor=lead, definition=region) == 1
    customer.refresh_from_db()
    assert customer.custom == {}


def test_values_are_checked_and_cleared_by_null() -> None:
    factories.custom_field(key="seats", kind="number", target="customer", label="Seats")
    factories.custom_field(key="renewal", kind="date", target="customer")
    customer = factories.customer()
    customer_custom_set(customer=customer, values={"seats": "3", "renewal": "2027-01-31"})
    assert customer.custom == {"seats": 3, "renewal": "2027-01-31"}
    with pytest.raises(FieldInvalid) as raised:
        customer_custom_set(customer=customer, values={"seats": "three"})
    assert raised.value.field == "seats"
    assert "Seats" in str(raised.value)
    with pytest.raises(FieldInvalid) as raised:
        customer_custom_set(customer=customer, values={"colour": "red"})
    assert raised.value.field == "colour"
    customer_custom_set(customer=customer, values={"seats": None})
    customer.refresh_from_db()
    assert customer.custom == {"renewal": "2027-01-31"}


def test_a_required_field_cannot_be_cleared() -> None:
    factories.custom_field(key="account", target="customer", required=True)
    customer = factories.customer()
    customer_custom_set(customer=customer, values={"account": "A-1"})
    with pytest.raises(FieldInvalid):
        customer_custom_set(customer=customer, values={"account": ""})


def _named(**params: str) -> list[str]:
    return [c.name for c in customer_list(custom=params)]


def test_customers_are_filtered_by_each_kind_of_field() -> None:
    factories.custom_field(key="contact", target="customer")
    factories.custom_field(key="seats", kind="number", target="customer")
    factories.custom_field(key="renewal", kind="date", target="customer")
    factories.custom_field(key="plan", kind="choice", target="customer", choices=["basic", "pro"])
    rows: list[tuple[str, dict[str, object]]] = [
        ("Ada", {"contact": "Ildikó KOVÁCS", "seats": 5, "renewal": "2027-01-31", "plan": "pro"}),
        ("Bo", {"contact": "Kovacsne", "seats": 50, "renewal": "2026-06-01", "plan": "basic"}),
        ("Cy", {"seats": 7.5}),
    ]
    for name, values in rows:
        customer_custom_set(customer=factories.customer(name=name), values=values)

    assert _named(cf_contact="kovacs") == ["Ada", "Bo"]
    assert _named(cf_contact="ildiko kovács") == ["Ada"]
    assert _named(cf_seats="5") == ["Ada"]
    assert _named(cf_seats__min="6") == ["Bo", "Cy"]
    assert _named(cf_seats__min="5", cf_seats__max="7,5") == ["Ada", "Cy"]
    assert _named(cf_renewal__max="2026-12-31") == ["Bo"]
    assert _named(cf_renewal__min="2026-12-31") == ["Ada"]
    assert _named(cf_plan="pro") == ["Ada"]
    assert _named(cf_plan="", cf_seats__max="") == ["Ada", "Bo", "Cy"]
    assert _named(cf_unknown="x") == ["Ada", "Bo", "Cy"]


def test_a_filter_value_that_does_not_fit_is_refused_by_name() -> None:
    factories.custom_field(key="seats", kind="number", target="customer")
    with pytest.raises(FilterInvalid) as raised:
        list(customer_list(custom={"cf_seats__min": "many"}, custom_strict=True))
    assert raised.value.name == "cf_seats__min"
    with pytest.raises(FilterInvalid):
        list(customer_list(custom={"cf_colour": "red"}, custom_strict=True))
    assert list(customer_list(custom={"cf_seats__min": "many"})) == []  # a page leaves it out
