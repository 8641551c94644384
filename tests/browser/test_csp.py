"""Every page satisfies the Content-Security-Policy, in a real browser: an agent, a lead and an
admin walk every desk page the URL resolver lists (filled with a demo desk's real rows), the admin
walks the administration, a customer walks the public pages and their own by link. Violations
(`securitypolicyviolation`) and console errors are collected on each page: there are none.
Then the behaviours that replaced inline handlers do what the handlers did."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from django.apps import apps
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.exceptions import NoReverseMatch
from playwright.sync_api import Browser, ConsoleMessage, Dialog, Page, expect
from pytest_django import Settings
from pytest_django.live_server_helper import LiveServer

from frontdesk.accounts.choices import Role
from frontdesk.accounts.models import User
from frontdesk.customers.services import portal_link_build
from frontdesk.demo.services import demo_load
from frontdesk.live.selectors import visit_link_build
from frontdesk.satisfaction.selectors import rating_token
from tests import factories
from tests.browser.conftest import agent_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WATCH = """
window.__policy = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  window.__policy.push(`${event.effectiveDirective} ${event.blockedURI} at ${where}`);
});
"""
# Code in the markup the policy refuses only when it runs (a handler when its event comes), so a
# walk finds it by reading the page: handlers, htmx's hx-on, javascript: links, inline scripts
# (a JSON data block is no script).
INLINE_CODE = re.compile(
    r"<[a-z][^>]*?\s(?:on[a-z]+|hx-on[\w:.-]*)\s*="
    r"|javascript:"
    r"|<script(?![^>]*\bsrc=)(?![^>]*application/json)"
)
# Pages a GET must not be sent to while walking: they end the walker's session.
LEAVES = {"accounts:logout", "portal:leave", "set_language"}
# URL parameters, filled from the demo desk's first row of each model.
ROWS = {
    "ticket_id": "tickets.Ticket",
    "customer_id": "customers.Customer",
    "attachment_id": "tickets.Attachment",
    "view_id": "tickets.TicketView",
    "recording_id": "live.Recording",
    "macro_id": "macros.Macro",
    "set_id": "macros.MacroSet",
    "code_id": "journal.LogCode",
    "note_id": "journal.ColleagueNote",
    "notice_id": "journal.Notice",
    "rule_id": "schedules.BreakRule",
    "playbook_id": "schedules.Playbook",
    "alert_id": "problems.Alert",
    "problem_id": "problems.Problem",
    "campaign_id": "outreach.Campaign",
    "opt_out_id": "outreach.OptOut",
    "team_id": "accounts.Team",
    "agent_id": "accounts.User",
    "token_id": "accounts.ApiToken",
    "definition_id": "customers.FieldDefinition",
}
FIXED = {"moment": "morning", "key": "acknowledgement", "language": "en"}


class Walker:
    """A browser page that remembers every policy violation and console error it meets."""

    def __init__(self, page: Page, base: str) -> None:
        self.page = page
        self.base = base
        self.problems: list[str] = []
        self.walked: list[str] = []
        page.add_init_script(WATCH)
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"{page.url}: {error}"))

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error" and "404" not in message.text and "403" not in message.text:
            self.problems.append(f"{self.page.url}: {message.text}")

    def visit(self, path: str) -> None:
        answer = self.page.goto(self.base + path, wait_until="networkidle")
        markup = answer.text() if answer is not None else ""
        self.problems.extend(f"{path}: {code!r}" for code in INLINE_CODE.findall(markup))
        self.collect()
        self.walked.append(path)

    def collect(self) -> None:
        found = self.page.evaluate("window.__policy || []")
        self.problems.extend(f"{self.page.url}: {violation}" for violation in found)
        self.page.evaluate("window.__policy = []")


def _patterns(
    resolver: URLResolver, prefix: str = "", namespace: str = ""
) -> Iterator[tuple[str, str]]:
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
            yield from _patterns(pattern, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield prefix + str(pattern.pattern), namespace + pattern.name


def _desk_paths() -> list[str]:
    """Every named desk page whose parameters a demo desk's rows can fill."""
    values: dict[str, object] = dict(FIXED)
    for name, label in ROWS.items():
        row = apps.get_model(label).objects.order_by("pk").first()
        if row is not None:
            values[name] = row.pk
    paths = []
    for route, name in _patterns(get_resolver()):
        if not route.startswith("desk/") or name in LEAVES:
            continue
        try:
            arguments = {
                key: values[key]
                for key in route.replace(">", "<").split("<")[1::2]
                for key in [key.split(":")[-1]]
            }
            paths.append(reverse(name, kwargs=arguments))
        except (KeyError, NoReverseMatch):
            continue
    return paths


