from __future__ import annotations

import pytest
from django.test import Client
from pytest_django import DjangoAssertNumQueries

from frontdesk.problems.services import problem_create, problem_solve
from tests import factories
from tests.conftest import ApiClient

pytestmark = pytest.mark.django_db


def _problems() -> tuple[int, int, list[int]]:
    lead = factories.agent(role="lead")
    tickets = [factories.ticket() for _ in range(3)]
    export = problem_create(actor=lead, title="Empty export", tickets=tickets)
    login = problem_create(actor=lead, title="Login fails", tickets=[factories.ticket()])
    problem_solve(problem=login, actor=lead, ticket_ids=[])
    return export.pk, login.pk, [t.pk for t in tickets]


def test_the_list_gives_each_problem_its_tickets_and_counts(
    api: ApiClient, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    export_id, login_id, ticket_ids = _problems()
    for _ in range(5):
        _problems()
    with django_assert_max_num_queries(6):
        answer = api.get("/api/v1/problems", limit=100)
    assert answer.status_code == 200
    rows = {row["id"]: row for row in answer.json()["items"]}
    assert len(rows) == 12
    export = rows[export_id]
    assert export["status"] == "open"
    assert [t["id"] for t in export["tickets"]] == ticket_ids
    assert export["tickets"][0]["reference"].startswith("FD-")
    assert export["tickets"][0]["how"] == "hand"
    assert (export["ticket_count"], export["open_count"], export["customer_count"]) == (3, 3, 3)
    assert rows[login_id]["status"] == "solved"


def test_the_list_narrows_to_open_problems(api: ApiClient) -> None:
    export_id, _login_id, _tickets = _problems()
    answer = api.get("/api/v1/problems", status="open")
    assert [row["id"] for row in answer.json()["items"]] == [export_id]
    assert api.get("/api/v1/problems", status="shut").status_code == 422


def test_one_problem_and_a_missing_one(api: ApiClient) -> None:
    export_id, _login_id, ticket_ids = _problems()
    answer = api.get(f"/api/v1/problems/{export_id}")
    assert answer.json()["title"] == "Empty export"
    assert len(answer.json()["tickets"]) == len(ticket_ids)
    missing = api.get("/api/v1/problems/99999")
    assert missing.status_code == 404
    assert missing.json() == {"detail": "Problem not found."}


def test_no_token_no_problems() -> None:
    _problems()
    assert Client().get("/api/v1/problems").status_code == 401
    assert Client().get("/api/v1/problems", HTTP_AUTHORIZATION="Bearer nope").status_code == 401
