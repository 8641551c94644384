"""The admin's privacy actions in a real browser: the customer page's card and the erasure's
confirmation page fit a phone and a laptop, left to right and right to left, axe finds nothing
serious, and the erasure goes through with a click on the page (no script's confirm)."""

from __future__ import annotations

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

from frontdesk.customers.models import Customer
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def _session(language: str) -> str:
    admin = factories.agent(username="ada", role="admin", language=language)
    client = Client()
    client.force_login(admin)
    return client.cookies["sessionid"].value


def _customer() -> Customer:
    customer = factories.customer(name="Ilona Kärkkäinen-Privacy", email="ilona@privacy.example")
    factories.ticket(customer_=customer, subject="Kako da počnemo? Uvoz izvoda")
    return customer


@pytest.mark.parametrize("language", ["en", "he"])
def test_the_privacy_card_and_the_confirmation_page_fit_and_axe_finds_nothing_serious(
    browser: Browser, live_server: LiveServer, language: str
) -> None:
    session = _session(language)
    customer = _customer()
    SHOTS.mkdir(parents=True, exist_ok=True)
    # Each page, and what shows it is the page meant.
    pages = {
        "card": (f"/desk/customers/{customer.pk}/", f'a[href$="/{customer.pk}/erase/"]'),
        "confirm": (f"/desk/customers/{customer.pk}/erase/", "button.danger"),
    }
    for width in (390, 1366):
        context = browser.new_context(viewport={"width": width, "height": 900})
        context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
        page = context.new_page()
        for name, (path, mark) in pages.items():
            page.goto(live_server.url + path)
            expect(page.locator(mark)).to_be_visible()
            scroll, inner = page.evaluate(
                "[document.documentElement.scrollWidth, window.innerWidth]"
            )
            assert scroll <= inner, f"{name} {language} {width}: {scroll}px"
            page.screenshot(path=SHOTS / f"privacy-{name}-{language}-{width}.png", full_page=True)
            serious = [
                violation["id"]
                for violation in Axe().run(page).response["violations"]
                if violation["impact"] in {"serious", "critical"}
            ]
            assert serious == [], f"{name} {language} {width}: {serious}"
        context.close()


def test_an_admin_erases_a_customer_from_their_page(
    browser: Browser, live_server: LiveServer
) -> None:
    session = _session("en")
    customer = _customer()
    context = browser.new_context(viewport={"width": 390, "height": 900})
    context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
    page = context.new_page()
    page.goto(live_server.url + f"/desk/customers/{customer.pk}/")
    page.get_by_role("link", name="Erase this customer's data…").click()
    expect(page.get_by_role("alert")).to_contain_text("1 open ticket")
    page.get_by_role("button", name="Erase for good").click()
    expect(page.get_by_text("The customer's data was erased.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text(f"Erased customer #{customer.pk}")
    context.close()
