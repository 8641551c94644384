import pytest

from frontdesk.accounts.models import User
from frontdesk.tickets.services import ticket_custom_set
from tests import factories
from tests.conftest import ApiClient

pytestmark = pytest.mark.django_db


def test_a_customers_custom_values_round_trip_through_the_api(api: ApiClient) -> None:
    factories.custom_field(key="renewal", kind="date", target="customer")
    factories.custom_field(key="region", target="customer")
    customer = factories.customer(name="Ildikó Szabó")
    factories.customer(name="Other")
    path = f"/api/v1/customers/{customer.pk}"

    answer = api.patch(path, {"custom": {"renewal": "2027-03-01", "region": "Észak"}})
    assert answer.status_code == 200, answer.json()
    assert answer.json()["custom"] == {"renewal": "2027-03-01", "region": "Észak"}
    assert api.patch(path, {"custom": {"region": None}}).json()["custom"] == {
        "renewal": "2027-03-01"
    }
    found = api.get("/api/v1/customers", cf_renewal__max="2027-12-31").json()
    assert [c["id"] for c in found["items"]] == [customer.pk]


def test_a_bad_customer_value_is_refused_by_name(api: ApiClient) -> None:
    factories.custom_field(key="renewal", kind="date", target="customer", label="Renewal")
    customer = factories.customer()
    answer = api.patch(f"/api/v1/customers/{customer.pk}", {"custom": {"renewal": "soon"}})
    assert answer.status_code == 400
    assert "Renewal" in answer.json()["detail"]
    assert api.patch("/api/v1/customers/999999", {"custom": {}}).status_code == 404


def test_a_lead_defines_changes_and_removes_a_field_through_the_api(agent: User) -> None:
    lead = ApiClient(factories.api_token(factories.agent(role="lead")))
    made = lead.post(
        "/api/v1/custom-fields",
        {"target": "ticket", "key": "plan", "label": "Plan", "kind": "choice", "choices": ["a"]},
    )
    assert made.status_code == 201, made.json()
    field = made.json()
    assert (field["key"], field["choices"], field["active"]) == ("plan", ["a"], True)
    path = f"/api/v1/custom-fields/{field['id']}"

    ticket = factories.ticket()
    ticket_custom_set(ticket=ticket, values={"plan": "a"}, actor=agent)
    refused = lead.patch(path, {"choices": ["b"]})
    assert refused.status_code == 400
    assert "drops 1" in refused.json()["detail"]
    changed = lead.patch(path, {"choices": ["b"], "labels": {"he": "תוכנית"}, "confirm": True})
    assert changed.status_code == 200, changed.json()
    assert (changed.json()["choices"], changed.json()["labels"]) == (["b"], {"he": "תוכנית"})
    ticket.refresh_from_db()
    assert ticket.custom == {}

    assert lead.get("/api/v1/custom-fields", target="customer").json() == []
    assert [f["key"] for f in lead.get("/api/v1/custom-fields").json()] == ["plan"]
    assert lead.client.delete(path).status_code == 204
    assert lead.get(path).status_code == 404


def test_an_agent_reads_fields_but_may_not_change_them(api: ApiClient) -> None:
    seats = factories.custom_field(key="seats", kind="number")
    assert api.get(f"/api/v1/custom-fields/{seats.pk}").json()["kind"] == "number"
    refused = api.patch(f"/api/v1/custom-fields/{seats.pk}", {"label": "Places"})
    assert refused.status_code == 403
    assert api.post("/api/v1/custom-fields", {}).status_code == 403


@pytest.mark.parametrize(
    ("body", "named"),
    [
        ({"key": "Bad Key"}, "key"),
        ({"kind": "choice"}, "choice"),
        ({"labels": {"xx": "?"}}, "xx"),
    ],
)
def test_a_bad_definition_is_refused_with_a_reason(body: dict[str, object], named: str) -> None:
    lead = ApiClient(factories.api_token(factories.agent(role="lead")))
    base = {"target": "customer", "key": "region", "label": "Region", "kind": "text"}
    answer = lead.post("/api/v1/custom-fields", {**base, **body})
    assert answer.status_code == 400
    assert named in answer.json()["detail"]
