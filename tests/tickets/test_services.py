import threading

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from pytest_django import DjangoCaptureOnCommitCallbacks, Settings

from frontdesk.core.errors import Invalid
from frontdesk.intake.flows import contact_open, customer_message_add
from frontdesk.tickets.choices import MessageDirection, Status
from frontdesk.tickets.models import Attachment, Ticket
from frontdesk.tickets.services import (
    html_sanitise,
    sla_escalations_deliver,
    ticket_assign,
    ticket_assign_if_free,
    ticket_note,
    ticket_reply,
    ticket_set_status,
    tickets_release,
)
from tests import factories

pytestmark = pytest.mark.django_db


def test_create_records_the_first_message_and_the_timeline() -> None:
    customer = factories.customer(language="et")
    ticket = contact_open(
        customer=customer, subject="Arve", body="Palun saatke arve uuesti.", channel="email"
    )
    assert ticket.reference.startswith("FD-")
    assert ticket.status == Status.NEW
    assert ticket.language == "et"
    assert ticket.level == 4
    [message] = ticket.messages.all()
    assert message.direction == MessageDirection.IN
    assert message.author_customer_id == customer.pk
    [entry] = customer.interactions.all()
    assert entry.kind == "email"
    assert entry.ticket_id == ticket.pk


@pytest.mark.parametrize(
    ("subject", "body", "error"),
    [
        ("", "text", "subject"),
        ("   ", "text", "subject"),
        ("Hi", "  ", "message"),
        ("x" * 251, "text", "subject"),
    ],
)
def test_create_refuses_empty_or_oversized_text(subject: str, body: str, error: str) -> None:
    with pytest.raises(Invalid, match=error):
        contact_open(customer=factories.customer(), subject=subject, body=body, channel="web")


