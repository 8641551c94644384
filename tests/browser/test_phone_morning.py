"""An agent works a morning from a phone: every step at 390 px, and no page wider than that."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from playwright.sync_api import Browser, Page, expect
from pytest_django import Settings
from pytest_django.live_server_helper import LiveServer

from frontdesk.core.clock import desk_today
from frontdesk.journal.services import notice_post
from frontdesk.tickets.models import Ticket
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fits(page: Page) -> None:
    scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll <= inner, f"{page.url}: {scroll}px at {inner}px"


@pytest.mark.parametrize("language", ["en", "he"])
def test_an_agent_works_a_morning_from_a_phone(
    browser: Browser, live_server: LiveServer, settings: Settings, language: str
) -> None:
    settings.PUBLIC_URL = live_server.url
    factories.agent(
        username="mari", password="mari-password-1", full_name="Mari Tamm", language=language
    )
    lead = factories.agent(role="lead")
    customer = factories.customer(name="Ildikó Szabó", email="ildiko.szabo@example.hu")
    urgent = factories.ticket(
        customer_=customer,
        subject="Charged twice for November",
        body="You charged my card twice for November! Please refund one of them today.",
    )
    factories.ticket(subject="Saturday hours", body="Are you open on Saturday?")
    notice_post(
        author=lead,
        title="Card payments: double charges since 07:00",
        body="The bank confirmed the fault; refunds go out automatically by Friday.",
        review_by=desk_today() + timedelta(days=7),
        important=True,
    )
    assert urgent.level == 1

    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, locale="en-GB"
    )
    page = context.new_page()
    page.goto(live_server.url + "/desk/")
    page.locator("#id_username").fill("mari")
    page.locator("#id_password").fill("mari-password-1")
    page.locator("form button[type=submit]").click()
    expect(page.locator("#take-next")).to_be_visible()
    _fits(page)

    # On shift: available, and the important notice read first.
    page.locator("#presence").select_option("available")
    expect(page.locator("#presence")).to_have_value("available")
    page.get_by_role("link", name="Card payments: double charges since 07:00").click()
    expect(page.get_by_text("refunds go out automatically by Friday")).to_be_visible()
    _fits(page)
    page.go_back()

    # The level-1 double charge comes first.
    page.locator("#take-next").click()
    expect(page.get_by_text("You charged my card twice for November")).to_be_visible()
    assert page.url.endswith(f"/desk/tickets/{urgent.pk}/")
    _fits(page)

    page.locator("#id_tags_add").fill("double-charge")
    page.locator("#ticket-tags button[type=submit]").last.tap()
    expect(page.locator("#ticket-tags .tag")).to_contain_text("double-charge")

    page.locator("#id_body").fill(
        "Dear Ildikó, the second charge is refunded today; you will see it by Friday."
    )
    page.locator("#id_body").evaluate("field => field.form.requestSubmit()")
    expect(page.locator(".flash")).to_contain_text("Ildikó Szabó")
    _fits(page)

    # A call comes in at the desk: logged in one line from the log bar.
    page.locator("#log-line").fill("Ildikó Szabó. Mari Tamm. refund confirmed by phone. 9:30.")
    page.locator("#log-line").press("Enter")
    expect(page.locator("#log-result .log-saved")).to_contain_text("refund confirmed by phone")
    _fits(page)

    # A short break, told to the customers, and back.
    page.locator("details.step-away summary").tap()
    page.locator("details.step-away input[name=minutes]").fill("10")
    page.locator("details.step-away button[type=submit]").tap()
    expect(page.locator("#break-bar .notice")).to_be_visible()
    _fits(page)
    page.locator("#break-bar form[action$='/back/'] button").tap()
    expect(page.locator("details.step-away")).to_be_visible()

    context.close()
    urgent.refresh_from_db()
    assert urgent.tags == ["double-charge"]
    assert urgent.first_responded_at is not None
    assert any("ildiko.szabo@example.hu" in message.to for message in mail.outbox)
    assert Ticket.objects.filter(customer=customer).count() >= 1
    assert customer.interactions.filter(summary__icontains="refund confirmed").exists()
