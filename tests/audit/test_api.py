"""GET /api/v1/audit: admins read the trail, filtered and paged; everyone else is refused."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from pytest_django import DjangoAssertNumQueries

from frontdesk.accounts.choices import Role
from frontdesk.audit.models import AuditEvent
from tests import factories
from tests.conftest import ApiClient

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_api() -> ApiClient:
    return ApiClient(factories.api_token(factories.agent(role=Role.ADMIN, username="root")))


def _trail(count: int) -> None:
    """Events made by doing things: `count` status changes by kati on one ticket each."""
    kati = factories.agent(username="kati")
    api = ApiClient(factories.api_token(kati))
    for _n in range(count):
        ticket = factories.ticket()
        api.patch(f"/api/v1/tickets/{ticket.pk}", {"status": "solved"})


def test_an_admin_reads_the_trail_newest_first_with_what_each_event_was(
    admin_api: ApiClient, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    _trail(3)
    with django_assert_max_num_queries(6):
        page = admin_api.get("/api/v1/audit", action="status").json()
    assert page["count"] == 3
    first = page["items"][0]
    assert set(first) == {"at", "actor", "action", "object", "detail", "address"}
    assert first["actor"] == "kati"
    assert first["action"] == "status"
    assert first["object"]["type"] == "ticket"
    assert first["object"]["label"].startswith("FD-")
    assert first["detail"] == {"from": "new", "to": "solved"}
    assert first["address"] == "127.0.0.1"
    ats = [item["at"] for item in page["items"]]
    assert ats == sorted(ats, reverse=True)


def test_filters_and_pages(admin_api: ApiClient) -> None:
    _trail(5)
    factories.agent(username="jaan")
    assert admin_api.get("/api/v1/audit", actor="kati", action="status").json()["count"] == 5
    assert admin_api.get("/api/v1/audit", actor="jaan").json() == {"items": [], "count": 0}
    assert admin_api.get("/api/v1/audit", action="erase").json()["count"] == 0
    one = admin_api.get("/api/v1/audit", action="status", limit=2, offset=1).json()
    everything = admin_api.get("/api/v1/audit", action="status").json()
    assert one["count"] == 5
    assert one["items"] == everything["items"][1:3]
    AuditEvent.objects.filter(action="status").update(at=timezone.now() - timedelta(days=2))
    since = (timezone.now() - timedelta(days=1)).isoformat()
    assert admin_api.get("/api/v1/audit", action="status", since=since).json()["count"] == 0
    assert admin_api.get("/api/v1/audit", action="status", before=since).json()["count"] == 5


@pytest.mark.parametrize(
    "query",
    [
        {"action": "Status; drop"},
        {"limit": "0"},
        {"limit": "100000"},
        {"offset": "-1"},
        {"actor": "x" * 151},
        {"since": "yesterday"},
        {"since": "2026-12-01T10:00:00"},
    ],
)
def test_bad_filters_answer_422_with_a_detail(admin_api: ApiClient, query: dict[str, str]) -> None:
    answer = admin_api.get("/api/v1/audit", **query)
    assert answer.status_code == 422
    assert answer.json()["detail"]


def test_agents_and_leads_are_refused_and_strangers_are_not_let_in() -> None:
    _trail(1)
    # An agent's token can never have the admin scope; a lead's can, but a lead is no admin.
    agent_token = factories.api_token(factories.agent(role=Role.AGENT))
    refused = Client(HTTP_AUTHORIZATION=f"Bearer {agent_token}").get("/api/v1/audit")
    assert refused.status_code == 403
    assert "admin scope" in refused.json()["detail"]
    lead_token = factories.api_token(factories.agent(role=Role.LEAD), scope="admin")
    refused = Client(HTTP_AUTHORIZATION=f"Bearer {lead_token}").get("/api/v1/audit")
    assert refused.status_code == 403
    assert refused.json() == {"detail": "Only an admin may read the audit trail."}
    # An admin's token of a lesser scope is refused too.
    admin = factories.agent(role=Role.ADMIN)
    read_token = factories.api_token(admin, scope="read")
    refused = Client(HTTP_AUTHORIZATION=f"Bearer {read_token}").get("/api/v1/audit")
    assert refused.status_code == 403
    assert Client().get("/api/v1/audit").status_code == 401
    assert Client(HTTP_AUTHORIZATION="Bearer nonsense").get("/api/v1/audit").status_code == 401


def test_the_document_declares_the_refusals() -> None:
    from frontdesk.config.api import api

    operation = api.get_openapi_schema()["paths"]["/api/v1/audit"]["get"]
    assert {"200", "401", "403", "422"} <= {str(code) for code in operation["responses"]}
