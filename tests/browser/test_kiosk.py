"""The kiosk on a shared tablet, in a real browser: visitor A takes a number and takes it along
on their phone; the tablet goes back to the kiosk and visitor B never sees A's number or name;
A's phone page follows their place and says when they are called."""

from __future__ import annotations

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, expect
from pytest_django import Settings
from pytest_django.live_server_helper import LiveServer

from frontdesk.accounts.services import presence_set
from frontdesk.live.models import Visit
from frontdesk.live.services import visit_serve
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_tablet_forgets_visitor_a_and_as_phone_follows_their_place(
    browser: Browser, live_server: LiveServer, settings: Settings
) -> None:
    settings.PUBLIC_URL = live_server.url
    settings.KIOSK_RETURN_SECONDS = 3
    lead = factories.agent(role="lead")
    kati = factories.agent(username="kati")
    factories.desk_open(lead=lead, now=timezone.now())
    presence_set(agent=kati, state="available")
    kiosk = live_server.url + "/visit/"

    tablet = browser.new_page(locale="en-GB")
    tablet.goto(kiosk)
    tablet.get_by_label("Your name (optional)").fill("Anna Kask")
    tablet.get_by_role("button", name="Take a number").click()
    expect(tablet.locator(".ticket-number")).to_have_text("1")
    expect(tablet.locator("main")).to_contain_text("Anna Kask")
    expect(tablet.locator(".qr svg")).to_be_visible()
    expect(tablet.locator(".countdown")).to_be_visible()
    phone_link = tablet.locator(".qr").get_attribute("data-link")
    assert phone_link is not None
    assert phone_link.startswith(live_server.url + "/visit/")

    # The countdown runs out: the tablet is the kiosk again, its form empty.
    expect(tablet).to_have_url(kiosk, timeout=15_000)
    expect(tablet.get_by_label("Your name (optional)")).to_have_value("")
    # Visitor B goes back, forward and reloads: never A's number or name.
    tablet.go_back()
    expect(tablet.locator("main")).not_to_contain_text("Anna Kask")
    expect(tablet.locator(".ticket-number")).to_have_count(0)
    expect(tablet.get_by_label("Your name (optional)")).to_have_value("")
    tablet.go_forward()
    expect(tablet.locator("main")).not_to_contain_text("Anna Kask")
    tablet.reload()
    expect(tablet.locator("main")).not_to_contain_text("Anna Kask")
    expect(tablet.locator(".ticket-number")).to_have_count(0)
    tablet.get_by_role("button", name="Take a number").click()
    expect(tablet.locator(".ticket-number")).to_have_text("2")
    expect(tablet.locator("main")).not_to_contain_text("Anna Kask")

    # A's phone: their number and place, and the news when Kati calls them up.
    phone = browser.new_page(locale="en-GB", viewport={"width": 390, "height": 844})
    phone.goto(phone_link)
    expect(phone.locator(".ticket-number")).to_have_text("1")
    expect(phone.locator(".place")).to_have_text("You are next.")
    visit_serve(visit=Visit.objects.get(number=1), agent=kati)
    expect(phone.locator(".now")).to_contain_text("It is your turn", timeout=20_000)
    expect(phone.locator(".now")).to_contain_text(kati.display_name)
