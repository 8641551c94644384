"""Detection at the desk, over real tickets: a burst from several customers in three languages
raises one alert, stored once; one loud customer raises none; a dismissed group stays quiet."""

from __future__ import annotations

import email
import email.policy
from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from frontdesk.problems.choices import AlertStatus
from frontdesk.problems.models import Alert, DetectionState
from frontdesk.problems.services import alert_dismiss, alert_mail_leads, problems_detect
from frontdesk.tickets.models import Ticket
from tests import factories
from tests.mail.conftest import Sink, relay  # noqa: F401 - the relay fixture

pytestmark = pytest.mark.django_db(transaction=True)

BURST = (
    ("en", "Export gives a 0 KB file", "Since this morning the CSV export is 0 KB, error E-4031."),
    ("et", "Eksport annab 0 KB faili", "Alates hommikust on CSV eksport 0 KB, viga E-4031."),
    ("hu", "Az export 0 KB-os fájlt ad", "Ma reggel óta a CSV export 0 KB, E-4031 hiba."),
    ("en", "Empty export: 0 KB", "Our CSV export comes out 0 KB with E-4031 again."),
    ("et", "CSV eksport on tühi", "CSV eksport on 0 KB suurune, veateade E-4031."),
)
ORDINARY = (
    ("Change of address", "We moved to a new office, please update our address."),
    ("Invoice copy", "Could you send a copy of last month's invoice?"),
    ("Opening hours", "Are you open on the public holiday next week?"),
    ("New user", "How do I add a colleague to our account?"),
)


def _burst(start: datetime, *, loud: bool = False) -> list[Ticket]:
    customer = factories.customer(name="Loud Larry") if loud else None
    return [
        factories.ticket(
            customer_=customer or factories.customer(name=f"Reporter {n}"),
            subject=subject,
            body=body,
            created_at=start + timedelta(minutes=4 * n),
        )
        for n, (_language, subject, body) in enumerate(BURST * (2 if loud else 1))
    ]


def _ordinary(start: datetime) -> None:
    for n, (subject, body) in enumerate(ORDINARY * 2):
        factories.ticket(subject=subject, body=body, created_at=start + timedelta(minutes=3 * n))


def test_a_burst_in_three_languages_from_several_customers_raises_one_alert() -> None:
    now = timezone.now()
    _ordinary(now - timedelta(minutes=50))
    burst = _burst(now - timedelta(minutes=30))
    made = problems_detect(now=now)
    assert len(made) == 1
    [alert] = made
    assert alert.status == AlertStatus.NEW
    assert set(alert.tickets.all()) <= set(burst)
    assert alert.customers >= 3
    assert alert.terms
    assert DetectionState.objects.get().baseline_built_at == now
    # The next minute sees the same group: no second alert, and it keeps every report.
    assert problems_detect(now=now + timedelta(minutes=1)) == []
    assert Alert.objects.count() == 1
    assert set(Alert.objects.get().tickets.all()) == set(burst)


def test_one_loud_customer_is_no_alert() -> None:
    now = timezone.now()
    _ordinary(now - timedelta(minutes=50))
    _burst(now - timedelta(minutes=45), loud=True)
    assert problems_detect(now=now) == []
    assert not Alert.objects.exists()


def test_a_dismissed_group_does_not_come_back() -> None:
    now = timezone.now()
    _burst(now - timedelta(minutes=30))
    [alert] = problems_detect(now=now)
    alert_dismiss(actor=factories.agent(role="lead"), alert=alert)
    factories.ticket(
        customer_=factories.customer(name="Late reporter"),
        subject="Export 0 KB",
        body="The CSV export is 0 KB, E-4031.",
        created_at=now + timedelta(minutes=1),
    )
    assert problems_detect(now=now + timedelta(minutes=2)) == []
    assert Alert.objects.get().status == AlertStatus.DISMISSED


def test_the_leads_are_mailed_the_reports_in_their_language(relay: Sink) -> None:  # noqa: F811
    factories.agent(role="lead", email="lea@desk.example", language="et")
    factories.agent(role="agent", email="agent@desk.example")
    now = timezone.now()
    burst = _burst(now - timedelta(minutes=30))
    [alert] = problems_detect(now=now)
    assert alert_mail_leads(alert_id=alert.pk) == 1
    [raw] = relay.messages
    sent = email.message_from_bytes(raw, policy=email.policy.default)
    assert sent["To"] == "lea@desk.example"
    assert "Hoiatus" in sent["Subject"]
    body = sent.get_body(preferencelist=("plain",))
    assert body is not None
    text = body.get_content()
    assert f"/desk/problems/#alert-{alert.pk}" in text
    assert burst[0].reference in text
    assert "Reporter 0" in text
