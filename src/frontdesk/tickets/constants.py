from datetime import timedelta

REFERENCE_PREFIX = "FD-"
REFERENCE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O or 1/I: read out over the phone
REFERENCE_LENGTH = 6
SUBJECT_LENGTH = 250
BODY_LENGTH = 100_000
ATTACHMENT_NAME_LENGTH = 200
# A breach found later than this after its due is recorded but not mailed to the leads.
SLA_ESCALATION_WINDOW = timedelta(hours=24)
# The flag on an incoming message someone other than the ticket's customer sent.
THIRD_PARTY = "third-party"
