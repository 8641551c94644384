"""Bulk actions on the ticket list in a real browser: tick rows with the keyboard, assign them,
and read what was done; the bar fits a phone, left to right and right to left."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

from frontdesk.tickets.models import Ticket
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _session(language: str) -> str:
    agent = factories.agent(username="noa", role="lead", language=language)
    client = Client()
    client.force_login(agent)
    return client.cookies["sessionid"].value


def test_an_agent_ticks_two_tickets_and_assigns_them(
    browser: Browser, live_server: LiveServer
) -> None:
    session = _session("en")
    eli = factories.agent(username="eli", full_name="Eli Cohen")
    first = factories.ticket(subject="Invoice missing")
    second = factories.ticket(subject="Password reset")
    third = factories.ticket(subject="Opening hours")
    context = browser.new_context(viewport={"width": 390, "height": 900})
    context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
    page = context.new_page()
    page.goto(live_server.url + "/desk/tickets/")
    bar = page.get_by_role("form", name="Act on the selected tickets")
    expect(bar).to_be_hidden()
    # With the keyboard: focus a row's box and press space.
    page.get_by_label(f"Select {first.reference}").focus()
    page.keyboard.press("Space")
    page.get_by_label(f"Select {second.reference}").check()
    expect(bar).to_be_visible()
    expect(bar).to_contain_text("2 selected")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.get_by_label("Assign to").select_option(label="Eli Cohen")
    page.get_by_role("button", name="Assign", exact=True).click()
    expect(page.get_by_text("2 tickets assigned to Eli Cohen")).to_be_visible()
    assigned = set(Ticket.objects.filter(assignee=eli).values_list("pk", flat=True))
    assert assigned == {first.pk, second.pk}
    assert Ticket.objects.get(pk=third.pk).assignee is None
    context.close()


@pytest.mark.parametrize("language", ["en", "he"])
def test_the_bulk_bar_fits_a_phone_and_a_laptop_and_axe_finds_nothing_serious(
    browser: Browser, live_server: LiveServer, language: str
) -> None:
    session = _session(language)
    for number in range(3):
        factories.ticket(subject=f"Kako da počnemo? Uvoz izvoda {number}")
    for width in (390, 1366):
        context = browser.new_context(viewport={"width": width, "height": 900})
        context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
        page = context.new_page()
        page.goto(live_server.url + "/desk/tickets/")
        page.locator("[data-bulk-all]").check()
        expect(page.locator("[data-bulk-bar]")).to_be_visible()
        scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        assert scroll <= inner, f"{language} {width}: {scroll}px"
        serious = [
            violation["id"]
            for violation in Axe().run(page).response["violations"]
            if violation["impact"] in {"serious", "critical"}
        ]
        assert serious == [], f"{language} {width}: {serious}"
        context.close()
