"""Asking for a rating after each solve (over a real SMTP relay), recording it, and the lead's
follow-up on a bad one."""

from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage

import pytest
from django.utils import timezone

from frontdesk.accounts.models import User
from frontdesk.core.errors import Invalid
from frontdesk.journal.models import FollowUp
from frontdesk.satisfaction.models import Survey
from frontdesk.satisfaction.selectors import (
    RatingLinkError,
    rating_current,
    rating_token,
    survey_by_token,
)
from frontdesk.satisfaction.services import (
    rating_links,
    satisfaction_settings_set,
    survey_rate,
    survey_rate_from_portal,
    survey_send,
)
from frontdesk.tickets.choices import MessageDirection, Status
from frontdesk.tickets.models import Message, Ticket
from frontdesk.tickets.services import ticket_merge, ticket_reply, ticket_set_status
from tests import factories
from tests.mail.conftest import Sink, relay  # noqa: F401 - the relay fixture


def _surveys(sink: Sink) -> list[EmailMessage]:
    parsed = [email.message_from_bytes(raw, policy=email.policy.default) for raw in sink.messages]
    return [m for m in parsed if m["Auto-Submitted"] == "auto-generated"]


def _solved(ticket: Ticket, agent: User) -> Ticket:
    ticket_reply(ticket=ticket, agent=agent, text="Done: sent again.", status=Status.SOLVED)
    ticket.refresh_from_db()
    return ticket


@pytest.mark.django_db(transaction=True)
def test_a_solve_mails_one_survey_in_the_ticket_s_language_threaded_into_its_mail(
    relay: Sink,  # noqa: F811
) -> None:
    agent = factories.agent()
    customer = factories.customer(email="mari@example.ee", language="et")
    hungarian = "Kérem, küldjék el újra a számlát, mert a múlt heti levélben nem volt benne."
    ticket = _solved(factories.ticket(customer_=customer, body=hungarian), agent)
    assert ticket.language == "hu"
    [mail] = _surveys(relay)
    assert mail["To"] == "mari@example.ee"
    assert ticket.reference in mail["Subject"]
    assert (
        "Milyen volt a segítségünk?" in mail["Subject"]
    )  # Hungarian: the ticket's own language first
    reply = ticket.messages.get(direction=MessageDirection.OUT, author_agent=agent)
    assert mail["In-Reply-To"] == reply.message_id
    assert reply.message_id in mail["References"]
    [survey] = Survey.objects.filter(ticket=ticket)
    links = rating_links(survey=survey)
    body = mail.get_body(preferencelist=("plain",))
    assert body is not None
    assert links["good"] in body.get_content()
    assert links["bad"] in body.get_content()
    # Solved again without reopening (an agent saving the status twice): still one survey.
    ticket_set_status(ticket=ticket, actor=agent, status=Status.SOLVED)
    survey_send(ticket_id=ticket.pk, solved_at=ticket.solved_at)  # the task run twice
    assert len(_surveys(relay)) == 1


@pytest.mark.django_db(transaction=True)
def test_reopened_and_solved_again_asks_again_in_the_customer_s_language(
    relay: Sink,  # noqa: F811
) -> None:
    agent = factories.agent()
    customer = factories.customer(email="amir@example.ba", language="bs")
    german = "Bitte schicken Sie mir die Rechnung noch einmal, ich habe sie nicht bekommen."
    ticket = _solved(factories.ticket(customer_=customer, body=german), agent)
    assert ticket.language == "de"  # not one the desk writes in
    ticket_set_status(ticket=ticket, actor=agent, status=Status.OPEN)
    _solved(ticket, agent)
    first, second = _surveys(relay)
    assert first["Subject"] == second["Subject"]
    assert "Kako smo" in first["Subject"]  # neither ticket language spoken: the customer's
    assert Survey.objects.filter(ticket=ticket).count() == 2


@pytest.mark.django_db(transaction=True)
def test_no_survey_when_surveys_are_off_for_merged_tickets_or_desk_started_ones(
    relay: Sink,  # noqa: F811
) -> None:
    agent = factories.agent()
    lead = factories.agent(role="lead")
    customer = factories.customer()
    one = factories.ticket(customer_=customer)
    two = factories.ticket(customer_=customer)
    ticket_merge(actor=agent, survivor=one, others=[two])  # two is closed as merged: no survey
    satisfaction_settings_set(actor=lead, surveys_on=False)
    _solved(one, agent)
    satisfaction_settings_set(actor=lead, surveys_on=True)
    # A ticket the desk started (the agent wrote first): the customer asked for nothing.
    from frontdesk.tickets.services import ticket_write_to_customer

    started = ticket_write_to_customer(
        customer=customer, agent=agent, subject="Your refund", body="Sent today."
    )
    _solved(started, agent)
    assert _surveys(relay) == []
    assert not Survey.objects.exists()


