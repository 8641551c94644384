"""The presence switch in the desk's header."""

from __future__ import annotations

from django import template

from frontdesk.accounts.choices import Presence
from frontdesk.accounts.selectors import presence_of

register = template.Library()


@register.inclusion_tag("routing/_presence.html", takes_context=True)
def presence_switch(context: template.Context) -> dict[str, object]:
    """One select that sets where the agent is."""
    request = context["request"]
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "presence": presence_of(agent=request.user),
        "choices": Presence.choices,
    }
