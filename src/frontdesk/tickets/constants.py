from datetime import timedelta

REFERENCE_PREFIX = "FD-"
REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O or 1/I: read out over the phone
REFERENCE_LENGTH = 6
SUBJECT_LENGTH = 250
# A ticket's search text: the distinct words of its reference, customer, subject and messages,
# first come first kept. The first messages say what the ticket is about; the bound keeps
# SQLite's scan of every ticket's text, and PostgreSQL's trigram index, small at 100k tickets.
SEARCH_TEXT_LENGTH = 1500
BODY_LENGTH = 100_000
# The flag on an incoming message someone other than the ticket's customer sent.
THIRD_PARTY = "third-party"
# The flag on a reply that was the holding reply (macros), so reports can count them.
HOLDING_REPLY = "holding-reply"
# A reply sent to every ticket of a problem at once (problems).
PROBLEM_REPLY = "problem-reply"
# A mail listing several breached tickets names at most this many; the queue has the rest.
SLA_ESCALATION_LIST_LENGTH = 50
# What the mail of an outbound message is about, so mail's signals find their way back to it.
MESSAGE_MAIL = "tickets.message"
# What the leads' breach mails are about, so a rerun of their task finds them sent: one ticket's
# id, or the first (lowest) id of a list of breaches, which no other list contains.
SLA_ESCALATION_MAIL = "tickets.sla_escalation"
SLA_ESCALATIONS_MAIL = "tickets.sla_escalations"
# A breach found later than this after its due (old history on a desk's first start, a worker
# down for days) is recorded but not mailed: the leads hear of what they can still act on.
SLA_ESCALATION_WINDOW = timedelta(hours=24)
# Up to this many breaches found by one sweep are mailed one by one; more come as one list,
# so a weekend's backlog reaching its due together, or a worker back after a day, is one mail.
SLA_ESCALATIONS_ONE_BY_ONE = 3
# A tag is a word or two to file tickets under; more or longer ones are sentences, not tags.
TAG_LENGTH = 50
TAG_COUNT = 20
# The ticket page suggests the desk's most used tags, at most this many, from its latest
# tagged tickets (a tag nobody used for that long is not worth suggesting).
TAG_SUGGESTIONS = 100
TAG_SUGGESTIONS_FROM = 2000
# Saved views: a short name, and filters as a query string.
VIEW_NAME_LENGTH = 60
VIEW_QUERY_LENGTH = 2000

# The placeholders each of the desk's texts may hold, filled in when it is shown.
DESK_TEXT_PLACEHOLDERS: dict[str, tuple[str, ...]] = {
    "acknowledgement": ("reference", "customer_name", "subject"),
    "portal_intro": (),
    "kiosk_welcome": (),
}
DESK_TEXT_LENGTH_MAX = 2000
# Whom a desk text's preview is written to, on the settings page.
DESK_TEXT_SAMPLE = {
    "reference": "FD-ZGS5HL",
    "customer_name": "Ildikó Szabó",
}
# Collision warnings: a ticket page reports every few seconds that it is open (WATCHING_POLL),
# and the reply box when it is typed in; an agent shows as viewing until a report is this old
# (a closed page simply stops reporting) and as typing for a few seconds after a keystroke.
WATCHING_POLL_SECONDS = 4
WATCHING_SECONDS = 15
TYPING_SECONDS = 6
# The index "next item" reads the first row of (tickets.models; the queue's selectors name it).
QUEUE_INDEX = "ticket_queue_unassigned"