@pytest.mark.django_db
def test_a_historical_solve_asks_nothing(django_capture_on_commit_callbacks) -> None:  # type: ignore[no-untyped-def]
    agent = factories.agent()
    ticket = factories.ticket()
    with django_capture_on_commit_callbacks(execute=True):
        ticket_reply(
            ticket=ticket,
            agent=agent,
            text="Solved long ago.",
            status=Status.SOLVED,
            historical_at=timezone.now(),
        )
    assert not Survey.objects.exists()


def _survey(**details: str) -> Survey:
    ticket = factories.ticket(**details)  # type: ignore[arg-type]
    agent = factories.agent()
    ticket_reply(ticket=ticket, agent=agent, text="Done.", status=Status.SOLVED)
    ticket.refresh_from_db()
    survey = survey_send(ticket_id=ticket.pk, solved_at=ticket.solved_at)  # as the worker does
    assert survey is not None
    return survey


@pytest.mark.django_db
def test_the_last_choice_counts_and_the_ticket_counts_once() -> None:
    survey = _survey()
    survey_rate(survey=survey, rating="good")
    survey_rate(survey=survey, rating="bad", comment="Slow.")
    survey.refresh_from_db()
    assert (survey.rating, survey.comment, survey.counts) == ("bad", "Slow.", True)
    # Solved again, asked again, rated good: only the newer answer counts for the ticket.
    ticket = survey.ticket
    agent = factories.agent()
    ticket_set_status(ticket=ticket, actor=agent, status=Status.OPEN)
    second = _solve_again(ticket, agent)
    survey_rate(survey=second, rating="good")
    assert rating_current(ticket=ticket) == second
    assert Survey.objects.filter(ticket=ticket, counts=True).count() == 1


def _solve_again(ticket: Ticket, agent: User) -> Survey:
    ticket_set_status(ticket=ticket, actor=agent, status=Status.SOLVED)
    ticket.refresh_from_db()
    survey = survey_send(ticket_id=ticket.pk, solved_at=ticket.solved_at)
    assert survey is not None
    return survey


@pytest.mark.django_db
def test_a_rating_must_be_good_or_bad_and_the_comment_not_endless() -> None:
    survey = _survey()
    with pytest.raises(Invalid):
        survey_rate(survey=survey, rating="meh")
    with pytest.raises(Invalid):
        survey_rate(survey=survey, rating="good", comment="x" * 2001)
    survey.refresh_from_db()
    assert survey.rating == ""
    assert survey.rated_at is None


@pytest.mark.django_db
def test_a_tampered_token_names_no_survey() -> None:
    survey = _survey()
    token = rating_token(survey=survey)
    assert survey_by_token(token=token) == survey
    payload, _colon, signature = token.rpartition(":")
    for bad in (payload + ":" + signature[:-2] + "xx", "eyJ0IjoxLCJzIjoxfQ:abc", "", token + "a"):
        with pytest.raises(RatingLinkError):
            survey_by_token(token=bad)


@pytest.mark.django_db
def test_a_bad_rating_opens_a_follow_up_for_the_team_s_lead_and_a_change_is_noted() -> None:
    desk_lead = factories.agent(role="lead")
    team_lead = factories.agent(role="lead")
    team = factories.team(members=[team_lead])
    survey = _survey(team_id=team.pk)  # type: ignore[arg-type]
    survey_rate(survey=survey, rating="bad", comment="Nobody called me back.")
    survey.refresh_from_db()
    follow_up = survey.follow_up
    assert follow_up is not None
    assert follow_up.owner == team_lead != desk_lead
    assert survey.ticket.reference in follow_up.text
    assert "Nobody called me back." in follow_up.text
    assert follow_up.customer == survey.ticket.customer
    survey_rate(survey=survey, rating="good", comment="Sorted now, thanks.")
    assert FollowUp.objects.count() == 1  # kept, with what changed
    notes = list(
        Message.objects.filter(
            ticket=follow_up.ticket, direction=MessageDirection.NOTE
        ).values_list("text", flat=True)
    )
    assert "The customer changed the rating to good." in notes
    assert "Comment: Sorted now, thanks." in notes


@pytest.mark.django_db
def test_a_bad_rating_without_a_team_goes_to_the_desk_s_lead() -> None:
    lead = factories.agent(role="lead")
    survey = _survey()
    survey_rate(survey=survey, rating="bad")
    survey.refresh_from_db()
    assert survey.follow_up is not None
    assert survey.follow_up.owner == lead


@pytest.mark.django_db
def test_the_portal_rates_the_latest_solve_even_when_no_mail_asked() -> None:
    lead = factories.agent(role="lead")
    satisfaction_settings_set(actor=lead, surveys_on=False)
    ticket = factories.ticket()
    with pytest.raises(Invalid):
        survey_rate_from_portal(ticket=ticket, rating="good")  # not solved yet
    ticket_reply(ticket=ticket, agent=lead, text="Done.", status=Status.SOLVED)
    ticket.refresh_from_db()
    survey = survey_rate_from_portal(ticket=ticket, rating="good", comment="Quick!")
    again = survey_rate_from_portal(ticket=ticket, rating="bad")
    assert survey.pk == again.pk
    assert (again.rating, again.comment, again.sent_at) == ("bad", "", None)
