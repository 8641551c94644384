"""Breaks that customers are told about, in a real browser: the status page shows the next
break, the visitor's screen shows the warning once the queue is warned, and a lead's step-away
shows the apology; the playbook opens in the agent's language."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, expect
from pytest_django import Settings
from pytest_django.live_server_helper import LiveServer

from frontdesk.schedules.models import Playbook
from frontdesk.schedules.services import break_add, breaks_warn_due
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def shipped_playbooks() -> None:
    """A transactional test starts with empty tables; put back what the data migrations ship."""
    factories.playbooks_shipped()


def test_visitors_and_the_status_page_hear_of_breaks(
    browser: Browser, live_server: LiveServer, settings: Settings
) -> None:
    settings.BREAK_WARNING_MINUTES = 15
    settings.PUBLIC_URL = live_server.url
    now = timezone.now().astimezone(UTC)
    lead = factories.agent(role="lead")
    eli = factories.agent(username="eli", password="eli-password-1", language="he")
    anna = factories.agent()
    for agent in (eli, anna):
        factories.shift_around(lead=lead, agent=agent, now=now)
    zone = factories.desk_open(lead=lead, now=now)
    start = (now + timedelta(minutes=14)).replace(second=0, microsecond=0)
    break_add(actor=lead, agent=eli, start=start, minutes=15)
    at = start.astimezone(zone).strftime("%H:%M")

    page = browser.new_page(locale="en-GB")
    page.goto(live_server.url + "/status/")
    expect(page.locator(".desk-status")).to_contain_text(f"Next planned break: {at}")

    visitor = browser.new_page(locale="en-GB")
    visitor.goto(live_server.url + "/visit/")
    visitor.get_by_role("button", name="Take a number").click()
    expect(visitor.locator(".ticket-number")).to_be_visible()
    # The visitor follows their number on their phone.
    visitor.goto(visitor.locator(".qr").get_attribute("data-link") or "")
    expect(visitor.locator(".ticket-number")).to_be_visible()
    expect(visitor.locator(".desk-status")).not_to_contain_text("A break starts at")
    breaks_warn_due(now=timezone.now())  # the worker's job, a minute later
    visitor.reload()
    expect(visitor.locator(".desk-status .warning")).to_contain_text(f"A break starts at {at}")

    # Eli, whose break comes with a visitor waiting, opens the playbook in one click, in Hebrew.
    desk = browser.new_page(locale="he-IL")
    desk.goto(live_server.url + "/desk/")
    desk.locator("#id_username").fill("eli")
    desk.locator("#id_password").fill("eli-password-1")
    desk.locator("button[type=submit]").click()
    desk.locator("a[href='/desk/schedule/playbooks/people-waiting/']").click()
    hebrew = Playbook.objects.get(moment="people-waiting", language="he")
    expect(desk.locator("h1")).to_have_text(hebrew.title)
    expect(desk.locator("article.playbook")).to_have_attribute("dir", "rtl")

    # Anna steps away for a delivery: the status page apologises and says when service resumes.
    anna_page = browser.new_page(locale="en-GB")
    anna.set_password("anna-password-1")
    anna.save(update_fields=["password"])
    anna_page.goto(live_server.url + "/desk/")
    anna_page.get_by_label("Username").fill(anna.username)
    anna_page.get_by_label("Password").fill("anna-password-1")
    anna_page.get_by_role("button", name="Log in").click()
    anna_page.locator("details.step-away summary").click()
    anna_page.locator("details.step-away select[name=reason]").select_option("delivery")
    anna_page.locator("details.step-away input[name=minutes]").fill("10")
    anna_page.get_by_role("button", name="Step away now").click()
    expect(anna_page.get_by_role("button", name="I am back")).to_be_visible()
    page.reload()
    expect(page.locator(".desk-status .apology")).to_contain_text(
        "we have had to step away to receive a delivery"
    )
