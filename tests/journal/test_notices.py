from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import DjangoCaptureOnCommitCallbacks

from frontdesk.accounts.models import User
from frontdesk.core.errors import Invalid
from frontdesk.journal.models import Notice
from frontdesk.journal.services import notice_post, notices_review_request_due
from tests import factories

pytestmark = pytest.mark.django_db


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_the_lead_sees_who_has_not_read_an_important_notice() -> None:
    lead = factories.agent(role="lead")
    eli, anna = factories.agent(), factories.agent()
    notice = notice_post(
        author=lead,
        title="New VAT rate from 1 January",
        body="Invoices from 1 January carry 24 %.",
        review_by=timezone.localdate() + timedelta(days=30),
        important=True,
    )
    # Anna logs in: the notice waits for her on her queue until she reads it.
    anna_client = client_for(anna)
    landing = anna_client.get(reverse("routing:queue")).content.decode()
    assert "New VAT rate from 1 January" in landing
    anna_client.get(reverse("journal:notice", kwargs={"notice_id": notice.pk}))
    assert "New VAT rate" not in anna_client.get(reverse("routing:queue")).content.decode()
    page = client_for(lead).get(reverse("journal:notice", kwargs={"notice_id": notice.pk}))
    not_read = page.content.decode().split('id="not-read"')[1].split("</p>")[0]
    assert eli.display_name in not_read
    assert anna.display_name not in not_read


def test_a_team_notice_is_shown_to_that_team_only() -> None:
    lead = factories.agent(role="lead")
    member, outsider = factories.agent(), factories.agent()
    team = factories.team(name="Billing", members=[member])
    notice_post(
        author=lead,
        title="Billing run tonight",
        body="Do not resend invoices today.",
        review_by=timezone.localdate(),
        team=team,
    )
    assert (
        "Billing run tonight" in client_for(member).get(reverse("journal:board")).content.decode()
    )
    assert (
        "Billing run tonight"
        not in client_for(outsider).get(reverse("journal:board")).content.decode()
    )


def test_a_stale_notice_asks_its_author_once_then_can_be_kept_or_retired(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    lead = factories.agent(role="lead")
    lead.email = "lead@example.com"
    lead.save(update_fields=["email"])
    notice = notice_post(
        author=lead,
        title="Printer broken",
        body="Use the second floor.",
        review_by=timezone.localdate(),
    )
    later = timezone.localdate() + timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert notices_review_request_due(today=later) == 1
        assert notices_review_request_due(today=later) == 0
    assert "Printer broken" in mail.outbox[0].subject
    client = client_for(lead)
    client.post(reverse("journal:notice", kwargs={"notice_id": notice.pk}), {"keep_until": ""})
    assert Notice.objects.get(pk=notice.pk).retired_at is not None
    assert "Printer broken" not in client.get(reverse("journal:board")).content.decode()


def test_the_review_reminder_writes_the_date_as_the_authors_language_does(
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> None:
    lead = factories.agent(role="lead", language="et")
    lead.email = "lead@example.com"
    lead.save(update_fields=["email"])
    review_by = timezone.localdate() + timedelta(days=3)
    notice_post(
        author=lead, title="Printer broken", body="Use the second floor.", review_by=review_by
    )
    with django_capture_on_commit_callbacks(execute=True):
        notices_review_request_due(today=review_by + timedelta(days=1))
    [asked] = mail.outbox
    assert review_by.strftime("%d.%m.%Y") in asked.body
    assert review_by.isoformat() not in asked.body


def test_a_notice_needs_words_and_a_future_review_date() -> None:
    author = factories.agent()
    with pytest.raises(Invalid, match="title and a text"):
        notice_post(author=author, title=" ", body="x", review_by=timezone.localdate())
    with pytest.raises(Invalid, match="cannot be in the past"):
        notice_post(
            author=author, title="x", body="y", review_by=timezone.localdate() - timedelta(days=1)
        )


def test_agents_post_from_the_board(agent_client: Client) -> None:
    answer = agent_client.post(
        reverse("journal:board"),
        {
            "title": "Coffee machine fixed",
            "body": "Second floor.",
            "review_by": (timezone.localdate() + timedelta(days=3)).isoformat(),
        },
    )
    assert answer.status_code == 302
    assert Notice.objects.get().title == "Coffee machine fixed"
