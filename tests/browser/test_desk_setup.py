"""A lead who has never seen the Django admin sets up a desk from scratch, in the app: a team,
business hours and holidays, macros in two languages, a log code, a break rule, and an agent
invited who then logs in."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from playwright.sync_api import Browser, Page, expect
from pytest_django import Settings
from pytest_django.live_server_helper import LiveServer

from frontdesk.accounts.models import Team, User
from frontdesk.journal.models import LogCode
from frontdesk.macros.models import Macro
from frontdesk.schedules.models import BreakRule
from frontdesk.sla.models import BusinessHours
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fits(page: Page) -> None:
    scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll <= inner, f"{page.url}: {scroll}px at {inner}px"


def _section(page: Page, name: str) -> None:
    # Measured once the section's page has loaded: mid-navigation there is no document to measure.
    with page.expect_navigation():
        page.locator(".settings-menu").get_by_role("link", name=name, exact=True).click()
    _fits(page)


def test_a_lead_sets_up_a_desk_from_scratch_in_the_app(
    browser: Browser, live_server: LiveServer, settings: Settings
) -> None:
    settings.PUBLIC_URL = live_server.url
    factories.agent(username="lea", password="lea-password-1", full_name="Lea Kask", role="lead")
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="en-GB")
    page = context.new_page()
    page.goto(live_server.url + "/desk/")
    page.get_by_label("Username").fill("lea")
    page.get_by_label("Password").fill("lea-password-1")
    page.locator("form button[type=submit]").click()
    page.locator(".topbar nav").get_by_role("link", name="Settings").click()
    expect(page.get_by_role("heading", name="Settings", exact=True)).to_be_visible()
    assert page.get_by_role("link", name="Administration").count() == 0

    # An agent invited by e-mail, who sets a password from the mail and logs in.
    _section(page, "Agents")
    page.locator("main").get_by_label("Name", exact=True).fill("Mari Tamm")
    page.locator("main").get_by_label("E-mail address").fill("mari.tamm@desk.example")
    page.locator("main").get_by_label("Language").select_option("et")
    page.locator("main").get_by_role("button", name="Send invitation").click()
    expect(page.locator("main")).to_contain_text("Mari Tamm")
    [invitation] = [m for m in mail.outbox if "mari.tamm@desk.example" in m.to]
    link = re.search(r"https?://\S+/accounts/invite/\S+/\S+/", str(invitation.body))
    assert link is not None

    # A team with its members.
    _section(page, "Teams")
    page.locator("main").get_by_label("Name", exact=True).fill("Billing")
    page.locator("main").get_by_label("Mari Tamm").check()
    page.locator("main").get_by_label("Lea Kask").check()
    page.locator("main").get_by_role("button", name="Add team").click()
    expect(page.locator("main")).to_contain_text("Billing")

    # Business hours and this year's public holidays.
    _section(page, "Business hours and holidays")
    page.locator("main").get_by_label("Time zone").select_option("Europe/Tallinn")
    page.locator("main").get_by_label("Saturday").fill("10:00-14:00")
    page.locator("main").get_by_label("Public holidays of").select_option("EE")
    page.locator("main").get_by_role("button", name="Save business hours").click()
    expect(page.locator(".holidays")).to_contain_text("Christmas")

    # The same macro in two languages, with the preview a customer would read.
    _section(page, "Macros")
    for language, text in (
        ("en", "Dear {customer.first_name}, your refund is on its way."),
        ("et", "Tere {customer.first_name}, raha on teel tagasi."),
    ):
        page.goto(live_server.url + "/desk/settings/macros/add/")
        page.locator("main").get_by_label("Code").fill("refund")
        page.locator("main").get_by_label("Language").select_option(language)
        page.locator("main").get_by_label("Name", exact=True).fill("Refund on its way")
        page.locator("main").get_by_label("Text", exact=True).fill(text)
        # The preview fills the placeholders as a customer would read them.
        expect(page.locator("#macro-preview")).to_contain_text(text.split("}")[1].strip())
        expect(page.locator("#macro-preview")).not_to_contain_text("{customer")
        page.locator("main").get_by_role("button", name="Save").click()
        _fits(page)
    expect(page.locator("main")).to_contain_text("refund")

    # A log code that is a promise, and a break rule.
    _section(page, "Log codes")
    page.locator("main").get_by_label("Code").fill("cb")
    page.locator("main").get_by_label("Stands for").fill("call back")
    page.locator("main").get_by_label("Promise due after (minutes)").fill("120")
    page.locator("main").get_by_role("button", name="Add code").click()
    expect(page.locator("main")).to_contain_text("call back")

    _section(page, "Break rules")
    page.locator("main").get_by_label("Name", exact=True).fill("Short afternoon break")
    page.locator("main").get_by_label("Length (minutes)").fill("10")
    page.locator("main").get_by_label("Earliest start (minutes into the shift)").fill("300")
    page.locator("main").get_by_label("Latest start (minutes into the shift)").fill("420")
    page.locator("main").get_by_label("For shifts of at least (minutes)").fill("480")
    page.locator("main").get_by_role("button", name="Add rule").click()
    expect(page.locator("main")).to_contain_text("Short afternoon break")

    # Every change is on the record, with who made it.
    _section(page, "Changes")
    expect(page.locator(".change-list")).to_contain_text("Lea Kask")
    expect(page.locator(".change-list")).to_contain_text("Short afternoon break")
    context.close()

    invited = browser.new_context(locale="et-EE")
    agent_page = invited.new_page()
    agent_page.goto(link.group(0))
    agent_page.locator("input[type=password]").first.fill("mari-uus-parool-7")
    agent_page.locator("input[type=password]").last.fill("mari-uus-parool-7")
    agent_page.locator("main form button[type=submit]").click()
    agent_page.locator("#id_username").fill("mari.tamm@desk.example")
    agent_page.locator("#id_password").fill("mari-uus-parool-7")
    agent_page.locator("main form button[type=submit]").click()
    expect(agent_page.locator("#take-next")).to_be_visible()
    expect(agent_page.locator("html")).to_have_attribute("lang", "et")
    invited.close()

    mari = User.objects.get(email="mari.tamm@desk.example")
    assert (mari.role, mari.language) == ("agent", "et")
    assert set(Team.objects.get(name="Billing").members.all()) == {
        mari,
        User.objects.get(username="lea"),
    }
    hours = BusinessHours.objects.get(team=None)
    assert (hours.time_zone, hours.holiday_country) == ("Europe/Tallinn", "EE")
    assert hours.windows["5"] == [["10:00", "14:00"]]
    assert set(Macro.objects.filter(code="refund").values_list("language", flat=True)) == {
        "en",
        "et",
    }
    assert LogCode.objects.get(word="cb").follow_up_minutes == 120
    assert BreakRule.objects.filter(name="Short afternoon break", length_minutes=10).exists()
