import pytest

from frontdesk.customers.choices import IdentityKind
from frontdesk.customers.selectors import customer_list
from frontdesk.customers.services import identity_add
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def people() -> dict[str, object]:
    rami = factories.customer(name="Rami Cohen", email="rami@example.co.il")
    identity_add(customer=rami, kind=IdentityKind.PHONE, raw="+972 52 555 0101")
    anna = factories.customer(name="Kovács Anna", email="anna@example.hu", organisation="Duna Kft.")
    return {"rami": rami, "anna": anna}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("rami", ["Rami Cohen"]),
        ("KOVÁCS", ["Kovács Anna"]),
        ("example.hu", ["Kovács Anna"]),
        ("duna", ["Kovács Anna"]),
        ("052 555 0101", ["Rami Cohen"]),
        ("5550101", ["Rami Cohen"]),
        ("nobody", []),
    ],
)
def test_search_by_name_organisation_email_or_phone(
    people: dict[str, object], query: str, expected: list[str]
) -> None:
    assert [c.name for c in customer_list(query=query)] == expected
