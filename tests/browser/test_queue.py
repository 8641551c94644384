"""The queue in a real browser: presence, take next, /hold in the reply box, the morning sweep
and the visitor kiosk."""

from __future__ import annotations

import importlib
import re

import pytest
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

from frontdesk.tickets.models import Ticket
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def shipped_macros() -> None:
    """A transactional test starts with empty tables; put back the holding replies a data
    migration ships."""
    from django.apps import apps

    migration = importlib.import_module("frontdesk.macros.migrations.0002_holding_reply")
    migration.add_holding_replies(apps, None)


HARD = (
    "Since the update the import shows an error message, see attached. We checked the bank "
    "file and the rows, and there are three other problems too?"
)


def test_an_agent_takes_the_next_item_and_holds_a_hard_case(
    browser: Browser, live_server: LiveServer
) -> None:
    agent = factories.agent(username="eli", password="eli-password-1")
    urgent = factories.ticket(subject="Charged twice", body="You charged me twice this month.")
    factories.ticket(subject="Hours", body="What are your opening hours?")
    hard = factories.ticket(
        customer_=factories.customer(name="Mari Maasikas"), subject="Bank import", body=HARD
    )

    page = browser.new_page(locale="en-GB")
    page.goto(live_server.url + "/desk/")
    page.get_by_label("Username").fill("eli")
    page.get_by_label("Password").fill("eli-password-1")
    page.get_by_role("button", name="Log in").click()

    expect(page.get_by_role("heading", name="My queue")).to_be_visible()
    expect(page.locator("table.queue tbody tr").first).to_contain_text(
        "level 1: payment problem: charged twice"
    )
    expect(page.get_by_text("no new work comes to you")).to_be_visible()
    page.get_by_label("Presence").select_option("available")
    expect(page.get_by_text("no new work comes to you")).to_have_count(0)

    page.get_by_role("button", name="Take next").click()
    expect(page.get_by_role("heading", name="Charged twice")).to_be_visible()
    assert Ticket.objects.get(pk=urgent.pk).assignee == agent

    page.goto(live_server.url + f"/desk/tickets/{hard.pk}/")
    page.get_by_label("Reply", exact=True).press_sequentially("/hold ")
    # htmx swaps the box for one with the holding reply in the customer's language.
    expect(page.get_by_label("Reply", exact=True)).to_have_value(
        re.compile(r"^Dear Mari Maasikas,.*unusual case", re.S)
    )

    page.goto(live_server.url + "/desk/queue/sweep/")
    hard_row = page.locator("#sweep-hard li", has_text="Bank import")
    hard_row.get_by_role("button", name="Send holding reply").click()
    expect(page.get_by_text("Holding reply sent to Mari Maasikas.")).to_be_visible()
    expect(page.locator("#sweep-hard li", has_text="Bank import")).to_contain_text("answered")
    assert Ticket.objects.get(pk=hard.pk).first_responded_at is not None


def test_a_visitor_takes_a_number_at_the_kiosk(browser: Browser, live_server: LiveServer) -> None:
    page = browser.new_page(locale="en-GB")
    page.goto(live_server.url + "/visit/")
    page.get_by_label("Your name (optional)").fill("Tiina Tamm")
    page.get_by_role("button", name="Take a number").click()
    expect(page.locator(".ticket-number")).to_have_text("1")
    expect(page.get_by_text("You are next.")).to_be_visible()
