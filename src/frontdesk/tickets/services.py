"""Writes for tickets, their messages and attachments."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Sequence
from datetime import datetime, timedelta
from email.utils import make_msgid

import nh3
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from frontdesk.accounts.models import User
from frontdesk.core.attachments import attachment_name_clean, attachments_validate
from frontdesk.core.clock import desk_local
from frontdesk.core.errors import Invalid
from frontdesk.customers.choices import Direction, InteractionKind
from frontdesk.customers.models import Customer
from frontdesk.customers.services import interaction_record, portal_link_build
from frontdesk.engine.queue import sort_key
from frontdesk.engine.sla import business_between, dues_for
from frontdesk.engine.triage import Triage
from frontdesk.tickets.adapters import queue_item_of
from frontdesk.tickets.choices import (
    PAUSED_STATUSES,
    QUEUED_STATUSES,
    Channel,
    Level,
    MessageDirection,
    QueueKind,
    Status,
)
from frontdesk.tickets.constants import (
    BODY_LENGTH,
    REFERENCE_ALPHABET,
    REFERENCE_LENGTH,
    REFERENCE_PREFIX,
    SLA_ESCALATION_LIST_LENGTH,
    SUBJECT_LENGTH,
    THIRD_PARTY,
)
from frontdesk.tickets.models import Attachment, Message, Ticket

logger = logging.getLogger(__name__)

INTERACTION_KIND = {
    Channel.EMAIL: InteractionKind.EMAIL,
    Channel.WEB: InteractionKind.WEB,
    Channel.PHONE: InteractionKind.CALL,
    Channel.VISIT: InteractionKind.VISIT,
    Channel.CHAT: InteractionKind.CHAT,
}


def reference_new() -> str:
    """A short random reference customers can read out: FD-7K3QX2."""
    return REFERENCE_PREFIX + "".join(
        secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH)
    )


def _attachments_store(message: Message, files: Sequence[UploadedFile]) -> None:
    for upload in files:
        attachment = Attachment(
            message=message,
            storage_key=secrets.token_hex(16),
            name=attachment_name_clean(upload.name or ""),
            content_type=(upload.content_type or "application/octet-stream")[:100],
            size=upload.size or 0,
        )
        attachment.file.save(attachment.name, upload, save=False)
        attachment.save()


def html_sanitise(html: str) -> str:
    """HTML that cannot run scripts or load anything remote when a page shows it."""
    return nh3.clean(
        html,
        url_schemes={"http", "https", "mailto", "cid"},
        link_rel="noopener noreferrer nofollow",
        tags=nh3.ALLOWED_TAGS - {"img"},
    )


def _check_subject(subject: str) -> None:
    if not subject.strip():
        raise Invalid(_("The subject cannot be empty."))
    if len(subject) > SUBJECT_LENGTH:
        raise Invalid(
            _("The subject is longer than %(count)d characters.") % {"count": SUBJECT_LENGTH}
        )


def _check_body(body: str) -> None:
    if not body.strip():
        raise Invalid(_("The message cannot be empty."))
    if len(body) > BODY_LENGTH:
        raise Invalid(
            _("The message is longer than %(count)d characters.") % {"count": BODY_LENGTH}
        )


def _message_add(
    *,
    ticket: Ticket,
    direction: str,
    channel: str,
    text: str,
    html: str = "",
    subject: str = "",
    agent: User | None = None,
    customer: Customer | None = None,
    headers: dict[str, str] | None = None,
    message_id: str = "",
    files: Sequence[UploadedFile] = (),
    created_at: datetime | None = None,
    flags: Sequence[str] = (),
    from_address: str = "",
) -> Message:
    message = Message.objects.create(
        ticket=ticket,
        direction=direction,
        channel=channel,
        author_agent=agent,
        author_customer=customer,
        subject=subject[:SUBJECT_LENGTH],
        text=text,
        html=html_sanitise(html) if html else "",
        headers=headers or {},
        message_id=message_id or make_msgid(domain=settings.MESSAGE_ID_DOMAIN),
        from_address=from_address,
        created_at=created_at or timezone.now(),
        flags=list(flags),
    )
    _attachments_store(message, files)
    return message


def ticket_create(
    *,
    customer: Customer,
    subject: str,
    body: str,
    channel: str,
    language: str = "",
    html: str = "",
    headers: dict[str, str] | None = None,
    files: Sequence[UploadedFile] = (),
    acknowledge: bool = False,
    created_at: datetime | None = None,
    queue_kind: str = QueueKind.TICKET,
    message_id: str = "",
    flags: Sequence[str] = (),
    team_id: int | None = None,
    files_checked: bool = False,
    triaged: Triage | None = None,
    from_address: str = "",
) -> Ticket:
    """Open a ticket with the customer's first message and put it on their timeline.

    `files_checked`: the caller applied its own rules to the files (incoming mail keeps an
    empty attachment, flagged, rather than refusing the message). `triaged`: triage's decision,
    made by the caller before its write transaction (`triage_new_contact`, same `created_at`).
    `from_address`: the address an e-mail came from.
    """
    _check_subject(subject)
    _check_body(body)
    if channel not in Channel.values:
        raise Invalid(f"Unknown channel {channel!r}.")
    if not files_checked:
        attachments_validate(files)
    created_at = created_at or timezone.now()
    subject = subject.strip()
    # The triage app builds on this one (it writes back through ticket_triage_apply), hence
    # the imports here.
    from frontdesk.triage.adapters import reasons_to_rows
    from frontdesk.triage.services import triage_new_contact

    # Triage before the ticket is written, so that the row goes in once with its level, SLA
    # dues and place in the queue (intake speed is the number of writes per contact).
    decided = triaged or triage_new_contact(
        customer=customer,
        subject=subject,
        body=body,
        channel=channel,
        headers=headers or {},
        received_at=created_at,
        attachments=len(files),
    )
    ticket = Ticket(
        customer=customer,
        subject=subject,
        channel=channel,
        language=decided.language
        or language
        or customer.preferred_language
        or settings.LANGUAGE_CODE,
        level=decided.level,
        quick_win=decided.quick_win,
        effort_minutes=decided.effort_minutes,
        tone=decided.tone,
        reasons=reasons_to_rows(decided.reasons),
        red_flags=list(decided.red_flags),
        team_id=team_id,
        created_at=created_at,
        last_customer_message_at=created_at,
        queue_since=created_at,
        queue_kind=queue_kind,
    )
    _sla_dues_compute(ticket)
    _queue_key_compute(ticket)
    with transaction.atomic(savepoint=False):
        _ticket_insert(ticket)
        _message_add(
            ticket=ticket,
            direction=MessageDirection.IN,
            channel=channel,
            subject=ticket.subject,
            text=body,
            html=html,
            customer=customer,
            headers=headers,
            files=files,
            created_at=created_at,
            message_id=message_id,
            flags=flags,
            from_address=from_address,
        )
        interaction_record(
            customer=customer,
            kind=INTERACTION_KIND[Channel(channel)],
            summary=f"{ticket.reference}: {ticket.subject}",
            ticket_id=ticket.pk,
            occurred_at=created_at,
        )
        if acknowledge:
            from frontdesk.tickets.tasks import acknowledgement_send

            transaction.on_commit(lambda: acknowledgement_send.enqueue(ticket.pk))
    return ticket


def _ticket_insert(ticket: Ticket) -> None:
    # A reference clash is rare but grows with the desk (one in ~900 at a million tickets):
    # try another rather than fail the customer.
    for _attempt in range(5):
        ticket.reference = reference_new()
        try:
            with transaction.atomic():
                ticket.save(force_insert=True)
                return
        except IntegrityError:
            ticket.pk = None
            continue
    raise IntegrityError("could not find a free ticket reference")


def _triage(ticket: Ticket, message: Message) -> None:
    # Triage reads tickets and writes back through ticket_triage_apply; imported here because
    # the triage app builds on this one.
    from frontdesk.triage.services import message_triage

    message_triage(ticket=ticket, message=message)


def ticket_triage_apply(
    *,
    ticket: Ticket,
    level: int,
    quick_win: bool,
    effort_minutes: int | None,
    language: str,
    tone: float | None,
    reasons: list[dict[str, object]],
    red_flags: list[str] | None,
) -> Ticket:
    """Put triage's decision (or an agent's correction of it) on the ticket."""
    if level not in Level.values:
        raise Invalid(_("The level must be 1, 2, 3 or 4."))
    ticket.level = level
    ticket.quick_win = quick_win
    ticket.effort_minutes = effort_minutes
    ticket.language = language or ticket.language
    ticket.tone = tone
    ticket.reasons = reasons
    fields = ["level", "quick_win", "effort_minutes", "language", "tone", "reasons", "updated_at"]
    if red_flags is not None:
        ticket.red_flags = red_flags
        fields.append("red_flags")
    # The level decides the SLA dues and the queue key: all three go to the row in one write.
    _sla_dues_compute(ticket)
    _queue_key_compute(ticket)
    ticket.save(update_fields=[*fields, "first_response_due", "resolution_due", "queue_key"])
    return ticket


def _sla_dues_apply(ticket: Ticket) -> None:
    _sla_dues_compute(ticket)
    ticket.save(update_fields=["first_response_due", "resolution_due"])


def _sla_dues_compute(ticket: Ticket) -> None:
    # The level decides the targets, so dues follow every change of level.
    from frontdesk.sla.selectors import calendar_for, sla_targets

    dues = dues_for(
        opened=ticket.created_at,
        level=ticket.level,
        targets=sla_targets(),
        calendar=calendar_for(team_id=ticket.team_id),
        paused=timedelta(minutes=ticket.sla_paused_minutes),
    )
    ticket.first_response_due = dues.first_response
    ticket.resolution_due = dues.resolution


def ticket_sla_warn(*, ticket: Ticket, now: datetime) -> Ticket:
    """Mark the ticket's SLA as about to be breached: it moves up the queue, and says so."""
    ticket.sla_at_risk = True
    ticket.save(update_fields=["sla_at_risk"])
    ticket_queue_place(ticket=ticket)
    due = ticket.sla_due
    minutes = int((due - now).total_seconds() // 60) if due else 0
    minutes = max(0, minutes)
    ticket_note_system(
        ticket=ticket,
        actor=None,
        text=f"SLA due in {minutes} min",
        event={"code": "sla_due", "minutes": minutes},
    )
    return ticket


def ticket_sla_breach(*, ticket: Ticket, now: datetime, escalated: bool) -> Ticket:
    """Record that the ticket's SLA was breached, noting whether the leads are told of it (the
    SLA sweep decides, and mails them one ticket or a list)."""
    ticket.sla_breached_at = now
    ticket.sla_at_risk = True
    ticket.save(update_fields=["sla_breached_at", "sla_at_risk"])
    ticket_queue_place(ticket=ticket)
    if escalated:
        ticket_note_system(
            ticket=ticket,
            actor=None,
            text="SLA breached: escalated to the leads",
            event={"code": "sla_escalated"},
        )
    else:
        ticket_note_system(
            ticket=ticket, actor=None, text="SLA breached", event={"code": "sla_breached"}
        )
    return ticket


def ticket_tags_add(*, ticket: Ticket, tags: list[str]) -> Ticket:
    """Add tags to the ticket (a macro's, an agent's); each once, trimmed."""
    current = list(ticket.tags or [])
    for tag in tags:
        clean = tag.strip()[:50]
        if clean and clean not in current:
            current.append(clean)
    if current != ticket.tags:
        ticket.tags = current
        ticket.save(update_fields=["tags", "updated_at"])
    return ticket


def ticket_follow_up_open(
    *, customer: Customer, owner: User, text: str, due_at: datetime, channel: str = Channel.PHONE
) -> Ticket:
    """The ticket a promise is worked as: the owner's, of kind follow-up, out of the queue until
    it is due (follow_ups_activate puts it in)."""
    _check_subject(text)
    now = timezone.now()
    ticket = Ticket(
        customer=customer,
        subject=text.strip()[:SUBJECT_LENGTH],
        channel=channel,
        language=customer.preferred_language or settings.LANGUAGE_CODE,
        level=Level.NORMAL,
        created_at=now,
        last_customer_message_at=now,
        assignee=owner,
        status=Status.OPEN,
        queue_since=due_at,
        queue_kind=QueueKind.FOLLOW_UP,
        queue_key=None,
    )
    _ticket_insert(ticket)
    ticket_note_system(
        ticket=ticket,
        actor=owner,
        # The stored words are the fallback for readers that do not know the event; the page
        # words it from the event, in the reader's language.
        text=f"Follow-up due {desk_local(due_at):%Y-%m-%d %H:%M}",
        event={"code": "follow_up", "due": due_at.isoformat()},
    )
    return ticket


def tickets_follow_ups_activate(*, now: datetime) -> int:
    """Put the follow-ups that have come due into their owners' queues; how many."""
    due = Ticket.objects.filter(
        queue_kind=QueueKind.FOLLOW_UP,
        queue_key__isnull=True,
        status__in=QUEUED_STATUSES,
        queue_since__lte=now,
    ).select_related("customer")
    count = 0
    for ticket in due:
        ticket_queue_place(ticket=ticket, now=now)
        count += 1
    return count


def ticket_queue_kind_set(
    *,
    ticket: Ticket,
    kind: str,
    note: str = "",
    at: datetime | None = None,
    event: dict[str, object] | None = None,
) -> Ticket:
    """Change what sort of work the ticket is (a ringing call becomes a call-back when missed)."""
    if kind not in QueueKind.values:
        raise Invalid(f"Unknown kind of work {kind!r}.")
    if ticket.queue_kind != kind:
        ticket.queue_kind = kind
        ticket.save(update_fields=["queue_kind", "updated_at"])
        ticket_queue_place(ticket=ticket)
    if note:
        ticket_note_system(ticket=ticket, actor=None, text=note, at=at, event=event)
    return ticket


def ticket_queue_place(*, ticket: Ticket, now: datetime | None = None) -> Ticket:
    """Recompute the ticket's place in the queue after something that decides it changed."""
    _queue_key_compute(ticket, now=now)
    ticket.save(update_fields=["queue_key"])
    return ticket


def _queue_key_compute(ticket: Ticket, *, now: datetime | None = None) -> None:
    from frontdesk.routing.selectors import queue_weights

    queued = ticket.status in QUEUED_STATUSES
    if ticket.queue_kind == QueueKind.FOLLOW_UP and ticket.queue_since is not None:
        # A promise for later is not work yet: it enters the queue when it comes due.
        queued = queued and ticket.queue_since <= (now or timezone.now())
    ticket.queue_key = sort_key(queue_item_of(ticket), queue_weights()) if queued else None


def tickets_queue_refresh(*, customer: Customer | None = None) -> int:
    """Recompute the place of every queued ticket (after the weights change), or of one
    customer's (after they became a key customer or stopped being one); how many moved."""
    from frontdesk.routing.selectors import queue_weights

    weights = queue_weights()
    moved = 0
    queued = Ticket.objects.filter(queue_key__isnull=False).select_related("customer")
    if customer is not None:
        queued = queued.filter(customer=customer)
    for ticket in queued.iterator(chunk_size=500):
        key = sort_key(queue_item_of(ticket), weights)
        if key != ticket.queue_key:
            moved += Ticket.objects.filter(pk=ticket.pk).update(queue_key=key)
    return moved


def ticket_reply(
    *,
    ticket: Ticket,
    agent: User | None,
    text: str,
    files: Sequence[UploadedFile] = (),
    status: str = Status.WAITING,
    historical_at: datetime | None = None,
) -> Message:
    """Answer the customer: record the reply, mail it, and move the ticket to `status`.

    `historical_at` records a reply that was already given at that time (imports, the demo):
    it is not mailed again.
    """
    _check_body(text)
    attachments_validate(files)
    with transaction.atomic():
        _ticket_lock(ticket)
        message = _message_add(
            ticket=ticket,
            direction=MessageDirection.OUT,
            channel=ticket.channel,
            subject=ticket.subject,
            text=text,
            agent=agent,
            files=files,
            created_at=historical_at,
        )
        fields = ["updated_at"]
        if ticket.first_responded_at is None:
            # The clock now runs towards the solution: no longer at risk of the first answer.
            ticket.first_responded_at = message.created_at
            ticket.sla_at_risk = False
            fields += ["first_responded_at", "sla_at_risk"]
        if ticket.assignee_id is None and agent is not None:
            ticket.assignee = agent
            fields.append("assignee")
        ticket.save(update_fields=fields)
        _status_apply(ticket, status, at=message.created_at)
        interaction_record(
            customer=ticket.customer,
            kind=INTERACTION_KIND[Channel(ticket.channel)],
            direction=Direction.OUT,
            summary=f"{ticket.reference}: {text}",
            agent=agent,
            ticket_id=ticket.pk,
            occurred_at=message.created_at,
        )
        if historical_at is not None:
            Message.objects.filter(pk=message.pk).update(delivered_at=historical_at)
        else:
            from frontdesk.tickets.tasks import message_send

            transaction.on_commit(lambda: message_send.enqueue(message.pk))
    return message


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


def ticket_customer_reply(
    *,
    ticket: Ticket,
    customer: Customer,
    text: str,
    channel: str = Channel.WEB,
    html: str = "",
    headers: dict[str, str] | None = None,
    files: Sequence[UploadedFile] = (),
    message_id: str = "",
    flags: Sequence[str] = (),
    files_checked: bool = False,
    from_address: str = "",
) -> Message:
    """Record the customer's answer; a ticket waiting for them, or solved, opens again."""
    _check_body(text)
    if not files_checked:
        attachments_validate(files)
    if ticket.status == Status.CLOSED:
        raise Invalid(_("This request is closed. Please send a new request instead."))
    with transaction.atomic():
        message = _message_add(
            ticket=ticket,
            direction=MessageDirection.IN,
            channel=channel,
            text=text,
            html=html,
            customer=customer,
            headers=headers,
            files=files,
            message_id=message_id,
            flags=flags,
            from_address=from_address,
        )
        ticket.last_customer_message_at = message.created_at
        ticket.save(update_fields=["last_customer_message_at", "updated_at"])
        _triage(ticket, message)
        if ticket.status in {Status.WAITING, Status.SOLVED}:
            _status_apply(ticket, Status.OPEN)
        interaction_record(
            customer=customer,
            kind=INTERACTION_KIND[Channel(channel)],
            summary=f"{ticket.reference}: {text}",
            ticket_id=ticket.pk,
        )
    return message


def ticket_third_party_reply(
    *,
    ticket: Ticket,
    sender: Customer,
    text: str,
    channel: str = Channel.EMAIL,
    html: str = "",
    headers: dict[str, str] | None = None,
    files: Sequence[UploadedFile] = (),
    message_id: str = "",
    flags: Sequence[str] = (),
    files_checked: bool = False,
    from_address: str = "",
) -> Message:
    """Record a message on the ticket from someone who is not its customer (a colleague in copy
    answering the thread): authored by that sender and flagged, never as the customer.

    The ticket's customer does not see it, and it does not speak for them: the ticket's level,
    language and tone stay as triage read them from the customer's own words. A ticket waiting
    for an answer, or solved, opens again, so that an agent reads what came in.
    """
    if sender.pk == ticket.customer_id:
        raise ValueError("the ticket's own customer replies through ticket_customer_reply")
    _check_body(text)
    if not files_checked:
        attachments_validate(files)
    if ticket.status == Status.CLOSED:
        raise Invalid(_("This request is closed. Please send a new request instead."))
    with transaction.atomic():
        message = _message_add(
            ticket=ticket,
            direction=MessageDirection.IN,
            channel=channel,
            text=text,
            html=html,
            customer=sender,
            headers=headers,
            files=files,
            message_id=message_id,
            flags=[*flags, THIRD_PARTY],
            from_address=from_address,
        )
        ticket.save(update_fields=["updated_at"])
        if ticket.status in {Status.WAITING, Status.SOLVED}:
            _status_apply(ticket, Status.OPEN)
        # On the sender's own timeline: the desk remembers who wrote about what.
        interaction_record(
            customer=sender,
            kind=INTERACTION_KIND[Channel(channel)],
            summary=f"{ticket.reference}: {text}",
            ticket_id=ticket.pk,
        )
    return message


def _ticket_lock(ticket: Ticket) -> None:
    # Read the row again, locked until the transaction ends, before deciding anything on it: a
    # page loaded the ticket a moment ago, and a colleague may have solved, answered or taken
    # it since. Deciding on the loaded copy would reopen it, misstate the change, or take it
    # from them. Writers of the same row wait their turn (on SQLite they do anyway).
    ticket.refresh_from_db(from_queryset=Ticket.objects.select_for_update())


def _status_apply(ticket: Ticket, status: str, at: datetime | None = None) -> None:
    if status not in Status.values:
        raise Invalid(f"Unknown status {status!r}.")
    now = at or timezone.now()
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


def _sla_clock(ticket: Ticket, status: str, now: datetime) -> None:
    # Waiting on the customer and on hold stop the clock; the business time spent there is
    # added to the dues when the ticket comes back.
    if status in PAUSED_STATUSES and ticket.sla_paused_at is None:
        ticket.sla_paused_at = now
    elif status not in PAUSED_STATUSES and ticket.sla_paused_at is not None:
        from frontdesk.sla.selectors import calendar_for

        paused = business_between(ticket.sla_paused_at, now, calendar_for(team_id=ticket.team_id))
        ticket.sla_paused_minutes += int(paused.total_seconds() // 60)
        ticket.sla_paused_at = None


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
        _status_apply(ticket, status, at=historical_at)
        with translation.override("en"):
            text = f"Status: {Status(old).label} → {Status(status).label}"
        ticket_note_system(
            ticket=ticket,
            actor=actor,
            text=text,
            at=historical_at,
            event={"code": "status", "from": old, "to": status},
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
    return ticket


def tickets_release(*, agent: User, note: str) -> int:
    """Give the agent's waiting items back to the team (the agent stepped away): each is
    unassigned, keeps its place in the queue, and says so; how many were released."""
    released = 0
    waiting = Ticket.objects.filter(
        assignee=agent, status__in=[Status.NEW, Status.OPEN], first_responded_at__isnull=True
    ).exclude(queue_kind__in=[QueueKind.LIVE, QueueKind.FOLLOW_UP])
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
    from frontdesk.routing.selectors import presence_of
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
            ticket.save(update_fields=["subject", "updated_at"])
        if assign:
            ticket_assign(ticket=ticket, actor=actor, assignee=assignee)
        if status is not None:
            ticket_set_status(ticket=ticket, actor=actor, status=status)
    return ticket


def ticket_note_system(
    *,
    ticket: Ticket,
    actor: User | None,
    text: str,
    at: datetime | None = None,
    event: dict[str, object] | None = None,
) -> Message:
    """A one-line internal record of who changed what (`text` in English, `event` for pages)."""
    return Message.objects.create(
        ticket=ticket,
        direction=MessageDirection.NOTE,
        channel=ticket.channel,
        author_agent=actor,
        text=text,
        event=event or {},
        flags=["system"],
        message_id=make_msgid(domain=settings.MESSAGE_ID_DOMAIN),
        created_at=at or timezone.now(),
    )


def tickets_move_customer(*, source: Customer, target: Customer) -> int:
    """Move every ticket of one customer to another (customer merge)."""
    Message.objects.filter(author_customer=source).update(author_customer=target)
    return Ticket.objects.filter(customer=source).update(customer=target)


# Customers writing Croatian or Serbian read Bosnian; others get the desk's default language.
MAIL_LANGUAGE_OF = {"hr": "bs", "sr": "bs"}


def _mail_language(ticket: Ticket) -> str:
    """The language the desk writes to this customer in: theirs if the desk speaks it."""
    spoken = {code for code, _name in settings.LANGUAGES}
    for candidate in (ticket.customer.preferred_language, ticket.language):
        code = MAIL_LANGUAGE_OF.get(candidate, candidate)
        if code in spoken:
            return code
    return settings.LANGUAGE_CODE


def _mail_subject(ticket: Ticket) -> str:
    # Worded in the active language: call it where the customer's language is.
    return f"[{ticket.reference}] {ticket.subject_for_customer}"


def _thread_ids(ticket: Ticket) -> list[str]:
    return list(
        ticket.messages.exclude(direction=MessageDirection.NOTE)
        .exclude(message_id="")
        .values_list("message_id", flat=True)
    )


def message_deliver(*, message_id: int) -> None:
    """Send an outbound message to the customer by e-mail, recording success or the error."""
    message = Message.objects.select_related("ticket__customer", "author_agent").get(pk=message_id)
    if message.direction != MessageDirection.OUT or message.delivered_at is not None:
        return
    ticket = message.ticket
    customer = ticket.customer
    recipient = customer.primary_email
    if not recipient:
        Message.objects.filter(pk=message.pk).update(
            delivery_error="The customer has no e-mail address."
        )
        return
    with translation.override(_mail_language(ticket)):
        context = {
            "ticket": ticket,
            "message": message,
            "portal_link": portal_link_build(customer=customer),
        }
        body = render_to_string("tickets/email/reply.txt", context)
        html = render_to_string("tickets/email/reply.html", context)
        subject = _mail_subject(ticket)
    references = [mid for mid in _thread_ids(ticket) if mid != message.message_id]
    headers = {"Message-ID": message.message_id}
    if references:
        # The reply answers the customer's latest message (not a third party's in the thread);
        # References carries the whole thread.
        answered = (
            ticket.messages.filter(
                direction=MessageDirection.IN, author_customer=customer, id__lt=message.pk
            )
            .exclude(message_id="")
            .values_list("message_id", flat=True)
            .last()
        )
        headers["In-Reply-To"] = answered or references[-1]
        headers["References"] = " ".join(references[-10:])
    _send(
        message=message,
        to=recipient,
        subject=subject,
        body=body,
        html=html,
        headers=headers,
    )


def acknowledgement_deliver(*, ticket_id: int) -> None:
    """Tell the customer we have their request, with its reference and a portal link."""
    ticket = Ticket.objects.select_related("customer").get(pk=ticket_id)
    customer = ticket.customer
    recipient = customer.primary_email
    if not recipient:
        return
    from frontdesk.schedules.selectors import desk_status

    with translation.override(_mail_language(ticket)):
        context = {
            "ticket": ticket,
            "portal_link": portal_link_build(customer=customer),
            # A truthful promise: the desk's hours, how soon it answers, and a break coming.
            "status": desk_status(),
        }
        body = render_to_string("tickets/email/acknowledgement.txt", context)
        html = render_to_string("tickets/email/acknowledgement.html", context)
        subject = _mail_subject(ticket)
    # A retry sends the acknowledgement already recorded, with its Message-ID, not another one.
    note = next(
        (
            m
            for m in ticket.messages.filter(direction=MessageDirection.OUT)
            if "acknowledgement" in m.flags
        ),
        None,
    )
    if note is not None and note.delivered_at is not None:
        return
    first = ticket.messages.filter(direction=MessageDirection.IN).first()
    headers = {
        "Message-ID": note.message_id if note else make_msgid(domain=settings.MESSAGE_ID_DOMAIN),
        "Auto-Submitted": "auto-replied",
    }
    if first is not None and first.message_id:
        headers["In-Reply-To"] = first.message_id
        headers["References"] = first.message_id
    if note is None:
        with transaction.atomic():
            note = _message_add(
                ticket=ticket,
                direction=MessageDirection.OUT,
                channel=Channel.EMAIL,
                subject=subject,
                text=body,
                headers={"Auto-Submitted": "auto-replied"},
                message_id=headers["Message-ID"],
                flags=["acknowledgement"],
            )
    _send(message=note, to=recipient, subject=subject, body=body, html=html, headers=headers)


def _send(
    *, message: Message, to: str, subject: str, body: str, html: str, headers: dict[str, str]
) -> None:
    email = EmailMultiAlternatives(
        subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[to], headers=headers
    )
    email.attach_alternative(html, "text/html")
    try:
        email.send()
    except OSError as error:
        # Keep the reason on the message so the agent sees it; the task runner retries.
        Message.objects.filter(pk=message.pk).update(delivery_error=str(error)[:500])
        logger.warning("sending message %s failed: %s", message.pk, error)
        raise
    Message.objects.filter(pk=message.pk).update(delivered_at=timezone.now(), delivery_error="")


def sla_escalation_deliver(*, ticket_id: int) -> int:
    """Mail every active lead with an address about a breached SLA; how many were told."""
    from frontdesk.accounts.selectors import leads_reachable
    from frontdesk.accounts.services import agents_mail

    ticket = Ticket.objects.select_related("customer", "assignee").get(pk=ticket_id)
    link = settings.PUBLIC_URL + reverse("tickets:detail", args=[ticket.pk])

    def compose(lead: User) -> tuple[str, str]:
        assignee = ticket.assignee.display_name if ticket.assignee else _("nobody")
        subject = _("SLA breached: %(reference)s %(subject)s") % {
            "reference": ticket.reference,
            "subject": ticket.subject,
        }
        body = _(
            "The service level of %(reference)s (level %(level)s, %(customer)s) was "
            "breached. It is assigned to %(assignee)s.\n\n%(link)s"
        ) % {
            "reference": ticket.reference,
            "level": ticket.level,
            "customer": ticket.customer.name,
            "assignee": assignee,
            "link": link,
        }
        return subject, body

    return agents_mail(agents=leads_reachable(), compose=compose)


def sla_escalations_deliver(*, ticket_ids: Sequence[int]) -> int:
    """Mail every active lead with an address one list of tickets whose SLAs were breached
    together; how many were told."""
    from frontdesk.accounts.selectors import leads_reachable
    from frontdesk.accounts.services import agents_mail

    tickets = list(
        Ticket.objects.filter(pk__in=ticket_ids)
        .select_related("customer", "assignee")
        .order_by("level", "pk")
    )
    if not tickets:
        return 0
    shown = tickets[:SLA_ESCALATION_LIST_LENGTH]
    queue_link = settings.PUBLIC_URL + reverse("routing:queue")

    def compose(lead: User) -> tuple[str, str]:
        count = len(tickets)
        subject = ngettext(
            "SLA breached: %(count)d ticket", "SLA breached: %(count)d tickets", count
        ) % {"count": count}
        lines = [
            ngettext(
                "The service level of %(count)d ticket was breached:",
                "The service levels of %(count)d tickets were breached at once:",
                count,
            )
            % {"count": count},
            "",
        ]
        for ticket in shown:
            lines.append(
                _(
                    "%(reference)s %(subject)s (level %(level)s, %(customer)s), "
                    "assigned to %(assignee)s"
                )
                % {
                    "reference": ticket.reference,
                    "subject": ticket.subject,
                    "level": ticket.level,
                    "customer": ticket.customer.name,
                    "assignee": ticket.assignee.display_name if ticket.assignee else _("nobody"),
                }
            )
            lines += [settings.PUBLIC_URL + reverse("tickets:detail", args=[ticket.pk]), ""]
        if len(tickets) > len(shown):
            more = len(tickets) - len(shown)
            lines.append(
                ngettext(
                    "…and %(count)d more, at the top of the queue: %(link)s",
                    "…and %(count)d more, at the top of the queue: %(link)s",
                    more,
                )
                % {"count": more, "link": queue_link}
            )
        return subject, "\n".join(lines).rstrip() + "\n"

    return agents_mail(agents=leads_reachable(), compose=compose)
