"""Writes for routing: presence and the queue's weights."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from frontdesk.accounts.models import User
from frontdesk.config.errors import Invalid
from frontdesk.engine.queue import WeightError, weights_from
from frontdesk.routing.choices import Presence
from frontdesk.routing.models import AgentPresence, QueueSettings
from frontdesk.routing.selectors import queue_weights


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
