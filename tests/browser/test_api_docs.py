"""The API's docs page works on a desk with no way out to the internet."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Route, expect
from pytest_django.live_server_helper import LiveServer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_api_docs_render_with_every_other_host_unreachable(
    browser: Browser,
    live_server: LiveServer,
) -> None:
    outside: list[str] = []

    def offline(route: Route) -> None:
        outside.append(route.request.url)
        route.abort()

    page = browser.new_page(locale="en-GB")
    # The route added last is asked first: this host's own requests go through, others fail.
    page.route("**/*", offline)
    page.route(live_server.url + "/**", lambda route: route.continue_())
    page.goto(live_server.url + "/api/v1/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("frontdesk API")
    expect(page.get_by_text("/api/v1/tickets").first).to_be_visible()
    assert outside == []
