"""Leads manage teams and agents: who may change what, the last admin kept, and deactivating
an agent handing their work back."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from frontdesk.accounts.models import ApiToken, Team, User
from frontdesk.accounts.services import (
    agent_deactivate,
    agent_reactivate,
    agent_set_role,
    team_save,
)
from frontdesk.accounts.tokens import token_authenticate
from frontdesk.core.changes import change_list, changes_read
from frontdesk.core.errors import Forbidden, Invalid
from frontdesk.journal.models import FollowUp
from frontdesk.journal.services import follow_up_make
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.services import ticket_assign
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_last_admin_is_neither_demoted_nor_deactivated() -> None:
    admin = factories.agent(role="admin")
    lead = factories.agent(role="lead")
    with pytest.raises(Invalid, match="own role"):
        agent_set_role(agent=admin, role="lead", actor=admin)
    with pytest.raises(Invalid, match="yourself"):
        agent_deactivate(actor=admin, agent=admin)
    with pytest.raises(Forbidden):
        agent_set_role(agent=admin, role="lead", actor=lead)
    with pytest.raises(Forbidden):
        agent_deactivate(actor=lead, agent=admin)
    admin.refresh_from_db()
    assert (admin.role, admin.is_active) == ("admin", True)


def test_a_lead_cannot_touch_admins_or_themselves_and_agents_change_nothing() -> None:
    factories.agent(role="admin")
    lead, agent = factories.agent(role="lead"), factories.agent()
    admin = factories.agent(role="admin")
    with pytest.raises(Forbidden):
        agent_set_role(agent=admin, role="agent", actor=lead)
    with pytest.raises(Forbidden):
        agent_set_role(agent=agent, role="admin", actor=lead)
    with pytest.raises(Forbidden):
        agent_deactivate(actor=lead, agent=admin)
    with pytest.raises(Invalid, match="yourself"):
        agent_deactivate(actor=lead, agent=lead)
    with pytest.raises(Forbidden):
        agent_set_role(agent=lead, role="agent", actor=agent)
    agent_set_role(agent=agent, role="lead", actor=lead)
    assert agent.role == "lead"


def test_deactivating_hands_back_tickets_follow_ups_and_tokens_and_stops_log_in() -> None:
    lead = factories.agent(role="lead")
    leaving = factories.agent(username="leaving", password="pw-leaving")
    token = factories.api_token(leaving)
    answered = factories.ticket(subject="Answered, waiting on the customer")
    fresh = factories.ticket(subject="Not answered yet")
    for ticket in (answered, fresh):
        ticket_assign(ticket=ticket, actor=lead, assignee=leaving)
    Ticket.objects.filter(pk=answered.pk).update(
        status="waiting", first_responded_at=timezone.now()
    )
    promise = follow_up_make(
        customer=factories.customer(),
        owner=leaving,
        text="Call back about the invoice",
        due_at=timezone.now() + timedelta(hours=2),
    )

    released = agent_deactivate(actor=lead, agent=leaving)

    assert released == [
        "2 tickets back to the queue.",
        f"1 follow-up handed to {lead.display_name}.",
        "1 API token revoked.",
    ]
    assert not Ticket.objects.filter(pk__in=[answered.pk, fresh.pk], assignee=leaving).exists()
    promise = FollowUp.objects.select_related("ticket").get(pk=promise.pk)
    assert (promise.owner, promise.ticket.assignee) == (lead, lead)
    assert token_authenticate(raw=token) is None
    assert ApiToken.objects.get(user=leaving).revoked_at is not None
    assert not Client().login(username="leaving", password="pw-leaving")
    # Back again: they log in, their old tokens stay revoked.
    agent_reactivate(actor=lead, agent=leaving)
    assert Client().login(username="leaving", password="pw-leaving")
    assert token_authenticate(raw=token) is None


def test_the_agent_page_says_what_deactivating_released() -> None:
    lead = factories.agent(role="lead")
    leaving = factories.agent()
    ticket_assign(ticket=factories.ticket(), actor=lead, assignee=leaving)
    client = Client()
    client.force_login(lead)
    answer = client.post(reverse("people:agent_deactivate", args=[leaving.pk]), follow=True)
    page = answer.content.decode()
    assert "1 ticket back to the queue." in page
    assert "deactivated" in page


def test_team_names_are_unique_whatever_their_case() -> None:
    lead = factories.agent(role="lead")
    team_save(actor=lead, team=None, name="Billing")
    with pytest.raises(Invalid, match="exists already"):
        team_save(actor=lead, team=None, name=" billing ")
    assert Team.objects.count() == 1


def test_a_lead_adds_a_team_with_members_and_changes_it_on_its_page() -> None:
    lead = factories.agent(role="lead")
    anna, bert = factories.agent(), factories.agent()
    client = Client()
    client.force_login(lead)
    added = client.post(
        reverse("people:teams"),
        {
            "name": "Billing",
            "email": "billing@example.com",
            "assignment": "round_robin",
            "members": [anna.pk, bert.pk],
        },
    )
    assert added.status_code == 302
    team = Team.objects.get(name="Billing")
    assert set(team.members.all()) == {anna, bert}
    listing = client.get(reverse("people:teams")).content.decode()
    assert "Billing" in listing
    changed = client.post(
        reverse("people:team", args=[team.pk]),
        {"name": "Billing and refunds", "email": "", "assignment": "pull", "members": [anna.pk]},
    )
    assert changed.status_code == 302
    team.refresh_from_db()
    assert (team.name, list(team.members.all())) == ("Billing and refunds", [anna])
    # The change record: who changed the name, from what to what, also under the form.
    [renaming] = [
        change
        for change in changes_read(change_list(model=Team, object_id=team.pk))
        if any(field.label == "name" for field in change.fields) and change.action == "changed"
    ]
    assert renaming.who == lead.display_name
    assert [(f.before, f.after) for f in renaming.fields if f.label == "name"] == [
        ("Billing", "Billing and refunds")
    ]
    page = client.get(reverse("people:team", args=[team.pk])).content.decode()
    assert '<span class="before">Billing</span>' in page or "Billing</" in page


def test_a_role_changed_on_the_agents_page_is_recorded_with_who_changed_it() -> None:
    lead, agent = factories.agent(role="lead"), factories.agent()
    client = Client()
    client.force_login(lead)
    answer = client.post(
        reverse("people:agent", args=[agent.pk]), {"role": "lead", "language": "he"}
    )
    assert answer.status_code == 302
    agent.refresh_from_db()
    assert (agent.role, agent.language) == ("lead", "he")
    changes = [
        change
        for change in changes_read(change_list(model=User, object_id=agent.pk))
        if change.action == "changed"
    ]
    assert {change.who for change in changes} == {lead.display_name}
    fields = {(f.label, f.before, f.after) for change in changes for f in change.fields}
    assert {("role", "Agent", "Lead"), ("language", "English", "עברית")} <= fields


def test_an_agent_reads_the_teams_page_but_cannot_add_a_team(agent_client: Client) -> None:
    page = agent_client.get(reverse("people:teams"))
    assert page.status_code == 200
    assert "Add team" not in page.content.decode()
    refused = agent_client.post(reverse("people:teams"), {"name": "Mine", "assignment": "pull"})
    assert refused.status_code == 403
    assert not Team.objects.exists()


def test_every_agent_makes_sees_and_revokes_only_their_own_tokens(agent_client: Client) -> None:
    other = factories.agent()
    theirs = factories.api_token(other)
    made = agent_client.post(
        reverse("people:tokens"), {"name": "CRM sync", "scope": "read", "days": "90"}
    )
    assert made.status_code == 200
    page = made.content.decode()
    raw = page.split('id="token-made" value="', 1)[1].split('"', 1)[0]
    assert raw.startswith("fd_")
    assert token_authenticate(raw=raw) is not None
    # Shown once: the next visit lists it by its first characters only.
    again = agent_client.get(reverse("people:tokens")).content.decode()
    assert raw not in again
    assert raw[:10] in again
    assert theirs[:10] not in again
    other_token = ApiToken.objects.get(user=other)
    refused = agent_client.post(reverse("people:token_revoke", args=[other_token.pk]))
    assert refused.status_code == 404
    mine = ApiToken.objects.get(name="CRM sync")
    agent_client.post(reverse("people:token_revoke", args=[mine.pk]))
    assert token_authenticate(raw=raw) is None
    still = token_authenticate(raw=theirs)
    assert still is not None
    assert still.user == other
