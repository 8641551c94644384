"""The password page in a real browser, on a phone and a laptop, left to right and right to left:
it fits, axe finds nothing serious, a refused password says why, and a change goes through."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from tests import factories
from tests.browser.conftest import agent_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _checked(page: Page, *, name: str, language: str, width: int) -> None:
    scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll <= inner, f"{name} {language} {width}: {scroll}px"
    serious = [
        violation["id"]
        for violation in Axe().run(page).response["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]
    assert serious == [], f"{name} {language} {width}: {serious}"
    shots = os.environ.get("FRONTDESK_SHOTS")
    if shots:
        Path(shots).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{shots}/{name}-{language}-{width}.png", full_page=True)


@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize("language", ["en", "he"])
def test_an_agent_changes_their_password_in_the_browser(
    browser: Browser, live_server: LiveServer, language: str, width: int
) -> None:
    agent = factories.agent(username="noa", language=language)
    page = agent_page(browser, live_server, agent, width=width, path="/desk/settings/password/")
    _checked(page, name="password", language=language, width=width)
    page.locator("#id_old_password").fill("pw-for-tests")
    page.locator("#id_new_password1").fill("k7#q")
    page.locator("#id_new_password2").fill("k7#q")
    page.locator("form.form button[type=submit]").click()
    expect(page.locator(".field-error").first).to_be_visible()
    _checked(page, name="password-refused", language=language, width=width)
    page.locator("#id_old_password").fill("pw-for-tests")
    page.locator("#id_new_password1").fill("lantern-orbit-93")
    page.locator("#id_new_password2").fill("lantern-orbit-93")
    page.locator("#id_revoke_tokens").check()
    page.locator("form.form button[type=submit]").click()
    expect(page.locator(".flash li.success")).to_be_visible()
    assert Client().login(username="noa", password="lantern-orbit-93")
    page.context.close()
