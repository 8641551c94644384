"""A ticket's life at the desk: status, assignment, taking next, releasing, notes, tags, and
moving tickets between customers."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from frontdesk.accounts.models import User
from frontdesk.accounts.selectors import presence_of
from frontdesk.audit.services import audit_record
from frontdesk.core.errors import Invalid
from frontdesk.customers.models import Customer
from frontdesk.engine.search import search_text_extend
from frontdesk.engine.text import tag_clean
from frontdesk.tickets.choices import (
    OPEN_STATUSES,
    QUEUED_STATUSES,
    MessageDirection,
    QueueKind,
    Status,
)
from frontdesk.tickets.constants import SEARCH_TEXT_LENGTH, TAG_LENGTH
from frontdesk.tickets.models import Message, Ticket
from frontdesk.tickets.services._common import (
    _check_body,
    _check_subject,
    _message_add,
    _ticket_lock,
    ticket_note_system,
)
from frontdesk.tickets.services.placement import _sla_clock, _sla_dues_apply, ticket_queue_place
from frontdesk.tickets.services.search import tickets_search_text_refresh
from frontdesk.tickets.signals import ticket_solved


def _status_apply(
    ticket: Ticket, status: str, at: datetime | None = None, *, historical: bool = False
) -> None:
    if status not in Status.values:
        raise Invalid(f"Unknown status {status!r}.")
    now = at or timezone.now()
    solving = status == Status.SOLVED and ticket.status not in {Status.SOLVED, Status.CLOSED}
    # Back in the queue after waiting on the customer, on hold or solved: the wait starts now.
    if ticket.status not in QUEUED_STATUSES and status in QUEUED_STATUSES:
        ticket.queue_since = now
    _sla_clock(ticket, status, now)
    ticket.status = status
    ticket.solved_at = (
        (ticket.solved_at or now) if status in {Status.SOLVED, Status.CLOSED} else None
    )
    ticket.closed_at = now if status == Status.CLOSED else None
    ticket.save(
        update_fields=[
            "status",
            "solved_at",
            "closed_at",
            "queue_since",
            "sla_paused_at",
            "sla_paused_minutes",
            "updated_at",
        ]
    )
    if ticket.sla_paused_at is None and status in QUEUED_STATUSES:
        _sla_dues_apply(ticket)
    ticket_queue_place(ticket=ticket)
    if solving:
        ticket_solved.send(sender=Ticket, ticket=ticket, historical=historical)


def ticket_set_status(
    *, ticket: Ticket, actor: User | None, status: str, historical_at: datetime | None = None
) -> Ticket:
    """Move a ticket to another status, keeping solved and closed times true (`actor` None:
    the desk itself, e.g. a visitor taken as gone)."""
    with transaction.atomic():
        _ticket_lock(ticket)
        if ticket.status == status:
            return ticket
        old = ticket.status
        _status_apply(ticket, status, at=historical_at, historical=historical_at is not None)
        with translation.override("en"):
            text = f"Status: {Status(old).label} → {Status(status).label}"
        ticket_note_system(
            ticket=ticket,
            actor=actor,
            text=text,
            at=historical_at,
            event={"code": "status", "from": old, "to": status},
        )
        # The desk's made-up past (the demo's replays) is no one's act to account for.
        if actor is not None and historical_at is None:
            audit_record(
                actor=actor, action="status", obj=ticket, detail={"from": old, "to": status}
            )
    return ticket


def ticket_assign(*, ticket: Ticket, actor: User, assignee: User | None) -> Ticket:
    """Give the ticket to an agent, or to nobody."""
    if assignee is not None and not assignee.is_active:
        raise Invalid(_("That agent is not active."))
    with transaction.atomic():
        _ticket_lock(ticket)
        if ticket.assignee_id == (assignee.pk if assignee else None):
            return ticket
        before = ticket.assignee.get_username() if ticket.assignee is not None else None
        ticket.assignee = assignee
        ticket.save(update_fields=["assignee", "updated_at"])
        if ticket.status == Status.NEW and assignee is not None:
            _status_apply(ticket, Status.OPEN)
        who = assignee.display_name if assignee else "nobody"
        ticket_note_system(
            ticket=ticket,
            actor=actor,
            text=f"Assigned to {who}",
            event={"code": "assigned", "name": assignee.display_name if assignee else ""},
        )
        audit_record(
            actor=actor,
            action="assign",
            obj=ticket,
            detail={"from": before, "to": assignee.get_username() if assignee else None},
        )
    return ticket


def tickets_release(*, agent: User, note: str, answered_too: bool = False) -> int:
    """Give the agent's waiting items back to the team (the agent stepped away): each is
    unassigned, keeps its place in the queue, and says so; how many were released. With
    `answered_too` (the agent leaves the desk) every open ticket of theirs goes back, answered,
    waiting on the customer or on hold as well."""
    released = 0
    if answered_too:
        waiting = Ticket.objects.filter(assignee=agent, status__in=OPEN_STATUSES)
    else:
        waiting = Ticket.objects.filter(
            assignee=agent, status__in=[Status.NEW, Status.OPEN], first_responded_at__isnull=True
        )
    waiting = waiting.exclude(queue_kind__in=[QueueKind.LIVE, QueueKind.FOLLOW_UP])
    for ticket in waiting.select_related("customer"):
        with transaction.atomic():
            # Each release is conditional on all of what made the ticket waiting when the list
            # was read: one answered (or taken by someone else) since then stays where it is.
            if not waiting.filter(pk=ticket.pk).update(assignee=None):
                continue
            ticket.assignee = None
            ticket_note_system(
                ticket=ticket,
                actor=None,
                text=f"{note}: back to the team",
                event={"code": "released", "name": agent.display_name},
            )
            released += 1
    return released


def ticket_take_next(*, agent: User, fits_minutes: int | None = None) -> Ticket | None:
    """Give the agent the first unassigned item of their queue; None when there is none.

    Two agents pressing at once never get the same item: the assignment is a conditional update
    that only one of them wins, and the loser moves on to the next item until none is free.
    """
    from frontdesk.tickets.selectors import queue_next_id

    presence = presence_of(agent=agent)
    if not presence.takes_written_work:
        raise Invalid(
            _("Your presence is “%(presence)s”. Set yourself available to take work.")
            % {"presence": presence.get_state_display()}
        )
    live = presence.takes_live_contacts
    # Only an empty queue answers None. A lost race means another agent took that item, so the
    # loop moves on to the next one, never giving up while one is free: every loss is someone
    # else's win, and the loop ends when the free items do.
    while True:
        with transaction.atomic():
            pk = queue_next_id(agent=agent, live=live, fits_minutes=fits_minutes, claim=True)
            if pk is None:
                return None
            ticket = ticket_assign_if_free(
                ticket_id=pk,
                assignee=agent,
                actor=agent,
                note=f"Taken by {agent.display_name}",
                event={"code": "taken", "name": agent.display_name},
            )
        if ticket is not None:
            return ticket


def ticket_assign_if_free(
    *,
    ticket_id: int,
    assignee: User,
    actor: User | None,
    note: str,
    event: dict[str, object] | None = None,
) -> Ticket | None:
    """Give a ticket nobody has to `assignee`; None when someone got it first.

    The assignment is a conditional update only one writer can win, so an agent taking next,
    another doing the same, and the desk handing out work never give one ticket to two people.
    """
    with transaction.atomic():
        won = Ticket.objects.filter(pk=ticket_id, assignee__isnull=True).update(
            assignee=assignee, updated_at=timezone.now()
        )
        if not won:
            return None
        ticket = Ticket.objects.select_related("customer").get(pk=ticket_id)
        if ticket.status == Status.NEW:
            _status_apply(ticket, Status.OPEN)
        ticket_note_system(ticket=ticket, actor=actor, text=note, event=event)
        # An agent taking work is on record; the desk handing it out (no actor) is not.
        if actor is not None:
            audit_record(
                actor=actor,
                action="assign",
                obj=ticket,
                detail={"from": None, "to": assignee.get_username()},
            )
        return ticket


def ticket_update(
    *,
    ticket: Ticket,
    actor: User,
    subject: str | None = None,
    status: str | None = None,
    assign: bool = False,
    assignee: User | None = None,
) -> Ticket:
    """Change subject, assignee (only with `assign`) and status at once (the API's PATCH).

    Level and quick win change through triage's correction service, which records them.
    """
    with transaction.atomic():
        if subject is not None:
            _check_subject(subject)
            ticket.subject = subject.strip()
            ticket.search_text = search_text_extend(
                ticket.search_text, ticket.subject, limit=SEARCH_TEXT_LENGTH
            )
            ticket.save(update_fields=["subject", "search_text", "updated_at"])
        if assign:
            ticket_assign(ticket=ticket, actor=actor, assignee=assignee)
        if status is not None:
            ticket_set_status(ticket=ticket, actor=actor, status=status)
    return ticket


def ticket_note(*, ticket: Ticket, agent: User, text: str) -> Message:
    """Add an internal note that only the desk sees."""
    _check_body(text)
    with transaction.atomic():
        message = _message_add(
            ticket=ticket,
            direction=MessageDirection.NOTE,
            channel=ticket.channel,
            text=text,
            agent=agent,
        )
        Ticket.objects.filter(pk=ticket.pk).update(updated_at=timezone.now())
    return message


def ticket_tags_add(*, ticket: Ticket, tags: list[str]) -> Ticket:
    """Add tags to the ticket (a macro's, an agent's); each once, trimmed and lower-case."""
    current = list(ticket.tags or [])
    for tag in tags:
        clean = tag_clean(tag)[:TAG_LENGTH]
        if clean and clean not in current:
            current.append(clean)
    if current != ticket.tags:
        ticket.tags = current
        ticket.save(update_fields=["tags", "updated_at"])
    return ticket


def tickets_move_customer(*, source: Customer, target: Customer) -> int:
    """Move every ticket of one customer to another (customer merge)."""
    Message.objects.filter(author_customer=source).update(author_customer=target)
    moved = Ticket.objects.filter(customer=source).update(customer=target)
    # The moved tickets are found by the survivor's name now, the survivor's own ones too.
    tickets_search_text_refresh(customer=target)
    return moved
