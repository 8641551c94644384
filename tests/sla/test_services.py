from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from pytest_django import DjangoCaptureOnCommitCallbacks

from frontdesk.accounts.models import User
from frontdesk.core.errors import Invalid
from frontdesk.sla.services import business_hours_set, sla_target_set
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.services import sla_sweep, ticket_set_status
from tests import factories

pytestmark = pytest.mark.django_db

TALLINN = ZoneInfo("Europe/Tallinn")
WEEKDAYS = {str(day): [["09:00", "17:00"]] for day in range(5)}


def at(month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=TALLINN)


@pytest.fixture
def lead() -> User:
    lead = factories.agent(role="lead")
    lead.email = "lead@example.com"
    lead.save(update_fields=["email"])
    business_hours_set(
        actor=lead, team=None, time_zone="Europe/Tallinn", windows=WEEKDAYS, holiday_country="EE"
    )
    return lead


def ticket_at(moment: datetime, body: str = "Tell me about next year's plans.") -> Ticket:
    ticket = factories.ticket(subject="Question", body=body, created_at=moment)
    ticket.refresh_from_db()
    return ticket


def test_a_new_ticket_gets_dues_for_its_level_on_business_hours(lead: User) -> None:
    urgent = ticket_at(at(11, 23, 16, 30), body="You charged me twice!")
    assert urgent.level == 1
    # One business hour for the first answer: half an hour today, half tomorrow morning.
    assert urgent.first_response_due == at(11, 24, 9, 30)
    assert urgent.resolution_due == at(11, 24, 16, 30)


def test_the_clock_stops_on_public_holidays_and_weekends(lead: User) -> None:
    # 24 and 25 December are Estonian public holidays; 26 and 27 a weekend.
    ticket = ticket_at(at(12, 23, 16))
    assert ticket.level == 4
    assert ticket.first_response_due == at(12, 28, 16)


def test_waiting_on_the_customer_pauses_the_clock(lead: User) -> None:
    agent = factories.agent()
    ticket = ticket_at(at(11, 23, 10))
    resolution_before = ticket.resolution_due
    assert resolution_before is not None
    ticket_set_status(ticket=ticket, actor=agent, status="waiting", historical_at=at(11, 23, 11))
    # The customer answers next morning: seven business hours later, the night not counted.
    ticket_set_status(ticket=ticket, actor=agent, status="open", historical_at=at(11, 24, 10))
    ticket.refresh_from_db()
    assert ticket.sla_paused_minutes == 7 * 60
    assert ticket.resolution_due == resolution_before + timedelta(hours=7)


