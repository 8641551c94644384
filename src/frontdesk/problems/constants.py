"""Limits of the problems app."""

TITLE_LENGTH = 200

# Detection: the desk's usual rates come from this much history, rebuilt this often; a lead's
# dismissal teaches the detector for this long.
BASELINE_DAYS = 14
BASELINE_EVERY_MINUTES = 60
DISMISSED_KEPT_DAYS = 30
# Reports listed in a lead's alert mail; the page has them all.
ALERT_MAIL_REPORTS = 20
# What the leads' mails of a new alert are about, so a rerun of their task finds them sent.
ALERT_MAIL = "problems.alert"

# What a problem reply may say, and what each becomes for one customer's ticket. The macros'
# own names are understood too, so a macro's text fills a problem reply as it is.
REPLY_PLACEHOLDERS = (
    "customer_name",
    "customer_first_name",
    "reference",
    "subject",
    "problem",
    "agent_name",
    "customer.name",
    "customer.first_name",
    "agent.name",
    "agent.first_name",
    "ticket.reference",
    "ticket.subject",
)
# A solved problem stays on the status page, marked solved, this long.
SOLVED_POSTED_HOURS = 24
