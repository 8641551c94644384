"""Who sent a message and to whom, read from the raw address headers as RFC 5322 writes them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from email.message import Message

from frontdesk.engine.identities import IdentityError, normalise_email
from frontdesk.engine.mail.flags import (
    AMBIGUOUS_SENDER,
    HEADER_INJECTION,
    MISLEADING_NAME,
    NO_SENDER,
)
from frontdesk.engine.mail.headers import (
    clean,
    decode_words,
    raw_headers,
)

# An address a person can be written to: one @, a dotted domain, none of RFC 5322's specials.
ADDRESS = re.compile(
    r"[^\s@<>()\[\]\\,;:\"\x00-\x1f\x7f]{1,64}"
    r"@(?:[^\s@<>()\[\]\\,;:\"\x00-\x1f\x7f.]+\.)+[^\s@<>()\[\]\\,;:\"\x00-\x1f\x7f.]+"
)
ADDRESS_LENGTH = 254
# Something in a display name that reads as an address.
ADDRESS_IN_TEXT = re.compile(r"[^\s<>()\[\]\"',;:]+@[^\s<>()\[\]\"',;:]+")
# What RFC 5322 requires to be quoted in a display name.
NAME_SPECIALS = re.compile(r"[()<>\[\]:;@\\,.\"]")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class _Sender:
    name: str  # the display name, unless it names an address that is not the sender's
    address: str  # lower case; empty when the message names no single sender
    shown: str  # the From header as the desk shows it: the name quoted, the address bracketed


@dataclass
class _Mailbox:
    """One mailbox of an address header as written: its phrase, the text between its angle
    brackets, and its comments."""

    phrase: list[str] = field(default_factory=list)
    bracketed: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    after_brackets: bool = False

    @property
    def empty(self) -> bool:
        return not "".join(self.phrase).strip() and not self.bracketed


def sender_of(message: Message, flags: list[str]) -> _Sender:
    """Who sent the message: one address, taken only from between the raw header's brackets
    (or the bare address that is the whole header)."""
    values = raw_headers(message, "From", flags)
    if not values:
        flags.append(NO_SENDER)
        return _Sender(name="", address="", shown="")
    mailboxes, broken, group = _mailboxes(values[0])
    shown = " ".join(CONTROL.sub("", clean(decode_words(values[0], flags), flags)).split())
    if (
        len(values) > 1
        or group
        or len(mailboxes) > 1
        or any(len(mailbox.bracketed) > 1 for mailbox in mailboxes)
    ):
        flags.extend([AMBIGUOUS_SENDER, NO_SENDER])
        return _Sender(name="", address="", shown=shown)
    if not mailboxes:
        flags.append(NO_SENDER)
        return _Sender(name="", address="", shown=shown)
    mailbox = mailboxes[0]
    if mailbox.bracketed or broken:
        written, name = "".join(mailbox.bracketed), "".join(mailbox.phrase)
    else:
        written, name = "".join(mailbox.phrase), " ".join(mailbox.comments)
    address = "" if broken else _address(written.strip())
    name = _display_name(name, address, flags)
    if not address:
        flags.append(NO_SENDER)
        return _Sender(name=name, address="", shown=shown)
    claimed = " ".join(decode_words("".join(mailbox.phrase), []).split())
    if mailbox.bracketed and claimed:
        shown = f"{_quoted_name(clean(CONTROL.sub('', claimed), []))} <{address}>"
    else:
        shown = address
    return _Sender(name=name, address=address, shown=shown)


def envelope_address(value: str) -> str:
    """The address of an envelope sender (SMTP MAIL FROM), lower case, when it is one a person
    can be written to; empty for the null sender of a bounce and for anything else."""
    written = value.strip()
    if written.startswith("<") and written.endswith(">"):
        written = written[1:-1].strip()
    return _address(written)


def _mailboxes(value: str) -> tuple[list[_Mailbox], bool, bool]:
    """The mailboxes of an address header, read in one pass as RFC 5322 writes them: quoted
    strings, nested comments and angle brackets; whether it was broken, and whether it used
    group syntax."""
    mailboxes = [_Mailbox()]
    group = False
    position, end = 0, len(value)
    while position < end:
        char = value[position]
        mailbox = mailboxes[-1]
        if char == '"':
            text, position = _quoted(value, position)
            if position < 0:
                return _found(mailboxes), True, group
            mailbox.phrase.append(text)
            continue
        if char == "(":
            text, position = _comment(value, position)
            if position < 0:
                return _found(mailboxes), True, group
            mailbox.comments.append(text)
            continue
        if char == "<":
            text, position = _bracketed(value, position)
            if position < 0:
                return _found(mailboxes), True, group
            mailbox.bracketed.append(text)
            mailbox.after_brackets = True
            continue
        if char in ",;":
            mailboxes.append(_Mailbox())
        elif char == ":":
            # A group's name is not part of its first mailbox.
            group = True
            mailbox.phrase.clear()
        elif char == ">" or (mailbox.after_brackets and not char.isspace()):
            # A stray bracket, or words after the address: no reading of it is safe.
            return _found(mailboxes), True, group
        else:
            mailbox.phrase.append(char)
        position += 1
    return _found(mailboxes), False, group


def recipients_of(value: str) -> list[str]:
    """The addresses of a recipient header (lists and groups alike), lower case."""
    mailboxes, _broken, _group = _mailboxes(value)
    found = (
        _address(("".join(m.bracketed) if m.bracketed else "".join(m.phrase)).strip())
        for m in mailboxes
    )
    return [address for address in found if address]


def _found(mailboxes: list[_Mailbox]) -> list[_Mailbox]:
    return [mailbox for mailbox in mailboxes if not mailbox.empty]


def _quoted(value: str, start: int) -> tuple[str, int]:
    """A quoted string's text and the position after it; -1 when it never closes."""
    text: list[str] = []
    position = start + 1
    while position < len(value):
        char = value[position]
        if char == "\\" and position + 1 < len(value):
            text.append(value[position + 1])
            position += 2
            continue
        if char == '"':
            return "".join(text), position + 1
        text.append(char)
        position += 1
    return "".join(text), -1


