"""The audit trail's page in a real browser: it fits a phone and a laptop, left to right and
right to left, and axe finds nothing serious."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client
from playwright.sync_api import Browser
from pytest_django.live_server_helper import LiveServer

from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("language", ["en", "he"])
def test_the_audit_trail_fits_a_phone_and_a_laptop_and_axe_finds_nothing_serious(
    browser: Browser, live_server: LiveServer, language: str, tmp_path: Path
) -> None:
    kati = Client()
    kati.force_login(factories.agent(username="kati"))
    customer = factories.customer()
    ticket = factories.ticket(customer_=customer)
    kati.get(f"/desk/customers/{customer.pk}/")
    kati.post(f"/desk/tickets/{ticket.pk}/properties/", {"status": "solved"})
    kati.post(f"/desk/tickets/{ticket.pk}/tags/", {"tags_add": "refund, vat"})
    admin = Client()
    admin.force_login(factories.agent(username="root", role="admin", language=language))
    shots = Path(os.environ.get("FRONTDESK_SCREENSHOTS", tmp_path))
    for width in (390, 1366):
        context = browser.new_context(viewport={"width": width, "height": 900})
        context.add_cookies(
            [
                {
                    "name": "sessionid",
                    "value": admin.cookies["sessionid"].value,
                    "url": live_server.url,
                }
            ]
        )
        page = context.new_page()
        page.goto(live_server.url + "/desk/settings/audit/")
        assert page.locator(".audit-list li").count() >= 3
        page.screenshot(path=shots / f"audit-{language}-{width}.png", full_page=True)
        scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert scroll <= inner, f"{language} {width}: {scroll}px"
        serious = [
            violation["id"]
            for violation in Axe().run(page).response["violations"]
            if violation["impact"] in {"serious", "critical"}
        ]
        assert serious == [], f"{language} {width}: {serious}"
        context.close()
