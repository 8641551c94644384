"""One clock: every time a person reads — on a page, in a mail, in a log line — is the desk's
time (its business hours' zone), written the way the reader's language writes times."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoCaptureOnCommitCallbacks, Settings

from frontdesk.accounts.models import User
from frontdesk.customers.choices import InteractionKind
from frontdesk.customers.services import interaction_record
from frontdesk.journal.models import FollowUp
from frontdesk.journal.services import (
    follow_up_escalation_deliver,
    log_code_save,
    log_line_save,
)
from frontdesk.sla.services import business_hours_set
from tests import factories

pytestmark = pytest.mark.django_db
WEEKDAYS = {str(day): [["09:00", "17:00"]] for day in range(5)}
# Monday 7 December 2026, 12:00 UTC: 14:00 in Tallinn (UTC+2 in winter).
NOON_UTC = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)


@pytest.fixture
def tallinn_desk(settings: Settings) -> User:
    """A desk whose hours are kept in Tallinn, on a server started with another zone."""
    settings.TIME_ZONE = "UTC"
    lead = factories.agent(role="lead", username="kati", language="et")
    lead.email = "kati@example.com"
    lead.save(update_fields=["email"])
    business_hours_set(actor=lead, team=None, time_zone="Europe/Tallinn", windows=WEEKDAYS)
    log_code_save(word="cb", text="call back promised", follow_up_minutes=60)
    return lead


def test_one_instant_reads_the_same_on_pages_in_a_mail_and_in_the_log_line(
    tallinn_desk: User, django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks
) -> None:
    lead = tallinn_desk
    rami = factories.customer(name="Rami Cohen")
    # "14:30" in a log line is half past two at the desk: 12:30 UTC.
    saved = log_line_save(line="Rami Cohen. cb. 14:30.", writer=lead, now=NOON_UTC)
    assert saved.occurred_at == datetime(2026, 12, 7, 12, 30, tzinfo=UTC)
    follow_up = FollowUp.objects.get(customer=rami)
    assert follow_up.due_at == datetime(2026, 12, 7, 13, 30, tzinfo=UTC)

    client = Client()
    client.force_login(lead)
    timeline = client.get(reverse("customers:detail", args=[rami.pk])).content.decode()
    assert "07.12.2026 14:30" in timeline
    assert "12:30" not in timeline
    assert "p.m." not in timeline
    promises = client.get(reverse("journal:promises")).content.decode()
    assert "07.12.2026 15:30" in promises
    ticket_page = client.get(reverse("tickets:detail", args=[follow_up.ticket_id]))
    assert "07.12.2026 15:30" in ticket_page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        follow_up_escalation_deliver(follow_up_id=follow_up.pk)
    [escalation] = mail.outbox
    assert "07.12.2026 15:30" in escalation.body


def test_a_lead_changing_the_desks_zone_moves_every_page_at_once(tallinn_desk: User) -> None:
    lead = tallinn_desk
    rami = factories.customer(name="Rami Cohen")
    log_line_save(line="Rami Cohen. viruses. 14:30.", writer=lead, now=NOON_UTC)
    business_hours_set(actor=lead, team=None, time_zone="Asia/Tokyo", windows=WEEKDAYS)
    client = Client()
    client.force_login(lead)
    timeline = client.get(reverse("customers:detail", args=[rami.pk])).content.decode()
    # 12:30 UTC is 21:30 in Tokyo.
    assert "07.12.2026 21:30" in timeline


@pytest.mark.parametrize(
    ("language", "short_datetime", "short_date"),
    [
        ("en", "7 Dec 2026, 14:30", "7 Dec 2026"),
        ("et", "07.12.2026 14:30", "07.12.2026"),
        ("he", "07.12.2026 14:30", "07.12.2026"),
        ("hu", "2026.12.07. 14:30", "2026.12.07."),
        ("bs", "07.12.2026. 14:30", "07.12.2026."),
    ],
)
def test_every_language_reads_the_desks_time_on_a_24_hour_clock(
    tallinn_desk: User, language: str, short_datetime: str, short_date: str
) -> None:
    reader = factories.agent(language=language)
    customer = factories.customer(name="Rami Cohen", first_seen=NOON_UTC)
    interaction_record(
        customer=customer,
        kind=InteractionKind.CALL,
        summary="viruses",
        occurred_at=datetime(2026, 12, 7, 12, 30, tzinfo=UTC),
    )
    client = Client()
    client.force_login(reader)
    page = client.get(reverse("customers:detail", args=[customer.pk])).content.decode()
    assert short_datetime in page
    assert short_date in page
    assert "p.m." not in page


def test_pages_pass_on_the_configured_clock_while_the_database_is_gone(
    monkeypatch: pytest.MonkeyPatch, settings: Settings
) -> None:
    from django.db import OperationalError
    from django.http import HttpRequest, HttpResponse
    from django.utils import timezone

    from frontdesk.core import clock

    def gone() -> str:
        raise OperationalError("unable to open database file")

    monkeypatch.setattr(clock, "_zone_readers", [gone])
    settings.TIME_ZONE = "Europe/Tallinn"
    seen: list[str] = []

    def view(request: HttpRequest) -> HttpResponse:
        seen.append(timezone.get_current_timezone_name())
        return HttpResponse("the view answers")

    answer = clock.DeskTimeZoneMiddleware(view)(HttpRequest())
    assert answer.content == b"the view answers"
    assert seen == ["Europe/Tallinn"]
