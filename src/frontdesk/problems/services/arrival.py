"""A new contact about a known problem: linked as it arrives, and told in its acknowledgement
that the desk knows of the problem."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _

from frontdesk.engine.problems import Report, signature_matches
from frontdesk.problems.adapters import signature_of
from frontdesk.problems.choices import LinkHow, ProblemStatus
from frontdesk.problems.models import Problem
from frontdesk.problems.selectors import problem_of_ticket
from frontdesk.problems.services.membership import problem_tickets_link
from frontdesk.tickets.models import Ticket


def problem_link_on_arrival(*, ticket: Ticket, body: str) -> Problem | None:
    """Link a new ticket to the open problem its words match (newest problem first), which
    gives it level 3 and the problem's reason; the problem, or None when none matches."""
    report = Report(
        id=str(ticket.pk),
        arrived_at=ticket.created_at,
        channel=ticket.channel,
        subject=ticket.subject,
        body=body,
        customer=str(ticket.customer_id),
    )
    for problem in Problem.objects.filter(status=ProblemStatus.OPEN).order_by("-created_at"):
        signature = signature_of(problem.signature)
        if signature is not None and signature_matches(signature, report):
            problem_tickets_link(problem=problem, tickets=[ticket], how=LinkHow.ARRIVAL)
            return problem
    return None


def problem_acknowledgement_line(ticket: Ticket) -> str:
    """For the acknowledgement of a ticket in an open problem: the problem's public text in the
    active language (the customer's), else a line saying the desk knows of it; empty for a
    ticket in no open problem."""
    problem = problem_of_ticket(ticket=ticket)
    if problem is None or problem.status != ProblemStatus.OPEN:
        return ""
    language = translation.get_language() or ""
    return (problem.public_texts or {}).get(language) or _(
        "We already know of this problem and are working on it. We will write to you as soon "
        "as it is solved."
    )
