"""Reads for problems: the alerts waiting for a lead, the problems, their tickets, customers and
public texts (outreach reads these to notify the likely affected)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, TypedDict

from django.conf import settings
from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from frontdesk.accounts.models import User
from frontdesk.core.errors import NotFound
from frontdesk.customers.models import Customer
from frontdesk.problems.choices import AlertStatus, ProblemStatus
from frontdesk.problems.constants import SOLVED_POSTED_HOURS
from frontdesk.problems.models import Alert, Problem, ProblemTicket
from frontdesk.tickets.choices import OPEN_STATUSES
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.visibility import ticket_visible

if TYPE_CHECKING:
    from django_stubs_ext import WithAnnotations


class ProblemCounts(TypedDict):
    """What problem_list counts on each problem."""

    ticket_count: int
    open_count: int
    customer_count: int


def problem_list(*, status: str = "") -> QuerySet[WithAnnotations[Problem, ProblemCounts]]:
    """Problems, newest first, with how many tickets (and open tickets) each has; `status`
    narrows to open or solved."""
    problems = Problem.objects.annotate(
        ticket_count=Count("links", distinct=True),
        open_count=Count("links", filter=Q(links__ticket__status__in=OPEN_STATUSES), distinct=True),
        customer_count=Count("links__ticket__customer", distinct=True),
    ).order_by("-created_at", "-id")
    return problems.filter(status=status) if status else problems


def problem_list_with_tickets(
    *, status: str = "", actor: User | None = None
) -> QuerySet[WithAnnotations[Problem, ProblemCounts]]:
    """problem_list, each problem's memberships with their tickets fetched at once; with
    `actor`, only the memberships of tickets the agent may see (the counts stay whole)."""
    links = ProblemTicket.objects.select_related("ticket").order_by("linked_at", "id")
    if actor is not None:
        links = links.filter(ticket_visible(actor, prefix="ticket__"))
    return problem_list(status=status).prefetch_related(Prefetch("links", queryset=links))


def problem_list_open() -> QuerySet[Problem]:
    """The open problems, newest first."""
    return Problem.objects.filter(status=ProblemStatus.OPEN).order_by("-created_at", "-id")


def access_problem_by_id(*, actor: User, problem_id: int) -> Problem:
    """The problem for an active agent; NotFound for a missing id or an inactive agent alike."""
    problem = Problem.objects.filter(pk=problem_id).first() if actor.is_active else None
    if problem is None:
        raise NotFound("Problem not found.")
    return problem


def problem_links(*, problem: Problem, actor: User | None = None) -> QuerySet[ProblemTicket]:
    """The problem's memberships, oldest first, with each ticket and its customer; with
    `actor`, those of tickets the agent may see."""
    links = (
        problem.links.all()
        if actor is None
        else problem.links.filter(ticket_visible(actor, prefix="ticket__"))
    )
    return (
        links.select_related("ticket__customer", "linked_by")
        .prefetch_related("ticket__customer__identities")
        .order_by("linked_at", "id")
    )


def problem_tickets(*, problem: Problem, open_only: bool = False) -> QuerySet[Ticket]:
    """The problem's tickets, oldest first, with their customers; `open_only`: those not yet
    solved or closed."""
    tickets = (
        Ticket.objects.filter(problem_link__problem=problem)
        .select_related("customer")
        .order_by("created_at", "id")
    )
    return tickets.filter(status__in=OPEN_STATUSES) if open_only else tickets


def problem_customers(*, problem: Problem) -> QuerySet[Customer]:
    """The distinct customers who reported the problem."""
    return Customer.objects.filter(tickets__problem_link__problem=problem).distinct()


def problem_of_ticket(*, ticket: Ticket) -> Problem | None:
    """The problem the ticket is part of, if any."""
    link = ProblemTicket.objects.select_related("problem").filter(ticket=ticket).first()
    return link.problem if link else None


def problem_public_text(*, problem: Problem, language: str) -> str:
    """The problem's public text in a language, else in the desk's default language, else the
    first there is; empty when it has none."""
    texts: Mapping[str, str] = problem.public_texts or {}
    return (
        texts.get(language)
        or texts.get(settings.LANGUAGE_CODE)
        or next((text for text in texts.values() if text), "")
    )


def problems_posted(*, now: datetime | None = None) -> QuerySet[Problem]:
    """The problems on the public status page: open ones, then those solved in the last
    SOLVED_POSTED_HOURS (shown as solved); older solved ones are gone from it."""
    since = (now or timezone.now()) - timedelta(hours=SOLVED_POSTED_HOURS)
    shown = Q(status=ProblemStatus.OPEN) | Q(solved_at__gte=since)
    return Problem.objects.filter(shown, posted=True).order_by("status", "-created_at", "-id")


def alert_list_new() -> QuerySet[Alert]:
    """The alerts waiting for a lead, newest first, with the reports behind them."""
    reports = Ticket.objects.select_related("customer").order_by("created_at", "id")
    return (
        Alert.objects.filter(status=AlertStatus.NEW)
        .prefetch_related(Prefetch("tickets", queryset=reports))
        .order_by("-alert_at", "-id")
    )


def alert_count_new() -> int:
    """How many alerts wait for a lead (the count in the desk's navigation)."""
    return Alert.objects.filter(status=AlertStatus.NEW).count()


def access_alert_by_id(*, actor: User, alert_id: int) -> Alert:
    """The alert for an active agent; NotFound for a missing id or an inactive agent alike."""
    alert = Alert.objects.filter(pk=alert_id).first() if actor.is_active else None
    if alert is None:
        raise NotFound("Alert not found.")
    return alert