def _comment(value: str, start: int) -> tuple[str, int]:
    """A comment's text and the position after it (comments nest); -1 when it never closes."""
    text: list[str] = []
    depth = 0
    position = start
    while position < len(value):
        char = value[position]
        if char == "\\" and position + 1 < len(value):
            text.append(value[position + 1])
            position += 2
            continue
        if char == "(":
            depth += 1
            if depth > 1:
                text.append(char)
        elif char == ")":
            depth -= 1
            if depth == 0:
                return "".join(text), position + 1
            text.append(char)
        else:
            text.append(char)
        position += 1
    return "".join(text), -1


def _bracketed(value: str, start: int) -> tuple[str, int]:
    """What stands between angle brackets, as written, and the position after the closing one;
    -1 when the bracket never closes or another opens inside it."""
    position = start + 1
    while position < len(value):
        char = value[position]
        if char == '"':
            _text, after = _quoted(value, position)
            if after < 0:
                return "", -1
            position = after
            continue
        if char == "<":
            return "", -1
        if char == ">":
            return value[start + 1 : position], position + 1
        position += 1
    return "", -1


def _address(written: str) -> str:
    """`written` as an address the desk can write back to, lower case; empty when it is not
    one (the desk's customers are found by exactly this value)."""
    if len(written) > ADDRESS_LENGTH or not ADDRESS.fullmatch(written):
        return ""
    try:
        normalise_email(written)
    except IdentityError:
        return ""
    return written.lower()


def _display_name(written: str, address: str, flags: list[str]) -> str:
    """The sender's name as people read it; empty when it names someone else's address."""
    name = decode_words(written, flags)
    if "\r" in name or "\n" in name:
        # A line break in a name is an attempt to add a header to a message the desk sends.
        flags.append(HEADER_INJECTION)
    name = " ".join(CONTROL.sub("", clean(name, flags)).split())
    others = {found.lower().strip(".") for found in ADDRESS_IN_TEXT.findall(name)} - {address}
    if others:
        flags.append(MISLEADING_NAME)
        return ""
    return name


def _quoted_name(name: str) -> str:
    if not NAME_SPECIALS.search(name):
        return name
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
