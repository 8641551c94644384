"""The lead's switch for access by team (see tickets/visibility.py for the rule itself)."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from frontdesk.accounts.models import User
from frontdesk.core.errors import Invalid
from frontdesk.tickets.models import QueueSettings
from frontdesk.tickets.visibility import team_scoped


@transaction.atomic
def queue_team_scope_set(*, actor: User, team_scoped_on: bool) -> QueueSettings:
    """Limit agents to their teams' tickets, or not (leads only); the change record keeps it."""
    if not actor.is_lead:
        raise Invalid(_("Only a lead can change who sees which tickets."))
    row = QueueSettings.objects.select_for_update().order_by("pk").first()
    if row is None:
        # As for the weights: leads saving at once meet on one row.
        row, _created = QueueSettings.objects.select_for_update().get_or_create(pk=1)
    row.team_scoped = team_scoped_on
    row.updated_by = actor
    row.save(update_fields=["team_scoped", "updated_by", "updated_at"])
    team_scoped.forget()
    return row
