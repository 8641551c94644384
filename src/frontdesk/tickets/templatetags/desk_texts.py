"""`{% desk_text "portal_intro" %}`: one of the desk's texts in the page's language, as a lead
wrote it or built in."""

from __future__ import annotations

from django import template
from django.conf import settings
from django.utils.translation import get_language

from frontdesk.tickets.selectors import desk_text_render

register = template.Library()


@register.simple_tag
def desk_text(key: str) -> str:
    """The desk text `key` in the active language (escaped by the template like any value)."""
    return desk_text_render(key=key, language=get_language() or settings.LANGUAGE_CODE)
