"""HTML mail shown to an agent runs nothing and loads nothing from outside."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Dialog, expect
from pytest_django.live_server_helper import LiveServer

from frontdesk.mail.inbound import mail_receive
from tests import factories
from tests.mail import corpus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_hostile_html_mail_runs_no_script_and_loads_no_remote_image(
    browser: Browser,
    live_server: LiveServer,
) -> None:
    factories.agent(username="eli", password="eli-password-1")
    ticket = mail_receive(raw=corpus.hostile_html(), source="smtp").ticket
    assert ticket is not None

    page = browser.new_page(locale="en-GB")
    asked: list[str] = []
    dialogs: list[str] = []

    def dismiss(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("request", lambda request: asked.append(request.url))
    page.on("dialog", dismiss)
    page.goto(live_server.url + f"/desk/tickets/{ticket.pk}/")
    page.get_by_label("Username").fill("eli")
    page.get_by_label("Password").fill("eli-password-1")
    page.get_by_role("button", name="Log in").click()

    expect(page.get_by_text("Hello, see my invoice")).to_be_visible()
    body = page.locator(".message-body").first
    assert body.locator("script").count() == 0
    assert body.locator("img").count() == 0
    assert body.locator("[onerror]").count() == 0
    assert body.locator("a[href^='javascript']").count() == 0
    assert "pwned" not in page.title()
    outside = [url for url in asked if "evil" in url or "tracker" in url]
    assert outside == []
    assert dialogs == []


@pytest.mark.parametrize(
    ("language", "width"), [("en", 390), ("en", 1366), ("he", 390), ("he", 1366)]
)
def test_a_third_partys_message_is_marked_with_its_address_at_every_width(
    browser: Browser,
    live_server: LiveServer,
    language: str,
    width: int,
) -> None:
    factories.agent(username="eli", password="eli-password-1", language=language)
    ticket = mail_receive(raw=corpus.plain(), source="smtp").ticket
    assert ticket is not None
    first = ticket.messages.get(direction="in").message_id
    reply = corpus.spoofed_name_reply(ticket.reference, in_reply_to=first)
    assert mail_receive(raw=reply, source="smtp").ticket == ticket

    page = browser.new_page(locale=language, viewport={"width": width, "height": 900})
    page.goto(live_server.url + f"/desk/tickets/{ticket.pk}/")
    page.locator("input[name=username]").fill("eli")
    page.locator("input[name=password]").fill("eli-password-1")
    page.locator("form button[type=submit]").click()

    marked = page.locator(".message-third-party")
    expect(marked.locator(".badge.third-party")).to_be_visible()
    expect(marked.locator(".from-address")).to_have_text("attacker@evil.example")
    expect(marked.locator(".mail-flags li")).to_have_count(1)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
