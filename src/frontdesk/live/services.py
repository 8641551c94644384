"""Writes for live contacts: the phone system's call events and the visitor kiosk."""

from __future__ import annotations

import functools
from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from frontdesk.accounts.models import User
from frontdesk.config.clock import desk_local, desk_today
from frontdesk.config.errors import Invalid
from frontdesk.customers.services import customer_get_or_create
from frontdesk.live.choices import CALL_STATE_RANK, CallState, VisitState
from frontdesk.live.models import Call, Visit
from frontdesk.live.tasks import visit_link_send
from frontdesk.routing.choices import Presence
from frontdesk.routing.selectors import presence_of
from frontdesk.routing.services import presence_set
from frontdesk.tickets.choices import Channel, QueueKind, Status
from frontdesk.tickets.services import (
    ticket_assign,
    ticket_create,
    ticket_queue_kind_set,
    ticket_set_status,
)


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
        if agent is not None and call.agent_id is None:
            call.agent = agent
        call.save(update_fields=["events", "agent"])
        if _is_new_state(call.state, event):
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
    call.ticket = ticket_create(
        customer=customer,
        subject=_("Call from %(number)s") % {"number": from_number or _("unknown number")},
        body=_("Incoming call from %(number)s.") % {"number": from_number or _("unknown number")},
        channel=Channel.PHONE,
        created_at=at,
        queue_kind=QueueKind.LIVE,
    )
    call.save(update_fields=["ticket"])
    return call


def _is_new_state(current: str, event: str) -> bool:
    if event == current:
        return False
    if current == CallState.RINGING and event != CallState.RINGING:
        return True
    return CALL_STATE_RANK[CallState(event)] > CALL_STATE_RANK[CallState(current)]


def _call_move(call: Call, event: str, at: datetime) -> None:
    ticket = call.ticket
    if event == CallState.ENDED and call.state == CallState.RINGING:
        # Hung up before anyone answered: a missed call, whatever the phone system calls it.
        event = CallState.MISSED
    if event == CallState.ANSWERED:
        call.answered_at = at
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
        if call.agent is not None and presence_of(agent=call.agent).state == Presence.CALL:
            presence_set(agent=call.agent, state=Presence.AVAILABLE)
    call.state = event
    call.save(update_fields=["state", "answered_at", "ended_at"])


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
                visit.ticket = ticket_create(
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
    quiet."""
    if visit.state != VisitState.WAITING:
        raise Invalid(_("This visitor is already being served."))
    visit.state = VisitState.SERVING
    visit.served_at = timezone.now()
    visit.served_by = agent
    visit.save(update_fields=["state", "served_at", "served_by"])
    if visit.ticket is not None:
        ticket_queue_kind_set(ticket=visit.ticket, kind=QueueKind.TICKET)
        if visit.ticket.assignee_id is None:
            ticket_assign(ticket=visit.ticket, actor=agent, assignee=agent)
    presence_set(agent=agent, state=Presence.VISITOR)
    return visit


def visit_finish(*, visit: Visit, agent: User) -> Visit:
    """The visitor leaves: the visit is done, its ticket solved, the agent available again."""
    visit.state = VisitState.DONE
    visit.done_at = timezone.now()
    visit.save(update_fields=["state", "done_at"])
    if visit.ticket is not None and visit.ticket.status != Status.SOLVED:
        ticket_set_status(ticket=visit.ticket, actor=agent, status=Status.SOLVED)
    if presence_of(agent=agent).state == Presence.VISITOR:
        presence_set(agent=agent, state=Presence.AVAILABLE)
    return visit
