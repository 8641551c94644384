"""One reply on a problem reaches every customer in their language, as a reply on their own
ticket, by real mail; an unknown placeholder or a rude reply sends nothing."""

from __future__ import annotations

import email
import email.policy

import pytest
from django.test import Client
from django.urls import reverse

from frontdesk.accounts.models import User
from frontdesk.core.errors import Forbidden, Invalid
from frontdesk.macros.services import macro_save
from frontdesk.problems.models import Problem
from frontdesk.problems.services import (
    ProblemToneHeld,
    problem_create,
    problem_reply_send,
    problem_reply_texts_from_macro,
)
from frontdesk.tickets.choices import MessageDirection, Status
from frontdesk.tickets.models import Message, Ticket
from tests import factories
from tests.mail.conftest import Sink, relay  # noqa: F401 - the relay fixture

pytestmark = pytest.mark.django_db(transaction=True)

TEXTS = {
    "en": "Dear {customer_name}, the empty export ({reference}) is fixed: {problem}.",
    "et": "Tere {customer_first_name}! Tühi eksport ({reference}) on parandatud.",
    "hu": "Kedves {customer_name}! Az üres export ({reference}) javítva.",
}


def _problem() -> tuple[User, Problem, list[Ticket]]:
    lead = factories.agent(role="lead")
    people = (
        ("Mari Tamm", "mari@firma.example", "et", "Eksport on tühi", "CSV eksport on 0 KB."),
        ("Kovács Anna", "anna@ceg.example", "hu", "Üres az export", "A CSV export 0 KB."),
        ("Sam Reed", "sam@firm.example", "", "Export is empty", "The CSV export is 0 KB."),
        ("Eli Levi", "eli@firm.example", "he", "הייצוא ריק", "הייצוא של CSV ריק, 0 KB."),
    )
    tickets = []
    for name, address, language, subject, body in people:
        customer = factories.customer(name=name, email=address, language=language)
        tickets.append(factories.ticket(customer_=customer, subject=subject, body=body))
    problem = problem_create(actor=lead, title="Empty CSV export", tickets=tickets)
    return lead, problem, tickets


def _mails(relay: Sink) -> dict[str, str]:  # noqa: F811
    sent = {}
    for raw in relay.messages:
        mail = email.message_from_bytes(raw, policy=email.policy.default)
        body = mail.get_body(preferencelist=("plain",))
        assert body is not None
        sent[str(mail["To"])] = body.get_content()
    return sent


def test_one_reply_reaches_each_customer_in_their_language(relay: Sink) -> None:  # noqa: F811
    lead, problem, tickets = _problem()
    sent = problem_reply_send(problem=problem, agent=lead, texts=TEXTS)
    assert len(sent.messages) == 4
    # Hebrew has no text of its own: Eli reads the English one.
    assert dict(sent.languages) == {"et": 1, "hu": 1, "en": 2}
    mails = _mails(relay)
    assert (
        f"Tere Mari! Tühi eksport ({tickets[0].reference}) on parandatud."
        in mails["mari@firma.example"]
    )
    assert (
        f"Kedves Kovács Anna! Az üres export ({tickets[1].reference})" in mails["anna@ceg.example"]
    )
    assert "Dear Sam Reed, the empty export" in mails["sam@firm.example"]
    assert "Empty CSV export" in mails["eli@firm.example"]
    for ticket in tickets:
        ticket.refresh_from_db()
        assert ticket.status == Status.WAITING
        reply = ticket.messages.get(direction=MessageDirection.OUT)
        assert reply.flags == ["problem-reply"]
        assert reply.author_agent == lead


def test_an_unknown_placeholder_refuses_the_whole_send(relay: Sink) -> None:  # noqa: F811
    lead, problem, _tickets = _problem()
    texts = {**TEXTS, "hu": "Kedves {customer_shoe_size}!"}
    with pytest.raises(Invalid, match=r"\{customer_shoe_size\} in the hu reply"):
        problem_reply_send(problem=problem, agent=lead, texts=texts)
    assert not Message.objects.filter(direction=MessageDirection.OUT).exists()
    assert relay.messages == []


def test_a_rude_reply_is_held_until_sent_anyway(relay: Sink) -> None:  # noqa: F811
    lead, problem, _tickets = _problem()
    texts = {**TEXTS, "en": "As I already told you, this is not our problem."}
    with pytest.raises(ProblemToneHeld) as held:
        problem_reply_send(problem=problem, agent=lead, texts=texts)
    assert list(held.value.warnings) == ["en"]
    assert relay.messages == []
    problem_reply_send(problem=problem, agent=lead, texts=texts, tone_accepted=True)
    assert len(relay.messages) == 4


