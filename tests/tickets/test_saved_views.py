import pytest
from django.test import Client
from pytest_django import DjangoAssertNumQueries

from frontdesk.accounts.models import User
from frontdesk.core.errors import Forbidden, Invalid, NotFound
from frontdesk.tickets.forms import ticket_filter_read
from frontdesk.tickets.models import TicketView
from frontdesk.tickets.selectors import (
    access_ticket_view_by_id,
    ticket_count,
    ticket_views_for,
)
from frontdesk.tickets.services import (
    ticket_assign,
    ticket_tags_set,
    ticket_view_create,
    ticket_view_delete,
    ticket_view_move,
    ticket_view_update,
)
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_personal_view_is_its_owners_alone(agent: User) -> None:
    other = factories.agent()
    view = ticket_view_create(actor=agent, name="  My   VAT ", query="status=open&tag=vat")
    assert view.name == "My VAT"
    assert ticket_views_for(actor=agent) == [view]
    assert ticket_views_for(actor=other) == []
    with pytest.raises(NotFound):
        access_ticket_view_by_id(actor=other, view_id=view.pk)
    with pytest.raises(Forbidden):
        ticket_view_delete(actor=other, view=view)


def test_a_team_view_is_seen_by_the_teams_members_only() -> None:
    lead = factories.agent(role="lead")
    member, outsider = factories.agent(), factories.agent()
    billing = factories.team(name="Billing", members=[member])
    view = ticket_view_create(actor=lead, name="Billing open", query="status=open", team=billing)
    assert ticket_views_for(actor=member) == [view]
    assert ticket_views_for(actor=lead) == [view]
    assert ticket_views_for(actor=outsider) == []
    assert access_ticket_view_by_id(actor=member, view_id=view.pk) == view
    with pytest.raises(NotFound):
        access_ticket_view_by_id(actor=outsider, view_id=view.pk)


def test_only_a_lead_makes_or_changes_a_team_view(agent: User) -> None:
    lead = factories.agent(role="lead")
    team = factories.team(members=[agent])
    with pytest.raises(Forbidden):
        ticket_view_create(actor=agent, name="Ours", query="", team=team)
    view = ticket_view_create(actor=lead, name="Ours", query="", team=team)
    with pytest.raises(Forbidden):
        ticket_view_update(actor=agent, view=view, name="Mine now")
    ticket_view_update(actor=lead, view=view, name="Team's")
    assert TicketView.objects.get(pk=view.pk).name == "Team's"


@pytest.mark.parametrize("name", ["", "   ", "x" * 61])
def test_a_view_needs_a_short_name(agent: User, name: str) -> None:
    with pytest.raises(Invalid):
        ticket_view_create(actor=agent, name=name, query="")
    assert not TicketView.objects.exists()


def test_views_are_renamed_moved_and_removed(agent: User) -> None:
    first, second, third = (
        ticket_view_create(actor=agent, name=name, query="") for name in ("A", "B", "C")
    )
    ticket_view_move(actor=agent, view=third, offset=-1)
    assert [view.name for view in ticket_views_for(actor=agent)] == ["A", "C", "B"]
    ticket_view_move(actor=agent, view=first, offset=1)
    ticket_view_move(actor=agent, view=second, offset=1)  # already last: stays
    assert [view.name for view in ticket_views_for(actor=agent)] == ["C", "A", "B"]
    ticket_view_update(actor=agent, view=second, name="Bee")
    ticket_view_delete(actor=agent, view=first)
    assert [view.name for view in ticket_views_for(actor=agent)] == ["C", "Bee"]


def test_a_view_reads_its_filters_through_the_list_form() -> None:
    # A filter the form no longer accepts is dropped; the others still narrow.
    _form, filters = ticket_filter_read("status=waiting&channel=fax&tag=VAT&unknown=1")
    assert (filters.status, filters.channel, filters.tag) == ("waiting", "", "VAT")
    # No filters at all is the list's own default: the open tickets.
    assert ticket_filter_read("")[1].status == "open"


def test_counts_follow_changes_at_once(agent: User) -> None:
    mine_filters = ticket_filter_read("status=open&assignee=me")[1]
    tagged_filters = ticket_filter_read("status=open&tag=vat")[1]
    one, two = factories.ticket(), factories.ticket()
    assert ticket_count(actor=agent, filters=mine_filters) == 0
    ticket_assign(ticket=one, actor=agent, assignee=agent)
    assert ticket_count(actor=agent, filters=mine_filters) == 1
    assert ticket_count(actor=agent, filters=tagged_filters) == 0
    ticket_tags_set(ticket=two, tags=["vat"], actor=agent)
    assert ticket_count(actor=agent, filters=tagged_filters) == 1


