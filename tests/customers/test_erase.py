"""A customer's erasure: nothing of theirs is left in any table or file; the figures stay."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
from django.utils import timezone

from frontdesk.accounts.models import User
from frontdesk.audit.services import audit_list
from frontdesk.cli import main
from frontdesk.customers.privacy import customer_erase
from frontdesk.customers.services import customer_create, customer_merge
from frontdesk.mail.models import InboundMail
from frontdesk.outreach.segments import Segment
from frontdesk.outreach.selectors import segment_plan
from frontdesk.satisfaction.models import Survey
from frontdesk.tickets.models import Attachment, Message, Ticket
from tests.customers.privacy_desk import EMAIL, NAME, WORD, known_customer, leaks

pytestmark = pytest.mark.django_db

OnCommit = Callable[..., AbstractContextManager[Any]]


def test_an_erased_customer_leaves_nothing_behind_but_the_figures(
    agent: User, lead: User, django_capture_on_commit_callbacks: OnCommit
) -> None:
    known = known_customer(agent=agent, lead=lead)
    attachment = Attachment.objects.get(message__ticket=known.ticket)
    assert attachment.file.storage.exists(attachment.file.name or "")
    assert len(leaks(known)) > 20  # the check finds them before
    tickets_before = Ticket.objects.count()
    levels_before = list(Ticket.objects.order_by("pk").values_list("level", "status", "channel"))

    with django_capture_on_commit_callbacks(execute=True):
        counts = customer_erase(customer=known.customer, actor=lead)

    assert leaks(known) == []
    assert not attachment.file.storage.exists(attachment.file.name or "")
    assert counts["attachments"] == 1
    assert counts["tickets"] == 3
    assert Ticket.objects.count() == tickets_before
    assert list(Ticket.objects.order_by("pk").values_list("level", "status", "channel")) == (
        levels_before
    )
    assert Survey.objects.get(ticket=known.ticket).rating == "good"
    known.customer.refresh_from_db()
    assert known.customer.name == f"Erased customer #{known.customer.pk}"
    assert known.customer.erased_at is not None
    assert not known.customer.identities.exists()
    inbound = InboundMail.objects.get(ticket=known.ticket)
    assert bytes(inbound.raw) == b""
    assert inbound.header_message_id == "<zq-1@privacy.example>"  # a copy is still known
    # The other customer keeps everything.
    assert known.other.tickets.get().subject == "Olga's printer"
    event = audit_list(action="erase").get()
    assert (event.actor, event.object_id) == (lead, str(known.customer.pk))
    assert event.detail["tickets"] == 3
    assert event.object_label == f"#{known.customer.pk}"  # the trail never names a customer


def test_an_erased_customer_who_opted_out_is_not_written_to_again(agent: User, lead: User) -> None:
    known = known_customer(agent=agent, lead=lead)
    customer_erase(customer=known.customer, actor=lead)
    returning = customer_create(name="Zeb again", email=EMAIL)
    plan = {
        p.customer_id: p.skip
        for p in segment_plan(
            segment=Segment(), languages={"en"}, default_language="en", now=timezone.now()
        )
    }
    assert plan[returning.pk] == "opted_out"
    assert known.customer.pk not in plan
    assert plan[known.other.pk] == ""


def test_the_command_without_yes_says_what_it_would_do_and_changes_nothing(
    agent: User, lead: User, capsys: pytest.CaptureFixture[str]
) -> None:
    known = known_customer(agent=agent, lead=lead)
    found_before = leaks(known)
    capsys.readouterr()
    assert main(["customer", "erase", str(known.customer.pk)]) == 2
    out = capsys.readouterr().out
    assert f"would erase customer #{known.customer.pk} ({NAME})" in out
    assert "tickets: 3" in out
    assert "open_tickets: 2" in out
    assert leaks(known) == found_before
    assert not audit_list(action="erase").exists()


def test_the_command_with_yes_erases_and_records(
    agent: User, lead: User, capsys: pytest.CaptureFixture[str]
) -> None:
    known = known_customer(agent=agent, lead=lead)
    assert main(["customer", "erase", str(known.customer.pk), "--yes"]) == 0
    assert f"erased customer #{known.customer.pk}" in capsys.readouterr().out
    assert not Message.objects.filter(text__contains=WORD).exists()
    assert audit_list(action="erase").get().actor is None


def test_a_record_merged_into_another_is_erased_with_it(
    agent: User, lead: User, django_capture_on_commit_callbacks: OnCommit
) -> None:
    known = known_customer(agent=agent, lead=lead)
    duplicate = customer_create(name=f"{NAME} (old)", email="zq-old@privacy.example")
    customer_merge(source=duplicate, target=known.customer, actor=lead)
    with django_capture_on_commit_callbacks(execute=True):
        counts = customer_erase(customer=known.customer, actor=lead)
    assert counts["merged_records"] == 1
    duplicate.refresh_from_db()
    assert duplicate.name == f"Erased customer #{duplicate.pk}"
    assert leaks(known) == []
