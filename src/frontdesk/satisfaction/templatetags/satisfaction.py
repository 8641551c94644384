from django import template

from frontdesk.satisfaction.selectors import survey_latest
from frontdesk.tickets.models import Ticket

register = template.Library()


@register.inclusion_tag("satisfaction/_ticket_rating_card.html")
def ticket_rating(ticket: Ticket) -> dict[str, object]:
    """`{% ticket_rating ticket %}`: the rating of the ticket's latest solve, if it was asked."""
    return {"survey": survey_latest(ticket=ticket), "ticket": ticket}
