"""Every page whose address holds a number, called with numbers the database cannot hold."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import IntConverter

from tests import factories

pytestmark = pytest.mark.django_db

TOO_BIG = "9" * 30


def _numbered_pages(
    patterns: list[URLPattern | URLResolver] | None = None, prefix: str = ""
) -> Iterator[str]:
    """Each page address with an `<int:...>` part, that part filled with TOO_BIG."""
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _numbered_pages(entry.url_patterns, route)
        elif any(isinstance(c, IntConverter) for c in entry.pattern.converters.values()):
            yield "/" + re.sub(r"<\w+:\w+>", "x", re.sub(r"<int:\w+>", TOO_BIG, route))


def test_every_numbered_page_is_found() -> None:
    pages = list(_numbered_pages())
    assert f"/desk/tickets/{TOO_BIG}/" in pages
    assert f"/portal/files/{TOO_BIG}/" in pages
    assert len(pages) >= 15


def test_a_number_beyond_the_database_in_a_page_address_answers_404() -> None:
    client = Client(raise_request_exception=False)
    client.force_login(factories.agent(role="lead"))
    answers = {page: client.get(page).status_code for page in _numbered_pages()}
    # A POST-only page says 405 before it reads the number; a portal page asks for a session.
    assert {page: status for page, status in answers.items() if status not in (404, 405)} == {
        f"/portal/files/{TOO_BIG}/": 403,
        f"/portal/recordings/{TOO_BIG}/": 403,
    }


@pytest.mark.parametrize("page", ["/desk/tickets/", "/desk/customers/"])
def test_a_page_number_beyond_the_last_shows_the_last_page(page: str) -> None:
    client = Client()
    client.force_login(factories.agent())
    assert client.get(page, {"page": TOO_BIG}).status_code == 200
