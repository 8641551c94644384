from __future__ import annotations

import pytest
from django.utils import timezone

from frontdesk.accounts.models import Team, User
from frontdesk.accounts.services import presence_set
from frontdesk.routing.services import work_hand_out
from frontdesk.tickets.models import Ticket
from tests import factories

pytestmark = pytest.mark.django_db


def _team(assignment: str, *agents: User) -> Team:
    return factories.team(name=f"Team {assignment}", assignment=assignment, members=agents)


def _tickets(team: Team, count: int) -> list[Ticket]:
    made = []
    for n in range(count):
        ticket = factories.ticket(subject=f"Question {n}", body="Plans for next year?")
        Ticket.objects.filter(pk=ticket.pk).update(team=team)
        made.append(ticket)
    return made


def test_round_robin_hands_items_out_in_turn_to_available_agents() -> None:
    anna, eli, sam = factories.agent(), factories.agent(), factories.agent()
    for agent in (anna, eli):
        presence_set(agent=agent, state="available")
    presence_set(agent=sam, state="break")
    team = _team("round_robin", anna, eli, sam)
    _tickets(team, 4)
    assert work_hand_out(now=timezone.now()) == 4
    counts = {a.username: Ticket.objects.filter(assignee=a).count() for a in (anna, eli, sam)}
    assert counts == {anna.username: 2, eli.username: 2, sam.username: 0}


def test_load_aware_hands_items_to_the_least_busy() -> None:
    busy, idle = factories.agent(), factories.agent()
    for agent in (busy, idle):
        presence_set(agent=agent, state="available")
    team = _team("load", busy, idle)
    for ticket in _tickets(team, 3):
        Ticket.objects.filter(pk=ticket.pk).update(assignee=busy)
    _tickets(team, 2)
    assert work_hand_out(now=timezone.now()) == 2
    assert Ticket.objects.filter(assignee=idle).count() == 2


def test_pull_teams_and_nobody_available_hand_out_nothing() -> None:
    agent = factories.agent()
    _tickets(_team("pull", agent), 2)
    presence_set(agent=agent, state="available")
    off = factories.agent()
    _tickets(_team("round_robin", off), 2)
    assert work_hand_out(now=timezone.now()) == 0
    assert not Ticket.objects.filter(assignee__isnull=False).exists()
