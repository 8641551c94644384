"""Writes for live contacts: the phone system's call events and the visitor kiosk."""

from __future__ import annotations

import functools
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from frontdesk.accounts.choices import Presence
from frontdesk.accounts.models import User
from frontdesk.accounts.selectors import presence_of
from frontdesk.accounts.services import presence_end, presence_set
from frontdesk.core.clock import desk_local, desk_today
from frontdesk.core.errors import Invalid
from frontdesk.customers.models import Customer
from frontdesk.customers.services import customer_get_or_create
from frontdesk.intake.flows import contact_open
from frontdesk.live.choices import CALL_STATE_RANK, CallState, VisitState
from frontdesk.live.models import Call, Visit
from frontdesk.live.tasks import visit_link_send
from frontdesk.tickets.choices import QUEUED_STATUSES, Channel, QueueKind, Status
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.services import (
    ticket_assign,
    ticket_assign_if_free,
    ticket_note_system,
    ticket_queue_kind_set,
    ticket_set_status,
)

# How many stale contacts of each kind one run of the time-out job closes; the next run, a
# minute later, takes the rest.
TIME_OUT_BATCH = 500


def call_event_record(
    *,
    call_id: str,
    event: str,
    from_number: str = "",
    agent: User | None = None,
    at: datetime | None = None,
) -> Call:
    """Apply one event from the phone system to its call; repeats and late arrivals change
    nothing, and a call's first event, whatever it is, opens its ticket."""
    if event not in CallState.values:
        raise Invalid(_("Unknown call event %(event)s.") % {"event": repr(event)})
    if not call_id.strip():
        raise Invalid(_("A call event needs a call_id."))
    at = at or timezone.now()
    with transaction.atomic():
        call = _call_for(call_id=call_id.strip(), from_number=from_number, at=at)
        call = Call.objects.select_for_update().get(pk=call.pk)
        call.events = [*call.events, {"event": event, "at": at.isoformat()}]
        moves = _is_new_state(call, event)
        # The call is the agent's who answers it, whoever it first rang for.
        if agent is not None and (call.agent_id is None or (moves and event == CallState.ANSWERED)):
            call.agent = agent
        call.save(update_fields=["events", "agent"])
        if moves:
            _call_move(call, event, at)
    return call


def _call_for(*, call_id: str, from_number: str, at: datetime) -> Call:
    found = Call.objects.filter(call_id=call_id).first()
    if found is not None:
        return found
    customer, _created = customer_get_or_create(
        name=_("Caller %(number)s") % {"number": from_number or _("unknown")}, phone=from_number
    )
    try:
        with transaction.atomic():
            call = Call.objects.create(
                call_id=call_id,
                from_number=from_number,
                state=CallState.RINGING,
                customer=customer,
                started_at=at,
            )
    except IntegrityError:
        # The phone system posted the same new call twice at once; the other one made it.
        return Call.objects.get(call_id=call_id)
    call.ticket = contact_open(
        customer=customer,
        subject=_("Call from %(number)s") % {"number": from_number or _("unknown number")},
        body=_("Incoming call from %(number)s.") % {"number": from_number or _("unknown number")},
        channel=Channel.PHONE,
        created_at=at,
        queue_kind=QueueKind.LIVE,
    )
    call.save(update_fields=["ticket"])
    return call


def _is_new_state(call: Call, event: str) -> bool:
    current = call.state
    if event == current:
        return False
    if current == CallState.RINGING and event != CallState.RINGING:
        return True
    if current == CallState.MISSED and call.timed_out_at is not None:
        # The desk took the call as missed for want of news; the phone system's word wins.
        return event == CallState.ANSWERED
    return CALL_STATE_RANK[CallState(event)] > CALL_STATE_RANK[CallState(current)]


def _call_move(call: Call, event: str, at: datetime) -> None:
    ticket = call.ticket
    if event == CallState.ENDED and call.state == CallState.RINGING:
        # Hung up before anyone answered: a missed call, whatever the phone system calls it.
        event = CallState.MISSED
    if event == CallState.ANSWERED:
        call.answered_at = at
        call.ended_at = call.timed_out_at = None
        if ticket is not None:
            ticket_queue_kind_set(ticket=ticket, kind=QueueKind.TICKET)
            if call.agent is not None:
                ticket_assign(ticket=ticket, actor=call.agent, assignee=call.agent)
        if call.agent is not None:
            presence_set(agent=call.agent, state=Presence.CALL)
    elif event == CallState.MISSED:
        call.ended_at = at
        if ticket is not None:
            local = desk_local(at)
            ticket_queue_kind_set(
                ticket=ticket,
                kind=QueueKind.CALLBACK,
                note=f"Missed call at {local:%H:%M}: call back {call.from_number}",
                at=at,
                # The instant, so every reader sees it on the desk's clock in their language.
                event={"code": "missed_call", "at": at.isoformat(), "number": call.from_number},
            )
    elif event == CallState.ENDED:
        call.ended_at = at
        _call_agent_free(call)
    call.state = event
    call.save(update_fields=["state", "answered_at", "ended_at", "timed_out_at"])


