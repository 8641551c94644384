"""Acting on several tickets at once from the list: each through its own service, in its own
transaction, so rules and locks apply as they do one by one, and one refused ticket leaves the
others done."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from frontdesk.accounts.models import User
from frontdesk.audit.services import audit_batch, audit_record
from frontdesk.core.errors import Invalid
from frontdesk.engine.text import tag_clean
from frontdesk.tickets.choices import Status
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.selectors import ticket_count, ticket_list
from frontdesk.tickets.services.lifecycle import ticket_assign, ticket_set_status
from frontdesk.tickets.services.merge import ticket_merge, ticket_merge_survivor
from frontdesk.tickets.services.tags import ticket_tags_set


@dataclass(frozen=True)
class BulkResult:
    """What became of one ticket of a bulk action: `code` is "done", "unchanged", "kept" or
    "merged" (a merge's), else why it was skipped: "not_found", "closed", "solved" or
    "refused" (with the reason in `detail`)."""

    ticket_id: int
    reference: str
    code: str
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.code in {"done", "unchanged", "kept", "merged"}


def _tickets(actor: User, ticket_ids: Sequence[int]) -> dict[int, Ticket]:
    # Only tickets the agent may see; the others answer "not found", as one by one.
    found = ticket_list(actor=actor).filter(pk__in=list(ticket_ids))
    return {ticket.pk: ticket for ticket in found}


def _each(
    *,
    actor: User,
    ticket_ids: Sequence[int],
    act: Callable[[Ticket], bool],
    audit: dict[str, object],
    skip: Callable[[Ticket], str] = lambda ticket: "",
) -> list[BulkResult]:
    with audit_batch() as bulk:
        results = _each_in_batch(actor=actor, ticket_ids=ticket_ids, act=act, skip=skip)
    # One line for the whole action; each ticket's own change is on record with its bulk id.
    _bulk_record(actor=actor, bulk=bulk, audit=audit, results=results)
    return results


def _bulk_record(
    *, actor: User, bulk: str, audit: dict[str, object], results: Sequence[BulkResult]
) -> None:
    audit_record(
        actor=actor,
        action="bulk",
        detail={
            "bulk": bulk,
            **audit,
            "done": [r.reference for r in results if r.code in {"done", "kept", "merged"}],
            "skipped": sum(not r.ok for r in results),
        },
    )


def _each_in_batch(
    *,
    actor: User,
    ticket_ids: Sequence[int],
    act: Callable[[Ticket], bool],
    skip: Callable[[Ticket], str],
) -> list[BulkResult]:
    tickets = _tickets(actor, ticket_ids)
    results = []
    for ticket_id in dict.fromkeys(ticket_ids):
        ticket = tickets.get(ticket_id)
        if ticket is None:
            results.append(BulkResult(ticket_id, "", "not_found"))
            continue
        if code := skip(ticket):
            results.append(BulkResult(ticket_id, ticket.reference, code))
            continue
        try:
            changed = act(ticket)
        except Invalid as error:
            results.append(BulkResult(ticket_id, ticket.reference, "refused", str(error)))
        else:
            results.append(
                BulkResult(ticket_id, ticket.reference, "done" if changed else "unchanged")
            )
    ticket_count.forget()
    return results


def _finished(ticket: Ticket) -> str:
    return "closed" if ticket.status == Status.CLOSED else ""


def _finished_or_solved(ticket: Ticket) -> str:
    return (
        "closed"
        if ticket.status == Status.CLOSED
        else "solved"
        if ticket.status == Status.SOLVED
        else ""
    )


def tickets_bulk_assign(
    *, actor: User, ticket_ids: Sequence[int], assignee: User | None
) -> list[BulkResult]:
    """Give each ticket to `assignee` (or nobody); solved and closed ones are skipped."""

    def act(ticket: Ticket) -> bool:
        before = ticket.assignee_id
        ticket_assign(ticket=ticket, actor=actor, assignee=assignee)
        return before != ticket.assignee_id

    return _each(
        actor=actor,
        ticket_ids=ticket_ids,
        act=act,
        skip=_finished_or_solved,
        audit={"what": "assign", "to": assignee.get_username() if assignee else None},
    )


def tickets_bulk_status(*, actor: User, ticket_ids: Sequence[int], status: str) -> list[BulkResult]:
    """Set each ticket's status; closed ones are skipped."""
    if status not in Status.values:
        raise Invalid(_("Choose a status."))

    def act(ticket: Ticket) -> bool:
        before = ticket.status
        ticket_set_status(ticket=ticket, actor=actor, status=status)
        return before != ticket.status

    return _each(
        actor=actor,
        ticket_ids=ticket_ids,
        act=act,
        skip=_finished,
        audit={"what": "status", "to": status},
    )


def tickets_bulk_tag(
    *, actor: User, ticket_ids: Sequence[int], tag: str, remove: bool = False
) -> list[BulkResult]:
    """Add a tag to each ticket, or with `remove` take it off."""

    def act(ticket: Ticket) -> bool:
        before = list(ticket.tags)
        tags = [t for t in before if t != tag_clean(tag)] if remove else [*before, tag]
        ticket_tags_set(ticket=ticket, tags=tags, actor=actor)
        return before != list(ticket.tags)

    if not tag.strip():
        raise Invalid(_("Type a tag."))
    return _each(
        actor=actor,
        ticket_ids=ticket_ids,
        act=act,
        audit={"what": "tag_remove" if remove else "tag_add", "to": tag_clean(tag)},
    )


def tickets_bulk_merge(
    *, actor: User, ticket_ids: Sequence[int], survivor_id: int | None = None
) -> list[BulkResult]:
    """Merge the tickets, all one customer's, into one: `survivor_id`, or the oldest open."""
    tickets = _tickets(actor, ticket_ids)
    missing = [
        BulkResult(i, "", "not_found") for i in dict.fromkeys(ticket_ids) if i not in tickets
    ]
    if missing:
        return missing
    if len(tickets) < 2:
        raise Invalid(_("Choose at least two tickets to merge."))
    if survivor_id is not None and survivor_id not in tickets:
        raise Invalid(_("The ticket to keep must be one of those chosen."))
    survivor = (
        tickets[survivor_id] if survivor_id else ticket_merge_survivor(list(tickets.values()))
    )
    others = [ticket for pk, ticket in tickets.items() if pk != survivor.pk]
    with audit_batch() as bulk:
        ticket_merge(actor=actor, survivor=survivor, others=others)
    results = [BulkResult(survivor.pk, survivor.reference, "kept")] + [
        BulkResult(other.pk, other.reference, "merged") for other in others
    ]
    _bulk_record(
        actor=actor, bulk=bulk, audit={"what": "merge", "to": survivor.reference}, results=results
    )
    return results
