"""Solving a problem, with the tickets a lead chooses, and its post on the status page."""

from __future__ import annotations

from collections.abc import Collection

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from frontdesk.accounts.models import User
from frontdesk.core.errors import Invalid
from frontdesk.problems.choices import ProblemStatus
from frontdesk.problems.models import Problem
from frontdesk.problems.selectors import problem_tickets
from frontdesk.problems.services.membership import _lead_only
from frontdesk.tickets.choices import Status
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.services import ticket_set_status


@transaction.atomic
def problem_solve(*, problem: Problem, actor: User, ticket_ids: Collection[int]) -> list[Ticket]:
    """Mark the problem solved (leads only) and solve those of its open tickets the lead chose;
    the tickets solved. On the status page it now reads as solved."""
    _lead_only(actor)
    problem = Problem.objects.select_for_update().get(pk=problem.pk)
    if problem.status != ProblemStatus.OPEN:
        raise Invalid(_("This problem is already solved."))
    problem.status = ProblemStatus.SOLVED
    problem.solved_by = actor
    problem.solved_at = timezone.now()
    problem.save(update_fields=["status", "solved_by", "solved_at"])
    chosen = list(problem_tickets(problem=problem, open_only=True).filter(pk__in=ticket_ids))
    for ticket in chosen:
        ticket_set_status(ticket=ticket, actor=actor, status=Status.SOLVED)
    return chosen


def problem_post(*, problem: Problem, actor: User, posted: bool) -> Problem:
    """Put the problem on the public status page, with its public text in each reader's
    language, or take it off (leads only)."""
    _lead_only(actor)
    if posted and not any((problem.public_texts or {}).values()):
        raise Invalid(_("Write the problem's public text before posting it."))
    problem.posted = posted
    problem.save(update_fields=["posted"])
    return problem
