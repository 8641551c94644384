from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest
from django.test import Client
from playwright.sync_api import Browser, Page, sync_playwright
from pytest_django.live_server_helper import LiveServer

from frontdesk.accounts.models import User

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str:
    """Debian's Chromium; the suite never downloads a browser (`make test` installs the package)."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        raise RuntimeError("Debian's chromium package is missing: run scripts/ensure-chromium")
    return path


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    # Playwright's sync API runs an event loop in this thread; Django's ORM calls made by the
    # test itself (reading the outbox, checking rows) are still plain synchronous calls.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def _close_contexts(browser: Browser) -> Iterator[None]:
    """Close every page a test opened: the live server lives for the session, and a page left open
    keeps polling it (the queue refreshes every 30 s) while later tests, some without database
    access, run in the same worker; the server thread's traceback then lands in their stderr."""
    yield
    for context in browser.contexts:
        context.close()


def agent_page(
    browser: Browser, live_server: LiveServer, agent: User, *, width: int = 1366, path: str = ""
) -> Page:
    """A new browser (its own cookies) logged in as `agent`, open at `path` on the live server."""
    client = Client()
    client.force_login(agent)
    context = browser.new_context(locale="en-GB", viewport={"width": width, "height": 900})
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = context.new_page()
    if path:
        page.goto(live_server.url + path)
    return page
