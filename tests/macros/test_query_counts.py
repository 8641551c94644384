"""The macro list reads in a fixed number of queries, however many macros it shows."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from frontdesk.accounts.models import User
from frontdesk.macros.services import macro_save
from tests.conftest import signed_in, token_client

pytestmark = pytest.mark.django_db


def _queries(user: User, path: str, *, api: bool) -> int:
    client = token_client(user) if api else signed_in(user)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


def _macros(start: int, count: int, assignee: User) -> None:
    for number in range(start, start + count):
        macro = macro_save(code=f"m{number}", language="en", name="M", text="Hi")
        macro.set_assignee = assignee
        macro.save(update_fields=["set_assignee"])


@pytest.mark.parametrize(
    ("path", "api"), [("/api/v1/macros", True), ("/desk/settings/macros/", False)]
)
def test_the_macro_list_takes_as_many_queries_for_many_macros_as_for_one(
    lead: User, path: str, api: bool
) -> None:
    _macros(0, 1, lead)
    _queries(lead, path, api=api)  # the first request also remembers the desk's settings
    one = _queries(lead, path, api=api)
    _macros(1, 11, lead)

    assert _queries(lead, path, api=api) == one
