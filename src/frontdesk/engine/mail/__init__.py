"""Reading an e-mail as it arrives: every charset and encoding real mail uses, what the sender
wrote without the quoted history, and whether a machine sent it. Nothing here raises on bad
input: what is wrong is named in `flags` and the rest is kept.

Who sent a message is read from the raw From header as RFC 5322 writes it: the address is what
stands between its angle brackets (or the whole header, when it has none), and nothing that is
decoded — an encoded word, a quoted name, a comment — can ever become an address. A message
that names several senders, or none that could be written back to, names nobody.
"""

from __future__ import annotations

from frontdesk.engine.mail.addresses import envelope_address
from frontdesk.engine.mail.flags import (
    AMBIGUOUS_SENDER,
    BAD_CHARSET,
    BROKEN_MIME,
    EMPTY_ATTACHMENT,
    HEADER_INJECTION,
    MISLEADING_NAME,
    NO_MESSAGE_ID,
    NO_SENDER,
    NO_TEXT,
    NUL_REMOVED,
    TOO_DEEP,
)
from frontdesk.engine.mail.headers import mail_message_id
from frontdesk.engine.mail.parse import Attachment, ParsedMail, is_automatic, mail_parse
from frontdesk.engine.mail.text import html_to_text, reply_text

__all__ = [
    "AMBIGUOUS_SENDER",
    "BAD_CHARSET",
    "BROKEN_MIME",
    "EMPTY_ATTACHMENT",
    "HEADER_INJECTION",
    "MISLEADING_NAME",
    "NO_MESSAGE_ID",
    "NO_SENDER",
    "NO_TEXT",
    "NUL_REMOVED",
    "TOO_DEEP",
    "Attachment",
    "ParsedMail",
    "envelope_address",
    "html_to_text",
    "is_automatic",
    "mail_message_id",
    "mail_parse",
    "reply_text",
]
