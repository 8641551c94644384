"""Writes for routing: presence and the queue's weights."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from frontdesk.accounts.models import User
from frontdesk.config.errors import Invalid
from frontdesk.engine.queue import WeightError, weights_from
from frontdesk.live.choices import VisitState
from frontdesk.routing.choices import Presence
from frontdesk.routing.models import AgentPresence, QueueSettings
from frontdesk.routing.selectors import queue_weights
from frontdesk.tickets.choices import Channel
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.services import ticket_take_next


def presence_set(*, agent: User, state: str) -> AgentPresence:
    """Put the agent in a presence state (one click, or an event such as a call answered)."""
    if state not in Presence.values:
        raise Invalid(
            _("Unknown presence %(state)s; use one of: %(states)s.")
            % {"state": repr(state), "states": ", ".join(Presence.values)}
        )
    presence, created = AgentPresence.objects.get_or_create(
        agent=agent, defaults={"state": state, "since": timezone.now()}
    )
    if not created and presence.state != state:
        presence.state = state
        presence.since = timezone.now()
        presence.save(update_fields=["state", "since"])
    return presence


@transaction.atomic
def queue_weights_set(*, actor: User, values: dict[str, float]) -> QueueSettings:
    """Change the queue's weights (leads only) and reorder every queued ticket by them."""
    if not actor.is_lead:
        raise Invalid(_("Only a lead can change the queue's weights."))
    try:
        weights = weights_from(values, base=queue_weights())
    except WeightError as error:
        raise Invalid(str(error)) from error
    row = QueueSettings.objects.select_for_update().first() or QueueSettings()
    row.weights = {**(row.weights or {}), **{name: getattr(weights, name) for name in values}}
    row.updated_by = actor
    row.save()
    from frontdesk.routing.tasks import queue_reorder

    transaction.on_commit(lambda: queue_reorder.enqueue())
    return row


def queue_take_next(*, agent: User) -> Ticket | None:
    """Take the next item; a visitor taken this way is called up to the desk at once."""
    ticket = ticket_take_next(agent=agent)
    if ticket is not None and ticket.channel == Channel.VISIT:
        from frontdesk.live.selectors import visit_of_ticket
        from frontdesk.live.services import visit_serve

        visit = visit_of_ticket(ticket_id=ticket.pk)
        if visit is not None and visit.state == VisitState.WAITING:
            visit_serve(visit=visit, agent=agent)
            ticket.refresh_from_db()
    return ticket
