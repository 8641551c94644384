"""Promises marked where they were written, and log lines shown field by field."""

from __future__ import annotations

from django import template

from frontdesk.customers.models import Interaction
from frontdesk.engine.journal import log_fields, promises_in
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


@register.filter(name="log_fields")
def log_fields_filter(line: str) -> list[str]:
    """A log line's fields, for showing each apart: a Hebrew name beside English words keeps
    its own direction, and the fields read in the page's."""
    return log_fields(line)
