"""The desk's texts to customers: a lead's words per language, or the built-in ones, in the
acknowledgement mail, the request form and the kiosk; checked placeholders; the API."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoCaptureOnCommitCallbacks

from frontdesk.accounts.models import User
from frontdesk.core.changes import change_list, changes_read
from frontdesk.core.errors import Forbidden, Invalid
from frontdesk.tickets.models import DeskText
from frontdesk.tickets.selectors import desk_text_for
from frontdesk.tickets.services import desk_text_save
from tests import factories
from tests.conftest import signed_in, token_client

pytestmark = pytest.mark.django_db


def test_with_nothing_saved_a_text_is_the_built_in_one_in_its_language() -> None:
    english = desk_text_for(key="kiosk_welcome", language="en")
    estonian = desk_text_for(key="kiosk_welcome", language="et")

    assert english.text == "Welcome! Take a number and we will call you."
    assert not english.saved
    assert estonian.text != english.text


def test_the_acknowledgement_says_the_leads_words_with_the_reference_filled_in(
    lead: User, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    desk_text_save(
        actor=lead,
        key="acknowledgement",
        language="en",
        text="Dear {customer_name}, we keep your request as {reference}.",
    )

    with django_capture_on_commit_callbacks(execute=True):
        ticket = factories.ticket(acknowledge=True, customer_=factories.customer(name="Ilse Ahn"))

    body = "\n".join(str(message.body) for message in mail.outbox)
    assert f"Dear Ilse Ahn, we keep your request as {ticket.reference}." in body
    assert "Thank you for writing to us" not in body


def test_the_request_form_and_the_kiosk_say_the_leads_words(lead: User) -> None:
    desk_text_save(actor=lead, key="portal_intro", language="en", text="Write to us; we answer.")
    desk_text_save(actor=lead, key="kiosk_welcome", language="en", text="Tere tulemast, hello!")

    form = Client().get(reverse("portal:new")).content.decode()
    kiosk = Client().get(reverse("live:kiosk")).content.decode()

    assert "Write to us; we answer." in form
    assert "Tere tulemast, hello!" in kiosk


def test_a_placeholder_a_text_cannot_fill_is_refused_and_only_a_lead_saves(lead: User) -> None:
    with pytest.raises(Invalid, match=r"Unknown placeholder \{order\}"):
        desk_text_save(actor=lead, key="acknowledgement", language="en", text="{order}")
    with pytest.raises(Invalid, match="this text takes none"):
        desk_text_save(actor=lead, key="kiosk_welcome", language="en", text="Hi {reference}")
    with pytest.raises(Forbidden):
        desk_text_save(actor=factories.agent(), key="kiosk_welcome", language="en", text="Hi")

    assert not DeskText.objects.exists()


def test_empty_words_bring_the_built_in_ones_back(lead: User) -> None:
    desk_text_save(actor=lead, key="kiosk_welcome", language="he", text="ברוכים הבאים")

    desk_text_save(actor=lead, key="kiosk_welcome", language="he", text="  ")

    assert not desk_text_for(key="kiosk_welcome", language="he").saved


def test_the_page_shows_the_built_in_words_as_the_placeholder_and_a_refusal_by_the_field(
    lead: User,
) -> None:
    client = signed_in(lead)
    url = reverse("tickets:desk_text_edit", args=["acknowledgement", "en"])

    page = client.get(url).content.decode()
    refused = client.post(url, {"text": "Your {ticket_number} is here"})

    assert 'placeholder="Thank you for writing to us.' in page
    assert refused.status_code == 400
    assert "Unknown placeholder {ticket_number}" in refused.context["form"].errors["text"][0]
    assert "Your {ticket_number} is here" in refused.content.decode()


def test_a_lead_saves_words_on_the_page_and_the_change_is_recorded(lead: User) -> None:
    client = signed_in(lead)
    url = reverse("tickets:desk_text_edit", args=["kiosk_welcome", "en"])
    client.post(url, {"text": "Welcome!"})

    client.post(url, {"text": "Hello, take a number."})

    row = DeskText.objects.get(key="kiosk_welcome", language="en")
    change = changes_read(change_list(model=DeskText, object_id=row.pk))[0]
    fields = {field.label: (field.before, field.after) for field in change.fields}
    assert change.who == "Lea Lead"
    assert fields["wording"] == ("Welcome!", "Hello, take a number.")
    assert "Recent changes" in client.get(url).content.decode()


def test_the_preview_fills_the_placeholders_in(lead: User) -> None:
    preview = signed_in(lead).post(
        reverse("tickets:desk_text_preview", args=["acknowledgement", "en"]),
        {"text": "Hello {customer_name}, your reference is {reference}."},
    )

    assert "Hello Ildikó Szabó, your reference is FD-ZGS5HL." in preview.content.decode()


def test_an_agent_reads_the_texts_and_may_not_change_them() -> None:
    agent = signed_in(factories.agent())
    url = reverse("tickets:desk_text_edit", args=["kiosk_welcome", "en"])

    assert agent.get(reverse("tickets:desk_texts")).status_code == 200
    assert agent.get(url).status_code == 200
    assert agent.post(url, {"text": "Hi"}).status_code == 403
    assert not DeskText.objects.exists()


def test_the_api_reads_and_sets_a_text_for_a_lead_and_refuses_an_agent(lead: User) -> None:
    api = token_client(lead)

    listed = api.get("/api/v1/desk-texts").json()
    put = api.put(
        "/api/v1/desk-texts/kiosk_welcome/et",
        {"text": "Tere tulemast!"},
        content_type="application/json",
    )
    refused = api.put(
        "/api/v1/desk-texts/kiosk_welcome/et",
        {"text": "Tere {customer_name}"},
        content_type="application/json",
    )
    forbidden = token_client(factories.agent()).put(
        "/api/v1/desk-texts/kiosk_welcome/et", {"text": "x"}, content_type="application/json"
    )
    missing = api.get("/api/v1/desk-texts/nonsense/et")

    assert len(listed) == 3 * 5
    assert put.status_code == 200
    assert put.json() | {"default": ""} == {
        "key": "kiosk_welcome",
        "language": "et",
        "text": "Tere tulemast!",
        "default": "",
        "saved": True,
    }
    assert refused.status_code == 400
    assert forbidden.status_code == 403
    assert missing.status_code == 404
    assert api.get("/api/v1/desk-texts/kiosk_welcome/et").json()["text"] == "Tere tulemast!"
