"""Writes for routing: taking the next item, handing work out."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from django.db.models import Count

from frontdesk.accounts.choices import Assignment
from frontdesk.accounts.models import AgentPresence, Team, User
from frontdesk.accounts.selectors import presences_available
from frontdesk.accounts.services import presence_handed_work
from frontdesk.live.choices import VisitState
from frontdesk.live.selectors import visit_of_ticket
from frontdesk.live.services import visit_serve
from frontdesk.schedules.selectors import minutes_to_break
from frontdesk.tickets.choices import Channel, QueueKind
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.services import ticket_assign_if_free, ticket_take_next


def queue_take_next(*, agent: User) -> Ticket | None:
    """Take the next item; a visitor taken this way is called up to the desk at once. With a
    break near, only an item that fits before it is offered."""
    ticket = ticket_take_next(agent=agent, fits_minutes=minutes_to_break(agent=agent))
    if ticket is not None and ticket.channel == Channel.VISIT:
        visit = visit_of_ticket(ticket_id=ticket.pk)
        if visit is not None and visit.state == VisitState.WAITING:
            visit_serve(visit=visit, agent=agent)
            ticket.refresh_from_db()
    return ticket


def work_hand_out(*, now: datetime) -> int:
    """Hand each push team's free items to its available agents: round robin, or to the one
    with the fewest open items; how many were handed out."""
    handed = 0
    for team in Team.objects.exclude(assignment=Assignment.PULL):
        agents = presences_available(team=team)
        if not agents:
            continue
        free = Ticket.objects.filter(
            team=team, queue_key__isnull=False, assignee__isnull=True
        ).exclude(queue_kind=QueueKind.LIVE)
        for ticket_id in free.order_by("queue_key", "id").values_list("pk", flat=True)[:500]:
            presence = _next_agent(team, agents)
            ticket = ticket_assign_if_free(
                ticket_id=ticket_id,
                assignee=presence.agent,
                actor=None,
                note=f"Assigned to {presence.agent.display_name} ({team.assignment})",
                event={
                    "code": "handed_out",
                    "name": presence.agent.display_name,
                    "mode": team.assignment,
                },
            )
            if ticket is not None:
                # A microsecond apart, so turns stay in order within one hand-out.
                presence_handed_work(presence=presence, at=now + timedelta(microseconds=handed))
                handed += 1
    return handed


def _next_agent(team: Team, agents: list[AgentPresence]) -> AgentPresence:
    # Round robin: whoever was handed work longest ago (never: first). Load: fewest open items,
    # then the same rule among equals.
    def waited(presence: AgentPresence) -> tuple[bool, datetime, int]:
        last = presence.last_assigned_at
        return (last is not None, last or datetime.min.replace(tzinfo=UTC), presence.agent.pk)

    if team.assignment == Assignment.LOAD:
        load = dict(
            Ticket.objects.filter(assignee__in=[p.agent for p in agents], queue_key__isnull=False)
            .values_list("assignee")
            .annotate(open=Count("id"))
        )
        return min(agents, key=lambda p: (load.get(p.agent.pk, 0), *waited(p)))
    return min(agents, key=waited)
