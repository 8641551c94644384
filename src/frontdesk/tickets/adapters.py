"""Tickets as the queue engine sees them, and triage's reasons as a ticket stores them."""

from __future__ import annotations

from frontdesk.engine.queue import Kind, QueueItem
from frontdesk.engine.triage import LEVEL_ONE_CODES as TRIAGE_LEVEL_ONE_CODES
from frontdesk.engine.triage import Reason
from frontdesk.tickets.models import Ticket

# Reasons that explain a level 1, in the order they are worth showing: triage's own (a contract
# hanging by a thread first, whatever else the letter says), then an agent's correction.
LEVEL_ONE_CODES = (*TRIAGE_LEVEL_ONE_CODES, "corrected")


def queue_item_of(ticket: Ticket) -> QueueItem:
    """The ticket's facts that decide its place in the queue."""
    due = ticket.sla_due
    return QueueItem(
        ticket_id=ticket.pk,
        arrived_at=ticket.queue_since or ticket.created_at,
        kind=Kind(ticket.queue_kind),
        level=ticket.level,
        quick_win=ticket.quick_win,
        effort_minutes=ticket.effort_minutes,
        key_customer=ticket.customer.is_key,
        sla_due=due,
        sla_at_risk=ticket.sla_at_risk,
        level_reason=_level_reason(ticket) if ticket.level == 1 else "",
    )


def level_one_reason(ticket: Ticket) -> Reason | None:
    """The triage reason that best explains the ticket's level 1."""
    reasons = reasons_from_rows(ticket.reasons)
    for code in LEVEL_ONE_CODES:
        for reason in reasons:
            if reason.code == code:
                return reason
    return None


def _level_reason(ticket: Ticket) -> str:
    reason = level_one_reason(ticket)
    return reason.text() if reason else ""


def reasons_to_rows(reasons: tuple[Reason, ...]) -> list[dict[str, object]]:
    """Reasons as stored on a ticket: code, detail and the words they rest on (when named), so
    each page words them in its language."""
    rows: list[dict[str, object]] = []
    for reason in reasons:
        row: dict[str, object] = {"code": reason.code, "detail": reason.detail}
        if reason.evidence:
            row["evidence"] = list(reason.evidence)
        rows.append(row)
    return rows


def reasons_from_rows(rows: object) -> list[Reason]:
    """Stored reasons back as engine Reasons; unknown shapes are skipped, not fatal."""
    if not isinstance(rows, list):
        return []
    reasons = []
    for row in rows:
        if isinstance(row, dict) and isinstance(row.get("code"), str):
            evidence = row.get("evidence")
            words = (
                [w for w in evidence if isinstance(w, str)] if isinstance(evidence, list) else []
            )
            reasons.append(
                Reason(code=row["code"], detail=str(row.get("detail", "")), evidence=tuple(words))
            )
    return reasons
