"""Mail over a real SMTP socket into the desk, read back through the API."""

from __future__ import annotations

import smtplib

import pytest
from django.core import mail as outbox
from pytest_django import Settings

from frontdesk.mail.models import InboundMail
from frontdesk.tickets.models import Ticket
from tests import factories
from tests.conftest import ApiClient
from tests.mail import corpus
from tests.mail.conftest import Listening

pytestmark = pytest.mark.django_db(transaction=True)


def incoming(api_client: ApiClient, ticket: Ticket) -> list[dict]:
    thread = api_client.get(f"/api/v1/tickets/{ticket.pk}/messages").json()
    return [m for m in thread if m["direction"] == "in"]


def send(
    listening: Listening, raw: bytes, sender: str = "someone@example.com"
) -> tuple[int, bytes]:
    """Deliver one message as an MTA does; return the answer once the message is filed."""
    with smtplib.SMTP("127.0.0.1", listening.port, timeout=10) as client:
        client.ehlo()
        client.mail(sender)
        client.rcpt("help@frontdesk.example")
        answer = client.data(raw)
    listening.settle()
    return answer


@pytest.fixture
def api_client() -> ApiClient:
    return ApiClient(factories.api_token(factories.agent()))


def test_mail_becomes_a_ticket_with_language_level_and_thread(
    smtp: Listening, api_client: ApiClient
) -> None:
    code, answer = send(smtp, corpus.hungarian_latin2())
    assert code == 250
    assert b"Stored" in answer
    ticket = Ticket.objects.get()
    assert (ticket.channel, ticket.language, ticket.level) == ("email", "hu", 1)
    assert ticket.customer.name == "Kovács Ödön"
    messages = incoming(api_client, ticket)
    assert messages[0]["text"].startswith("Jó napot! Kétszer terhelték a kártyámat")
    assert messages[0]["message_id"] == "<hu-1@freemail.example>"
    assert messages[0]["flags"] == []
    # The customer is acknowledged in their language, once.
    assert len(outbox.outbox) == 1


def test_a_reply_joins_its_ticket_and_keeps_only_what_is_new(
    smtp: Listening, api_client: ApiClient
) -> None:
    send(smtp, corpus.estonian_cp1257())
    ticket = Ticket.objects.get()
    first_id = ticket.messages.all()[0].message_id
    code, _ = send(smtp, corpus.english_reply(message_id="<r-2@x>", in_reply_to=first_id))
    assert code == 250
    assert Ticket.objects.count() == 1
    texts = [m["text"] for m in incoming(api_client, ticket)]
    assert texts[-1] == (
        "Thanks, but the invoice still shows the wrong VAT rate – 20 % instead of 5 %."
    )


def test_a_reply_to_a_solved_ticket_reopens_it(smtp: Listening) -> None:
    from frontdesk.tickets.services import ticket_set_status

    send(smtp, corpus.estonian_cp1257())
    ticket = Ticket.objects.get()
    ticket_set_status(ticket=ticket, actor=factories.agent(), status="solved")
    first_id = ticket.messages.all()[0].message_id
    send(smtp, corpus.english_reply(message_id="<r-3@x>", in_reply_to=first_id))
    ticket.refresh_from_db()
    assert ticket.status == "open"


def test_the_same_message_delivered_twice_is_filed_once(smtp: Listening) -> None:
    assert send(smtp, corpus.estonian_cp1257())[0] == 250
    assert send(smtp, corpus.estonian_cp1257())[0] == 250
    assert Ticket.objects.count() == 1
    assert InboundMail.objects.count() == 2
    assert sorted(InboundMail.objects.values_list("state", flat=True)) == ["ignored", "processed"]


def test_broken_mail_is_stored_flagged_and_shown(smtp: Listening, api_client: ApiClient) -> None:
    assert send(smtp, corpus.broken())[0] == 250
    ticket = Ticket.objects.get()
    [message] = incoming(api_client, ticket)
    assert {"no-message-id", "bad-charset", "header-injection"} <= set(message["flags"])
    assert "\n" not in ticket.subject
    names = [a["name"] for a in message["attachments"]]
    assert names
    assert "/" not in names[0]


def test_machines_are_filed_but_never_answered(smtp: Listening) -> None:
    send(smtp, corpus.auto_reply())
    send(smtp, corpus.bounce())
    assert Ticket.objects.count() == 2
    assert outbox.outbox == []


def test_a_sender_gets_at_most_a_few_acknowledgements_an_hour(
    smtp: Listening, settings: Settings
) -> None:
    settings.MAIL_ACKNOWLEDGEMENTS_PER_HOUR = 2
    for n in range(4):
        raw = corpus.estonian_cp1257().replace(b"<et-1@posti.example>", f"<et-{n}@p>".encode())
        raw = raw.replace(b"Oktoobri_arve_puudub", f"Arve_{n}".encode())
        send(smtp, raw)
    assert Ticket.objects.count() == 4
    assert len(outbox.outbox) == 2


