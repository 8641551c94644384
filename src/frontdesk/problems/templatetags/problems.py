"""What the problems app shows on other apps' pages: the count in the navigation, a ticket's
problem, and the status page's posts."""

from __future__ import annotations

from django import template
from django.utils import translation

from frontdesk.accounts.models import User
from frontdesk.problems.models import Problem
from frontdesk.problems.selectors import (
    alert_count_new,
    problem_list_open,
    problem_of_ticket,
    problem_public_text,
    problems_posted,
)
from frontdesk.tickets.models import Ticket

register = template.Library()


@register.simple_tag
def alerts_waiting(user: User) -> int:
    """How many alerts wait for a lead; 0 for anyone else, who does not decide them."""
    return alert_count_new() if user.is_authenticated and user.is_lead else 0


@register.simple_tag
def ticket_problem(ticket: Ticket) -> Problem | None:
    """The problem the ticket is part of, if any."""
    return problem_of_ticket(ticket=ticket)


@register.simple_tag
def problems_open() -> list[Problem]:
    """The open problems, to link a ticket to."""
    return list(problem_list_open())


@register.simple_tag
def status_posts() -> list[tuple[Problem, str]]:
    """The problems on the status page with their text in the reader's language."""
    language = translation.get_language() or "en"
    return [
        (problem, problem_public_text(problem=problem, language=language) or problem.title)
        for problem in problems_posted()
    ]
