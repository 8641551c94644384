"""Background work for satisfaction: it takes ids, re-reads, and calls a service."""

from __future__ import annotations

from datetime import datetime

from django_tasks import task

from frontdesk.satisfaction import services


@task(queue_name="mail")
def survey_send(ticket_id: int, solved_at: str) -> None:
    """Ask the customer to rate the solve of `solved_at` (ISO time), once."""
    services.survey_send(ticket_id=ticket_id, solved_at=datetime.fromisoformat(solved_at))
