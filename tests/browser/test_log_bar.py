"""Logging a corridor conversation from the log bar, in a real browser."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

from frontdesk.customers.models import Interaction
from frontdesk.journal.models import ColleagueNote
from tests import factories
from tests.browser.conftest import agent_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_line_typed_in_the_log_bar_lands_on_the_timeline(
    browser: Browser, live_server: LiveServer
) -> None:
    factories.agent(username="eli", password="eli-password-1")
    rami = factories.customer(name="Rami Cohen")
    factories.customer(name="Anna Kovač")
    factories.customer(name="Anna Tamm")

    page = browser.new_page(locale="en-GB")
    page.goto(live_server.url + "/desk/")
    page.get_by_label("Username").fill("eli")
    page.get_by_label("Password").fill("eli-password-1")
    page.get_by_role("button", name="Log in").click()

    bar = page.get_by_label("Log a contact")
    bar.fill("Rami Cohen. viruses on the laptop. 9:30.")
    bar.press("Enter")
    expect(page.locator(".log-saved")).to_contain_text("Rami Cohen")
    # Saved: the bar is empty again, so a second Enter logs nothing twice.
    expect(bar).to_have_value("")
    expect(bar).to_be_focused()
    bar.press("Enter")
    expect(page.locator(".log-saved")).to_contain_text("Rami Cohen")
    assert Interaction.objects.get(customer=rami, kind="note").summary == "viruses on the laptop"

    bar.fill("Anna. printer.")
    bar.press("Enter")
    expect(page.locator(".log-choice")).to_contain_text("Anna Tamm")
    page.get_by_label("Anna Tamm").check()
    page.get_by_role("button", name="Log it").click()
    expect(page.locator(".log-saved")).to_contain_text("Anna Tamm")
    expect(bar).to_have_value("")
    page.get_by_role("link", name="See the timeline").click()
    expect(page.get_by_text("printer")).to_be_visible()


def test_namesakes_are_chosen_by_their_details(browser: Browser, live_server: LiveServer) -> None:
    factories.agent(username="eli", password="eli-password-1")
    factories.customer(name="Helen Lepik", email="helen@lepik.ee", organisation="Lepik OÜ")
    tartu = factories.customer(name="Helen Lepik", email="h.lepik@tartu.ee")

    page = browser.new_page(locale="en-GB")
    page.goto(live_server.url + "/desk/")
    page.get_by_label("Username").fill("eli")
    page.get_by_label("Password").fill("eli-password-1")
    page.get_by_role("button", name="Log in").click()

    bar = page.get_by_label("Log a contact")
    bar.fill("Helen Lepik. Peeter Sepp. new card. 9:30.")
    bar.press("Enter")
    expect(page.locator(".log-warnings")).to_contain_text("no agent called “Peeter Sepp”")
    bar.fill("Helen Lepik. new card. 9:30.")
    bar.press("Enter")
    expect(page.locator(".log-warnings")).not_to_contain_text("Peeter Sepp")
    page.get_by_label("h.lepik@tartu.ee").check()
    page.get_by_role("button", name="Log it").click()
    expect(page.locator(".log-saved")).to_contain_text("Helen Lepik")
    assert Interaction.objects.get(kind="note").customer == tartu


def test_a_call_for_an_absent_colleague_waits_in_their_queue_until_done(
    browser: Browser, live_server: LiveServer
) -> None:
    kati_tamm = factories.agent(username="kati", full_name="Kati Tamm")
    eli_levi = factories.agent(username="eli", full_name="Eli Levi")
    factories.customer(name="Rami Cohen")

    kati = agent_page(browser, live_server, kati_tamm, path="/desk/")
    bar = kati.get_by_label("Log a contact")
    bar.fill("Rami Cohen. Eli Levi. viruses on the laptop, call him back.")
    bar.press("Enter")
    expect(kati.locator(".log-told")).to_contain_text(
        "Eli Levi finds it in their queue, and the follow-up is theirs, due"
    )
    expect(bar).to_have_value("")

    # Eli comes back from his break, in a browser of his own.
    eli = agent_page(browser, live_server, eli_levi, path="/desk/")
    note = eli.locator(".colleague-note")
    expect(note).to_contain_text("Kati Tamm logged this for you")
    expect(note).to_contain_text("Rami Cohen. Eli Levi. viruses on the laptop, call him back.")
    expect(note.get_by_role("link", name="Rami Cohen")).to_be_visible()
    note.get_by_role("link", name="Your follow-up").click()
    expect(eli.get_by_text("viruses on the laptop, call him back").first).to_be_visible()
    eli.go_back()
    eli.locator(".colleague-note").get_by_role("button", name="Mark done").click()
    expect(eli.locator(".colleague-note")).to_have_count(0)
    eli.get_by_role("link", name="Notes from colleagues").click()
    expect(eli.locator(".colleague-note.done")).to_contain_text("Rami Cohen")
    assert ColleagueNote.objects.get().done_at is not None
