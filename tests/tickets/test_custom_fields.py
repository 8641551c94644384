import pytest
from django.test import Client
from django.utils import translation

from frontdesk.accounts.models import User
from frontdesk.customers.field_services import FieldInvalid
from frontdesk.tickets.models import Message
from frontdesk.tickets.selectors import TicketFilter, ticket_list
from frontdesk.tickets.services import ticket_custom_set
from frontdesk.tickets.templatetags.thread import system_text
from tests import factories
from tests.conftest import ApiClient

pytestmark = pytest.mark.django_db


def test_a_change_of_values_is_recorded_on_the_thread(agent: User) -> None:
    factories.custom_field(key="order", label="Order")
    factories.custom_field(key="seats", kind="number", label="Seats")
    ticket = factories.ticket()
    ticket_custom_set(ticket=ticket, values={"seats": "4", "order": "A-17"}, actor=agent)
    ticket_custom_set(ticket=ticket, values={"seats": "4"}, actor=agent)  # no change, no note
    ticket_custom_set(ticket=ticket, values={"seats": None}, actor=agent)

    ticket.refresh_from_db()
    assert ticket.custom == {"order": "A-17"}
    notes = list(Message.objects.filter(ticket=ticket, event__code="custom").order_by("id"))
    assert [n.text for n in notes] == ["Order: — → A-17; Seats: — → 4", "Seats: 4 → —"]
    assert notes[0].author_agent == agent
    with translation.override("hu"):
        assert "→" in system_text(notes[1])


def test_a_bad_value_changes_nothing(agent: User) -> None:
    factories.custom_field(key="seats", kind="number")
    ticket = factories.ticket()
    with pytest.raises(FieldInvalid):
        ticket_custom_set(ticket=ticket, values={"seats": "lots"}, actor=agent)
    ticket.refresh_from_db()
    assert ticket.custom == {}
    assert not Message.objects.filter(ticket=ticket, event__code="custom").exists()


def test_tickets_are_filtered_by_custom_fields(agent: User) -> None:
    factories.custom_field(key="order")
    factories.custom_field(key="due", kind="date")
    first, second = factories.ticket(subject="First"), factories.ticket(subject="Second")
    ticket_custom_set(ticket=first, values={"order": "ÁB-17", "due": "2026-12-01"}, actor=agent)
    ticket_custom_set(ticket=second, values={"order": "xy-9", "due": "2026-12-24"}, actor=agent)

    def subjects(**custom: str) -> list[str]:
        found = ticket_list(actor=agent, filters=TicketFilter(custom=tuple(custom.items())))
        return sorted(t.subject for t in found)

    assert subjects(cf_order="ab-1") == ["First"]
    assert subjects(cf_due__min="2026-12-02") == ["Second"]
    assert subjects(cf_due="2026-12-01") == ["First"]
    assert subjects(cf_due__max="2026-12-31") == ["First", "Second"]


def test_the_api_carries_reads_and_filters_custom_values(api: ApiClient) -> None:
    factories.custom_field(key="seats", kind="number")
    factories.custom_field(key="plan", kind="choice", choices=["basic", "pro"])
    ticket = factories.ticket()
    factories.ticket()
    path = f"/api/v1/tickets/{ticket.pk}"

    answer = api.patch(path, {"custom": {"seats": 12, "plan": "pro"}})
    assert answer.status_code == 200, answer.json()
    assert answer.json()["custom"] == {"seats": 12, "plan": "pro"}
    answer = api.patch(path, {"custom": {"plan": None}, "tags": ["vip"]})
    assert answer.json()["custom"] == {"seats": 12}
    assert api.get(path).json()["custom"] == {"seats": 12}

    found = api.get("/api/v1/tickets", status="", cf_seats__min=10).json()
    assert [t["id"] for t in found["items"]] == [ticket.pk]
    assert api.get("/api/v1/tickets", status="", cf_seats=11).json()["count"] == 0


@pytest.mark.parametrize(
    ("custom", "named"),
    [({"seats": "many"}, "Seats"), ({"plan": "gold"}, "Plan"), ({"colour": "red"}, "colour")],
)
def test_the_api_refuses_a_bad_value_naming_the_field_and_changes_nothing(
    api: ApiClient, custom: dict[str, object], named: str
) -> None:
    factories.custom_field(key="seats", kind="number", label="Seats")
    factories.custom_field(key="plan", kind="choice", choices=["basic"], label="Plan")
    ticket = factories.ticket()
    answer = api.patch(f"/api/v1/tickets/{ticket.pk}", {"custom": custom, "tags": ["vip"]})
    assert answer.status_code == 400
    assert named in answer.json()["detail"]
    ticket.refresh_from_db()
    assert (ticket.custom, ticket.tags) == ({}, [])


@pytest.mark.parametrize("value", [True, [1], {"a": 1}])
def test_the_api_takes_only_text_numbers_or_null_as_values(api: ApiClient, value: object) -> None:
    factories.custom_field(key="seats", kind="number")
    ticket = factories.ticket()
    answer = api.patch(f"/api/v1/tickets/{ticket.pk}", {"custom": {"seats": value}})
    assert answer.status_code == 422


@pytest.mark.parametrize("params", [{"cf_colour": "red"}, {"cf_seats__min": "lots"}])
def test_a_list_filter_that_fits_no_field_is_refused(
    api: ApiClient, params: dict[str, str]
) -> None:
    factories.custom_field(key="seats", kind="number")
    answer = api.get("/api/v1/tickets", **params)
    assert answer.status_code == 400
    assert answer.json()["detail"]


def test_the_openapi_document_describes_custom_values_and_lists_the_keys() -> None:
    factories.custom_field(key="seats", kind="number")
    factories.custom_field(key="region", target="customer")
    document = Client().get("/api/v1/openapi.json").json()
    schemas = document["components"]["schemas"]
    ticket_custom = schemas["TicketOut"]["properties"]["custom"]
    assert "`seats` (number)" in ticket_custom["description"]
    assert "region" not in ticket_custom["description"]
    assert {o["type"] for o in ticket_custom["additionalProperties"]["anyOf"]} == {
        "string",
        "number",
        "null",
    }
    assert "`region` (text)" in schemas["CustomerOut"]["properties"]["custom"]["description"]
    update = schemas["TicketUpdateIn"]["properties"]["custom"]
    assert "null clears one" in update["description"]
    assert "400" in document["paths"]["/api/v1/tickets"]["get"]["responses"]