def test_only_a_lead_replies_on_a_problem() -> None:
    _lead, problem, _tickets = _problem()
    with pytest.raises(Forbidden):
        problem_reply_send(problem=problem, agent=factories.agent(), texts=TEXTS)


def test_a_macros_versions_fill_the_reply() -> None:
    macro_save(code="fixed", language="en", name="Fixed", text="Fixed, {customer.name}.")
    macro_save(code="fixed", language="et", name="Parandatud", text="Parandatud, {customer.name}.")
    texts = problem_reply_texts_from_macro(code="/fixed")
    assert texts["en"] == "Fixed, {customer.name}."
    assert texts["et"] == "Parandatud, {customer.name}."
    assert texts["hu"] == "Fixed, {customer.name}."  # English, where Hungarian has none


def test_the_reply_page_sends_and_a_bad_placeholder_shows_why(relay: Sink) -> None:  # noqa: F811
    lead, problem, _tickets = _problem()
    client = Client()
    client.force_login(lead)
    url = reverse("problems:reply", kwargs={"problem_id": problem.pk})
    assert "4 customers" not in client.get(url).content.decode()
    refused = client.post(url, {"status": "waiting", "text_en": "Hi {nope}"})
    assert refused.status_code == 400
    assert "Unknown placeholder {nope}" in refused.content.decode()
    done = client.post(url, {"status": "solved", "text_en": "Fixed for you, {customer_name}."})
    assert done.status_code == 302
    # Solved by the reply: each customer also gets satisfaction's rating mail.
    assert sum(b"Fixed for you" in raw for raw in relay.messages) == 4
    assert set(Ticket.objects.values_list("status", flat=True)) == {Status.SOLVED}


def test_solving_offers_the_open_tickets_and_solves_those_ticked() -> None:
    lead, problem, tickets = _problem()
    client = Client()
    client.force_login(lead)
    url = reverse("problems:solve", kwargs={"problem_id": problem.pk})
    page = client.get(url).content.decode()
    assert page.count("checked") == 4
    client.post(url, {"tickets": [str(tickets[0].pk), str(tickets[1].pk)]})
    problem.refresh_from_db()
    assert problem.status == "solved"
    assert problem.solved_by == lead
    statuses = [Ticket.objects.get(pk=t.pk).status for t in tickets]
    assert statuses[:2] == [Status.SOLVED, Status.SOLVED]
    assert Status.SOLVED not in statuses[2:]
    assert client.post(url, {}).status_code == 400  # solved once


def test_posted_problems_show_on_the_status_page_in_the_readers_language() -> None:
    lead, problem, _tickets = _problem()
    client = Client()
    client.force_login(lead)
    post = reverse("problems:post", kwargs={"problem_id": problem.pk})
    refused = client.post(post, {"posted": "1"}, follow=True)
    assert "public text before posting" in refused.content.decode()
    Problem.objects.filter(pk=problem.pk).update(
        public_texts={"en": "Exports are empty.", "et": "Eksport on tühi."}
    )
    client.post(post, {"posted": "1"})
    public = Client()
    assert "Exports are empty." in public.get("/status/").content.decode()
    estonian = public.get("/status/", HTTP_ACCEPT_LANGUAGE="et").content.decode()
    assert "Eksport on tühi." in estonian
    client.post(reverse("problems:solve", kwargs={"problem_id": problem.pk}), {})
    assert "status-solved" in public.get("/status/").content.decode()


def test_a_casual_reply_is_held_when_one_of_its_customers_calls_for_care() -> None:
    lead = factories.agent(role="lead")
    calm = factories.ticket(
        subject="Export", body="Hi, could you check why the CSV export is empty? Thanks!"
    )
    blocked = factories.ticket(
        subject="Export", body="The CSV export is empty and I cannot work at all. I am blocked."
    )
    assert (calm.level, blocked.level) == (4, 1)
    texts = {"en": "No worries lol, the export is fixed."}
    relaxed = problem_create(actor=lead, title="Empty export", tickets=[calm])
    assert len(problem_reply_send(problem=relaxed, agent=lead, texts=texts).messages) == 1
    urgent = problem_create(actor=lead, title="Empty export again", tickets=[blocked])
    with pytest.raises(ProblemToneHeld) as held:
        problem_reply_send(problem=urgent, agent=lead, texts=texts)
    assert [w.code for w in held.value.warnings["en"]] == ["casual"]
