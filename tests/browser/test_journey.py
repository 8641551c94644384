"""The main journey in a real browser: a customer writes, an agent answers, the customer reads."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from playwright.sync_api import Browser, expect
from pytest_django import Settings
from pytest_django.live_server_helper import LiveServer

from frontdesk.tickets.models import Ticket
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_customer_writes_agent_replies_customer_reads_the_reply_in_the_portal(
    browser: Browser,
    live_server: LiveServer,
    settings: Settings,
) -> None:
    settings.PUBLIC_URL = live_server.url
    factories.agent(username="kati", password="kati-password-1")

    customer_page = browser.new_page(locale="en-GB")
    customer_page.goto(live_server.url + "/")
    customer_page.get_by_label("Your name").fill("Mari Tamm")
    customer_page.get_by_label("Your e-mail address").fill("mari@posti.example")
    customer_page.get_by_label("Subject").fill("Invoice for October is missing")
    customer_page.get_by_label("Message").fill(
        "Hello, I cannot find my October invoice. Could you send it?"
    )
    customer_page.get_by_role("button", name="Send request").click()
    expect(
        customer_page.get_by_role("heading", name="Thank you, we have your request.")
    ).to_be_visible()
    reference = customer_page.get_by_test_id("reference").inner_text()
    assert re.fullmatch(r"FD-[2-9A-Z]{6}", reference)

    ticket = Ticket.objects.get(reference=reference)
    [acknowledgement] = mail.outbox
    portal_link = re.search(r"https?://\S+/portal/enter/\S+/", str(acknowledgement.body))
    assert portal_link is not None

    agent_page = browser.new_page(locale="en-GB")
    agent_page.goto(live_server.url + "/desk/")
    agent_page.get_by_label("Username").fill("kati")
    agent_page.get_by_label("Password").fill("kati-password-1")
    agent_page.get_by_role("button", name="Log in").click()
    agent_page.get_by_role("link", name="Invoice for October is missing").click()
    expect(agent_page.get_by_text("I cannot find my October invoice")).to_be_visible()
    expect(agent_page.locator(".customer-memory")).to_contain_text("mari@posti.example")
    agent_page.get_by_label("Reply", exact=True).fill(
        "Dear Mari, the invoice is attached to your account now."
    )
    agent_page.get_by_role("button", name="Send reply").click()
    expect(agent_page.get_by_text("Reply sent to Mari Tamm.")).to_be_visible()

    customer_page.goto(portal_link.group(0))
    expect(customer_page.get_by_role("heading", name="My requests")).to_be_visible()
    customer_page.get_by_role("link", name=reference).click()
    expect(customer_page.get_by_text("the invoice is attached to your account now")).to_be_visible()
    ticket.refresh_from_db()
    assert ticket.first_responded_at is not None
    assert ticket.status == "waiting"


def test_the_request_form_in_hebrew_is_right_to_left(
    browser: Browser, live_server: LiveServer
) -> None:
    page = browser.new_page(locale="he-IL")
    page.goto(live_server.url + "/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "he")
    # The form lays out from the right: the submit button starts at the right edge of the form.
    form_box = page.locator("form.card").bounding_box()
    button_box = page.locator("form.card button[type=submit]").bounding_box()
    assert form_box is not None
    assert button_box is not None
    assert button_box["x"] + button_box["width"] > form_box["x"] + form_box["width"] * 0.6
