"""A contact arriving: triage's decision, then the ticket, then the acknowledgement."""

from __future__ import annotations

import pytest
from pytest_django import DjangoCaptureOnCommitCallbacks, Settings

from frontdesk.engine.triage import Reason, Triage
from frontdesk.intake.flows import contact_open
from tests import factories
from tests.conftest import kept_tasks

pytestmark = pytest.mark.django_db


def test_a_decision_made_beforehand_is_the_one_the_ticket_takes() -> None:
    decision = Triage(
        level=2,
        quick_win=False,
        effort_minutes=30,
        language="de",
        tone=0.0,
        angry=False,
        red_flags=("all caps",),
        reasons=(Reason(code="key"),),
    )
    ticket = contact_open(
        customer=factories.customer(),
        subject="Hours",
        body="What are your opening hours on Saturday?",
        channel="web",
        decision=decision,
    )
    ticket.refresh_from_db()
    assert (ticket.level, ticket.quick_win, ticket.effort_minutes) == (2, False, 30)
    assert ticket.language == "de"
    assert ticket.reasons == [{"code": "key", "detail": ""}]
    assert ticket.red_flags == ["all caps"]


@pytest.mark.parametrize(("acknowledge", "queued"), [(True, 1), (False, 0)])
def test_the_acknowledgement_is_queued_once_the_ticket_is_written_if_asked(
    settings: Settings,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
    acknowledge: bool,
    queued: int,
) -> None:
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.dummy.DummyBackend",
            "QUEUES": ["default", "mail"],
        }
    }
    with django_capture_on_commit_callbacks(execute=True):
        ticket = factories.ticket(acknowledge=acknowledge)
    sent = [r for r in kept_tasks().results if r.task.name == "acknowledgement_send"]
    assert [r.args for r in sent] == [[ticket.pk]] * queued