def test_reply_mails_the_customer_and_stops_the_first_response_clock(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    agent = factories.agent()
    ticket = factories.ticket(customer_=factories.customer(email="mari@posti.ee", language="et"))
    with django_capture_on_commit_callbacks(execute=True):
        message = ticket_reply(ticket=ticket, agent=agent, text="Arve on teel.")
    ticket.refresh_from_db()
    message.refresh_from_db()
    assert ticket.first_responded_at == message.created_at
    assert ticket.status == Status.WAITING
    assert ticket.assignee_id == agent.pk
    assert message.delivered_at is not None
    [sent] = mail.outbox
    assert sent.to == ["mari@posti.ee"]
    assert ticket.reference in sent.subject
    assert "Arve on teel." in sent.body
    assert "/portal/enter/" in sent.body
    assert sent.extra_headers["Message-ID"] == message.message_id
    assert sent.extra_headers["In-Reply-To"] == ticket.messages.all()[0].message_id


def test_a_customer_reply_reopens_a_solved_ticket() -> None:
    agent = factories.agent()
    ticket = factories.ticket()
    ticket_set_status(ticket=ticket, actor=agent, status=Status.SOLVED)
    assert ticket.solved_at is not None
    customer_message_add(ticket=ticket, customer=ticket.customer, text="It happened again.")
    ticket.refresh_from_db()
    assert ticket.status == Status.OPEN
    assert ticket.solved_at is None


def test_a_closed_ticket_takes_no_more_replies() -> None:
    agent = factories.agent()
    ticket = factories.ticket()
    ticket_set_status(ticket=ticket, actor=agent, status=Status.CLOSED)
    with pytest.raises(Invalid, match="closed"):
        customer_message_add(ticket=ticket, customer=ticket.customer, text="Hello?")


def test_notes_are_internal() -> None:
    agent = factories.agent()
    ticket = factories.ticket()
    note = ticket_note(ticket=ticket, agent=agent, text="Customer called, sounded upset.")
    assert note.direction == MessageDirection.NOTE
    assert not note.is_public


def test_attachments_are_stored_under_random_names(settings: Settings) -> None:
    upload = SimpleUploadedFile("../../evil.sh", b"echo hi", content_type="text/x-sh")
    ticket = factories.ticket(files=[upload])
    attachment = Attachment.objects.get(message__ticket=ticket)
    assert attachment.name == "evil.sh"
    assert attachment.file.name is not None
    assert "evil" not in attachment.file.name
    assert ".." not in attachment.file.name
    assert attachment.file.path.startswith(str(settings.MEDIA_ROOT))
    assert attachment.size == 7


@pytest.mark.parametrize(
    ("files", "error"),
    [
        ([SimpleUploadedFile("empty.txt", b"")], "empty"),
        ([SimpleUploadedFile("big.bin", b"x" * 2048)], "larger"),
        ([SimpleUploadedFile(f"f{i}.txt", b"x") for i in range(4)], "At most"),
    ],
)
def test_bad_attachments_are_refused_and_nothing_is_stored(
    settings: Settings, files: list[SimpleUploadedFile], error: str
) -> None:
    settings.MAX_ATTACHMENT_BYTES = 1024
    settings.MAX_ATTACHMENTS_PER_MESSAGE = 3
    customer = factories.customer()
    with pytest.raises(Invalid, match=error):
        contact_open(customer=customer, subject="s", body="b", channel="web", files=files)
    assert not customer.tickets.exists()


@pytest.mark.parametrize(
    ("html", "absent"),
    [
        ("<p>hi</p><script>alert(1)</script>", "<script"),
        ('<a href="javascript:alert(1)">x</a>', "javascript:"),
        ('<p onclick="steal()">x</p>', "onclick"),
        ('<img src="https://tracker.example/pixel.gif">', "tracker.example"),
    ],
)
def test_html_is_sanitised(html: str, absent: str) -> None:
    assert absent not in html_sanitise(html)


def test_a_long_list_of_breaches_names_fifty_in_each_lead_s_language_and_points_to_the_rest(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    for role, language in (("lead", "et"), ("admin", "en")):
        lead = factories.agent(role=role, language=language)
        lead.email = f"{role}@example.com"
        lead.save(update_fields=["email"])
    tickets = [factories.ticket(subject=f"Question {n}") for n in range(53)]
    with django_capture_on_commit_callbacks(execute=True):
        assert sla_escalations_deliver(ticket_ids=[ticket.pk for ticket in tickets]) == 2
    by_address = {message.to[0]: message for message in mail.outbox}
    english = by_address["admin@example.com"]
    assert english.subject == "SLA breached: 53 tickets"
    assert english.body.count("/desk/tickets/") == 50
    assert "…and 3 more, at the top of the queue: http://127.0.0.1:8000/desk/queue/" in english.body
    estonian = by_address["lead@example.com"]
    assert estonian.subject == "SLA rikutud: 53 pöördumist"
    assert "…ja veel 3, järjekorra alguses:" in estonian.body


# An agent's page loads a ticket; before they press, a colleague changes it. What they press
# must act on the ticket as it is now, not undo the colleague's change.


def test_assigning_a_ticket_a_colleague_just_solved_leaves_it_solved() -> None:
    lead, agent = factories.agent(role="lead"), factories.agent()
    ticket = factories.ticket()
    loaded = Ticket.objects.get(pk=ticket.pk)
    ticket_set_status(ticket=Ticket.objects.get(pk=ticket.pk), actor=lead, status="solved")

    ticket_assign(ticket=loaded, actor=lead, assignee=agent)

    now = Ticket.objects.get(pk=ticket.pk)
    assert (now.status, now.assignee_id) == ("solved", agent.pk)
    assert now.solved_at is not None


def test_a_status_change_starts_from_the_status_the_ticket_has_now() -> None:
    agent = factories.agent()
    ticket = factories.ticket()
    loaded = Ticket.objects.get(pk=ticket.pk)
    ticket_reply(ticket=Ticket.objects.get(pk=ticket.pk), agent=agent, text="Which invoice?")

    ticket_set_status(ticket=loaded, actor=agent, status="solved")

    now = Ticket.objects.get(pk=ticket.pk)
    assert now.status == "solved"
    note = now.messages.filter(event__code="status").last()
    assert note is not None
    assert (note.event["from"], note.event["to"]) == ("waiting", "solved")


def test_a_reply_leaves_a_ticket_a_colleague_just_took_with_them() -> None:
    colleague, agent = factories.agent(), factories.agent()
    ticket = factories.ticket()
    loaded = Ticket.objects.get(pk=ticket.pk)
    assert ticket_assign_if_free(ticket_id=ticket.pk, assignee=colleague, actor=colleague, note="x")

    ticket_reply(ticket=loaded, agent=agent, text="Here is your invoice again.")

    assert Ticket.objects.get(pk=ticket.pk).assignee_id == colleague.pk


@pytest.mark.django_db(transaction=True)
def test_stepping_away_while_answering_releases_only_what_is_still_unanswered() -> None:
    agent = factories.agent()
    customer = factories.customer()
    tickets = [factories.ticket(customer_=customer, subject=f"Question {n}") for n in range(40)]
    for ticket in tickets:
        ticket_assign(ticket=ticket, actor=agent, assignee=agent)
    # The release goes newest first; the answers go oldest first, meeting it half-way.
    answering = [Ticket.objects.get(pk=t.pk) for t in tickets[:20]]
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def release() -> None:
        try:
            start.wait()
            tickets_release(agent=agent, note="Stepped away")
        except BaseException as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    def answer() -> None:
        try:
            start.wait()
            for ticket in answering:
                ticket_reply(ticket=ticket, agent=agent, text="Here it is.", status="open")
        except BaseException as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=release), threading.Thread(target=answer)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    rows = Ticket.objects.filter(pk__in=[t.pk for t in tickets])
    answered_but_released = rows.filter(first_responded_at__isnull=False, assignee__isnull=True)
    assert list(answered_but_released.values_list("reference", flat=True)) == []
    assert rows.filter(first_responded_at__isnull=True, assignee=agent).count() == 0