def _html_pages(user: User, paths: list[str]) -> list[str]:
    """The paths that give `user` a page (not a redirect, a refusal or a file)."""
    client = Client()
    client.force_login(user)
    pages = []
    for path in paths:
        answer = client.get(path)
        if answer.status_code == 200 and answer["Content-Type"].startswith("text/html"):
            pages.append(path)
    return pages


def _admin_paths(admin: User) -> list[str]:
    client = Client()
    client.force_login(admin)
    paths = [reverse("admin:index")]
    for model in apps.get_models():
        info = (model._meta.app_label, model._meta.model_name)
        try:
            paths.append(reverse("admin:{}_{}_changelist".format(*info)))
            paths.append(reverse("admin:{}_{}_add".format(*info)))
        except NoReverseMatch:
            continue
        row = model._default_manager.order_by("pk").first()
        if row is not None:
            paths.append(reverse("admin:{}_{}_change".format(*info), args=[row.pk]))
    return [path for path in paths if client.get(path).status_code == 200]


@pytest.fixture
def demo_desk(settings: Settings, live_server: LiveServer) -> dict[str, User]:
    settings.PUBLIC_URL = live_server.url
    demo_load(seed=3, customers=12)
    return {
        "agent": factories.agent(role=Role.AGENT),
        "lead": factories.agent(role=Role.LEAD),
        "admin": factories.agent(role=Role.ADMIN),
    }


@pytest.mark.parametrize("role", ["agent", "lead"])
def test_every_desk_page_satisfies_the_policy(
    browser: Browser, live_server: LiveServer, demo_desk: dict[str, User], role: str
) -> None:
    user = demo_desk[role]
    pages = _html_pages(user, _desk_paths())
    walker = Walker(agent_page(browser, live_server, user), live_server.url)
    for path in pages:
        walker.visit(path)
    print(f"\n{role}: {len(walker.walked)} desk pages walked")
    # The ticket, the customer, the queue, a campaign and a problem are among them.
    for must in ("/desk/tickets/", "/desk/customers/", "/desk/queue/", "/desk/problems/"):
        assert any(path.startswith(must) and path != must for path in walker.walked) or (
            must in walker.walked
        ), must
    assert len(walker.walked) >= 40
    assert walker.problems == []


def test_every_administration_page_and_the_api_docs_satisfy_their_policy(
    browser: Browser, live_server: LiveServer, demo_desk: dict[str, User]
) -> None:
    admin = demo_desk["admin"]
    walker = Walker(agent_page(browser, live_server, admin), live_server.url)
    for path in _admin_paths(admin):
        walker.visit(path)
    walker.visit("/api/v1/docs")
    # Swagger UI builds the page from the OpenAPI document, slow on a busy machine.
    title = walker.page.locator(".swagger-ui .info .title")
    expect(title).to_contain_text("frontdesk API", timeout=60_000)
    # An operation opened, with its schemas and its "Try it out".
    walker.page.locator(".opblock-summary").first.click()
    expect(walker.page.get_by_role("button", name="Try it out")).to_be_visible()
    walker.page.get_by_role("button", name="Try it out").click()
    walker.collect()
    print(f"\nadmin: {len(walker.walked)} administration pages walked")
    assert len(walker.walked) >= 30
    assert walker.problems == []


