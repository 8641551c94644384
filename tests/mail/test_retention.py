"""Retention in the worker: raw mail emptied after FRONTDESK_RAW_MAIL_DAYS (a copy is still
known as one), customers silent for FRONTDESK_ERASE_SILENT_DAYS erased in batches."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from pytest_django import Settings

from frontdesk.audit.services import audit_list
from frontdesk.customers.models import Customer
from frontdesk.customers.privacy import customers_silent_erase
from frontdesk.customers.services import interaction_record
from frontdesk.customers.tasks import silent_customers_erase
from frontdesk.mail.inbound import mail_receive, mail_store
from frontdesk.mail.models import InboundMail
from frontdesk.mail.tasks import raw_mail_retention
from frontdesk.periodic.registry import JOBS
from frontdesk.tickets.models import Ticket
from tests import factories
from tests.mail import corpus

pytestmark = pytest.mark.django_db


def _received_days_ago(inbound: InboundMail, days: int) -> None:
    InboundMail.objects.filter(pk=inbound.pk).update(
        received_at=timezone.now() - timedelta(days=days)
    )


def test_raw_mail_past_its_days_is_emptied_and_a_copy_is_still_known(settings: Settings) -> None:
    settings.RAW_MAIL_DAYS = 90
    old = mail_receive(raw=corpus.hungarian_latin2(), source="smtp")
    young = mail_receive(raw=corpus.estonian_cp1257(), source="smtp")
    _received_days_ago(old, 91)
    _received_days_ago(young, 89)
    assert raw_mail_retention.call() == 1
    old.refresh_from_db()
    young.refresh_from_db()
    assert bytes(old.raw) == b""
    assert bytes(young.raw) == corpus.estonian_cp1257()
    assert old.digest
    assert old.header_message_id == "<hu-1@freemail.example>"
    tickets = Ticket.objects.count()
    mail_receive(raw=corpus.hungarian_latin2(), source="smtp")
    assert Ticket.objects.count() == tickets
    assert raw_mail_retention.call() == 0  # nothing left to empty


def test_mail_not_yet_filed_keeps_its_bytes(settings: Settings) -> None:
    settings.RAW_MAIL_DAYS = 90
    waiting = mail_store(raw=corpus.broken(), source="smtp")
    _received_days_ago(waiting, 200)
    assert raw_mail_retention.call() == 0
    waiting.refresh_from_db()
    assert bytes(waiting.raw) == corpus.broken()


def test_zero_days_keeps_raw_mail(settings: Settings) -> None:
    settings.RAW_MAIL_DAYS = 0
    old = mail_receive(raw=corpus.hungarian_latin2(), source="smtp")
    _received_days_ago(old, 5000)
    assert raw_mail_retention.call() == 0


def test_silent_customers_are_erased_in_batches_each_recorded(settings: Settings) -> None:
    now = timezone.now()
    silent = [
        factories.customer(name=f"Silent {n}", first_seen=now - timedelta(days=2000))
        for n in range(3)
    ]
    talking = factories.customer(name="Still talking", first_seen=now - timedelta(days=2000))
    interaction_record(customer=talking, kind="email", summary="hello", occurred_at=now)
    fresh = factories.customer(name="New", first_seen=now - timedelta(days=3))
    settings.ERASE_SILENT_DAYS = 0
    assert silent_customers_erase.call() == 0  # off by default
    settings.ERASE_SILENT_DAYS = 1095
    assert customers_silent_erase(now=now, batch=2) == 2
    assert customers_silent_erase(now=now, batch=2) == 1
    assert customers_silent_erase(now=now, batch=2) == 0
    names = dict(Customer.objects.values_list("pk", "name"))
    assert [names[c.pk] for c in silent] == [f"Erased customer #{c.pk}" for c in silent]
    assert (names[talking.pk], names[fresh.pk]) == ("Still talking", "New")
    events = audit_list(action="erase")
    assert sorted(int(e.object_id) for e in events) == [c.pk for c in silent]
    assert all(e.actor is None for e in events)


def test_both_jobs_are_on_the_workers_schedule() -> None:
    tasks = {job.task for job in JOBS}
    assert "frontdesk.mail.tasks.raw_mail_retention" in tasks
    assert "frontdesk.customers.tasks.silent_customers_erase" in tasks
