"""The tickets' metrics for /metrics: the queue by kind and level, SLAs breached and at risk,
and every contact ever taken in, by channel."""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import Count
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric

from frontdesk.tickets.models import Ticket


def tickets_metrics() -> Iterator[Metric]:
    """Queue sizes, SLA states and intake per channel, read from the tickets table."""
    queued = Ticket.objects.filter(queue_key__isnull=False)
    queue = GaugeMetricFamily(
        "frontdesk_queue_tickets",
        "Tickets waiting in the queue, by kind of work and level.",
        labels=["kind", "level"],
    )
    for row in queued.values("queue_kind", "level").annotate(n=Count("id")).order_by():
        queue.add_metric([row["queue_kind"], str(row["level"])], row["n"])
    yield queue

    sla = GaugeMetricFamily(
        "frontdesk_sla_tickets",
        "Queued tickets whose SLA is breached, or at risk of it (not yet breached).",
        labels=["state"],
    )
    sla.add_metric(["breached"], queued.filter(sla_breached_at__isnull=False).count())
    sla.add_metric(
        ["at_risk"], queued.filter(sla_breached_at__isnull=True, sla_at_risk=True).count()
    )
    yield sla

    intake = CounterMetricFamily(
        "frontdesk_intake_tickets",
        "Tickets ever opened, by the channel they came in on.",
        labels=["channel"],
    )
    for channel, count in Ticket.objects.values_list("channel").annotate(n=Count("id")).order_by():
        intake.add_metric([channel], count)
    yield intake
