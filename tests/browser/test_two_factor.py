"""Two-factor log-in in a real browser: an agent sets it up by reading the key's text (no
scanning), logs out, and logs in with the password and a code computed here; the set-up page and
the code step fit a phone and a laptop, left to right and right to left, with nothing serious
for axe-core."""

from __future__ import annotations

import os
from base64 import b32decode
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Browser, Page, expect
from pytest_django.live_server_helper import LiveServer

from frontdesk.accounts.two_factor import two_factor_confirm, two_factor_key_new
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "pw-for-tests"
WIDTHS = (390, 1366)


def _code(key: bytes, *, steps_ahead: int = 0) -> str:
    return f"{totp(key, drift=steps_ahead):06d}"


def _password_step(page: Page, live_server: LiveServer, username: str) -> None:
    page.goto(live_server.url + reverse("accounts:login"))
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_an_agent_sets_up_two_factor_then_logs_in_with_password_and_code(
    browser: Browser, live_server: LiveServer
) -> None:
    agent = factories.agent(username="mia")
    page = browser.new_context(viewport={"width": 1366, "height": 900}).new_page()
    _password_step(page, live_server, "mia")
    expect(page).to_have_url(live_server.url + reverse("routing:queue"))

    page.goto(live_server.url + reverse("people:two_factor"))
    key = b32decode(page.locator(".two-factor-key").inner_text().replace(" ", ""))
    page.get_by_label("The six-digit code the app shows").fill(_code(key))
    page.get_by_role("button", name="Turn on two-factor log-in").click()

    expect(page.locator(".recovery-codes li")).to_have_count(10)
    page.get_by_role("button", name="Log out").click()
    _password_step(page, live_server, "mia")
    expect(page).to_have_url(live_server.url + reverse("accounts:login_code"))
    # The code used at set-up is spent; an app shows the next one 30 seconds later.
    page.get_by_label("Code from your authenticator app, or a recovery code").fill(
        _code(key, steps_ahead=1)
    )
    page.get_by_role("button", name="Log in").click()

    expect(page).to_have_url(live_server.url + reverse("routing:queue"))
    assert TOTPDevice.objects.get(user=agent).confirmed


def _pages(language: str) -> tuple[str, str]:
    """Sessions: one at the code step (password given), one of an agent at set-up."""
    waiting = factories.agent(language=language)
    key = two_factor_key_new()
    two_factor_confirm(agent=waiting, key=key, code=_code(bytes.fromhex(key)))
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.post(reverse("accounts:login"), {"username": waiting.username, "password": PASSWORD})
    setting_up = Client()
    setting_up.force_login(factories.agent(language=language))
    return client.cookies["sessionid"].value, setting_up.cookies["sessionid"].value


@pytest.mark.parametrize(("language", "direction"), [("en", "ltr"), ("he", "rtl")])
def test_the_code_step_and_set_up_fit_and_pass_axe(
    browser: Browser, live_server: LiveServer, language: str, direction: str, tmp_path: Path
) -> None:
    at_code, at_set_up = _pages(language)
    shots = Path(os.environ.get("FRONTDESK_SHOTS") or tmp_path)
    shots.mkdir(parents=True, exist_ok=True)
    axe = Axe()
    wide: list[str] = []
    serious: list[str] = []
    for width in WIDTHS:
        for name, session, path in (
            ("login-code", at_code, reverse("accounts:login_code")),
            ("two-factor-setup", at_set_up, reverse("people:two_factor")),
        ):
            context = browser.new_context(locale=language, viewport={"width": width, "height": 900})
            context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
            page = context.new_page()
            response = page.goto(live_server.url + path)
            assert response is not None, path
            assert response.status == 200, path
            assert page.evaluate("document.documentElement.dir") == direction
            page.screenshot(path=str(shots / f"{name}-{language}-{width}.png"), full_page=True)
            scroll, inner = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
            if scroll > inner:
                wide.append(f"{name} {scroll}px at {inner}px")
            for violation in axe.run(page).response["violations"]:
                if violation["impact"] in {"serious", "critical"}:
                    serious.append(f"{name}@{width}: {violation['id']}")
            context.close()
    assert not wide, f"wider than the window ({language}): " + "; ".join(wide)
    assert not serious, "axe-core: " + "; ".join(serious)