def test_the_sweep_warns_before_a_breach_and_escalates_after_it(
    lead: User, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    ticket = ticket_at(at(11, 23, 10))
    due = ticket.first_response_due
    assert due is not None
    assert sla_sweep(now=due - timedelta(hours=2)) == (0, 0)
    assert sla_sweep(now=due - timedelta(minutes=30)) == (1, 0)
    ticket.refresh_from_db()
    assert ticket.sla_at_risk
    notes = list(ticket.messages.filter(direction="note").values_list("text", flat=True))
    assert "SLA due in 30 min" in notes
    assert sla_sweep(now=due - timedelta(minutes=20)) == (0, 0)  # warned once
    with django_capture_on_commit_callbacks(execute=True):
        assert sla_sweep(now=due + timedelta(minutes=1)) == (0, 1)
    ticket.refresh_from_db()
    assert ticket.sla_breached_at == due + timedelta(minutes=1)
    assert [m.to for m in mail.outbox] == [["lead@example.com"]]
    assert ticket.reference in mail.outbox[0].subject
    assert sla_sweep(now=due + timedelta(minutes=5)) == (0, 0)  # escalated once


def test_a_level_one_ticket_is_at_risk_only_in_the_last_quarter_of_its_hour(lead: User) -> None:
    # Warned an hour before its due, a ticket with an hour to its first answer would be "at
    # risk" the minute it arrives, and so would every level-1 row of the queue.
    urgent = ticket_at(at(11, 23, 10), body="You charged me twice!")
    assert urgent.level == 1
    due = urgent.first_response_due
    assert due == at(11, 23, 11)
    assert sla_sweep(now=at(11, 23, 10, 1)) == (0, 0)
    assert sla_sweep(now=due - timedelta(minutes=16)) == (0, 0)
    assert sla_sweep(now=due - timedelta(minutes=15)) == (1, 0)
    urgent.refresh_from_db()
    assert urgent.sla_at_risk


def test_a_paused_ticket_is_not_swept(lead: User) -> None:
    agent = factories.agent()
    ticket = ticket_at(at(11, 23, 10))
    ticket_set_status(ticket=ticket, actor=agent, status="on_hold")
    assert sla_sweep(now=at(11, 30, 10)) == (0, 0)


def test_a_lead_sets_the_targets_per_level(lead: User) -> None:
    sla_target_set(actor=lead, level=4, first_response_minutes=30, resolution_minutes=120)
    ticket = ticket_at(at(11, 23, 10))
    assert ticket.first_response_due == at(11, 23, 10, 30)
    with pytest.raises(Invalid, match="before the solution"):
        sla_target_set(actor=lead, level=4, first_response_minutes=300, resolution_minutes=120)
    with pytest.raises(Invalid, match="Only a lead"):
        sla_target_set(
            actor=factories.agent(), level=4, first_response_minutes=30, resolution_minutes=120
        )


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"holiday_country": "XX"}, "No public holidays are known for XX"),
        ({"time_zone": "Mars/Olympus"}, "unknown time zone"),
        ({"windows": {"0": [["17:00", "09:00"]]}}, "must end after it starts"),
        ({"windows": {"0": [["nine", "five"]]}}, "Invalid isoformat"),
    ],
)
def test_business_hours_that_make_no_sense_are_refused(
    lead: User, changes: dict[str, Any], problem: str
) -> None:
    values: dict[str, Any] = {
        "time_zone": "Europe/Tallinn",
        "windows": WEEKDAYS,
        "holiday_country": "EE",
    }
    values.update(changes)
    with pytest.raises(Invalid, match=problem):
        business_hours_set(actor=lead, team=None, **values)


def test_a_breach_found_a_day_late_is_recorded_without_mail(
    lead: User, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    ticket = ticket_at(at(11, 23, 10))
    due = ticket.first_response_due
    assert due is not None
    with django_capture_on_commit_callbacks(execute=True):
        assert sla_sweep(now=due + timedelta(days=2)) == (0, 1)
    ticket.refresh_from_db()
    assert ticket.sla_breached_at is not None
    assert mail.outbox == []


def test_many_breaches_found_at_once_are_one_mail_per_lead(
    lead: User, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    # A weekend's backlog reaches its due together on Monday, or a worker restarts after
    # being down: the leads get one list, not a mail per ticket.
    tickets = [ticket_at(at(11, 23, 10)) for _ in range(5)]
    due = tickets[0].first_response_due
    assert due is not None
    with django_capture_on_commit_callbacks(execute=True):
        assert sla_sweep(now=due + timedelta(minutes=1)) == (0, 5)
    assert [m.to for m in mail.outbox] == [["lead@example.com"]]
    assert "5 tickets" in mail.outbox[0].subject
    for ticket in tickets:
        assert ticket.reference in mail.outbox[0].body
        assert f"/desk/tickets/{ticket.pk}/" in mail.outbox[0].body
        notes = ticket.messages.filter(direction="note").values_list("text", flat=True)
        assert "SLA breached: escalated to the leads" in notes


def test_a_desk_restarted_after_a_weekend_sends_one_list_of_what_it_can_still_act_on(
    lead: User, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    friday = [ticket_at(at(11, 19, 10)) for _ in range(3)]  # due on Thursday afternoon
    monday = [ticket_at(at(11, 23, 9)) for _ in range(4)]
    due = monday[0].first_response_due
    assert due is not None
    with django_capture_on_commit_callbacks(execute=True):
        assert sla_sweep(now=due + timedelta(hours=3)) == (0, 7)
    assert len(mail.outbox) == 1
    assert "4 tickets" in mail.outbox[0].subject
    assert all(ticket.reference not in mail.outbox[0].body for ticket in friday)
