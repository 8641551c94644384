"""The reply box's macro picker: what it lists, in which order, and the preview it shows."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from frontdesk.accounts.models import User
from frontdesk.macros.models import Macro
from frontdesk.macros.selectors import macro_matches
from frontdesk.macros.services import macro_save
from frontdesk.tickets.models import Ticket
from tests import factories

pytestmark = pytest.mark.django_db


def _ticket_in(language: str, name: str = "Kovács Anna") -> Ticket:
    ticket = factories.ticket(customer_=factories.customer(name=name), subject="Refund")
    Ticket.objects.filter(pk=ticket.pk).update(language=language)
    ticket.refresh_from_db()
    return ticket


def _refund_macros() -> None:
    macro_save(code="refund", language="en", name="Refund", text="Dear {customer.name}, refunded.")
    macro_save(
        code="visszateres",
        language="hu",
        name="Visszatérítés",
        text="Kedves {customer.first_name}, a visszatérítés megtörtént. {agent.name}",
    )
    macro_save(code="refund", language="hu", name="Visszatérítés", text="Visszatérítve.")
    macro_save(code="refund", language="", name="Refund (any)", text="Refunded: {ticket.reference}")
    macro_save(code="refund", language="et", name="Tagasimakse", text="Raha tagastatud.")


def _options(answer_html: str) -> list[str]:
    """The options' code and language badge, in the order listed."""
    found = re.findall(
        r'<bdi class="macro-code" dir="ltr">(/[^<]+)</bdi>.*?'
        r'(?:<span class="badge macro-language">([^<]+)</span>)?\s*</li>',
        answer_html,
        re.S,
    )
    return [f"{code} {language}".strip() for code, language in found]


def test_the_customers_language_comes_first_then_any_then_the_others() -> None:
    _refund_macros()
    found = macro_matches(query="refund", language="hu")
    assert [(m.code, m.language) for m in found] == [
        ("refund", "hu"),
        ("refund", ""),
        ("refund", "en"),
        ("refund", "et"),
    ]


def test_accents_and_case_do_not_matter_in_code_or_title() -> None:
    _refund_macros()
    # "/visszat" finds the code that starts so, then the macro titled "Visszatérítés".
    assert [m.code for m in macro_matches(query="/VISSZAT", language="hu")] == [
        "visszateres",
        "refund",
    ]
    assert {m.code for m in macro_matches(query="térítés", language="en")} == {
        "refund",
        "visszateres",
    }
    assert macro_matches(query="nothing-like-it", language="hu") == []


def test_a_code_that_starts_with_the_query_comes_before_one_that_contains_it() -> None:
    macro_save(code="late-refund", language="hu", name="Late", text="Late.")
    macro_save(code="refund", language="hu", name="Refund", text="Refunded.")
    assert [m.code for m in macro_matches(query="ref", language="hu")] == ["refund", "late-refund"]


def test_the_picker_lists_at_most_ten_and_never_an_inactive_macro() -> None:
    for number in range(12):
        macro_save(code=f"thanks{number:02}", language="en", name="Thanks", text="Thank you.")
    Macro.objects.filter(code="thanks00").update(active=False)
    found = macro_matches(query="thanks", language="en")
    assert len(found) == 10
    assert "thanks00" not in {m.code for m in found}


def test_the_picker_endpoint_marks_macros_in_other_languages(agent_client: Client) -> None:
    _refund_macros()
    ticket = _ticket_in("hu")
    answer = agent_client.get(
        reverse("macros:picker", kwargs={"ticket_id": ticket.pk}), {"q": "refund"}
    )
    assert answer.status_code == 200
    assert _options(answer.content.decode()) == [
        "/refund",
        "/refund",
        "/refund English",
        "/refund Estonian",
    ]
    assert "4 macros" in answer.content.decode()


def test_the_picker_says_when_nothing_matches(agent_client: Client) -> None:
    ticket = _ticket_in("en")
    answer = agent_client.get(
        reverse("macros:picker", kwargs={"ticket_id": ticket.pk}), {"q": "zzz"}
    )
    assert "No macro matches." in answer.content.decode()
    assert 'role="option"' not in answer.content.decode()


def test_the_preview_is_the_text_sending_the_code_produces(
    agent_client: Client, agent: User
) -> None:
    _refund_macros()
    ticket = _ticket_in("hu", name="Szabó Ildikó")
    macro = Macro.objects.get(code="visszateres", language="hu")
    preview = agent_client.get(
        reverse("macros:preview", kwargs={"ticket_id": ticket.pk, "macro_id": macro.pk})
    )
    shown = re.search(
        r'<div class="macro-preview-text" dir="auto">(.*?)</div>', preview.content.decode(), re.S
    )
    assert shown is not None
    sent = agent_client.post(
        reverse("tickets:reply", kwargs={"ticket_id": ticket.pk}),
        {"body": "/visszateres", "status": "waiting"},
    )
    assert sent.status_code == 302
    text = ticket.messages.filter(direction="out").get().text
    assert text == f"Kedves Szabó, a visszatérítés megtörtént. {agent.display_name}"
    assert shown.group(1) == text


def test_the_preview_of_a_macro_that_cannot_be_filled_in_says_why(agent_client: Client) -> None:
    ticket = _ticket_in("en")
    macro = Macro.objects.create(code="broken", language="en", name="Broken", text="Hi {nobody}")
    preview = agent_client.get(
        reverse("macros:preview", kwargs={"ticket_id": ticket.pk, "macro_id": macro.pk})
    )
    assert preview.status_code == 200
    assert "Unknown placeholder {nobody}" in preview.content.decode()


def test_the_picker_is_for_logged_in_agents_and_their_tickets(agent_client: Client) -> None:
    ticket = _ticket_in("en")
    url = reverse("macros:picker", kwargs={"ticket_id": ticket.pk})
    assert Client().get(url).status_code == 302
    missing = reverse("macros:picker", kwargs={"ticket_id": ticket.pk + 1000})
    assert agent_client.get(missing).status_code == 404
    no_macro = reverse("macros:preview", kwargs={"ticket_id": ticket.pk, "macro_id": 99999})
    assert agent_client.get(no_macro).status_code == 404


def test_the_reply_box_offers_the_picker(agent_client: Client) -> None:
    ticket = _ticket_in("en")
    page = agent_client.get(reverse("tickets:detail", kwargs={"ticket_id": ticket.pk}))
    html = page.content.decode()
    assert 'id="macro-picker-open"' in html
    assert f'data-url="{reverse("macros:picker", kwargs={"ticket_id": ticket.pk})}"' in html
    assert "frontdesk/macro-picker.js" in html
