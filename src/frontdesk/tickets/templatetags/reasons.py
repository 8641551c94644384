from django import template

from frontdesk.tickets.wording import reason_texts, tone_text

register = template.Library()


@register.filter
def reasons(rows: object) -> list[str]:
    """A ticket's stored reasons, worded in the page's language."""
    return reason_texts(rows)


@register.filter
def tone(value: float) -> str:
    """A ticket's tone as a word, in the page's language."""
    return tone_text(value)
