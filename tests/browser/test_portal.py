"""The customer's requests on a phone, in a real browser."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser
from pytest_django import Settings
from pytest_django.live_server_helper import LiveServer

from frontdesk.customers.services import portal_link_build
from frontdesk.tickets.services import ticket_reply
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["en", "he"])
def test_the_list_of_requests_fits_a_phone_screen(
    browser: Browser,
    live_server: LiveServer,
    settings: Settings,
    language: str,
) -> None:
    settings.PUBLIC_URL = live_server.url
    agent = factories.agent()
    customer = factories.customer(name="Rami Cohen", language=language)
    waiting = factories.ticket(customer_=customer, subject="The printer jams every morning")
    ticket_reply(ticket=waiting, agent=agent, text="Which model is it?")
    factories.ticket(customer_=customer, subject="Invoice for October")

    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(portal_link_build(customer=customer))

    assert page.locator("table.requests tbody tr").count() == 2
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.close()
