"""The customer's rating page from the survey mail: opening a link records nothing (mail
scanners open them all), pressing the button does; tampered links change nothing."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse

from frontdesk.accounts.models import User
from frontdesk.satisfaction.models import Survey
from frontdesk.satisfaction.selectors import rating_token
from frontdesk.satisfaction.services import survey_send
from frontdesk.tickets.choices import Status
from frontdesk.tickets.services import ticket_reply
from tests import factories
from tests.conftest import ApiClient, signed_in

pytestmark = pytest.mark.django_db


def _checked(page: str) -> str:
    """The value of the rating radio button the page has checked ("" for none)."""
    found = re.findall(r'<input type="radio" name="rating" value="(\w+)"[^>]*\bchecked\b', page)
    return found[0] if len(found) == 1 else ""


@pytest.fixture
def survey() -> Survey:
    hebrew = "שלום, לא קיבלתי את החשבונית של החודש. אפשר לשלוח אותה שוב?"
    ticket = factories.ticket(customer_=factories.customer(language="he"), body=hebrew)
    ticket_reply(ticket=ticket, agent=factories.agent(), text="Done.", status=Status.SOLVED)
    ticket.refresh_from_db()
    made = survey_send(ticket_id=ticket.pk, solved_at=ticket.solved_at)
    assert made is not None
    return made


def test_opening_both_links_as_a_scanner_would_records_nothing(survey: Survey) -> None:
    token = rating_token(survey=survey)
    client = Client()
    for choice in ("good", "bad"):
        page = client.get(reverse("satisfaction:choose", args=[token, choice]))
        assert page.status_code == 200
        assert _checked(page.content.decode()) == choice
    client.head(reverse("satisfaction:choose", args=[token, "bad"]))
    survey.refresh_from_db()
    assert (survey.rating, survey.rated_at) == ("", None)


def test_the_link_preselects_the_customer_s_choice(survey: Survey) -> None:
    token = rating_token(survey=survey)
    page = Client().get(reverse("satisfaction:choose", args=[token, "bad"])).content.decode()
    assert _checked(page) == "bad"
    assert "לשלוח את הדירוג שלי" in page  # "Send my rating", in the mail's language


def test_pressing_the_button_records_and_a_second_press_replaces_it(survey: Survey) -> None:
    token = rating_token(survey=survey)
    client = Client()
    url = reverse("satisfaction:rate", args=[token])
    answer = client.post(url, {"rating": "good", "comment": ""})
    assert answer.status_code == 302
    client.post(url, {"rating": "bad", "comment": "Too slow."})
    survey.refresh_from_db()
    assert (survey.rating, survey.comment, survey.counts) == ("bad", "Too slow.", True)
    assert Survey.objects.filter(ticket=survey.ticket, counts=True).count() == 1
    page = client.get(url)
    text = page.content.decode()
    assert page.status_code == 200
    assert "Too slow." in text
    assert 'lang="he"' in text  # in the language the mail was written in
    assert "רע" in text


def test_a_tampered_link_is_refused_and_changes_nothing(survey: Survey) -> None:
    token = rating_token(survey=survey)
    client = Client()
    tampered = token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb")
    assert client.get(reverse("satisfaction:choose", args=[tampered, "good"])).status_code == 400
    answer = client.post(reverse("satisfaction:rate", args=[tampered]), {"rating": "good"})
    assert answer.status_code == 400
    assert client.get(reverse("satisfaction:rate", args=["not-a-token"])).status_code == 400
    survey.refresh_from_db()
    assert (survey.rating, survey.rated_at) == ("", None)


def test_a_rating_without_a_choice_is_refused_with_the_reason(survey: Survey) -> None:
    token = rating_token(survey=survey)
    answer = Client().post(reverse("satisfaction:rate", args=[token]), {"rating": "meh"})
    assert answer.status_code == 400
    survey.refresh_from_db()
    assert survey.rating == ""


def test_the_ticket_page_shows_the_rating_comment_and_when(survey: Survey, agent: User) -> None:
    token = rating_token(survey=survey)
    Client().post(
        reverse("satisfaction:rate", args=[token]), {"rating": "bad", "comment": "Nobody called"}
    )
    page = signed_in(agent).get(reverse("tickets:detail", args=[survey.ticket_id]))
    text = page.content.decode()
    assert "Customer&#x27;s rating" in text or "Customer's rating" in text
    assert "Nobody called" in text
    assert "rating-bad" in text


def test_only_leads_switch_the_surveys_off(agent: User, lead: User) -> None:
    url = reverse("satisfaction:settings")
    assert signed_in(agent).get(url).status_code == 200
    assert signed_in(agent).post(url, {}).status_code == 403
    assert signed_in(lead).post(url, {}).status_code == 302
    from frontdesk.satisfaction.selectors import surveys_on

    assert surveys_on() is False


def test_the_api_gives_the_ticket_s_rating(survey: Survey, api: ApiClient) -> None:
    unrated = factories.ticket()
    assert api.get(f"/api/v1/tickets/{unrated.pk}/rating").json()["asked"] is False
    assert api.get(f"/api/v1/tickets/{survey.ticket_id}/rating").json()["rating"] is None
    token = rating_token(survey=survey)
    Client().post(reverse("satisfaction:rate", args=[token]), {"rating": "bad", "comment": "Slow"})
    body = api.get(f"/api/v1/tickets/{survey.ticket_id}/rating").json()
    assert (body["asked"], body["rating"], body["comment"]) == (True, "bad", "Slow")
    assert body["rated_at"] is not None
    assert body["follow_up_ticket_id"] is None  # no lead on this desk to follow it up
    assert api.get("/api/v1/tickets/999999/rating").status_code == 404
