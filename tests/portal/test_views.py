import re
from datetime import timedelta

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.mail import EmailMultiAlternatives
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import DjangoCaptureOnCommitCallbacks, Settings

from frontdesk.customers.models import Customer, Interaction
from frontdesk.customers.services import (
    customer_merge,
    customer_rotate_portal_key,
    portal_link_build,
)
from frontdesk.journal.models import FollowUp
from frontdesk.journal.services import follow_up_make, log_code_save, log_line_save
from frontdesk.live.services import call_event_record
from frontdesk.mail.inbound import mail_receive
from frontdesk.tickets.models import Message, Ticket
from frontdesk.tickets.services import ticket_note, ticket_reply, ticket_set_status
from tests import factories
from tests.mail import corpus

pytestmark = pytest.mark.django_db

FORM = {
    "name": "Anna Kovács",
    "email": "anna@example.hu",
    "subject": "Számla",
    "body": "Kérem a számlát újra.",
}


def without_csrf(html: bytes) -> str:
    """A page with its per-response CSRF tokens blanked, so two answers can be compared."""
    return re.sub(r'(csrfmiddlewaretoken" value=|X-CSRFToken": )"[^"]+"', r'\1""', html.decode())


def portal_client(customer: Customer) -> Client:
    client = Client()
    link = portal_link_build(customer=customer)
    response = client.get(link.split("127.0.0.1:8000", 1)[1])
    assert response.status_code == 302
    return client


