"""Events past FRONTDESK_AUDIT_RETENTION_DAYS go in the periodic job; 0 keeps them all."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import Settings

from frontdesk.audit.models import AuditEvent
from frontdesk.audit.tasks import audit_retention
from frontdesk.config.env import EnvReader
from frontdesk.periodic.registry import JOBS
from tests import factories

pytestmark = pytest.mark.django_db


def _looks(agent_client: Client, count: int) -> None:
    for _n in range(count):
        agent_client.get(reverse("customers:detail", args=[factories.customer().pk]))


def test_the_job_deletes_only_what_is_older_than_the_rule(
    agent_client: Client, settings: Settings
) -> None:
    settings.AUDIT_RETENTION_DAYS = 730
    _looks(agent_client, 3)
    old = AuditEvent.objects.filter(action="view_customer").order_by("id")[:2]
    AuditEvent.objects.filter(pk__in=[e.pk for e in old]).update(
        at=timezone.now() - timedelta(days=731)
    )
    assert audit_retention.call() == 2
    assert AuditEvent.objects.filter(action="view_customer").count() == 1
    assert audit_retention.call() == 0


def test_zero_keeps_every_event(agent_client: Client, settings: Settings) -> None:
    settings.AUDIT_RETENTION_DAYS = 0
    _looks(agent_client, 1)
    AuditEvent.objects.update(at=timezone.now() - timedelta(days=5000))
    kept = AuditEvent.objects.count()
    assert audit_retention.call() == 0
    assert AuditEvent.objects.count() == kept


def test_the_worker_runs_the_job_hourly() -> None:
    (job,) = [job for job in JOBS if job.name == "audit-retention"]
    assert job.task == "frontdesk.audit.tasks.audit_retention"
    assert job.every == timedelta(hours=1)


def test_a_bad_rule_is_refused_at_start_up() -> None:
    env = EnvReader({"FRONTDESK_AUDIT_RETENTION_DAYS": "two years"})
    assert env.integer("FRONTDESK_AUDIT_RETENTION_DAYS", default=730) == 730
    assert env.problems == ["FRONTDESK_AUDIT_RETENTION_DAYS='two years' is not a whole number."]
