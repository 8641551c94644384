"""Mail's metrics for /metrics: mail in (filed, failed, waiting) and mail out (sent, failing,
waiting)."""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import Count
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric

from frontdesk.mail.choices import MailState
from frontdesk.mail.models import InboundMail, OutboundMail


def mail_metrics() -> Iterator[Metric]:
    """Stored incoming mail by what became of it, and outgoing mail sent or still waiting."""
    states = dict(InboundMail.objects.values_list("state").annotate(n=Count("id")).order_by())
    inbound = CounterMetricFamily(
        "frontdesk_mail_inbound",
        "Incoming mail stored, by what became of it (received: not filed yet).",
        labels=["state"],
    )
    for state in MailState.values:
        inbound.add_metric([state], states.get(state, 0))
    yield inbound

    sent = CounterMetricFamily(
        "frontdesk_mail_outbound_sent", "Outgoing mail a relay took.", labels=[]
    )
    sent.add_metric([], OutboundMail.objects.filter(sent_at__isnull=False).count())
    yield sent

    unsent = OutboundMail.objects.filter(sent_at__isnull=True)
    waiting = GaugeMetricFamily(
        "frontdesk_mail_outbound_waiting",
        "Outgoing mail not sent yet: failing (a relay refused it at least once) or queued.",
        labels=["state"],
    )
    waiting.add_metric(["failing"], unsent.filter(attempts__gt=0).count())
    waiting.add_metric(["queued"], unsent.filter(attempts=0).count())
    yield waiting