def _call_agent_free(call: Call) -> None:
    """The call's agent is off the phone: available again, unless on another call still."""
    agent = call.agent
    if agent is None:
        return
    if Call.objects.filter(agent=agent, state=CallState.ANSWERED).exclude(pk=call.pk).exists():
        return
    presence_end(agent=agent, state=Presence.CALL)


def calls_move_customer(*, source: Customer, target: Customer) -> int:
    """Move every call from one customer to another (customer merge); how many."""
    return Call.objects.filter(customer=source).update(customer=target)


def visit_create(
    *, name: str = "", email: str = "", language: str = "", at: datetime | None = None
) -> Visit:
    """Give a visitor the next number of the day and put them in the live queue; with an
    e-mail address, the visitor is that customer and gets their number's link by mail."""
    at = at or timezone.now()
    name = name.strip()[:200]
    email = email.strip()
    day = desk_today(at)
    for _attempt in range(5):
        number = (Visit.objects.filter(day=day).aggregate(top=Max("number"))["top"] or 0) + 1
        try:
            with transaction.atomic():
                visit = Visit.objects.create(
                    number=number,
                    day=day,
                    name=name,
                    email=email,
                    language=language[:8],
                    created_at=at,
                )
                label = name or _("Visitor %(number)s") % {"number": number}
                customer, _created = customer_get_or_create(
                    name=label, email=email, language=language
                )
                visit.ticket = contact_open(
                    customer=customer,
                    subject=_("Visitor number %(number)s") % {"number": number},
                    body=_("%(name)s took number %(number)s at the desk.")
                    % {"name": label, "number": number},
                    channel=Channel.VISIT,
                    created_at=at,
                    queue_kind=QueueKind.LIVE,
                )
                visit.save(update_fields=["ticket"])
                if email:
                    transaction.on_commit(functools.partial(visit_link_send.enqueue, visit.pk))
                return visit
        except IntegrityError:
            continue  # two visitors pressed at the same moment; take the next number
    raise Invalid(_("Could not give out a number; please try again."))


def visit_serve(*, visit: Visit, agent: User) -> Visit:
    """The agent calls the visitor up: the visit is being served and the agent's phone goes
    quiet. One agent serves a visitor: of several pressing at once, one wins and the others
    are told; a visitor whose ticket another agent has is theirs to call up."""
    with transaction.atomic():
        # The ticket row first, then the visit, in every path, so that two of them never wait
        # on each other.
        ticket = _visit_ticket(visit)
        if not Visit.objects.filter(pk=visit.pk, state=VisitState.WAITING).exists():
            raise Invalid(_("This visitor is already being served."))
        owner = ticket.assignee if ticket is not None else None
        if owner is not None and owner.pk != agent.pk:
            raise Invalid(_("This visitor is assigned to %(name)s.") % {"name": owner.display_name})
        if ticket is not None and owner is None:
            ticket = ticket_assign_if_free(
                ticket_id=ticket.pk,
                assignee=agent,
                actor=agent,
                note=f"Assigned to {agent.display_name}",
                event={"code": "assigned", "name": agent.display_name},
            )
            if ticket is None:
                raise Invalid(_("This visitor is already being served."))
        served_at = timezone.now()
        won = Visit.objects.filter(pk=visit.pk, state=VisitState.WAITING).update(
            state=VisitState.SERVING, served_at=served_at, served_by=agent
        )
        if not won:
            raise Invalid(_("This visitor is already being served."))
        visit.state, visit.served_at, visit.served_by = VisitState.SERVING, served_at, agent
        if ticket is not None:
            visit.ticket = ticket_queue_kind_set(ticket=ticket, kind=QueueKind.TICKET)
        presence_set(agent=agent, state=Presence.VISITOR)
    return visit


def visit_left(*, visit: Visit, agent: User) -> Visit:
    """The visitor is not here any more (called up and nobody came, or gone while waiting):
    the visit ends unserved and its ticket is closed."""
    now = timezone.now()
    with transaction.atomic():
        left = Visit.objects.filter(
            pk=visit.pk, state__in=[VisitState.WAITING, VisitState.SERVING]
        ).update(state=VisitState.LEFT, done_at=now)
        if not left:
            raise Invalid(_("This visit is over already."))
        visit.refresh_from_db()
        _visit_ticket_close(
            visit,
            actor=agent,
            note=f"Visitor {visit.number} left before being served",
            event={"code": "visit_left", "number": visit.number},
        )
        presence_end(agent=agent, state=Presence.VISITOR)
    return visit


