from django import template

from frontdesk.tickets.wording import reason_texts

register = template.Library()


@register.filter
def reasons(rows: object) -> list[str]:
    """A ticket's stored reasons, worded in the page's language."""
    return reason_texts(rows)
