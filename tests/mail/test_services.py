"""Filing stored mail: once, whoever files it, and nothing left behind after a stop."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from frontdesk.mail.models import InboundMail
from frontdesk.mail.services import mail_file_pending, mail_process, mail_store
from frontdesk.tickets.models import Ticket
from tests.mail import corpus

pytestmark = pytest.mark.django_db


def test_a_message_filed_by_two_processes_at_once_makes_one_ticket() -> None:
    stored = mail_store(raw=corpus.broken(), source="smtp")  # no Message-ID to tell copies apart
    other_process_copy = InboundMail.objects.get(pk=stored.pk)
    assert mail_process(inbound=stored).state == "processed"
    assert mail_process(inbound=other_process_copy).state == "processed"
    assert Ticket.objects.count() == 1
    assert other_process_copy.ticket_id == stored.ticket_id


def test_mail_stored_but_never_filed_is_filed_by_the_sweep() -> None:
    left = mail_store(raw=corpus.hungarian_latin2(), source="smtp")
    fresh = mail_store(raw=corpus.estonian_cp1257(), source="smtp")
    InboundMail.objects.filter(pk=left.pk).update(
        received_at=timezone.now() - timedelta(minutes=10)
    )
    # A running listener files within seconds: the sweep leaves what is younger to it.
    assert mail_file_pending(older_than=timedelta(minutes=2)) == 1
    left.refresh_from_db()
    fresh.refresh_from_db()
    assert (left.state, fresh.state) == ("processed", "received")
    assert left.ticket is not None
    assert left.ticket.language == "hu"


def test_the_sweep_reads_every_batch() -> None:
    for n in range(5):
        raw = corpus.estonian_cp1257().replace(b"<et-1@posti.example>", f"<s-{n}@p>".encode())
        mail_store(raw=raw, source="smtp")
    assert mail_file_pending(batch=2) == 5
    assert not InboundMail.objects.filter(state="received").exists()
