"""What outreach shows on lower apps' pages."""

from frontdesk.tickets.slots import UNDER_SUBJECT

# "A reply to the campaign …" above the thread of a ticket a campaign reply opened.
UNDER_SUBJECT.fill("outreach/_ticket_campaign.html")
