from __future__ import annotations

from datetime import datetime, timedelta
from typing import TypedDict

import pytest
from django.core import mail
from django.utils import timezone
from pytest_django import DjangoCaptureOnCommitCallbacks

from frontdesk.accounts.models import User
from frontdesk.journal.models import FollowUp
from frontdesk.journal.services import follow_ups_activate_due, log_line_save
from frontdesk.routing.selectors import queue_of
from frontdesk.tickets.services import ticket_set_status
from tests import factories

pytestmark = pytest.mark.django_db


class Promise(TypedDict):
    agent: User
    now: datetime
    follow_up: FollowUp


@pytest.fixture
def promise() -> Promise:
    factories.log_code(word="cb", text="call back promised", follow_up_minutes=60)
    agent = factories.agent(username="eli")
    lead = factories.agent(role="lead")
    lead.email = "lead@example.com"
    lead.save(update_fields=["email"])
    factories.customer(name="Rami Cohen")
    now = timezone.now()
    log_line_save(line="Rami Cohen. cb about the printer.", writer=agent, now=now)
    return {"agent": agent, "now": now, "follow_up": FollowUp.objects.get()}


def test_a_promise_in_a_log_line_becomes_a_follow_up(promise: Promise) -> None:
    follow_up = promise["follow_up"]
    assert follow_up.owner == promise["agent"]
    assert follow_up.text == "call back promised"
    assert abs((follow_up.due_at - promise["now"]) - timedelta(hours=1)) < timedelta(seconds=1)
    assert follow_up.ticket.queue_kind == "follow-up"
    assert follow_up.ticket.assignee == promise["agent"]


def test_it_enters_the_owners_queue_only_when_due(promise: Promise) -> None:
    agent, follow_up = promise["agent"], promise["follow_up"]
    factories.ticket(subject="Charged twice", body="You charged me twice this month.")
    before = [e.ticket.pk for e in queue_of(agent=agent, now=timezone.now())]
    assert follow_up.ticket_id not in before
    assert follow_ups_activate_due(now=follow_up.due_at) == (1, 0)
    entries = queue_of(agent=agent, now=follow_up.due_at)
    assert entries[0].ticket.pk == follow_up.ticket_id
    assert entries[0].reasons[0].text() == "follow-up due"


def test_a_promise_left_undone_is_escalated_once(
    promise: Promise, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    follow_up = promise["follow_up"]
    late = follow_up.due_at + timedelta(hours=2)
    with django_capture_on_commit_callbacks(execute=True):
        assert follow_ups_activate_due(now=late) == (1, 1)
        assert follow_ups_activate_due(now=late) == (0, 0)
    assert [m.to for m in mail.outbox] == [["lead@example.com"]]
    assert "Rami Cohen" in mail.outbox[0].subject


def test_a_kept_promise_is_not_escalated(promise: Promise) -> None:
    follow_up = promise["follow_up"]
    ticket_set_status(ticket=follow_up.ticket, actor=promise["agent"], status="solved")
    assert follow_ups_activate_due(now=follow_up.due_at + timedelta(hours=2)) == (0, 0)