def _visit_ticket_close(
    visit: Visit, *, actor: User | None, note: str, event: dict[str, object]
) -> None:
    # A kiosk visitor leaves no address or number behind: there is nobody to call back.
    ticket = visit.ticket
    if ticket is None or ticket.status == Status.CLOSED:
        return
    ticket_note_system(ticket=ticket, actor=actor, text=note, event=event)
    ticket_set_status(ticket=ticket, actor=actor, status=Status.CLOSED)


def visit_finish(*, visit: Visit, agent: User) -> Visit:
    """The visitor leaves: the visit is done, its ticket solved, and whoever served them is
    available again. Finished once, however many press at once."""
    with transaction.atomic():
        ticket = _visit_ticket(visit)
        done_at = timezone.now()
        won = Visit.objects.filter(
            pk=visit.pk, state__in=[VisitState.WAITING, VisitState.SERVING]
        ).update(state=VisitState.DONE, done_at=done_at)
        if not won:
            raise Invalid(_("This visit is already finished."))
        visit.state, visit.done_at = VisitState.DONE, done_at
        if ticket is not None and ticket.status not in {Status.SOLVED, Status.CLOSED}:
            ticket_set_status(ticket=ticket, actor=agent, status=Status.SOLVED)
        # The one whose phone went quiet for this visitor, who may not be the one pressing.
        server = ticket.assignee if ticket is not None and ticket.assignee else agent
        presence_end(agent=server, state=Presence.VISITOR)
    return visit


def live_contacts_time_out(*, now: datetime) -> int:
    """Close the live contacts whose closing news never came, so they stop being live and
    stop holding their agent: calls ringing or talked on too long, visitors waiting too long
    or never marked served; how many were closed."""
    return (
        _calls_ringing_time_out(now)
        + _calls_talking_time_out(now)
        + _visits_waiting_time_out(now)
        + _visits_serving_time_out(now)
    )


def _calls_ringing_time_out(now: datetime) -> int:
    minutes = settings.CALL_RING_MINUTES
    stale = Call.objects.filter(
        state=CallState.RINGING, started_at__lte=now - timedelta(minutes=minutes)
    ).values_list("pk", flat=True)
    closed = 0
    for pk in list(stale[:TIME_OUT_BATCH]):
        with transaction.atomic():
            # The same lock the phone system's events take: an event arriving now either
            # comes first (and the call is no longer ringing) or finds it missed.
            call = Call.objects.select_for_update().get(pk=pk)
            if call.state != CallState.RINGING:
                continue
            call.state, call.ended_at, call.timed_out_at = CallState.MISSED, now, now
            call.save(update_fields=["state", "ended_at", "timed_out_at"])
            if call.ticket_id is not None:
                ticket_queue_kind_set(
                    ticket=Ticket.objects.select_related("customer").get(pk=call.ticket_id),
                    kind=QueueKind.CALLBACK,
                    note=f"No answer in {minutes} min: call back {call.from_number}",
                    at=now,
                    event={
                        "code": "call_unanswered",
                        "minutes": minutes,
                        "number": call.from_number,
                    },
                )
            closed += 1
    return closed


def _calls_talking_time_out(now: datetime) -> int:
    minutes = settings.CALL_TALK_MINUTES
    stale = Call.objects.filter(
        state=CallState.ANSWERED, answered_at__lte=now - timedelta(minutes=minutes)
    ).values_list("pk", flat=True)
    closed = 0
    for pk in list(stale[:TIME_OUT_BATCH]):
        with transaction.atomic():
            call = Call.objects.select_for_update().get(pk=pk)
            if call.state != CallState.ANSWERED:
                continue
            call.state, call.ended_at, call.timed_out_at = CallState.ENDED, now, now
            call.save(update_fields=["state", "ended_at", "timed_out_at"])
            _call_agent_free(call)
            # The conversation happened: the ticket stays with its agent to be worked.
            if call.ticket_id is not None:
                ticket_note_system(
                    ticket=Ticket.objects.get(pk=call.ticket_id),
                    actor=None,
                    text=f"No hang-up came from the phone system in {minutes} min: the call "
                    "is taken as over",
                    at=now,
                    event={"code": "call_timed_out", "minutes": minutes},
                )
            closed += 1
    return closed


