"""The reply box's macro picker on a new customer's (level 2) ticket, in a real browser: the
onboarding answers first, labelled as the set, one click to insert."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.db import connection
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

from frontdesk.tickets.models import Ticket
from tests import factories
from tests.browser.conftest import agent_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

onboarding = importlib.import_module("frontdesk.macros.migrations.0005_onboarding_answers")


def _ticket(*, level: int) -> Ticket:
    # A transactional test starts from an empty desk: put back what a new desk ships with.
    with connection.schema_editor() as editor:
        onboarding.add_onboarding_set(apps, editor)
    ticket = factories.ticket(customer_=factories.customer(name="Mari Tamm"), subject="Alustame")
    Ticket.objects.filter(pk=ticket.pk).update(level=level, language="et")
    return ticket


def test_a_new_customers_ticket_offers_the_onboarding_set_first(
    browser: Browser, live_server: LiveServer
) -> None:
    ticket = _ticket(level=2)
    agent = factories.agent(username="eli")
    page = agent_page(browser, live_server, agent, width=390, path=f"/desk/tickets/{ticket.pk}/")

    page.locator("#macro-picker-open").click()

    options = page.get_by_role("listbox", name="Macros").get_by_role("option")
    expect(options.nth(0)).to_contain_text("/first-steps")
    expect(options.nth(0).locator(".macro-set")).to_have_text("Onboarding")
    expect(options.nth(2)).to_contain_text("/invite-colleague")
    expect(options.nth(2)).to_contain_text("Kolleegi kutsumine")
    expect(options.nth(4).locator(".macro-set")).to_have_count(0)
    options.nth(2).click()
    box = page.locator("#id_body")
    expect(box).to_have_value(
        onboarding.ANSWERS["invite-colleague"]["et"][1]
        .replace("{customer.first_name}", "Mari")
        .replace("{agent.name}", agent.display_name)
    )
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1]


def test_another_level_lists_the_macros_as_before(
    browser: Browser, live_server: LiveServer
) -> None:
    ticket = _ticket(level=4)
    page = agent_page(browser, live_server, factories.agent(), path=f"/desk/tickets/{ticket.pk}/")

    page.locator("#macro-picker-open").click()

    options = page.get_by_role("listbox", name="Macros").get_by_role("option")
    expect(options.nth(0)).to_contain_text("/billing-basics")
    expect(page.locator("#macro-picker-list .macro-set")).to_have_count(0)
