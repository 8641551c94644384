"""The admin's privacy actions on the customer page: the export download and the erasure
behind a confirmation page; nobody else reaches them."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from frontdesk.accounts.models import User
from frontdesk.audit.services import audit_list
from frontdesk.customers.models import Customer
from tests import factories
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin(db: None) -> User:
    return factories.agent(role="admin")


@pytest.fixture
def customer() -> Customer:
    customer = factories.customer(name="Ilona Privacy", email="ilona@privacy.example")
    factories.ticket(customer_=customer, subject="Ilona's open question")
    return customer


def test_admins_see_the_privacy_card_and_others_do_not(
    admin: User, lead: User, customer: Customer
) -> None:
    page = reverse("customers:detail", kwargs={"customer_id": customer.pk})
    export = reverse("customers:export", kwargs={"customer_id": customer.pk})
    assert export in signed_in(admin).get(page).content.decode()
    assert export not in signed_in(lead).get(page).content.decode()


def test_only_an_admin_may_export_or_erase(lead: User, customer: Customer) -> None:
    client = signed_in(lead)
    for name in ("customers:export", "customers:erase"):
        assert client.get(reverse(name, kwargs={"customer_id": customer.pk})).status_code == 403
    erase = reverse("customers:erase_do", kwargs={"customer_id": customer.pk})
    assert client.post(erase).status_code == 403
    customer.refresh_from_db()
    assert customer.name == "Ilona Privacy"


def test_the_admin_downloads_the_export_and_it_is_recorded(admin: User, customer: Customer) -> None:
    response = signed_in(admin).get(
        reverse("customers:export", kwargs={"customer_id": customer.pk})
    )
    assert response["Content-Disposition"] == (
        f'attachment; filename="customer-{customer.pk}.json"'
    )
    data = json.loads(response.content)
    assert data["customer"]["name"] == "Ilona Privacy"
    assert data["tickets"][0]["subject"] == "Ilona's open question"
    assert audit_list(action="export").get().actor == admin


def test_the_confirmation_page_warns_of_open_tickets_and_erases_only_on_post(
    admin: User, customer: Customer
) -> None:
    client = signed_in(admin)
    confirm = client.get(reverse("customers:erase", kwargs={"customer_id": customer.pk}))
    text = confirm.content.decode()
    assert "1 open ticket" in text
    assert reverse("customers:erase_do", kwargs={"customer_id": customer.pk}) in text
    customer.refresh_from_db()
    assert customer.erased_at is None
    done = client.post(reverse("customers:erase_do", kwargs={"customer_id": customer.pk}))
    assert done.status_code == 302
    customer.refresh_from_db()
    assert customer.name == f"Erased customer #{customer.pk}"
    assert audit_list(action="erase").get().actor == admin
