"""Header values as written: unfolded, read as UTF-8, cleaned, encoded words decoded."""

from __future__ import annotations

import email.policy
import re
from email.errors import HeaderParseError
from email.header import decode_header, make_header
from email.message import Message
from email.parser import BytesHeaderParser

from frontdesk.engine.mail.flags import (
    BAD_CHARSET,
    HEADER_INJECTION,
    NUL_REMOVED,
)

MESSAGE_ID = re.compile(r"<[^<>\s]+>")
# The longest Message-ID the desk keeps; a longer one is no real mail program's and is ignored.
MESSAGE_ID_LENGTH = 250


def raw_header(message: Message, name: str, flags: list[str]) -> str:
    """The first value of a header as written: unfolded, its 8-bit bytes read as UTF-8 (RFC
    6532), NUL removed, nothing decoded."""
    values = raw_headers(message, name, flags)
    return values[0] if values else ""


def raw_headers(message: Message, name: str, flags: list[str]) -> list[str]:
    """Every value of a header as written, in order (see raw_header)."""
    wanted = name.lower()
    return [
        clean(_unfold(_utf8(str(value), flags)), flags)
        for key, value in message.raw_items()
        if key.lower() == wanted
    ]


def _unfold(value: str) -> str:
    return re.sub(r"\r?\n(?=[ \t])", "", value).strip()


def _utf8(value: str, flags: list[str]) -> str:
    # The parser keeps a header's 8-bit bytes as surrogate escapes; RFC 6532 says they are UTF-8.
    if value.isascii():
        return value
    data = value.encode("utf-8", "surrogateescape")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        flags.append(BAD_CHARSET)
        return data.decode("cp1252", errors="replace")


def clean(text: str, flags: list[str]) -> str:
    """Text a database keeps as it is: no NUL (PostgreSQL refuses it in text and JSON) and no
    lone surrogate (no database encodes one; some charsets, UTF-7 among them, produce them)."""
    if "\x00" in text:
        flags.append(NUL_REMOVED)
        text = text.replace("\x00", "")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        flags.append(BAD_CHARSET)
        text = text.encode("utf-8", "surrogatepass").decode("utf-8", errors="replace")
    return text


def header_decoded(message: Message, name: str, flags: list[str]) -> str:
    """The first value of a header as people read it: encoded words decoded, line breaks flagged."""
    text = decode_words(raw_header(message, name, flags), flags)
    if "\n" in text.strip() or "\r" in text.strip():
        # An address or subject with a line break in it is an attempt to add headers.
        flags.append(HEADER_INJECTION)
        text = " ".join(text.split())
    return clean(text, flags).strip()


def mail_message_id(raw: bytes) -> str:
    """The Message-ID of a raw message, read from its headers alone; empty when it has none."""
    message = BytesHeaderParser(policy=email.policy.compat32).parsebytes(raw)
    found = message_ids(raw_header(message, "Message-ID", []))
    return found[0] if found else ""


def message_ids(value: str) -> list[str]:
    """The Message-IDs a header names, leaving out any too long to be real."""
    return [found for found in MESSAGE_ID.findall(value or "") if len(found) <= MESSAGE_ID_LENGTH]


def decode_words(value: str, flags: list[str]) -> str:
    """A header value with its encoded words (=?iso-8859-2?Q?...?=) decoded; folding removed."""
    unfolded = re.sub(r"\r?\n[ \t]+", " ", value)
    if "=?" not in unfolded:
        return unfolded
    try:
        return str(make_header(decode_header(unfolded)))
    except (LookupError, UnicodeDecodeError, ValueError, HeaderParseError):
        flags.append(BAD_CHARSET)
        return unfolded