def test_the_list_opens_a_view_and_shows_every_count(agent: User, agent_client: Client) -> None:
    vat = factories.ticket(subject="VAT question")
    factories.ticket(subject="Printer")
    ticket_tags_set(ticket=vat, tags=["vat"], actor=agent)
    view = ticket_view_create(actor=agent, name="VAT work", query="status=open&tag=vat")
    html = agent_client.get(f"/desk/tickets/?view={view.pk}").content.decode()
    assert "VAT question" in html
    assert "Printer" not in html
    assert 'aria-current="true"><bdi>VAT work</bdi>' in html
    unassigned = agent_client.get("/desk/tickets/?view=unassigned").content.decode()
    assert "Printer" in unassigned


def test_someone_elses_view_is_not_found_on_the_list(agent_client: Client) -> None:
    view = ticket_view_create(actor=factories.agent(), name="Theirs", query="")
    assert agent_client.get(f"/desk/tickets/?view={view.pk}").status_code == 404


def test_the_views_poll_refreshes_just_the_sidebar(agent: User, agent_client: Client) -> None:
    ticket_view_create(actor=agent, name="Everything", query="status=")
    factories.ticket()
    response = agent_client.get(
        "/desk/tickets/", HTTP_HX_REQUEST="true", HTTP_HX_TARGET="ticket-views"
    )
    html = response.content.decode()
    assert "<html" not in html
    assert "<bdi>Everything</bdi>" in html
    assert '<span class="count" title="Tickets in this view">1</span>' in html


def test_twenty_views_cost_one_count_each_and_none_while_remembered(
    agent: User, agent_client: Client, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    for number in range(20):
        ticket_view_create(actor=agent, name=f"View {number}", query=f"status=open&tag=t{number}")
    poll = {"HX-Request": "true", "HX-Target": "ticket-views"}
    # The desk's hours and access by team, the session and the agent, the teams and views,
    # then one count per view (22 with the built-in ones); while remembered, no count at all.
    with django_assert_max_num_queries(6 + 22):
        agent_client.get("/desk/tickets/", headers=poll)
    with django_assert_max_num_queries(5):
        agent_client.get("/desk/tickets/", headers=poll)


def test_an_agent_saves_the_lists_filters_as_a_view(agent: User, agent_client: Client) -> None:
    response = agent_client.post(
        "/desk/tickets/views/new/", {"name": "Waiting", "query": "status=waiting"}
    )
    view = TicketView.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/desk/tickets/?view={view.pk}"
    assert (view.owner, view.team, view.query) == (agent, None, "status=waiting")


def test_an_agents_team_choice_is_ignored_and_a_lead_makes_a_team_view(
    agent: User, agent_client: Client
) -> None:
    team = factories.team(members=[agent])
    agent_client.post(
        "/desk/tickets/views/new/", {"name": "Mine", "query": "", "team": str(team.pk)}
    )
    assert TicketView.objects.get().team is None
    lead = factories.agent(role="lead")
    lead_client = Client()
    lead_client.force_login(lead)
    lead_client.post(
        "/desk/tickets/views/new/", {"name": "Team's", "query": "", "team": str(team.pk)}
    )
    assert TicketView.objects.get(owner=lead).team == team


def test_a_view_without_a_name_is_refused_next_to_the_field(agent_client: Client) -> None:
    response = agent_client.post("/desk/tickets/views/new/", {"name": " ", "query": "status="})
    assert response.status_code == 400
    assert 'class="field-error"' in response.content.decode()
    assert 'value="status="' in response.content.decode()


def test_the_views_page_renames_moves_and_removes(agent: User, agent_client: Client) -> None:
    first = ticket_view_create(actor=agent, name="First", query="")
    second = ticket_view_create(actor=agent, name="Second", query="")
    agent_client.post(f"/desk/tickets/views/{first.pk}/rename/", {"name": "Renamed"})
    agent_client.post(f"/desk/tickets/views/{second.pk}/up/")
    assert [view.name for view in ticket_views_for(actor=agent)] == ["Second", "Renamed"]
    agent_client.post(f"/desk/tickets/views/{second.pk}/down/")
    agent_client.post(f"/desk/tickets/views/{first.pk}/delete/")
    assert [view.name for view in ticket_views_for(actor=agent)] == ["Second"]
    assert "Second" in agent_client.get("/desk/tickets/views/").content.decode()


def test_an_agent_cannot_remove_a_team_view(agent: User, agent_client: Client) -> None:
    team = factories.team(members=[agent])
    view = ticket_view_create(actor=factories.agent(role="lead"), name="T", query="", team=team)
    assert agent_client.post(f"/desk/tickets/views/{view.pk}/delete/").status_code == 403
    assert TicketView.objects.filter(pk=view.pk).exists()
