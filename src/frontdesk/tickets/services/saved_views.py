"""Saved ticket views: an agent's own, and a lead's for a team; named, ordered, removed."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max, QuerySet
from django.utils.translation import gettext as _

from frontdesk.accounts.models import Team, User
from frontdesk.core.errors import Forbidden, Invalid
from frontdesk.tickets.constants import VIEW_NAME_LENGTH, VIEW_QUERY_LENGTH
from frontdesk.tickets.models import TicketView
from frontdesk.tickets.selectors import ticket_view_changeable


def _name_clean(name: str) -> str:
    clean = " ".join(name.split())
    if not clean:
        raise Invalid(_("A view needs a name."))
    if len(clean) > VIEW_NAME_LENGTH:
        raise Invalid(
            _("A view's name has at most %(count)d characters.") % {"count": VIEW_NAME_LENGTH}
        )
    return clean


def _siblings(view: TicketView) -> QuerySet[TicketView]:
    # Views are ordered among their kind: a team's views together, an agent's own together.
    if view.team_id is not None:
        return TicketView.objects.filter(team_id=view.team_id)
    return TicketView.objects.filter(owner_id=view.owner_id, team__isnull=True)


def _may_change(*, actor: User, view: TicketView) -> None:
    if not ticket_view_changeable(actor=actor, view=view):
        raise Forbidden(_("Only a lead may change a team's view."))


def ticket_view_create(
    *, actor: User, name: str, query: str, team: Team | None = None
) -> TicketView:
    """Save the list's filters (`query`, its query string) under a name, for the agent or,
    by a lead, for a team; it goes last in its list."""
    if team is not None and not actor.is_lead:
        raise Forbidden(_("Only a lead may make a view for a team."))
    if len(query) > VIEW_QUERY_LENGTH:
        raise Invalid(_("These filters are too long to keep."))
    view = TicketView(owner=actor, team=team, name=_name_clean(name), query=query)
    with transaction.atomic():
        last = _siblings(view).aggregate(last=Max("position"))["last"]
        view.position = 0 if last is None else last + 1
        view.save()
    return view


def ticket_view_update(
    *, actor: User, view: TicketView, name: str | None = None, position: int | None = None
) -> TicketView:
    """Rename a view or set its place in its list; Forbidden for someone else's."""
    _may_change(actor=actor, view=view)
    fields = []
    if name is not None:
        view.name = _name_clean(name)
        fields.append("name")
    if position is not None:
        if position < 0:
            raise Invalid(_("A position is a whole number from 0."))
        view.position = position
        fields.append("position")
    if fields:
        view.save(update_fields=fields)
    return view


def ticket_view_move(*, actor: User, view: TicketView, offset: int) -> TicketView:
    """Move a view up (`offset` -1) or down (1) in its list, numbering the list afresh."""
    _may_change(actor=actor, view=view)
    with transaction.atomic():
        ordered = list(_siblings(view).select_for_update().order_by("position", "id"))
        index = next(i for i, sibling in enumerate(ordered) if sibling.pk == view.pk)
        target = min(max(index + offset, 0), len(ordered) - 1)
        ordered.insert(target, ordered.pop(index))
        for position, sibling in enumerate(ordered):
            if sibling.position != position:
                sibling.position = position
                sibling.save(update_fields=["position"])
    view.position = target
    return view


def ticket_view_delete(*, actor: User, view: TicketView) -> None:
    """Remove a view; Forbidden for someone else's."""
    _may_change(actor=actor, view=view)
    view.delete()
