"""HTML mail shown to an agent runs nothing and loads nothing from outside."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, expect

from frontdesk.mail.services import mail_receive
from tests import factories
from tests.mail import corpus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_hostile_html_mail_runs_no_script_and_loads_no_remote_image(
    browser: Browser,
    live_server,  # type: ignore[no-untyped-def]
) -> None:
    factories.agent(username="eli", password="eli-password-1")
    ticket = mail_receive(raw=corpus.hostile_html(), source="smtp").ticket
    assert ticket is not None

    page = browser.new_page(locale="en-GB")
    outside: list[str] = []
    dialogs: list[str] = []
    page.on(
        "request",
        lambda request: (
            outside.append(request.url)
            if "evil" in request.url or "tracker" in request.url
            else None
        ),
    )
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
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
    assert outside == []
    assert dialogs == []
