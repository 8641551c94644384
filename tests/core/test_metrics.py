"""/metrics: Prometheus's text, read from the database (so every web process agrees) plus this
process's request latency; an admin's token or an allowed address reads it, nobody else."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from prometheus_client.parser import text_string_to_metric_families
from pytest_django import Settings

from frontdesk.config.env import EnvReader
from frontdesk.core.metrics import metrics_forget
from frontdesk.mail.inbound import mail_store
from frontdesk.mail.outbound import mail_send
from frontdesk.periodic.services import heartbeat_beat
from tests import factories
from tests.mail import corpus

pytestmark = pytest.mark.django_db

Samples = dict[tuple[str, tuple[tuple[str, str], ...]], float]


@pytest.fixture(autouse=True)
def fresh_scrape(settings: Settings) -> None:
    settings.METRICS_ALLOW = ["127.0.0.1/32", "10.1.0.0/16"]
    metrics_forget()


def scrape(client: Client | None = None, **extra: str) -> Samples:
    response = (client or Client()).get("/metrics", **extra)  # type: ignore[arg-type]
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    samples: Samples = {}
    for family in text_string_to_metric_families(response.content.decode()):
        for sample in family.samples:
            samples[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return samples


def task_row(*, status: str, path: str, waited: float, ran: float | None) -> None:
    now = timezone.now()
    started = now - timedelta(seconds=(ran or 0) + 1)
    row = DBTaskResult.objects.create(
        id=uuid.uuid4(),
        status=status,
        args_kwargs={"args": [], "kwargs": {}},
        task_path=path,
        backend_name="default",
        run_after=now,
        exception_class_path="",
        traceback="",
    )
    DBTaskResult.objects.filter(pk=row.pk).update(
        enqueued_at=started - timedelta(seconds=waited),
        started_at=started,
        finished_at=started + timedelta(seconds=ran) if ran is not None else None,
    )


def test_the_scrape_reads_queue_sla_intake_mail_tasks_and_workers() -> None:
    for channel in ("email", "email", "web", "phone"):
        factories.ticket(subject="Help", body="Please help.", channel=channel)
    breached = factories.ticket(subject="Late", body="Still waiting.", channel="web")
    breached.sla_breached_at, breached.sla_at_risk = timezone.now(), True
    breached.save(update_fields=["sla_breached_at", "sla_at_risk"])
    mail_store(raw=corpus.plain(), source="smtp")
    # Handed to the relay after a commit, which this test's transaction never makes: queued.
    mail_send(to="ada@example.com", subject="Hello", text="Waiting for the relay.")
    task_row(
        status=TaskResultStatus.SUCCESSFUL,
        path="frontdesk.tickets.tasks.sla_sweep",
        waited=2,
        ran=3,
    )
    task_row(
        status=TaskResultStatus.FAILED, path="frontdesk.tickets.tasks.sla_sweep", waited=4, ran=1
    )
    task_row(
        status=TaskResultStatus.RUNNING,
        path="frontdesk.mail.outbound.mail_deliver",
        waited=10,
        ran=None,
    )
    heartbeat_beat(worker_id="w1", host="desk-1", pid=7, now=timezone.now() - timedelta(seconds=30))

    samples = scrape()

    tickets = {
        labels: value
        for (name, labels), value in samples.items()
        if name == "frontdesk_queue_tickets"
    }
    assert sum(tickets.values()) == 5
    assert {dict(labels)["kind"] for labels in tickets} <= {"ticket", "live", "callback"}
    assert samples[("frontdesk_sla_tickets", (("state", "breached"),))] == 1
    intake = {
        dict(labels)["channel"]: value
        for (name, labels), value in samples.items()
        if name == "frontdesk_intake_tickets_total"
    }
    assert intake == {"email": 2, "web": 2, "phone": 1}
    assert samples[("frontdesk_mail_inbound_total", (("state", "received"),))] == 1
    assert samples[("frontdesk_mail_inbound_total", (("state", "failed"),))] == 0
    assert samples[("frontdesk_mail_outbound_sent_total", ())] == 0
    assert samples[("frontdesk_mail_outbound_waiting", (("state", "queued"),))] == 1
    sweep = (("task", "tickets.sla_sweep"),)
    assert samples[("frontdesk_task_wait_seconds_count", sweep)] == 2
    assert samples[("frontdesk_task_wait_seconds_sum", sweep)] == pytest.approx(6, abs=0.01)
    assert samples[("frontdesk_task_run_seconds_sum", sweep)] == pytest.approx(4, abs=0.01)
    assert samples[("frontdesk_task_wait_seconds_max", sweep)] == pytest.approx(4, abs=0.01)
    assert samples[("frontdesk_task_failures", sweep)] == 1
    assert samples[("frontdesk_tasks", (("queue", "default"), ("status", "running")))] == 1
    age = samples[
        ("frontdesk_worker_heartbeat_age_seconds", (("host", "desk-1"), ("worker", "w1")))
    ]
    assert 29 < age < 60
    assert samples[("frontdesk_workers", ())] == 1


def test_a_scrape_is_cached_for_a_scrape_interval_and_then_read_again() -> None:
    factories.ticket(subject="Help", body="Please help.", channel="web")
    first = scrape()
    factories.ticket(subject="More", body="Please help again.", channel="web")
    key = ("frontdesk_intake_tickets_total", (("channel", "web"),))
    assert scrape()[key] == first[key] == 1
    metrics_forget()
    assert scrape()[key] == 2


def test_request_latency_is_measured_per_view_in_this_process() -> None:
    Client().get("/healthz")
    samples = scrape()
    counts = [
        value
        for (name, labels), value in samples.items()
        if name == "frontdesk_http_request_duration_seconds_count"
        and ("view", "healthz") in labels
        and ("status", "2xx") in labels
    ]
    assert len(counts) == 1
    assert counts[0] >= 1


def test_an_allowed_network_reads_and_any_other_address_finds_nothing() -> None:
    scrape(REMOTE_ADDR="10.1.2.3")
    assert Client().get("/metrics", REMOTE_ADDR="10.2.0.1").status_code == 404
    assert Client().get("/metrics", REMOTE_ADDR="::1").status_code == 404


def test_an_admin_scope_token_reads_from_anywhere_and_lesser_tokens_are_refused() -> None:
    admin = factories.agent(role="admin")
    admin_client = Client(HTTP_AUTHORIZATION=f"Bearer {factories.api_token(admin)}")
    scrape(admin_client, REMOTE_ADDR="192.0.2.7")
    lesser = [
        factories.api_token(factories.agent(role="agent")),
        factories.api_token(admin, scope="read"),
    ]
    for token in lesser:
        refused = Client().get(
            "/metrics", HTTP_AUTHORIZATION=f"Bearer {token}", REMOTE_ADDR="192.0.2.7"
        )
        assert refused.status_code == 403
    # A token that is wrong is refused even from an allowed address: it was meant to be used.
    unknown = Client().get("/metrics", HTTP_AUTHORIZATION="Bearer fd_nonsense")
    assert unknown.status_code == 401
    assert "invalid_token" in unknown["WWW-Authenticate"]


def test_metrics_allow_lists_every_address_that_is_none() -> None:
    reader = EnvReader({"FRONTDESK_METRICS_ALLOW": "10.0.0.0/8, 192.0.2.1, prometheus, 10.0.0.300"})
    assert reader.networks("FRONTDESK_METRICS_ALLOW") == ["10.0.0.0/8", "192.0.2.1/32"]
    assert len(reader.problems) == 2
    assert "'prometheus'" in reader.problems[0]
