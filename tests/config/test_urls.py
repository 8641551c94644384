"""Every page works offline: nothing it loads (scripts, styles, fonts, images, icons) comes from
another host, and everything it loads is served here."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.core import signing
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from frontdesk.customers.services import portal_link_build
from frontdesk.journal.services import notice_post
from frontdesk.live.services import visit_create
from frontdesk.schedules.models import Playbook
from tests import factories

pytestmark = pytest.mark.django_db

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "frontdesk"
# What a browser fetches by itself, element by element: <a href> and <form action> are left to
# the person, and do not count.
LOADED = {
    "script": ("src",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "iframe": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
    "track": ("src",),
}
CSS_URL = re.compile(r"""(?:url\(\s*["']?|@import\s+["'])([^"')\s]+)""")
OUTSIDE = re.compile(r"^\s*(?:[a-z][a-z0-9+.-]*:)?//", re.IGNORECASE)


class Loads(HTMLParser):
    """The addresses a page makes the browser fetch."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value and name in LOADED.get(tag, ()):
                self.urls += [part.split()[0] for part in value.split(",") if part.strip()]
            if value and name == "style":
                self.urls += CSS_URL.findall(value)
        self._in_style = tag == "style"

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.urls += CSS_URL.findall(data)


def loads_of(html: str) -> list[str]:
    parser = Loads()
    parser.feed(html)
    return parser.urls


def pages() -> list[tuple[str, str]]:
    """Every GET-able page pattern with its parameters filled from a small desk."""
    lead = factories.agent(role="lead", username="lead")
    customer = factories.customer(name="Rami Cohen")
    ticket = factories.ticket(customer_=customer)
    notice = notice_post(
        author=lead, title="Printer", body="Out of toner.", review_by=ticket.created_at.date()
    )
    visit = visit_create(name="Anna Kask")
    playbook = Playbook.objects.first()
    values = {
        "ticket_id": ticket.pk,
        "customer_id": customer.pk,
        "notice_id": notice.pk,
        "playbook_id": playbook.pk if playbook else 1,
        "moment": "angry-last",
        "reference": ticket.reference,
        "token": signing.dumps(visit.pk, salt="frontdesk.live.visit"),
    }
    found: list[tuple[str, str]] = []

    def walk(patterns: list[URLPattern | URLResolver], prefix: str) -> None:
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, route)
                continue
            if route.startswith("^") or "(?P" in route or "<path:" in route:
                continue  # the admin's catch-alls and object pages: Django's own templates
            names = re.findall(r"<(?:\w+:)?(\w+)>", route)
            if any(name not in values for name in names):
                continue
            path = "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), route)
            found.append((path, pattern.name or ""))

    walk(get_resolver().url_patterns, "")
    return found


def test_no_page_loads_anything_from_another_host() -> None:
    paths = pages()
    lead = Client()
    lead.force_login(factories.agent(role="lead", username="lead2"))
    anonymous = Client()
    customer = Client()
    link = portal_link_build(customer=factories.ticket().customer)
    customer.get(link.split("127.0.0.1:8000", 1)[-1])
    answers = [
        (path, client.get(path)) for path, _name in paths for client in (lead, anonymous, customer)
    ]
    checked = {
        path: loads_of(answer.content.decode())
        for path, answer in answers
        if "text/html" in answer.get("Content-Type", "")
    }
    outside = {path: [u for u in urls if OUTSIDE.match(u)] for path, urls in checked.items()}
    assert {path: urls for path, urls in outside.items() if urls} == {}
    # Every agent, customer, public and admin page and the API's own docs were looked at.
    for path in ("/desk/queue/", "/portal/", "/status/", "/visit/", "/admin/", "/api/v1/docs"):
        assert path in checked
    # And whatever they load is here.
    local = sorted({url for urls in checked.values() for url in urls})
    missing = [url for url in local if anonymous.get(url).status_code != 200]
    assert missing == []
    assert "/static/frontdesk/favicon.svg" in local


def test_no_template_or_stylesheet_names_another_host() -> None:
    named = {
        path: loads_of(path.read_text(encoding="utf-8"))
        for path in PACKAGE.rglob("templates/**/*.html")
    } | {
        path: CSS_URL.findall(path.read_text(encoding="utf-8"))
        for path in PACKAGE.rglob("static/**/*.css")
    }
    outside = {
        str(path.relative_to(PACKAGE)): [url for url in urls if OUTSIDE.match(url)]
        for path, urls in named.items()
    }
    assert {path: urls for path, urls in outside.items() if urls} == {}


def test_the_favicon_is_ours_and_at_the_root_too() -> None:
    page = Client().get("/visit/").content.decode()
    assert '<link rel="icon" href="/static/frontdesk/favicon.svg" type="image/svg+xml">' in page
    root = Client().get("/favicon.ico", follow=True)
    assert root.status_code == 200
    assert root.getvalue()[:4] == b"\x00\x00\x01\x00"