def test_mail_from_the_desk_itself_is_kept_but_not_filed(
    smtp: Listening, settings: Settings
) -> None:
    settings.DEFAULT_FROM_EMAIL = "Frontdesk <mark@ellison.example>"
    send(smtp, corpus.english_reply())
    assert Ticket.objects.count() == 0
    assert InboundMail.objects.get().state == "ignored"


def test_too_large_mail_is_refused_with_a_clear_permanent_error(
    smtp: Listening, settings: Settings
) -> None:
    settings.MAIL_MAX_BYTES = 2000
    raw = corpus.estonian_cp1257() + b"\r\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx" * 200
    with smtplib.SMTP("127.0.0.1", smtp.port, timeout=10) as client:
        client.ehlo()
        client.mail("a@example.com")
        client.rcpt("help@frontdesk.example")
        code, _message = client.data(raw)
    assert code == 552
    assert InboundMail.objects.count() == 0


def test_an_mta_can_deliver_over_lmtp(lmtp: Listening) -> None:
    with smtplib.LMTP("127.0.0.1", lmtp.port, timeout=10) as client:
        refused = client.sendmail(
            "mari@posti.example", ["help@frontdesk.example"], corpus.estonian_cp1257()
        )
    lmtp.settle()
    assert refused == {}
    assert InboundMail.objects.get().source == "lmtp"
    assert Ticket.objects.get().language == "et"


def test_one_senders_mail_is_filed_in_the_order_it_arrived(smtp: Listening) -> None:
    # Two connections, one after the other, as an MTA with parallel deliveries may use: the
    # reply reaches the listener the moment the first message has its 250, before it is filed.
    with (
        smtplib.SMTP("127.0.0.1", smtp.port, timeout=10) as first,
        smtplib.SMTP("127.0.0.1", smtp.port, timeout=10) as second,
    ):
        for n in range(5):
            original = f"<o-{n}@ellison.example>"
            question = corpus.english_reply(message_id=original).replace(b"Re: ", b"")
            reply = corpus.english_reply(message_id=f"<r-{n}@x>", in_reply_to=original)
            first.sendmail("mark@ellison.example", ["help@frontdesk.example"], question)
            second.sendmail("mark@ellison.example", ["help@frontdesk.example"], reply)
    smtp.settle()
    assert Ticket.objects.count() == 5
    assert all(t.messages.filter(direction="in").count() == 2 for t in Ticket.objects.all())


def test_a_spoofed_display_name_is_filed_and_acknowledged_as_the_real_sender(
    smtp: Listening,
) -> None:
    send(smtp, corpus.plain(), sender="victim@bank.example")
    victims = Ticket.objects.get()
    code, _ = send(smtp, corpus.spoofed_name_reply(victims.reference), sender="bounce@evil.example")
    assert code == 250
    assert victims.messages.filter(direction="in").count() == 1
    attackers = Ticket.objects.exclude(pk=victims.pk).get()
    assert attackers.customer.primary_email == "attacker@evil.example"
    assert [ack.to for ack in outbox.outbox] == [["victim@bank.example"], ["attacker@evil.example"]]


def test_a_colleagues_reply_in_the_thread_is_filed_as_theirs(
    smtp: Listening, api_client: ApiClient
) -> None:
    send(smtp, corpus.plain())
    ticket = Ticket.objects.get()
    first = ticket.messages.get(direction="in").message_id
    reply = corpus.plain(
        sender="Colin Banks <colin@bank.example>",
        subject=f"Re: [{ticket.reference}] Card payment failed",
        message_id="<colin-1@bank.example>",
        text="The card ends in 4242.",
        extra=(("In-Reply-To", first),),
    )
    assert send(smtp, reply)[0] == 250
    [_, colleague] = incoming(api_client, ticket)
    assert (colleague["author"], colleague["from_address"]) == ("Colin Banks", "colin@bank.example")
    assert "third-party" in colleague["flags"]
    assert len(outbox.outbox) == 1  # only Victoria's request was acknowledged


def test_mail_with_nul_bytes_is_filed(smtp: Listening, api_client: ApiClient) -> None:
    code, _ = send(smtp, corpus.with_nul_bytes(), sender="nul\x00@sender.example")
    assert code == 250
    ticket = Ticket.objects.get()
    [message] = incoming(api_client, ticket)
    assert message["text"] == "My invoice is attached."
    assert "nul-removed" in message["flags"]
    stored = InboundMail.objects.get()
    assert bytes(stored.raw).startswith(corpus.with_nul_bytes())
    assert stored.envelope_from == "nul@sender.example"


def test_a_3000_deep_multipart_is_filed(smtp: Listening, api_client: ApiClient) -> None:
    assert send(smtp, corpus.nested(3000))[0] == 250
    ticket = Ticket.objects.get()
    [message] = incoming(api_client, ticket)
    assert message["text"] == "Hello, read me first."
    assert "too-deep" in message["flags"]
    assert InboundMail.objects.get().state == "processed"