def test_the_form_creates_a_ticket_and_acknowledges_in_the_customers_language(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    client = Client(HTTP_ACCEPT_LANGUAGE="hu")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/", FORM, follow=True)
    ticket = Ticket.objects.get()
    assert ticket.customer.primary_email == "anna@example.hu"
    assert ticket.language == "hu"
    assert ticket.channel == "web"
    assert ticket.reference in response.content.decode()
    [ack] = mail.outbox
    assert ack.to == ["anna@example.hu"]
    assert ticket.reference in ack.subject
    assert ack.extra_headers["Auto-Submitted"] == "auto-replied"
    assert "/portal/enter/" in ack.body
    assert [m.flags for m in ticket.messages.filter(direction="out")] == [["acknowledgement"]]


@pytest.mark.parametrize(
    ("field", "value"),
    [("email", "not-an-address"), ("name", ""), ("subject", ""), ("body", "")],
)
def test_invalid_fields_are_shown_next_to_the_field(field: str, value: str) -> None:
    response = Client().post("/", {**FORM, field: value})
    assert response.status_code == 400
    html = response.content.decode()
    assert re.search(rf'id="id_{field}-error"', html)
    assert Ticket.objects.count() == 0
    assert 'value="Anna Kovács"' in html or field == "name"


def test_an_empty_upload_is_refused_with_a_message() -> None:
    response = Client().post("/", {**FORM, "attachments": [SimpleUploadedFile("empty.pdf", b"")]})
    assert response.status_code == 400
    assert "id_attachments-error" in response.content.decode()
    assert Ticket.objects.count() == 0


def test_an_oversized_upload_is_refused_with_a_message(settings: Settings) -> None:
    settings.MAX_ATTACHMENT_BYTES = 100
    response = Client().post(
        "/", {**FORM, "attachments": [SimpleUploadedFile("big.pdf", b"x" * 101)]}
    )
    assert response.status_code == 400
    assert "larger than the limit" in response.content.decode()
    assert Ticket.objects.count() == 0


def test_the_form_is_rate_limited_per_address(settings: Settings) -> None:
    settings.INTAKE_RATE = "3/h"
    client = Client(REMOTE_ADDR="203.0.113.9")
    statuses = [client.post("/", {**FORM, "subject": f"n{i}"}).status_code for i in range(4)]
    assert statuses == [302, 302, 302, 429]
    assert Ticket.objects.count() == 3
    assert Client(REMOTE_ADDR="203.0.113.10").post("/", FORM).status_code == 302


def test_a_bot_filling_the_hidden_field_stores_nothing() -> None:
    response = Client().post("/", {**FORM, "website": "http://spam.example"})
    assert response.status_code == 302
    assert Ticket.objects.count() == 0


def test_the_portal_shows_only_the_customers_own_tickets() -> None:
    alice = factories.customer(name="Alice")
    bob = factories.customer(name="Bob")
    own = factories.ticket(customer_=alice, subject="Alice's question")
    foreign = factories.ticket(customer_=bob, subject="Bob's secret")
    client = portal_client(alice)
    home = client.get("/portal/").content.decode()
    assert own.reference in home
    assert foreign.reference not in home
    assert client.get(f"/portal/requests/{own.reference}/").status_code == 200
    not_yours = client.get(f"/portal/requests/{foreign.reference}/")
    missing = client.get("/portal/requests/FD-ZZZZZZ/")
    assert not_yours.status_code == missing.status_code == 404
    # The pages differ only where they echo the address that was asked for.
    assert without_csrf(not_yours.content).replace(foreign.reference, "REF") == without_csrf(
        missing.content
    ).replace("FD-ZZZZZZ", "REF")
    assert "Bob" not in not_yours.content.decode()


def test_the_portal_never_shows_internal_notes() -> None:
    agent = factories.agent()
    customer = factories.customer()
    ticket = factories.ticket(customer_=customer)
    ticket_note(ticket=ticket, agent=agent, text="Internal: customer owes us money")
    page = portal_client(customer).get(f"/portal/requests/{ticket.reference}/").content.decode()
    assert "owes us money" not in page


def test_a_reply_in_the_portal_lands_on_the_ticket() -> None:
    customer = factories.customer()
    ticket = factories.ticket(customer_=customer)
    client = portal_client(customer)
    response = client.post(
        f"/portal/requests/{ticket.reference}/", {"body": "Here is more detail."}
    )
    assert response.status_code == 302
    assert ticket.messages.reverse()[0].text == "Here is more detail."


def test_a_forged_link_shows_a_clear_page() -> None:
    response = Client().get("/portal/enter/not-a-real-token/")
    assert response.status_code == 404
    assert "does not work" in response.content.decode()


def test_an_expired_link_shows_a_clear_page(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    customer = factories.customer()
    link = portal_link_build(customer=customer)
    later = timezone.now() + timedelta(days=settings.PORTAL_LINK_DAYS + 1)
    monkeypatch.setattr("time.time", lambda: later.timestamp())
    response = Client().get(link.split("127.0.0.1:8000", 1)[1])
    assert response.status_code == 410
    assert "expired" in response.content.decode()


def test_a_rotated_key_revokes_old_links_and_sessions() -> None:
    customer = factories.customer()
    link = portal_link_build(customer=customer)
    client = portal_client(customer)
    customer_rotate_portal_key(customer=customer)
    assert Client().get(link.split("127.0.0.1:8000", 1)[1]).status_code == 404
    assert client.get("/portal/").status_code == 302


def test_asking_for_a_link_never_tells_whether_the_address_is_known(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    factories.customer(email="known@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        known = Client().post("/portal/link/", {"email": "known@example.com"})
        unknown = Client().post("/portal/link/", {"email": "unknown@example.com"})
    assert known.status_code == unknown.status_code == 200
    assert without_csrf(known.content) == without_csrf(unknown.content)
    assert [m.to for m in mail.outbox] == [["known@example.com"]]


def test_pages_follow_the_browser_language_and_hebrew_is_right_to_left() -> None:
    html = Client(HTTP_ACCEPT_LANGUAGE="he").get("/").content.decode()
    assert '<html lang="he" dir="rtl">' in html
    english = Client(HTTP_ACCEPT_LANGUAGE="en").get("/").content.decode()
    assert '<html lang="en" dir="ltr">' in english


def test_the_customer_never_sees_what_someone_else_sent_about_their_ticket() -> None:
    ticket = mail_receive(raw=corpus.plain(), source="smtp").ticket
    assert ticket is not None
    first = ticket.messages.get().message_id
    colleague = corpus.with_nul_bytes().replace(
        b"Nul\x00 Sender <nul@sender.example>", b"Colin <colin@bank.example>"
    )
    colleague = colleague.replace(
        b"Message-ID: <nul-1@sender.example>",
        b"Message-ID: <colin-2@bank.example>\r\nIn-Reply-To: " + first.encode(),
    )
    filed = mail_receive(raw=colleague, source="smtp")
    assert filed.ticket == ticket
    client = portal_client(ticket.customer)
    page = client.get(reverse("portal:ticket", args=[ticket.reference])).content.decode()
    assert "my card payment failed twice" in page
    assert "My invoice is attached." not in page
    assert filed.message is not None
    attachment = filed.message.attachments.get()
    assert client.get(reverse("portal:attachment", args=[attachment.pk])).status_code == 404


def _portal_walk(client: Client) -> dict[str, str]:
    """Every page and file the portal links to from its home, by address, as the customer
    gets it (only links into the portal and the public form are followed)."""
    seen: dict[str, str] = {}
    waiting = ["/portal/"]
    while waiting:
        path = waiting.pop()
        if path in seen:
            continue
        response = client.get(path)
        assert response.status_code == 200, path
        seen[path] = response.getvalue().decode(errors="replace")
        waiting += [
            link
            for link in re.findall(r'href="(/[^"#?]*)', seen[path])
            if link == "/" or link.startswith(("/portal/requests/", "/portal/files/", "/sent/"))
        ]
    return seen


def test_no_portal_page_or_mail_shows_the_desks_internal_work(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:

    agent = factories.agent(username="eli")
    agent_client = Client()
    agent_client.force_login(agent)
    customer = factories.customer(name="Rami Cohen", email="rami@example.com", phone="+3725550199")
    with django_capture_on_commit_callbacks(execute=True):
        asked = factories.ticket(
            customer_=customer,
            subject="The printer jams",
            body="It jams every morning.",
            files=[SimpleUploadedFile("jam.jpg", b"photo of the jam")],
            acknowledge=True,
        )
        ticket_reply(ticket=asked, agent=agent, text="Try the rear tray.", status="open")
    ticket_note(ticket=asked, agent=agent, text="He threatened to leave us for a rival")
    ticket_set_status(ticket=asked, actor=agent, status="on_hold")
    # A promise recorded on the ticket page, and one made by a code in a log line.
    agent_client.post(
        f"/desk/journal/tickets/{asked.pk}/follow-up/",
        {
            "text": "Ring him before the board meets",
            "due_at": (timezone.now() + timedelta(days=2)).strftime("%Y-%m-%dT15:00"),
        },
    )
    log_code_save(word="cbr", text="call back about the unpaid refund", follow_up_minutes=60)
    log_line_save(line="Rami Cohen. cbr.", writer=agent)
    # A missed call from his number becomes a call-back with an internal note.
    call_event_record(call_id="c-walk", event="ringing", from_number="+372 555 0199")
    call_event_record(call_id="c-walk", event="missed")
    # An old record of his merged into this one leaves an internal entry on the timeline.
    customer_merge(source=factories.customer(name="R. Cohen"), target=customer, actor=agent)

    follow_ups = list(FollowUp.objects.filter(customer=customer))
    assert len(follow_ups) == 2
    internal = {f.text for f in follow_ups}
    internal |= set(
        Message.objects.filter(ticket__customer=customer, direction="note").values_list(
            "text", flat=True
        )
    )
    internal |= set(
        Interaction.objects.filter(customer=customer, direction="internal").values_list(
            "summary", flat=True
        )
    )
    assert "He threatened to leave us for a rival" in internal
    with django_capture_on_commit_callbacks(execute=True):
        client = portal_client(customer)
        client.post("/portal/link/", {"email": "rami@example.com"})
    pages = _portal_walk(client)

    assert f"/portal/requests/{asked.reference}/" in pages
    assert any(path.startswith("/portal/files/") for path in pages)
    leaks = {(path, text) for path, html in pages.items() for text in internal if text in html}
    assert leaks == set()
    # The promises are not the customer's requests: not listed, not counted, not reachable.
    for follow_up in follow_ups:
        assert follow_up.ticket.reference not in pages["/portal/"]
        reached = client.get(f"/portal/requests/{follow_up.ticket.reference}/")
        assert reached.status_code == 404
    listed = re.findall(r'href="/portal/requests/([^/"]+)/"', pages["/portal/"])
    assert sorted(listed) == sorted(
        Ticket.objects.filter(customer=customer)
        .exclude(queue_kind="follow-up")
        .values_list("reference", flat=True)
    )
    # Nor does any mail the customer got.
    mailed = [
        m
        for m in mail.outbox
        if isinstance(m, EmailMultiAlternatives) and "rami@example.com" in m.to
    ]
    assert len(mailed) == 3  # the acknowledgement, the reply, the portal link
    texts = [f"{m.subject}{m.body}" + "".join(str(a[0]) for a in m.alternatives) for m in mailed]
    assert {text for text in internal for body in texts if text in body} == set()


def test_a_promise_answered_in_writing_shows_under_a_subject_of_its_own(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    agent = factories.agent()
    customer = factories.customer(email="rami@example.com")
    follow_up = follow_up_make(
        customer=customer,
        owner=agent,
        text="Ring him: he is furious about the refund",
        due_at=timezone.now() + timedelta(hours=1),
    )
    with django_capture_on_commit_callbacks(execute=True):
        ticket_reply(ticket=follow_up.ticket, agent=agent, text="Your refund left today.")

    [reply] = mail.outbox
    assert "furious" not in reply.subject
    assert reply.subject == f"[{follow_up.ticket.reference}] Following up as promised"
    client = portal_client(customer)
    home = client.get("/portal/").content.decode()
    page = client.get(f"/portal/requests/{follow_up.ticket.reference}/").content.decode()
    assert follow_up.ticket.reference in home
    assert "Your refund left today." in page
    assert "furious" not in home + page
    assert "Following up as promised" in home
    assert "Following up as promised" in page


def test_a_promise_answered_in_writing_is_subjected_in_the_customers_language(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    agent = factories.agent()
    customer = factories.customer(email="rami@example.com", language="he")
    follow_up = follow_up_make(
        customer=customer, owner=agent, text="Ring him", due_at=timezone.now() + timedelta(hours=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        ticket_reply(ticket=follow_up.ticket, agent=agent, text="ההחזר יצא היום.")

    [reply] = mail.outbox
    assert reply.subject == f"[{follow_up.ticket.reference}] חוזרים אליך כפי שהבטחנו"
    home = portal_client(customer).get("/portal/").content.decode()
    assert "חוזרים אליך כפי שהבטחנו" in home


def test_a_request_in_another_script_keeps_its_own_direction_in_a_hebrew_portal() -> None:
    # "Incoming call from +972 …." read right to left would put its full stop first.
    customer = factories.customer(name="Dana Cohen", language="he")
    ticket = factories.ticket(customer_=customer, subject="Call from +972 50 555 0177")
    client = portal_client(customer)
    page = client.get(
        f"/portal/requests/{ticket.reference}/", HTTP_ACCEPT_LANGUAGE="he"
    ).content.decode()
    assert '<h1 dir="auto">Call from +972 50 555 0177</h1>' in page
    assert '<div class="message-body" dir="auto">' in page
