REFERENCE_PREFIX = "FD-"
REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O or 1/I: read out over the phone
REFERENCE_LENGTH = 6
SUBJECT_LENGTH = 250
BODY_LENGTH = 100_000
# The flag on an incoming message someone other than the ticket's customer sent.
THIRD_PARTY = "third-party"
# A mail listing several breached tickets names at most this many; the queue has the rest.
SLA_ESCALATION_LIST_LENGTH = 50
# What the mail of an outbound message is about, so mail's signals find their way back to it.
MESSAGE_MAIL = "tickets.message"
