"""Teams and agents through the API: every agent reads, leads and admins change."""

from __future__ import annotations

import pytest

from frontdesk.accounts.models import Team, User
from frontdesk.mail.models import OutboundMail
from frontdesk.tickets.services import ticket_assign
from tests import factories
from tests.conftest import ApiClient

pytestmark = pytest.mark.django_db


@pytest.fixture
def lead() -> User:
    return factories.agent(role="lead")


@pytest.fixture
def lead_api(lead: User) -> ApiClient:
    return ApiClient(factories.api_token(lead))


def test_a_lead_makes_a_team_changes_its_members_and_deletes_it(lead_api: ApiClient) -> None:
    anna, bert = factories.agent(), factories.agent()
    made = lead_api.post(
        "/api/v1/teams", {"name": "Billing", "assignment": "load", "member_ids": [anna.pk]}
    )
    assert made.status_code == 201, made.json()
    team_id = made.json()["id"]
    assert [m["id"] for m in made.json()["members"]] == [anna.pk]
    added = lead_api.post(f"/api/v1/teams/{team_id}/members", {"agent_ids": [bert.pk]})
    assert {m["id"] for m in added.json()["members"]} == {anna.pk, bert.pk}
    removed = lead_api.delete(f"/api/v1/teams/{team_id}/members/{anna.pk}")
    assert [m["id"] for m in removed.json()["members"]] == [bert.pk]
    renamed = lead_api.patch(f"/api/v1/teams/{team_id}", {"name": "Refunds"})
    assert renamed.json()["name"] == "Refunds"
    assert renamed.json()["assignment"] == "load"
    assert lead_api.delete(f"/api/v1/teams/{team_id}").status_code == 204
    assert not Team.objects.exists()


def test_bad_team_input_is_refused_with_a_reason(lead_api: ApiClient) -> None:
    factories.team(name="Billing")
    same = lead_api.post("/api/v1/teams", {"name": "billing"})
    assert same.status_code == 400
    assert "exists already" in same.json()["detail"]
    nobody = lead_api.post("/api/v1/teams", {"name": "Other", "member_ids": [999_999]})
    assert nobody.status_code == 400
    assert nobody.json() == {"detail": "No active agent 999999."}
    assert lead_api.get("/api/v1/teams/999999").status_code == 404


def test_an_agent_reads_teams_and_agents_but_changes_nothing(api: ApiClient) -> None:
    team = factories.team(name="Billing")
    assert api.get("/api/v1/teams").json()[0]["name"] == "Billing"
    assert api.get("/api/v1/agents").status_code == 200
    refused = api.patch(f"/api/v1/teams/{team.pk}", {"name": "Mine"})
    assert refused.status_code == 403
    assert "detail" in refused.json()
    assert api.post("/api/v1/agents", {"name": "X", "email": "x@example.ee"}).status_code == 403
    team.refresh_from_db()
    assert team.name == "Billing"


def test_a_lead_invites_an_agent_and_deactivates_one(lead: User, lead_api: ApiClient) -> None:
    invited = lead_api.post(
        "/api/v1/agents",
        {"name": "Kadri Tamm", "email": "kadri@example.ee", "role": "agent", "language": "et"},
    )
    assert invited.status_code == 201, invited.json()
    assert invited.json()["invited"] is True
    # An address that is valid mail but not a valid user name (found by the fuzzer: it was a 500).
    odd = lead_api.post("/api/v1/agents", {"name": "Nora", "email": "'m=c@example.hu"})
    assert odd.status_code == 400
    assert "user name" in odd.json()["detail"] or "username" in odd.json()["detail"]
    assert [m.to for m in OutboundMail.objects.all()] == [["kadri@example.ee"]]
    leaving = factories.agent()
    ticket_assign(ticket=factories.ticket(), actor=lead, assignee=leaving)
    answer = lead_api.patch(f"/api/v1/agents/{leaving.pk}", {"active": False, "language": "hu"})
    assert answer.status_code == 200
    assert answer.json()["active"] is False
    assert answer.json()["language"] == "hu"
    assert answer.json()["released"] == ["1 ticket back to the queue."]
    itself = lead_api.patch(f"/api/v1/agents/{lead.pk}", {"active": False})
    assert itself.status_code == 400
    assert "yourself" in itself.json()["detail"]


def test_the_api_documents_the_settings_errors() -> None:
    from frontdesk.config.api import api

    document = api.get_openapi_schema()
    patch = document["paths"]["/api/v1/agents/{agent_id}"]["patch"]["responses"]
    assert {"200", "400", "401", "403", "404", "422"} <= {str(code) for code in patch}
