import pytest
from django.test import Client
from pytest_django import DjangoAssertNumQueries

from frontdesk.customers.models import Customer
from tests import factories

pytestmark = pytest.mark.django_db


def test_search_page_finds_by_phone_and_guards_its_queries(
    agent_client: Client, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    for _ in range(20):
        factories.customer()
    factories.customer(name="Šejla Hodžić", phone="+387 61 234 567")
    # 10: the page, the desk's custom fields, and the break bar on every desk page reading the
    # agent's next break, and access by team (read once every few seconds per process).
    with django_assert_max_num_queries(11):
        response = agent_client.get("/desk/customers/", {"q": "061 234 567"})
    html = response.content.decode()
    assert "Šejla Hodžić" in html
    assert "Customer " not in html


def test_customer_page_edit_and_merge(agent_client: Client) -> None:
    target = factories.customer(name="Kovács Anna")
    source = factories.customer(name="Anna Kovacs")
    factories.ticket(customer_=source, subject="Old question")
    page = agent_client.get(f"/desk/customers/{target.pk}/")
    assert page.status_code == 200
    response = agent_client.post(
        f"/desk/customers/{target.pk}/edit/",
        {
            "name": "Kovács Anna",
            "organisation": "Duna Kft.",
            "preferred_language": "hu",
            "is_key": "on",
            "tags": "vat, payroll",
            "notes": "Calls on Mondays.",
        },
    )
    assert response.status_code == 302
    merge = agent_client.post(f"/desk/customers/{target.pk}/merge/", {"source": source.pk})
    assert merge.status_code == 302
    html = agent_client.get(f"/desk/customers/{target.pk}/").content.decode()
    assert "Old question" in html
    assert "Calls on Mondays." in html
    assert (
        agent_client.get(f"/desk/customers/{source.pk}/")["Location"]
        == f"/desk/customers/{target.pk}/"
    )
    assert Customer.objects.get(pk=target.pk).is_key


def test_merging_an_unknown_number_says_so(agent_client: Client) -> None:
    target = factories.customer()
    response = agent_client.post(f"/desk/customers/{target.pk}/merge/", {"source": 999999})
    assert response.status_code == 400
    assert "no customer with that number" in response.content.decode()
