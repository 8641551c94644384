"""A mail is claimed before it goes to the relay: two workers given the same mail send it once,
and a claim left by a worker that died is taken over once it expires."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import timedelta

import pytest
from aiosmtpd.smtp import SMTP, Envelope, Session
from django.db import connection
from django.utils import timezone
from django_tasks.backends.dummy import DummyBackend
from pytest_django import Settings

from frontdesk.mail.models import OutboundMail
from frontdesk.mail.outbound import CLAIM_EXPIRES, Attempt, mail_attempt, mail_deliver, mail_send
from tests.conftest import kept_tasks
from tests.mail.conftest import Sink, serving

pytestmark = pytest.mark.django_db(transaction=True)


class SlowSink(Sink):
    """A relay that takes its time over each message, as a busy one does."""

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        time.sleep(0.5)  # holds the relay's loop: the second worker arrives meanwhile
        return await super().handle_DATA(server, session, envelope)


@pytest.fixture
def slow_relay(settings: Settings) -> Iterator[Sink]:
    sink = SlowSink()
    with serving(lambda: SMTP(sink)) as (port, _loop):
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
        yield sink


@pytest.fixture
def tasks_held(settings: Settings) -> DummyBackend:
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.dummy.DummyBackend",
            "QUEUES": ["default", "mail"],
        }
    }
    return kept_tasks()


def test_two_workers_sending_the_same_mail_at_once_send_it_once(
    slow_relay: Sink, tasks_held: DummyBackend
) -> None:
    queued = mail_send(to="ada@example.com", subject="Once", text="Only once.")
    outcomes: list[Attempt] = []
    start = threading.Barrier(3)

    def attempt() -> None:
        start.wait()
        try:
            outcomes.append(mail_attempt(mail_id=queued.pk))
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcome.value for outcome in outcomes) == ["busy", "busy", "sent"]
    assert len(slow_relay.messages) == 1
    queued.refresh_from_db()
    assert queued.sent_at is not None
    assert queued.sending_at is None
    assert queued.attempts == 1


def test_a_busy_mail_is_looked_at_again_once_its_claim_could_have_expired(
    slow_relay: Sink, tasks_held: DummyBackend
) -> None:
    queued = mail_send(to="ada@example.com", subject="Held", text="Held by another worker.")
    OutboundMail.objects.filter(pk=queued.pk).update(sending_at=timezone.now())
    before = timezone.now()
    mail_deliver.call(queued.pk, 2)
    assert slow_relay.messages == []
    again = tasks_held.results[-1]
    assert again.args == [queued.pk, 2]
    assert again.task.run_after is not None
    assert again.task.run_after >= before + CLAIM_EXPIRES


def test_a_claim_left_by_a_dead_worker_is_taken_over_once_it_expires(
    slow_relay: Sink, tasks_held: DummyBackend
) -> None:
    queued = mail_send(to="ada@example.com", subject="Taken over", text="Its worker died.")
    left = timezone.now() - CLAIM_EXPIRES - timedelta(seconds=1)
    OutboundMail.objects.filter(pk=queued.pk).update(sending_at=left)
    assert mail_attempt(mail_id=queued.pk) is Attempt.SENT
    assert mail_attempt(mail_id=queued.pk) is Attempt.ALREADY_SENT
    assert len(slow_relay.messages) == 1
