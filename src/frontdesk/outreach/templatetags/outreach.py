"""What outreach adds to lower apps' pages."""

from __future__ import annotations

from django import template

from frontdesk.outreach.models import CampaignReply
from frontdesk.outreach.selectors import campaign_reply_of
from frontdesk.tickets.models import Ticket

register = template.Library()


@register.simple_tag
def campaign_reply(ticket: Ticket) -> CampaignReply | None:
    """The campaign whose mail this ticket answers, if a reply to one opened it."""
    return campaign_reply_of(ticket=ticket)
