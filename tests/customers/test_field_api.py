import pytest

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
