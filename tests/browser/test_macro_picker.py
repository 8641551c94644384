"""The reply box's macro picker in a real browser: "/" and the keyboard, and the button."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from frontdesk.macros.services import macro_save
from frontdesk.tickets.models import Ticket
from tests import factories
from tests.browser.conftest import agent_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _ticket_page(browser: Browser, live_server: LiveServer, *, language: str = "en") -> Page:
    """An agent on a Hungarian customer's ticket, with refund macros in three languages."""
    macro_save(code="refund", language="en", name="Refund", text="Refunded, {customer.name}.")
    macro_save(
        code="visszateres",
        language="hu",
        name="Visszatérítés (refund)",
        text="Kedves {customer.first_name}, visszatérítettük.",
    )
    agent = factories.agent(username="eli", language=language)
    ticket = factories.ticket(customer_=factories.customer(name="Szabó Ildikó"), subject="Pénz")
    Ticket.objects.filter(pk=ticket.pk).update(language="hu")
    return agent_page(browser, live_server, agent, width=390, path=f"/desk/tickets/{ticket.pk}/")


def test_a_slash_opens_the_picker_and_enter_inserts_at_the_caret(
    browser: Browser, live_server: LiveServer
) -> None:
    page = _ticket_page(browser, live_server)
    box = page.locator("#id_body")
    box.fill("Hello,\n\nBest, Eli")
    box.evaluate("box => box.setSelectionRange(7, 7)")  # the empty line
    box.press_sequentially("/visszat")
    listbox = page.get_by_role("listbox", name="Macros")
    expect(listbox).to_be_visible()
    first = listbox.get_by_role("option").first
    expect(first).to_contain_text("/visszateres")
    expect(first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", first.get_attribute("id") or "")
    expect(page.locator(".macro-preview-text")).to_have_text("Kedves Szabó, visszatérítettük.")
    box.press("Enter")
    expect(listbox).to_be_hidden()
    expect(box).to_have_value("Hello,\nKedves Szabó, visszatérítettük.\nBest, Eli")
    expect(box).to_be_focused()


def test_arrows_choose_another_language_and_escape_closes(
    browser: Browser, live_server: LiveServer
) -> None:
    page = _ticket_page(browser, live_server)
    box = page.locator("#id_body")
    box.press_sequentially("/refu")
    options = page.get_by_role("listbox", name="Macros").get_by_role("option")
    expect(options).to_have_count(2)
    # The customer writes Hungarian: the Hungarian macro first, the English one marked.
    expect(options.nth(0)).to_contain_text("/visszateres")
    expect(options.nth(1)).to_contain_text("English")
    box.press("ArrowDown")
    expect(options.nth(1)).to_have_attribute("aria-selected", "true")
    expect(page.locator(".macro-preview-text")).to_have_text("Refunded, Szabó Ildikó.")
    box.press("ArrowDown")
    expect(options.nth(0)).to_have_attribute("aria-selected", "true")
    box.press("Escape")
    expect(page.get_by_role("listbox", name="Macros")).to_be_hidden()
    expect(box).to_have_value("/refu")
    box.press_sequentially("nd")
    expect(options.nth(0)).to_have_attribute("aria-selected", "true")
    box.press("ArrowUp")
    expect(options.nth(1)).to_have_attribute("aria-selected", "true")
    box.press("Enter")
    expect(box).to_have_value("Refunded, Szabó Ildikó.")


def test_the_button_opens_the_same_picker_for_a_pointer(
    browser: Browser, live_server: LiveServer
) -> None:
    page = _ticket_page(browser, live_server, language="he")
    box = page.locator("#id_body")
    box.fill("שלום")
    page.locator("#macro-picker-open").click()
    search = page.locator("#macro-picker-search")
    expect(search).to_be_focused()
    expect(search).to_have_attribute("aria-expanded", "true")
    search.fill("visszat")
    page.locator("#macro-picker-list").get_by_role("option").first.click()
    expect(box).to_have_value("שלוםKedves Szabó, visszatérítettük.")
    width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1]


def test_a_whole_code_and_a_space_still_expand_as_before(
    browser: Browser, live_server: LiveServer
) -> None:
    page = _ticket_page(browser, live_server)
    box = page.locator("#id_body")
    box.press_sequentially("/refund ")
    expect(box).to_have_value("Refunded, Szabó Ildikó. ")
    expect(page.get_by_role("listbox", name="Macros")).to_be_hidden()
    # Words without a code are left alone, however fast they are typed.
    box.press_sequentially("We have refunded you today.")
    expect(box).to_have_value("Refunded, Szabó Ildikó. We have refunded you today.")
