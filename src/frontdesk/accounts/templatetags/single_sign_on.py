"""`{% sso_button %}`: "Log in with …" on the log-in page of a desk with single sign-on."""

from __future__ import annotations

from django import template
from django.conf import settings

register = template.Library()


@register.inclusion_tag("accounts/_sso_button.html", takes_context=True)
def sso_button(context: template.Context) -> dict[str, object]:
    """The button, when FRONTDESK_OIDC_CLIENT_ID is set; it keeps the page's `next`."""
    return {
        "enabled": settings.OIDC_ENABLED,
        "name": settings.OIDC_NAME,
        "next": context.get("next", ""),
    }
