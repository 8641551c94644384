"""Two agents on one ticket, in two browsers: each sees the other, and a reply to a thread
that moved on is held until its sender has seen what changed."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

from tests import factories
from tests.browser.conftest import agent_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# A poll runs every few seconds; a machine busy with other tests may take a little longer.
SOON = 15_000


def test_two_agents_see_each_other_and_the_second_reply_waits_for_the_first(
    browser: Browser, live_server: LiveServer
) -> None:
    eli = factories.agent(username="eli")
    mari = factories.agent(username="mari")
    ticket = factories.ticket(customer_=factories.customer(name="Rami Cohen"))
    page_a = agent_page(browser, live_server, eli, path=f"/desk/tickets/{ticket.pk}/")
    page_b = agent_page(browser, live_server, mari, path=f"/desk/tickets/{ticket.pk}/")

    watchers_b = page_b.locator("#ticket-watchers")
    expect(watchers_b).to_contain_text(f"{eli.display_name} is viewing", timeout=SOON)
    expect(page_a.locator("#ticket-watchers")).to_contain_text(
        f"{mari.display_name} is viewing", timeout=SOON
    )

    page_a.locator("#id_body").press_sequentially("We have refunded you")
    expect(watchers_b).to_contain_text(f"{eli.display_name} is typing…", timeout=SOON)

    page_b.locator("#id_body").fill("Mari's answer, written without seeing Eli's.")
    page_a.get_by_role("button", name="Send reply").click()
    expect(page_a.locator(".flash")).to_contain_text("Reply sent to Rami Cohen")

    page_b.get_by_role("button", name="Send reply").click()
    expect(page_b.get_by_role("alert")).to_contain_text("your reply was not sent")
    expect(page_b.locator(".message-new")).to_contain_text("We have refunded you")
    expect(page_b.locator("#id_body")).to_have_value("Mari's answer, written without seeing Eli's.")
    assert not ticket.messages.filter(author_agent=mari).exists()

    page_b.get_by_role("button", name="Send anyway").click()
    expect(page_b.locator(".flash")).to_contain_text("Reply sent to Rami Cohen")
    sent = [m.text for m in ticket.messages.filter(direction="out").order_by("pk")]
    assert sent == ["We have refunded you", "Mari's answer, written without seeing Eli's."]
