"""Filing stored mail: once, whoever files it, and nothing left behind after a stop."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from frontdesk.customers.selectors import customer_by_identity
from frontdesk.mail.inbound import mail_file_pending, mail_process, mail_receive, mail_store
from frontdesk.mail.models import InboundMail
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.services import ticket_set_status
from tests import factories
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


def victims_ticket() -> Ticket:
    """Victoria's request, opened by her own mail."""
    inbound = mail_receive(raw=corpus.plain(), source="smtp")
    assert inbound.ticket is not None
    return inbound.ticket


def colleagues_reply(in_reply_to: str) -> bytes:
    """Victoria's colleague answering the desk's mail to her (she was in copy)."""
    return corpus.plain(
        sender="Colin Banks <colin@bank.example>",
        subject="Re: Card payment failed",
        message_id="<colin-1@bank.example>",
        text="I am Victoria's colleague: the card ends in 4242.",
        extra=(("In-Reply-To", in_reply_to), ("References", in_reply_to)),
    )


def test_a_spoofed_display_name_never_files_on_the_victims_ticket() -> None:
    victims = victims_ticket()
    inbound = mail_receive(raw=corpus.spoofed_name_reply(victims.reference), source="smtp")
    assert inbound.state == "processed"
    assert victims.messages.filter(direction="in").count() == 1
    attacker = customer_by_identity(kind="email", value="attacker@evil.example")
    assert attacker is not None
    assert inbound.ticket is not None
    assert inbound.ticket.pk != victims.pk
    assert inbound.ticket.customer == attacker
    assert inbound.message is not None
    assert inbound.message.author_customer == attacker
    assert "misleading-name" in inbound.flags


def test_a_reply_in_the_thread_from_someone_else_is_theirs_flagged_and_read() -> None:
    victims = victims_ticket()
    ticket_set_status(ticket=victims, actor=factories.agent(), status="waiting")
    first = victims.messages.get(direction="in").message_id
    inbound = mail_receive(raw=colleagues_reply(first), source="smtp")
    message = inbound.message
    assert inbound.ticket == victims
    assert message is not None
    assert "third-party" in message.flags
    assert message.author_customer is not None
    assert message.author_customer != victims.customer
    assert message.author_customer.primary_email == "colin@bank.example"
    assert message.from_address == "colin@bank.example"
    victims.refresh_from_db()
    assert victims.customer.primary_email == "victim@bank.example"
    assert victims.status == "open"  # back in the queue, for an agent to read
    assert (victims.level, victims.language) == (1, "en")  # the customer's own words decide


def test_a_line_break_in_the_display_name_is_flagged_and_never_an_address() -> None:
    inbound = mail_receive(raw=corpus.injected_name(), source="smtp")
    assert inbound.message is not None
    customer = inbound.message.author_customer
    assert customer is not None
    assert customer.primary_email == "attacker@evil.example"
    assert "victim" not in customer.name
    assert "header-injection" in inbound.flags


def test_mail_with_nul_bytes_is_filed_flagged_and_kept_whole() -> None:
    inbound = mail_receive(raw=corpus.with_nul_bytes(), source="smtp")
    assert (inbound.state, inbound.error) == ("processed", "")
    assert "nul-removed" in inbound.flags
    assert inbound.ticket is not None
    assert inbound.message is not None
    assert inbound.ticket.subject == "Invoice question"
    assert inbound.message.text == "My invoice is attached."
    attachment = inbound.message.attachments.get()
    assert attachment.name == "invoice.bin"
    assert attachment.file.read() == b"\x00\x01binary\x00"
    inbound.refresh_from_db()
    assert bytes(inbound.raw) == corpus.with_nul_bytes()


def test_an_envelope_with_nul_bytes_is_stored() -> None:
    stored = mail_store(
        raw=corpus.plain(),
        source="smtp",
        envelope_from="nul\x00@sender.example",
        envelope_to=["help\x00@frontdesk.example"],
    )
    stored.refresh_from_db()
    assert (stored.envelope_from, stored.envelope_to) == (
        "nul@sender.example",
        ["help@frontdesk.example"],
    )


def test_a_3000_deep_multipart_is_filed_and_flagged() -> None:
    inbound = mail_receive(raw=corpus.nested(3000), source="smtp")
    assert (inbound.state, inbound.error) == ("processed", "")
    assert "too-deep" in inbound.flags
    assert inbound.message is not None
    assert inbound.message.text == "Hello, read me first."


def test_an_address_the_desk_cannot_write_to_still_files() -> None:
    inbound = mail_receive(raw=corpus.plain(sender="Root <root@localhost>"), source="smtp")
    assert (inbound.state, inbound.error) == ("processed", "")
    assert "no-sender" in inbound.flags


def test_a_long_display_name_files_cut_to_what_a_name_holds() -> None:
    raw = corpus.plain(sender="V" * 300 + " <long@bank.example>")
    inbound = mail_receive(raw=raw, source="smtp")
    assert (inbound.state, inbound.error) == ("processed", "")
    assert inbound.ticket is not None
    assert inbound.ticket.customer.name == "V" * 200


def test_the_envelope_sender_counts_only_when_it_is_an_address() -> None:
    quoted = mail_receive(
        raw=corpus.plain(sender="undisclosed-recipients:;"),
        source="smtp",
        envelope_from='"victim@bank.example"@evil.example',
    )
    assert (quoted.state, quoted.error) == ("processed", "")
    assert quoted.ticket is not None
    assert not quoted.ticket.customer.identities.exists()
    bare = mail_receive(
        raw=corpus.plain(sender="<>", message_id="<bare@x>"),
        source="smtp",
        envelope_from="bounces@bank.example",
    )
    assert bare.ticket is not None
    assert bare.ticket.customer.primary_email == "bounces@bank.example"


def test_mail_with_no_filer_registered_stays_stored_and_flagged(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("frontdesk.mail.registry._filer", None)
    inbound = mail_receive(raw=corpus.plain(), source="smtp")
    assert inbound.state == "failed"
    assert "no mail filer is registered" in inbound.error
    assert not Ticket.objects.exists()
