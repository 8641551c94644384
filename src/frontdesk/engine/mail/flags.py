"""Flags naming what was wrong with a message; stored on it and shown to agents."""

BAD_CHARSET = "bad-charset"
BROKEN_MIME = "broken-mime"
NO_MESSAGE_ID = "no-message-id"
NO_SENDER = "no-sender"
HEADER_INJECTION = "header-injection"
EMPTY_ATTACHMENT = "empty-attachment"
NO_TEXT = "no-text"
AMBIGUOUS_SENDER = "ambiguous-sender"  # several addresses, a group or two From headers
MISLEADING_NAME = "misleading-name"  # the display name names an address that is not the sender's
NUL_REMOVED = "nul-removed"  # NUL characters were taken out of what was read
TOO_DEEP = "too-deep"  # parts nested deeper than MAX_PART_DEPTH were not read
