"""Promises marked where they were written."""

from __future__ import annotations

from django import template

from frontdesk.customers.models import Interaction
from frontdesk.engine.journal import promises_in
from frontdesk.journal.models import FollowUp

register = template.Library()


@register.filter
def unbacked_promise(entry: Interaction) -> bool:
    """Whether a timeline entry promises something and no follow-up was made after it."""
    if not promises_in(entry.summary):
        return False
    return not FollowUp.objects.filter(
        customer_id=entry.customer_id, created_at__gte=entry.created_at
    ).exists()
