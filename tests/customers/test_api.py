import pytest
from pytest_django import DjangoAssertNumQueries

from frontdesk.customers.choices import InteractionKind
from frontdesk.customers.services import interaction_record
from tests import factories
from tests.conftest import ApiClient

pytestmark = pytest.mark.django_db


def test_customers_are_listed_and_searchable(
    api: ApiClient, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    for number in range(5):
        factories.customer(name=f"Person {number}")
    factories.customer(name="Kovács Anna", email="anna@example.hu")
    # 8: the list, and the desk's time zone and access by team, read once every few seconds
    # per process.
    with django_assert_max_num_queries(8):
        everyone = api.get("/api/v1/customers").json()
    assert everyone["count"] == 6
    found = api.get("/api/v1/customers", q="kovacs").json()
    assert [c["name"] for c in found["items"]] == ["Kovács Anna"]
    assert found["items"][0]["identities"] == [
        {"kind": "email", "value": "anna@example.hu", "is_primary": True}
    ]


def test_a_customer_and_their_timeline(api: ApiClient) -> None:
    customer = factories.customer()
    ticket = factories.ticket(customer_=customer)
    interaction_record(
        customer=customer, kind=InteractionKind.VISIT, summary="Came to the desk about VAT"
    )
    detail = api.get(f"/api/v1/customers/{customer.pk}").json()
    assert detail["id"] == customer.pk
    timeline = api.get(f"/api/v1/customers/{customer.pk}/timeline").json()
    assert timeline["count"] == 2
    assert {entry["kind"] for entry in timeline["items"]} == {"visit", "web"}
    assert ticket.pk in [entry["ticket_id"] for entry in timeline["items"]]


def test_unknown_customer_answers_404(api: ApiClient) -> None:
    response = api.get("/api/v1/customers/424242/timeline")
    assert response.status_code == 404
    assert response.json() == {"detail": "Customer not found."}
