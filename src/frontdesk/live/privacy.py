"""A customer's calls, visits and recordings in their export; erased with them, a call keeps its
times (how long calls take) and loses the number it came from, a visit keeps its times and
loses the name and address the visitor gave. Recordings go (recording_services)."""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from django.db.models import Q

from frontdesk.customers.models import Customer
from frontdesk.live.models import Call, Visit


def _when(moment: Any) -> str | None:
    return moment.isoformat() if moment else None


def _calls(customer: Customer) -> Any:
    return Call.objects.filter(Q(customer=customer) | Q(ticket__customer=customer))


def calls_export(customer: Customer) -> list[dict[str, Any]]:
    """The customer's calls and the recordings each left (listed, not their sound)."""
    calls = _calls(customer).select_related("ticket").prefetch_related("recordings")
    return [
        {
            "from": call.from_number,
            "state": call.state,
            "ticket": call.ticket.reference if call.ticket else None,
            "started_at": _when(call.started_at),
            "answered_at": _when(call.answered_at),
            "ended_at": _when(call.ended_at),
            "recordings": [
                {
                    "address": recording.url,
                    "type": recording.content_type,
                    "size": recording.size,
                    "seconds": recording.duration_seconds,
                    "sha256": recording.sha256,
                }
                for recording in call.recordings.all()
            ],
        }
        for call in calls.order_by("started_at", "pk")
    ]


def visits_export(customer: Customer) -> list[dict[str, Any]]:
    """The customer's visits at the desk."""
    visits = Visit.objects.filter(ticket__customer=customer).select_related("ticket")
    return [
        {
            "day": visit.day.isoformat(),
            "number": visit.number,
            "name": visit.name,
            "email": visit.email,
            "ticket": visit.ticket.reference if visit.ticket else None,
            "arrived_at": _when(visit.created_at),
            "served_at": _when(visit.served_at),
            "left_at": _when(visit.done_at),
        }
        for visit in visits.order_by("created_at", "pk")
    ]


def live_erase(*, customer: Customer, addresses: Collection[str] = ()) -> dict[str, int]:
    """Blank the numbers of the customer's calls and the names and addresses of their visits;
    how many of each."""
    emails = [address for address in addresses if "@" in address]
    visits = Visit.objects.filter(Q(ticket__customer=customer) | Q(email__in=emails))
    return {
        "calls": _calls(customer).update(from_number=""),
        "visits": visits.update(name="", email=""),
    }
