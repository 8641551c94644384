"""The desk's rows as problem detection's dataclasses, and its stored JSON back."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from frontdesk.engine.problems import Baseline, Report, Signature
from frontdesk.tickets.history_selectors import ReportRow


def report_of(row: ReportRow) -> Report:
    """One contact as the detector reads it: the ticket's id, its customer's id."""
    return Report(
        id=str(row.ticket_id),
        arrived_at=row.created_at,
        channel=row.channel,
        subject=row.subject,
        body=row.body,
        customer=str(row.customer_id),
    )


def signatures_of(stored: Iterable[Mapping[str, object]]) -> list[Signature]:
    """The stored signatures the engine can read; one it cannot (empty, an older version) is
    left out rather than stopping detection."""
    signatures = []
    for data in stored:
        try:
            signatures.append(Signature.from_json(data))
        except ValueError:
            continue
    return signatures


def signature_of(stored: Mapping[str, object]) -> Signature | None:
    """A stored signature, or None when there is none the engine can read."""
    found = signatures_of([stored])
    return found[0] if found else None


def baseline_of(stored: Mapping[str, object]) -> Baseline | None:
    """The stored baseline, or None when there is none the engine can read."""
    try:
        return Baseline.from_json(stored)
    except ValueError:
        return None
