"""The API's docs page works on a desk with no way out to the internet."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Route, expect
from pytest_django.live_server_helper import LiveServer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_api_docs_render_with_every_other_host_unreachable(
    browser: Browser,
    live_server: LiveServer,
) -> None:
    here = urlsplit(live_server.url).netloc
    outside: list[str] = []

    def offline(route: Route) -> None:
        if urlsplit(route.request.url).netloc == here:
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page = browser.new_page(locale="en-GB")
    page.route("**/*", offline)
    page.goto(live_server.url + "/api/v1/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("frontdesk API")
    expect(page.get_by_text("/api/v1/tickets").first).to_be_visible()
    assert outside == []
