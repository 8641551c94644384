import pytest

from frontdesk.accounts.models import User
from frontdesk.tickets.models import TicketView
from frontdesk.tickets.services import ticket_tags_set, ticket_view_create
from tests import factories
from tests.conftest import ApiClient

pytestmark = pytest.mark.django_db


def test_an_agent_saves_lists_renames_and_removes_a_view(agent: User, api: ApiClient) -> None:
    vat = factories.ticket(subject="VAT")
    factories.ticket(subject="Other")
    ticket_tags_set(ticket=vat, tags=["vat"], actor=agent)
    made = api.post("/api/v1/views", {"name": "VAT", "query": "status=open&tag=vat"})
    assert made.status_code == 201
    body = made.json()
    assert (body["name"], body["team"], body["count"], body["owner"]["id"]) == (
        "VAT",
        None,
        1,
        agent.pk,
    )
    listed = api.get("/api/v1/views").json()
    assert [view["id"] for view in listed] == [body["id"]]
    renamed = api.patch(f"/api/v1/views/{body['id']}", {"name": "VAT work", "position": 3})
    assert (renamed.json()["name"], renamed.json()["position"]) == ("VAT work", 3)
    assert api.delete(f"/api/v1/views/{body['id']}").status_code == 204
    assert not TicketView.objects.exists()


def test_the_ticket_list_reads_a_views_filters(agent: User, api: ApiClient) -> None:
    vat = factories.ticket(subject="VAT")
    other = factories.ticket(subject="Other")
    ticket_tags_set(ticket=vat, tags=["vat"], actor=agent)
    view = ticket_view_create(actor=agent, name="VAT", query="status=open&tag=vat")
    listed = api.get("/api/v1/tickets", view=view.pk).json()["items"]
    assert [ticket["id"] for ticket in listed] == [vat.pk]
    unassigned = api.get("/api/v1/tickets", view="unassigned").json()["items"]
    assert {ticket["id"] for ticket in unassigned} == {vat.pk, other.pk}
    # Someone else's view shows nothing, as a missing one does.
    theirs = ticket_view_create(actor=factories.agent(), name="Theirs", query="status=")
    assert api.get("/api/v1/tickets", view=theirs.pk).json()["items"] == []


def test_an_agent_may_not_make_a_team_view_and_a_lead_may(agent: User, api: ApiClient) -> None:
    team = factories.team(members=[agent])
    refused = api.post("/api/v1/views", {"name": "Ours", "team_id": team.pk})
    assert refused.status_code == 403
    assert refused.json()["detail"] == "Only a lead may make a view for a team."
    lead_api = ApiClient(factories.api_token(factories.agent(role="lead")))
    made = lead_api.post("/api/v1/views", {"name": "Ours", "team_id": team.pk})
    assert made.status_code == 201
    assert made.json()["team"] == {"id": team.pk, "name": team.name}
    # The member sees it, and may not change it.
    assert [view["name"] for view in api.get("/api/v1/views").json()] == ["Ours"]
    assert api.patch(f"/api/v1/views/{made.json()['id']}", {"name": "x"}).status_code == 403


def test_someone_elses_view_is_not_found(api: ApiClient) -> None:
    theirs = ticket_view_create(actor=factories.agent(), name="Theirs", query="")
    assert api.patch(f"/api/v1/views/{theirs.pk}", {"name": "Mine"}).status_code == 404
    assert api.delete(f"/api/v1/views/{theirs.pk}").status_code == 404


@pytest.mark.parametrize(
    "body", [{"name": "   "}, {"name": "x", "team_id": 999_999}], ids=["blank", "no team"]
)
def test_a_bad_view_is_refused_with_a_reason(api: ApiClient, body: dict[str, object]) -> None:
    response = api.post("/api/v1/views", body)
    assert response.status_code == 400
    assert response.json()["detail"]
    assert not TicketView.objects.exists()
