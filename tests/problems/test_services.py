from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone, translation

from frontdesk.core.errors import Forbidden, Invalid
from frontdesk.problems.choices import AlertStatus, LinkHow
from frontdesk.problems.models import Alert
from frontdesk.problems.services import (
    alert_dismiss,
    alert_problem_make,
    problem_create,
    problem_ticket_unlink,
    problem_tickets_link,
)
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.wording import reason_texts
from tests import factories

pytestmark = pytest.mark.django_db

URGENT = "We were charged twice and nothing works, please help urgently!"


def _reports(count: int) -> list[Ticket]:
    return [
        factories.ticket(subject="Export gives 0 KB file", body=f"The CSV export is empty ({n}).")
        for n in range(count)
    ]


def test_members_become_level_3_with_the_count_of_customers_and_the_first_time() -> None:
    lead = factories.agent(role="lead")
    tickets = _reports(3)
    problem = problem_create(actor=lead, title="Empty export", tickets=tickets)
    for ticket in tickets:
        ticket.refresh_from_db()
        assert ticket.level == 3
        assert ticket.reasons[0]["code"] == "pattern"
        assert ticket.reasons[0]["detail"].startswith("reported by 3 customers since ")
        assert ticket.queue_key is not None
    assert problem.links.count() == 3


def test_the_count_stays_current_as_members_join() -> None:
    lead = factories.agent(role="lead")
    first, *later = _reports(4)
    problem = problem_create(actor=lead, title="Empty export", tickets=[first])
    first.refresh_from_db()
    assert first.reasons[0]["detail"].startswith("reported by 1 customer since ")
    problem_tickets_link(problem=problem, tickets=later, how=LinkHow.HAND, actor=lead)
    first.refresh_from_db()
    assert first.reasons[0]["detail"].startswith("reported by 4 customers since ")


def test_the_reason_reads_in_the_readers_language() -> None:
    lead = factories.agent(role="lead")
    tickets = _reports(2)
    problem_create(actor=lead, title="Empty export", tickets=tickets)
    tickets[0].refresh_from_db()
    with translation.override("et"):
        text = reason_texts(tickets[0].reasons)[0]
    assert "2" in text
    assert "reported by" not in text


def test_a_level_1_ticket_keeps_its_level_and_gets_the_reason_after_its_own() -> None:
    lead = factories.agent(role="lead")
    urgent = factories.ticket(subject="Charged twice", body=URGENT)
    assert urgent.level == 1
    problem_create(actor=lead, title="Payments", tickets=[urgent, *_reports(1)])
    urgent.refresh_from_db()
    assert urgent.level == 1
    assert urgent.reasons[-1]["code"] == "pattern"
    assert urgent.reasons[0]["code"] != "pattern"


def test_unlinking_gives_back_the_level_and_drops_the_reason() -> None:
    lead = factories.agent(role="lead")
    tickets = _reports(3)
    problem = problem_create(actor=lead, title="Empty export", tickets=tickets)
    tickets[0].refresh_from_db()
    problem_ticket_unlink(problem=problem, ticket=tickets[0], actor=lead)
    tickets[0].refresh_from_db()
    tickets[1].refresh_from_db()
    assert tickets[0].level == 4
    assert all(row["code"] != "pattern" for row in tickets[0].reasons)
    assert tickets[1].reasons[0]["detail"].startswith("reported by 2 customers since ")


def test_a_ticket_is_part_of_one_problem_at_most() -> None:
    lead = factories.agent(role="lead")
    ticket = _reports(1)[0]
    problem_create(actor=lead, title="One", tickets=[ticket])
    other = problem_create(actor=lead, title="Two")
    with pytest.raises(Invalid, match="already part of the problem"):
        problem_tickets_link(problem=other, tickets=[ticket], how=LinkHow.HAND, actor=lead)


def test_only_a_lead_makes_a_problem() -> None:
    with pytest.raises(Forbidden):
        problem_create(actor=factories.agent(), title="Mine")


def test_a_problem_needs_a_title() -> None:
    with pytest.raises(Invalid, match="title"):
        problem_create(actor=factories.agent(role="lead"), title="   ")


def _alert(tickets: list[Ticket]) -> Alert:
    now = timezone.now()
    alert = Alert.objects.create(
        signature={"terms": ["0 kb"]},
        terms=["0 kb", "export"],
        languages=["en"],
        customers=len(tickets),
        first_at=now - timedelta(minutes=20),
        alert_at=now,
    )
    alert.tickets.set(tickets)
    return alert


def test_a_lead_makes_an_alert_a_problem_with_its_tickets_and_signature() -> None:
    lead = factories.agent(role="lead")
    tickets = _reports(3)
    alert = _alert(tickets)
    problem = alert_problem_make(actor=lead, alert=alert, title="0 KB export")
    alert.refresh_from_db()
    assert alert.status == AlertStatus.PROBLEM
    assert alert.problem == problem
    assert problem.signature == {"terms": ["0 kb"]}
    assert {link.how for link in problem.links.all()} == {LinkHow.DETECTED}
    assert problem.links.count() == 3
    with pytest.raises(Invalid, match="already decided"):
        alert_dismiss(actor=lead, alert=alert)


def test_an_agent_cannot_dismiss_an_alert() -> None:
    alert = _alert(_reports(1))
    with pytest.raises(Forbidden):
        alert_dismiss(actor=factories.agent(), alert=alert)
    alert.refresh_from_db()
    assert alert.status == AlertStatus.NEW
