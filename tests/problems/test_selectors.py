from __future__ import annotations

import pytest
from pytest_django import DjangoAssertNumQueries

from frontdesk.core.errors import NotFound
from frontdesk.problems.choices import ProblemStatus
from frontdesk.problems.models import Problem
from frontdesk.problems.selectors import (
    access_problem_by_id,
    problem_customers,
    problem_list,
    problem_of_ticket,
    problem_public_text,
    problem_tickets,
)
from frontdesk.problems.services import problem_create
from frontdesk.tickets.services import ticket_set_status
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_list_counts_tickets_open_tickets_and_customers(
    django_assert_max_num_queries: DjangoAssertNumQueries,
) -> None:
    lead = factories.agent(role="lead")
    same = factories.customer()
    tickets = [factories.ticket(customer_=same), factories.ticket(customer_=same)]
    tickets.append(factories.ticket())
    problem = problem_create(actor=lead, title="Export", tickets=tickets)
    ticket_set_status(ticket=tickets[0], actor=lead, status="solved")
    problem_create(actor=lead, title="Empty")
    with django_assert_max_num_queries(1):
        counts = {
            row.title: (row.ticket_count, row.open_count, row.customer_count)
            for row in problem_list(status=ProblemStatus.OPEN)
        }
    assert counts == {"Export": (3, 2, 2), "Empty": (0, 0, 0)}
    assert list(problem_tickets(problem=problem, open_only=True)) == tickets[1:]
    assert set(problem_customers(problem=problem)) == {same, tickets[2].customer}
    assert problem_of_ticket(ticket=tickets[2]) == problem


def test_a_missing_problem_and_an_inactive_agent_alike_find_nothing() -> None:
    lead = factories.agent(role="lead")
    problem = problem_create(actor=lead, title="Export")
    with pytest.raises(NotFound):
        access_problem_by_id(actor=lead, problem_id=problem.pk + 1)
    gone = factories.agent()
    gone.is_active = False
    with pytest.raises(NotFound):
        access_problem_by_id(actor=gone, problem_id=problem.pk)


def test_the_public_text_falls_back_to_english_then_any() -> None:
    problem = Problem(public_texts={"en": "Exports are empty.", "et": "Eksport on tühi."})
    assert problem_public_text(problem=problem, language="et") == "Eksport on tühi."
    assert problem_public_text(problem=problem, language="hu") == "Exports are empty."
    only = Problem(public_texts={"he": "הייצוא ריק."})
    assert problem_public_text(problem=only, language="hu") == "הייצוא ריק."
    assert problem_public_text(problem=Problem(), language="hu") == ""