def _visits_waiting_time_out(now: datetime) -> int:
    minutes = settings.VISIT_WAIT_MINUTES
    # Numbers start again every day: yesterday's visitor still "waiting" is gone too.
    stale = Visit.objects.filter(state=VisitState.WAITING).filter(
        Q(created_at__lte=now - timedelta(minutes=minutes)) | Q(day__lt=desk_today(now))
    )
    closed = 0
    for visit in stale.select_related("ticket")[:TIME_OUT_BATCH]:
        with transaction.atomic():
            won = Visit.objects.filter(pk=visit.pk, state=VisitState.WAITING).update(
                state=VisitState.LEFT, done_at=now, timed_out_at=now
            )
            if not won:
                continue  # called up a moment ago
            _visit_ticket_close(
                visit,
                actor=None,
                note=f"Visitor {visit.number} was not served in {minutes} min: taken as gone",
                event={"code": "visit_gone", "number": visit.number, "minutes": minutes},
            )
            closed += 1
    return closed


def _visits_serving_time_out(now: datetime) -> int:
    minutes = settings.VISIT_SERVE_MINUTES
    stale = Visit.objects.filter(
        state=VisitState.SERVING, served_at__lte=now - timedelta(minutes=minutes)
    ).select_related("ticket__assignee")
    closed = 0
    for visit in stale[:TIME_OUT_BATCH]:
        with transaction.atomic():
            won = Visit.objects.filter(pk=visit.pk, state=VisitState.SERVING).update(
                state=VisitState.DONE, done_at=now, timed_out_at=now
            )
            if not won:
                continue
            ticket = visit.ticket
            if ticket is None:
                closed += 1
                continue
            # The ticket stays with the agent, open: only they know how the visit ended.
            ticket_note_system(
                ticket=ticket,
                actor=None,
                text=f"Nobody marked the visitor served in {minutes} min: the visit is closed",
                at=now,
                event={"code": "visit_timed_out", "minutes": minutes},
            )
            # Free the agent, unless another visitor of theirs is at the desk still.
            agent = ticket.assignee
            if (
                agent is not None
                and presence_of(agent=agent).state == Presence.VISITOR
                and not Visit.objects.filter(
                    state=VisitState.SERVING, ticket__assignee=agent
                ).exists()
            ):
                presence_set(agent=agent, state=Presence.AVAILABLE)
            closed += 1
    return closed


def live_contacts_release(*, agent: User, at: datetime) -> int:
    """The agent steps away: a call they are on becomes a call-back for the team, and a visitor
    they are serving waits, first in line, for the next agent; how many were handed on."""
    released = 0
    for pk in Call.objects.filter(agent=agent, state=CallState.ANSWERED).values_list(
        "pk", flat=True
    ):
        with transaction.atomic():
            call = Call.objects.select_for_update().get(pk=pk)
            if call.state != CallState.ANSWERED:
                continue
            call.state, call.ended_at, call.timed_out_at = CallState.ENDED, at, at
            call.save(update_fields=["state", "ended_at", "timed_out_at"])
            ticket = Ticket.objects.select_related("customer").filter(call=call).first()
            if ticket is not None and ticket.status in QUEUED_STATUSES:
                Ticket.objects.filter(pk=ticket.pk, assignee=agent).update(assignee=None)
                ticket.assignee = None
                ticket_queue_kind_set(
                    ticket=ticket,
                    kind=QueueKind.CALLBACK,
                    note=f"{agent.display_name} stepped away during the call: call back "
                    f"{call.from_number}",
                    at=at,
                    event={
                        "code": "call_released",
                        "name": agent.display_name,
                        "number": call.from_number,
                    },
                )
            released += 1
    serving = Visit.objects.filter(state=VisitState.SERVING, ticket__assignee=agent)
    for visit in serving.select_related("ticket__customer"):
        with transaction.atomic():
            won = Visit.objects.filter(pk=visit.pk, state=VisitState.SERVING).update(
                state=VisitState.WAITING, served_at=None, served_by=None
            )
            ticket = visit.ticket
            if not won or ticket is None:
                continue
            Ticket.objects.filter(pk=ticket.pk, assignee=agent).update(assignee=None)
            ticket.assignee = None
            ticket_queue_kind_set(
                ticket=ticket,
                kind=QueueKind.LIVE,
                note=f"{agent.display_name} stepped away: visitor {visit.number} waits for "
                "the next agent",
                at=at,
                event={
                    "code": "visit_released",
                    "name": agent.display_name,
                    "number": visit.number,
                },
            )
            released += 1
    return released


def _visit_ticket(visit: Visit) -> Ticket | None:
    # Read now, not as the page that pressed the button loaded it, and held until the
    # transaction ends (SQLite's writers take turns anyway).
    if visit.ticket_id is None:
        return None
    return (
        Ticket.objects.select_related("assignee")
        .select_for_update(of=("self",))
        .filter(pk=visit.ticket_id)
        .first()
    )