def test_the_customers_pages_satisfy_the_policy(
    browser: Browser, live_server: LiveServer, demo_desk: dict[str, User]
) -> None:
    customer_model = apps.get_model("customers.Customer")
    ticket = apps.get_model("tickets.Ticket").objects.order_by("pk").first()
    visit = apps.get_model("live.Visit").objects.order_by("pk").first()
    survey = apps.get_model("satisfaction.Survey").objects.order_by("pk").first()
    assert ticket is not None
    assert visit is not None
    assert survey is not None
    customer = customer_model.objects.get(pk=ticket.customer_id)
    walker = Walker(browser.new_page(locale="en-GB"), live_server.url)
    public = [
        reverse("accounts:login"),
        reverse("portal:new"),
        reverse("portal:link"),
        reverse("public:status"),
        reverse("live:kiosk"),
        reverse("live:screen"),
        urlsplit(visit_link_build(visit=visit)).path,
        reverse("satisfaction:rate", args=[rating_token(survey=survey)]),
        urlsplit(portal_link_build(customer=customer)).path,
        reverse("portal:home"),
        reverse("portal:ticket", args=[ticket.reference]),
    ]
    for path in public:
        walker.visit(path)
    assert walker.page.url.endswith(reverse("portal:ticket", args=[ticket.reference]))
    assert walker.problems == []


def test_the_queue_polls_and_the_log_bar_saves_without_a_violation(
    browser: Browser, live_server: LiveServer, demo_desk: dict[str, User]
) -> None:
    walker = Walker(agent_page(browser, live_server, demo_desk["agent"]), live_server.url)
    walker.visit(reverse("routing:queue"))
    # The queue asks for news by itself (htmx, every 30 s): ask now, as the poll would.
    with walker.page.expect_response(lambda answer: "/desk/queue/" in answer.url):
        walker.page.evaluate(
            "htmx.ajax('GET', '/desk/queue/',"
            " {target: '#queue-body', select: '#queue-body', swap: 'outerHTML'})"
        )
    customer = apps.get_model("customers.Customer").objects.order_by("pk").first()
    assert customer is not None
    line = walker.page.locator("#log-line")
    line.fill(f"{customer.name}. password reset. 9:30.")
    line.press("Enter")
    expect(walker.page.locator(".log-saved")).to_contain_text(customer.name)
    expect(line).to_have_value("")
    expect(line).to_be_focused()
    walker.collect()
    assert walker.problems == []


def test_choosing_a_language_sends_the_form_by_itself(
    browser: Browser, live_server: LiveServer, demo_desk: dict[str, User]
) -> None:
    page = browser.new_page(locale="en-GB")
    page.goto(live_server.url + reverse("portal:new"))
    page.select_option("#language", "et")
    expect(page.locator("html")).to_have_attribute("lang", "et")
    desk = agent_page(browser, live_server, demo_desk["agent"], path=reverse("routing:queue"))
    desk.select_option("#language", "hu")
    expect(desk.locator("html")).to_have_attribute("lang", "hu")


def test_a_confirm_form_asks_first_and_a_no_sends_nothing(
    browser: Browser, live_server: LiveServer, demo_desk: dict[str, User]
) -> None:
    customer = apps.get_model("customers.Customer").objects.order_by("pk").first()
    assert customer is not None
    page = agent_page(
        browser,
        live_server,
        demo_desk["lead"],
        path=reverse("customers:detail", args=[customer.pk]),
    )
    asked: list[str] = []

    def refuse(dialog: Dialog) -> None:
        asked.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", refuse)
    sent: list[str] = []
    page.on(
        "request", lambda request: sent.append(request.url) if request.method == "POST" else None
    )
    form = page.locator("form[data-confirm]").first
    form.locator("[type=submit]").click()
    expect(page).to_have_url(live_server.url + reverse("customers:detail", args=[customer.pk]))
    assert asked == ["Merge the other customer into this one? This cannot be undone."]
    assert sent == []
