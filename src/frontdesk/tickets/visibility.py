"""Which tickets an agent sees: the desk's access by team, decided here and nowhere else.

With the lead's setting off (the default) every active agent sees every ticket. With it on, an
agent (role agent) sees a ticket of one of their teams, a ticket of no team (nobody has sorted
it yet) and a ticket assigned to them; leads and admins still see everything. A customer is
visible when they have a visible ticket or no ticket at all, so the person at the desk or on the
phone can still be found (filled into `customers/visibility.py` from `TicketsConfig.ready()`).
Every way to a ticket (lists, `access_*`, the queue, search, exports, the API) filters through
`ticket_visible`, so "not visible" answers exactly as "not found" does.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery

from frontdesk.accounts.models import Team, User
from frontdesk.core.memo import for_a_while
from frontdesk.tickets.models import QueueSettings, Ticket

NOTHING = Q(pk__in=[])


@for_a_while
def team_scoped() -> bool:
    """Whether the lead limited agents to their teams' tickets."""
    return bool(QueueSettings.objects.order_by("pk").values_list("team_scoped", flat=True).first())


def _sees_all(actor: User) -> bool:
    return actor.is_lead or not team_scoped()


def ticket_visible(actor: User, *, prefix: str = "") -> Q:
    """The condition a ticket (reached through `prefix`, e.g. "message__ticket__") meets when
    the agent may see it; nothing for an inactive one, everything when access is not by team."""
    if not actor.is_active:
        return NOTHING
    if _sees_all(actor):
        return Q()
    # The agent's teams as a subquery: no query of its own, and the same text on every page.
    teams = Team.members.through.objects.filter(user_id=actor.pk).values("team_id")
    return (
        Q(**{f"{prefix}team__isnull": True})
        | Q(**{f"{prefix}team_id__in": Subquery(teams)})
        | Q(**{f"{prefix}assignee_id": actor.pk})
    )


def visible_tickets(*, actor: User) -> QuerySet[Ticket]:
    """Every ticket the agent may see."""
    return Ticket.objects.filter(ticket_visible(actor))


def customer_visible(actor: User) -> Q | None:
    """The condition a customer meets when the agent may see them: a visible ticket, or none at
    all; None when the agent sees every customer."""
    if not actor.is_active or _sees_all(actor):
        return None
    theirs = Ticket.objects.filter(customer_id=OuterRef("pk"))
    return ~Q(Exists(theirs)) | Q(Exists(theirs.filter(ticket_visible(actor))))


def interaction_visible(actor: User) -> Q | None:
    """The condition an entry of a customer's timeline meets when the agent may see it: about
    no ticket, or about a visible one; None when the agent sees every entry."""
    if not actor.is_active or _sees_all(actor):
        return None
    return Q(ticket__isnull=True) | Q(ticket_visible(actor, prefix="ticket__"))
