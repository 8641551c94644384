"""Reads of tickets for the lead's reports: the rows of a date range, the backlog by age, and
the holding replies sent. Each is one query whatever the number of tickets; the reports app
turns them into figures."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, Q

from frontdesk.tickets.choices import OPEN_STATUSES, MessageDirection, QueueKind
from frontdesk.tickets.constants import HOLDING_REPLY
from frontdesk.tickets.models import Message, Ticket


@dataclass(frozen=True)
class TicketTimes:
    """One customer contact's times and where it belongs, as reports count it."""

    ticket_id: int
    channel: str
    level: int
    team_id: int | None
    assignee_id: int | None
    customer_is_key: bool
    customer_first_seen: datetime
    created_at: datetime
    first_responded_at: datetime | None
    solved_at: datetime | None
    first_response_due: datetime | None
    resolution_due: datetime | None
    sla_breached_at: datetime | None


def _contacts() -> Q:
    # A follow-up is the desk's own promise, not a contact; a merged ticket lives on in another.
    return Q(merged_into__isnull=True) & ~Q(queue_kind=QueueKind.FOLLOW_UP)


def ticket_times_between(*, since: datetime, until: datetime) -> list[TicketTimes]:
    """Every customer contact created or solved in [since, until), with its times."""
    in_range = Q(created_at__gte=since, created_at__lt=until) | Q(
        solved_at__gte=since, solved_at__lt=until
    )
    rows = (
        Ticket.objects.filter(_contacts() & in_range)
        .order_by("created_at", "id")
        .values_list(
            "id",
            "channel",
            "level",
            "team_id",
            "assignee_id",
            "customer__is_key",
            "customer__first_seen",
            "created_at",
            "first_responded_at",
            "solved_at",
            "first_response_due",
            "resolution_due",
            "sla_breached_at",
        )
    )
    return [TicketTimes(*row) for row in rows]


def backlog_by_age(*, now: datetime, bounds: Sequence[timedelta]) -> list[int]:
    """Open customer contacts now, counted by age: younger than each bound in turn, then the
    rest (len(bounds) + 1 counts, ascending bounds)."""
    counts: dict[str, Count] = {}
    lower: datetime | None = None
    for index, bound in enumerate(bounds):
        upper = now - bound  # created after this: younger than the bound
        window = (
            Q(created_at__gt=upper)
            if lower is None
            else Q(created_at__gt=upper) & Q(created_at__lte=lower)
        )
        counts[f"age_{index}"] = Count("id", filter=window)
        lower = upper
    counts["older"] = Count("id", filter=Q(created_at__lte=lower) if lower else Q())
    found = Ticket.objects.filter(_contacts(), status__in=OPEN_STATUSES).aggregate(**counts)
    return [found[f"age_{index}"] for index in range(len(bounds))] + [found["older"]]


def holding_replies_between(*, since: datetime, until: datetime) -> tuple[int, int]:
    """Holding replies sent in [since, until): (by agents, by the desk itself)."""
    flagged = (
        Message.objects.filter(
            direction=MessageDirection.OUT, created_at__gte=since, created_at__lt=until
        )
        .exclude(flags=[])
        .values_list("flags", "author_agent_id")
    )
    # Filtered here, not by a JSON lookup: SQLite has no `contains` on JSON lists.
    by_agents = by_desk = 0
    for flags, agent_id in flagged:
        if HOLDING_REPLY in flags:
            if agent_id is None:
                by_desk += 1
            else:
                by_agents += 1
    return by_agents, by_desk
