"""What outreach shows on lower apps' pages."""

from frontdesk.problems.slots import ACTIONS as PROBLEM_ACTIONS
from frontdesk.tickets.slots import UNDER_SUBJECT

# "A reply to the campaign …" above the thread of a ticket a campaign reply opened.
UNDER_SUBJECT.fill("outreach/_ticket_campaign.html")
# "Notify the likely affected" on an open problem's page, for leads.
PROBLEM_ACTIONS.fill("outreach/_problem_notify.html")
