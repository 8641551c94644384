"""Keyset pages: a cursor the list did not give is refused with 400, whatever it holds."""

from __future__ import annotations

import base64
import json

import pytest

from tests import factories
from tests.conftest import ApiClient

pytestmark = pytest.mark.django_db

MOMENT = "2024-01-01T00:00:00+00:00"


def cursor(values: list[object]) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    ("path", "query", "values"),
    [
        ("/api/v1/tickets", "", [None, 1]),
        ("/api/v1/tickets", "", [MOMENT, None]),
        ("/api/v1/tickets", "", ["2024-01-01T00:00:00", 1]),  # no time zone
        ("/api/v1/tickets", "", ["0001-01-01T00:00:00+14:00", 1]),  # before the year 1 in UTC
        ("/api/v1/customers", "", [None, 1]),
        ("/api/v1/customers", "", ["Ana", None]),
        ("/api/v1/customers", "", ["\x00", 1]),
        ("/api/v1/tickets", "parcel", ["not a rank", MOMENT, 1]),
        ("/api/v1/tickets", "parcel", [None, MOMENT, 1]),
        ("/api/v1/tickets", "parcel", ["NaN", MOMENT, 1]),
        ("/api/v1/tickets", "parcel", [float("nan"), MOMENT, 1]),
        ("/api/v1/customers", "parcel", ["not a rank", "Ana", 1]),
        ("/api/v1/customers", "parcel", [True, "Ana", 1]),
    ],
)
def test_a_cursor_holding_what_no_row_has_is_refused(
    api: ApiClient, path: str, query: str, values: list[object]
) -> None:
    factories.ticket(subject="Parcel lost", body="Where is my parcel?")
    factories.customer(name="Parcel Shop")
    params = {"after": cursor(values)} | ({"q": query} if query else {})
    answer = api.get(path, **params)
    assert answer.status_code == 400
    assert "cursor" in answer.json()["detail"]
