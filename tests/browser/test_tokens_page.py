"""The tokens page in a real browser: a lead makes a token of a chosen scope and days, sees it
once, and reads the list (a token from before scopes flagged, one ended, one revoked) on a phone
and a desktop, in English and in Hebrew, with nothing wider than the window and nothing axe-core
calls serious."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import timezone
from playwright.sync_api import Browser, expect
from pytest_django.live_server_helper import LiveServer

from frontdesk.accounts.models import ApiToken
from frontdesk.accounts.tokens import token_authenticate
from tests import factories
from tests.browser.conftest import agent_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Set to a folder to keep a screenshot of each width and language there.
SHOTS = os.environ.get("FRONTDESK_SHOTS", "")


@pytest.mark.parametrize("width", [390, 1366])
@pytest.mark.parametrize("language", ["en", "he"])
def test_a_lead_makes_a_token_and_reads_the_list_on_a_phone_and_a_desktop(
    browser: Browser, live_server: LiveServer, language: str, width: int
) -> None:
    lead = factories.agent(username="lea", role="lead", language=language)
    factories.api_token(lead, scope="write")
    ApiToken.objects.update(
        made_before_scopes=True, scope="admin", expires_at=None, name="Phone system (old)"
    )
    factories.api_token(lead, scope="read")
    ApiToken.objects.filter(name="test").update(
        name="Wall board", expires_at=timezone.now() - timedelta(days=1)
    )
    factories.api_token(lead, scope="read")
    ApiToken.objects.filter(name="test").update(
        name="Old export", revoked_at=timezone.now() - timedelta(days=3)
    )

    page = agent_page(browser, live_server, lead, width=width, path="/desk/settings/tokens/")
    assert page.locator("html").get_attribute("dir") == ("rtl" if language == "he" else "ltr")
    page.fill("#id_name", "CRM sync")
    page.select_option("#id_scope", "admin")
    page.fill("#id_days", "30")
    page.locator("form.form button[type=submit]").click()
    made = page.locator("#token-made")
    expect(made).to_be_visible()
    raw = made.input_value()
    token = token_authenticate(raw=raw)
    assert token is not None
    assert (token.name, token.scope) == ("CRM sync", "admin")

    rows = page.locator("table.tokens tbody tr")
    expect(rows).to_have_count(4)
    expect(page.locator(".badge.new")).to_have_count(1)
    expect(page.locator("table.tokens button")).to_have_count(2)  # the new one and the old one

    scroll, inner = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert scroll <= inner, f"{scroll}px wide at {inner}px"
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SHOTS}/tokens-{language}-{width}.png", full_page=True)
    serious = [
        f"{violation['id']} {[node['target'] for node in violation['nodes']][:3]}"
        for violation in Axe().run(page).response["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]
    assert not serious, "axe-core: " + "; ".join(serious)
