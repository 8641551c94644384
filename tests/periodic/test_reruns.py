"""A task handed back after its worker died runs again: its side effects happen once. And two
sweeps running at once (a backlog of sweep jobs) record and escalate each breach once."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.utils import timezone

from frontdesk.accounts.models import User
from frontdesk.mail.models import OutboundMail
from frontdesk.problems.constants import ALERT_MAIL
from frontdesk.problems.services import alert_mail_leads, problems_detect
from frontdesk.sla.services import business_hours_set
from frontdesk.tickets.constants import SLA_ESCALATION_MAIL, SLA_ESCALATIONS_MAIL
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.services import sla_sweep
from frontdesk.tickets.services.delivery import (
    acknowledgement_deliver,
    sla_escalation_deliver,
    sla_escalations_deliver,
)
from tests import factories
from tests.problems.test_detection import _burst

pytestmark = pytest.mark.django_db(transaction=True)

TALLINN = ZoneInfo("Europe/Tallinn")
WEEKDAYS = {str(day): [["09:00", "17:00"]] for day in range(5)}
MONDAY_TEN = datetime(2026, 11, 23, 10, tzinfo=TALLINN)


@pytest.fixture
def leads() -> list[User]:
    first = factories.agent(role="lead", email="lea@desk.example")
    business_hours_set(
        actor=first, team=None, time_zone="Europe/Tallinn", windows=WEEKDAYS, holiday_country="EE"
    )
    return [first, factories.agent(role="lead", email="leo@desk.example")]


def mails_about(about: str) -> list[tuple[str, int | None]]:
    rows = OutboundMail.objects.filter(about=about).order_by("pk")
    return [(row.to[0], row.about_id) for row in rows]


def test_an_escalation_sent_twice_mails_each_lead_once(leads: list[User]) -> None:
    ticket = factories.ticket(subject="Question", body="Plans for next year?")
    assert sla_escalation_deliver(ticket_id=ticket.pk) == 2
    assert sla_escalation_deliver(ticket_id=ticket.pk) == 0
    assert sorted(mails_about(SLA_ESCALATION_MAIL)) == [
        ("lea@desk.example", ticket.pk),
        ("leo@desk.example", ticket.pk),
    ]


def test_a_list_of_escalations_sent_twice_mails_each_lead_once(leads: list[User]) -> None:
    tickets = [factories.ticket(subject=f"Question {n}", body="Plans?") for n in range(4)]
    ids = [ticket.pk for ticket in tickets]
    assert sla_escalations_deliver(ticket_ids=ids) == 2
    assert sla_escalations_deliver(ticket_ids=ids) == 0
    assert len(mails_about(SLA_ESCALATIONS_MAIL)) == 2


def test_an_acknowledgement_sent_twice_is_recorded_and_mailed_once() -> None:
    ticket = factories.ticket(subject="Question", body="Plans for next year?")
    before = OutboundMail.objects.count()
    acknowledgement_deliver(ticket_id=ticket.pk)
    acknowledgement_deliver(ticket_id=ticket.pk)
    acknowledgements = [m for m in ticket.messages.all() if "acknowledgement" in m.flags]
    assert len(acknowledgements) == 1
    assert OutboundMail.objects.count() - before <= 1


def test_an_alert_mailed_twice_tells_each_lead_once(leads: list[User]) -> None:
    now = timezone.now()
    _burst(now - timedelta(minutes=30))
    [alert] = problems_detect(now=now)
    # problems_detect's own task mails the leads; a rerun of that mail task adds nothing.
    told = len(mails_about(ALERT_MAIL))
    assert alert_mail_leads(alert_id=alert.pk) == (0 if told else 2)
    assert alert_mail_leads(alert_id=alert.pk) == 0
    assert sorted(to for to, _ in mails_about(ALERT_MAIL)) == [
        "lea@desk.example",
        "leo@desk.example",
    ]


def test_two_sweeps_at_once_record_and_escalate_each_breach_once(leads: list[User]) -> None:
    tickets = [
        factories.ticket(subject=f"Question {n}", body="Plans?", created_at=MONDAY_TEN)
        for n in range(2)
    ]
    for ticket in tickets:
        ticket.refresh_from_db()
    due = max(ticket.first_response_due for ticket in tickets if ticket.first_response_due)
    results: list[tuple[int, int]] = []
    start = threading.Barrier(3)

    def sweep() -> None:
        start.wait()
        try:
            results.append(sla_sweep(now=due + timedelta(minutes=1)))
        finally:
            connection.close()

    threads = [threading.Thread(target=sweep) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sum(breached for _, breached in results) == len(tickets)
    assert Ticket.objects.filter(sla_breached_at__isnull=False).count() == len(tickets)
    for ticket in tickets:
        notes = ticket.messages.filter(direction="note", text__startswith="SLA breached")
        assert notes.count() == 1
    # Each lead hears of each breach once.
    escalated = mails_about(SLA_ESCALATION_MAIL)
    assert sorted(escalated) == sorted(
        (lead.email, ticket.pk) for lead in leads for ticket in tickets
    )
