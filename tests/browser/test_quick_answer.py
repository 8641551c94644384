"""A question a macro answers, in a real browser: the ticket says it was answered before, and
the reply box's picker offers that macro first, in the customer's language, on a phone and a
laptop, left to right and right to left."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

from frontdesk.macros.services import macro_save
from tests import factories
from tests.browser.conftest import agent_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEBREW_DELIVERY = "שלום {customer.name}, אנחנו שולחים מדפסות קבלות לכל כתובת באסטוניה."


@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize("language", ["en", "he"])
def test_the_ticket_says_answered_before_and_the_picker_offers_that_macro_first(
    browser: Browser, live_server: LiveServer, language: str, width: int
) -> None:
    macro_save(
        code="delivery",
        language="en",
        name="Delivery area",
        text="Hello {customer.name}, we deliver receipt printers anywhere in Estonia.",
        questions=["Do you deliver to Narva?"],
    )
    macro_save(code="delivery", language="he", name="אזור משלוחים", text=HEBREW_DELIVERY)
    ticket = factories.ticket(
        customer_=factories.customer(name="Yael Levi"),
        subject="משלוח לחיפה",
        body="שלום, האם אתם שולחים מדפסת קבלות גם לחיפה?",
    )
    assert ticket.language == "he"
    agent = factories.agent(username="eli", language=language)
    page = agent_page(browser, live_server, agent, width=width, path=f"/desk/tickets/{ticket.pk}/")

    said = {"en": "answered before: /delivery", "he": "נענה בעבר: \u2066/delivery\u2069"}[language]
    expect(page.get_by_text(said)).to_be_visible()
    page.locator("#macro-picker-open").click()
    first = page.get_by_role("listbox").get_by_role("option").first
    expect(first).to_contain_text("/delivery")
    expect(first).to_contain_text({"en": "suggested", "he": "מוצע"}[language])
    expect(first).to_have_attribute("aria-selected", "true")
    expect(page.locator(".macro-preview-text")).to_contain_text("אנחנו שולחים מדפסות קבלות")
    scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll <= inner, f"{language} {width}: {scroll}px"
    serious = [
        violation["id"]
        for violation in Axe().run(page).response["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]
    assert serious == [], f"{language} {width}: {serious}"
    shots = os.environ.get("FRONTDESK_SHOTS")
    if shots:
        Path(shots).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{shots}/quick-answer-{language}-{width}.png", full_page=True)
    first.click()
    expect(page.locator("#id_body")).to_have_value(
        "שלום Yael Levi, אנחנו שולחים מדפסות קבלות לכל כתובת באסטוניה."
    )
    page.context.close()
