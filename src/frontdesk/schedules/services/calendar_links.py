"""Writes for agents' calendar links: an agent makes a new one, or a lead ends one that got out;
either way every link made before stops working."""

from __future__ import annotations

import secrets

from django.utils import timezone
from django.utils.translation import gettext as _

from frontdesk.accounts.models import User
from frontdesk.audit.services import audit_record
from frontdesk.core.errors import Forbidden
from frontdesk.schedules.models import CalendarFeedKey


def _key_rotate(*, agent: User) -> CalendarFeedKey:
    found, _made = CalendarFeedKey.objects.update_or_create(
        agent=agent, defaults={"key": secrets.token_urlsafe(16), "rotated_at": timezone.now()}
    )
    return found


def calendar_link_renew(*, agent: User) -> CalendarFeedKey:
    """Give the agent a new calendar link; the old one stops working at once."""
    found = _key_rotate(agent=agent)
    audit_record(actor=agent, action="calendar_link_renew", obj=agent)
    return found


def calendar_link_revoke(*, actor: User, agent: User) -> CalendarFeedKey:
    """End an agent's calendar link, as a lead (a lost phone): the agent finds their new link
    on their own week's page."""
    if not actor.is_lead:
        raise Forbidden(_("Only a lead or an admin may revoke another agent's calendar link."))
    found = _key_rotate(agent=agent)
    audit_record(actor=actor, action="calendar_link_revoke", obj=agent)
    return found
