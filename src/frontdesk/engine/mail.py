"""Reading an e-mail as it arrives: every charset and encoding real mail uses, what the sender
wrote without the quoted history, and whether a machine sent it. Nothing here raises on bad
input: what is wrong is named in `flags` and the rest is kept.

Who sent a message is read from the raw From header as RFC 5322 writes it: the address is what
stands between its angle brackets (or the whole header, when it has none), and nothing that is
decoded — an encoded word, a quoted name, a comment — can ever become an address. A message
that names several senders, or none that could be written back to, names nobody.
"""

from __future__ import annotations

import email.policy
import html as html_module
import re
from dataclasses import dataclass, field
from email.errors import HeaderParseError
from email.header import decode_header, make_header
from email.message import EmailMessage, Message
from email.parser import BytesHeaderParser, BytesParser

from frontdesk.engine.identities import IdentityError, normalise_email

# Flags naming what was wrong with a message; stored on it and shown to agents.
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

# Charsets mail programs name that Python knows by another name.
CHARSET_ALIASES = {"windows-1255": "cp1255", "windows-1257": "cp1257", "iso-8859-8-i": "iso-8859-8"}

MESSAGE_ID = re.compile(r"<[^<>\s]+>")
# The longest Message-ID the desk keeps; a longer one is no real mail program's and is ignored.
MESSAGE_ID_LENGTH = 250
# Parts nested deeper than this are left in the raw message: no mail program nests a tenth as
# deep, and reading on would exhaust the stack (the parser and walk() recurse per level).
MAX_PART_DEPTH = 50
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
class Attachment:
    """A file in a message; `name` is as the sender gave it: whoever stores it makes it safe."""

    name: str
    content_type: str
    data: bytes
    inline: bool = False


@dataclass(frozen=True)
class ParsedMail:
    """What the desk needs from one message."""

    subject: str
    sender_name: str
    sender_email: str
    to: tuple[str, ...]
    message_id: str
    in_reply_to: tuple[str, ...]
    references: tuple[str, ...]
    text: str  # what the sender wrote, quoted history and signature removed
    full_text: str  # the whole text part, as sent
    html: str  # unsanitised: the caller sanitises before anyone sees it
    attachments: tuple[Attachment, ...]
    headers: dict[str, str]
    automatic: bool  # an auto-reply, bulk mail or bounce: never answer it
    flags: tuple[str, ...] = field(default=())


def mail_parse(raw: bytes) -> ParsedMail:
    """Read a raw message; whatever cannot be read is flagged, never fatal."""
    flags: list[str] = []
    message = _message_from_bytes(raw)
    if message.defects:
        flags.append(BROKEN_MIME)
    subject = _header(message, "Subject", flags)
    sender = _sender(message, flags)
    message_id = _message_ids(_raw_header(message, "Message-ID", flags))
    if not message_id:
        flags.append(NO_MESSAGE_ID)
    text_part, html_part, attachments = _parts(message, flags)
    html = html_part
    full_text = text_part or (html_to_text(html_part) if html_part else "")
    if not full_text.strip() and not attachments:
        flags.append(NO_TEXT)
    headers = {
        name: _header(message, name, flags)
        for name in KEPT_HEADERS
        if _raw_header(message, name, flags)
    }
    if "From" in headers:
        headers["From"] = sender.shown
    return ParsedMail(
        subject=subject,
        sender_name=sender.name,
        sender_email=sender.address,
        to=tuple(_recipients(_raw_header(message, "To", flags))),
        message_id=message_id[0] if message_id else "",
        in_reply_to=tuple(_message_ids(_raw_header(message, "In-Reply-To", flags))),
        references=tuple(_message_ids(_raw_header(message, "References", flags))),
        text=reply_text(full_text),
        full_text=full_text,
        html=html,
        attachments=tuple(attachments),
        headers=headers,
        automatic=is_automatic(message, sender.address),
        flags=tuple(dict.fromkeys(flags)),
    )


KEPT_HEADERS = (
    "From",
    "To",
    "Cc",
    "Date",
    "Subject",
    "Message-ID",
    "In-Reply-To",
    "References",
    "Auto-Submitted",
    "Precedence",
    "X-Autoreply",
    "X-Auto-Response-Suppress",
    "X-Priority",
    "Importance",
    "Priority",
    "X-MSMail-Priority",
    "Return-Path",
)


class _Part(Message):
    """A part of a message that knows how deep it lies: the parser attaches every part to its
    parent before it reads the part's headers, and a part below MAX_PART_DEPTH says it is
    opaque, so the parser keeps its body as one payload instead of descending into it."""

    depth = 0

    def attach(self, payload: Message) -> None:  # type: ignore[override]
        if isinstance(payload, _Part):
            payload.depth = self.depth + 1
        super().attach(payload)

    @property
    def too_deep(self) -> bool:
        return self.depth > MAX_PART_DEPTH

    def get_content_type(self) -> str:
        return "application/octet-stream" if self.too_deep else super().get_content_type()


def _message_from_bytes(raw: bytes) -> Message:
    # compat32 hands headers over as written; the modern policy parses every header into an
    # object, which took a third of the time of filing a message. Encoded words are decoded
    # below where the desk shows them (subject, sender name, file names), never in addresses.
    parser = BytesParser(_Part, policy=email.policy.compat32)
    return parser.parsebytes(raw)


def _raw_header(message: Message, name: str, flags: list[str]) -> str:
    """The first value of a header as written: unfolded, its 8-bit bytes read as UTF-8 (RFC
    6532), NUL removed, nothing decoded."""
    values = _raw_headers(message, name, flags)
    return values[0] if values else ""


def _raw_headers(message: Message, name: str, flags: list[str]) -> list[str]:
    wanted = name.lower()
    return [
        _clean(_unfold(_utf8(str(value), flags)), flags)
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


def _clean(text: str, flags: list[str]) -> str:
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


def _header(message: Message, name: str, flags: list[str]) -> str:
    text = _decode_words(_raw_header(message, name, flags), flags)
    if "\n" in text.strip() or "\r" in text.strip():
        # An address or subject with a line break in it is an attempt to add headers.
        flags.append(HEADER_INJECTION)
        text = " ".join(text.split())
    return _clean(text, flags).strip()


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


def _sender(message: Message, flags: list[str]) -> _Sender:
    """Who sent the message: one address, taken only from between the raw header's brackets
    (or the bare address that is the whole header)."""
    values = _raw_headers(message, "From", flags)
    if not values:
        flags.append(NO_SENDER)
        return _Sender(name="", address="", shown="")
    mailboxes, broken, group = _mailboxes(values[0])
    shown = " ".join(CONTROL.sub("", _clean(_decode_words(values[0], flags), flags)).split())
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
    claimed = " ".join(_decode_words("".join(mailbox.phrase), []).split())
    if mailbox.bracketed and claimed:
        shown = f"{_quoted_name(_clean(CONTROL.sub('', claimed), []))} <{address}>"
    else:
        shown = address
    return _Sender(name=name, address=address, shown=shown)


def mail_message_id(raw: bytes) -> str:
    """The Message-ID of a raw message, read from its headers alone; empty when it has none."""
    message = BytesHeaderParser(policy=email.policy.compat32).parsebytes(raw)
    found = _message_ids(_raw_header(message, "Message-ID", []))
    return found[0] if found else ""


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


def _recipients(value: str) -> list[str]:
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
    name = _decode_words(written, flags)
    if "\r" in name or "\n" in name:
        # A line break in a name is an attempt to add a header to a message the desk sends.
        flags.append(HEADER_INJECTION)
    name = " ".join(CONTROL.sub("", _clean(name, flags)).split())
    others = {found.lower().strip(".") for found in ADDRESS_IN_TEXT.findall(name)} - {address}
    if others:
        flags.append(MISLEADING_NAME)
        return ""
    return name


def _quoted_name(name: str) -> str:
    if not NAME_SPECIALS.search(name):
        return name
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _message_ids(value: str) -> list[str]:
    return [found for found in MESSAGE_ID.findall(value or "") if len(found) <= MESSAGE_ID_LENGTH]


def _parts(message: Message, flags: list[str]) -> tuple[str, str, list[Attachment]]:
    text, html = "", ""
    attachments: list[Attachment] = []
    parts = message.walk() if message.is_multipart() else iter([message])
    for part in parts:
        if part.is_multipart():
            continue
        if isinstance(part, _Part) and part.too_deep:
            flags.append(TOO_DEEP)  # it stays in the raw message
            continue
        content_type = part.get_content_type()
        disposition = (part.get_content_disposition() or "").lower()
        filename = _filename(part, flags)
        if content_type == "message/rfc822":
            continue  # a forwarded message: its parts are walked as well
        is_body = disposition != "attachment" and not filename
        if is_body and content_type == "text/plain" and not text:
            text = _decoded(part, flags)
        elif is_body and content_type == "text/html" and not html:
            html = _decoded(part, flags)
        elif (
            filename
            or disposition in ("attachment", "inline")
            or not content_type.startswith("text/")
        ):
            data = _payload(part, flags)
            if not data:
                flags.append(EMPTY_ATTACHMENT)
            attachments.append(
                Attachment(
                    name=filename or f"part{len(attachments) + 1}",
                    content_type=_clean(content_type, flags),
                    data=data,
                    inline=disposition == "inline" or bool(part.get("Content-ID")),
                )
            )
    return text, html, attachments


def _filename(part: Message, flags: list[str]) -> str:
    try:
        name = part.get_filename() or ""
    except Exception:
        flags.append(BAD_CHARSET)
        return ""
    return _clean(_decode_words(name, flags), flags).strip()


def _decode_words(value: str, flags: list[str]) -> str:
    """A header value with its encoded words (=?iso-8859-2?Q?...?=) decoded; folding removed."""
    unfolded = re.sub(r"\r?\n[ \t]+", " ", value)
    if "=?" not in unfolded:
        return unfolded
    try:
        return str(make_header(decode_header(unfolded)))
    except (LookupError, UnicodeDecodeError, ValueError, HeaderParseError):
        flags.append(BAD_CHARSET)
        return unfolded


def _payload(part: Message, flags: list[str]) -> bytes:
    try:
        data = part.get_payload(decode=True)
    except Exception:
        flags.append(BROKEN_MIME)
        return b""
    return data if isinstance(data, bytes) else b""


def _decoded(part: Message, flags: list[str]) -> str:
    data = _payload(part, flags)
    charset = (part.get_content_charset() or "utf-8").lower()
    charset = CHARSET_ALIASES.get(charset, charset)
    try:
        text = data.decode(charset)
    except (LookupError, UnicodeDecodeError):
        flags.append(BAD_CHARSET)
        # Most mail that lies about its charset is UTF-8 or Windows-1252; keep every byte.
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    return _clean(text, flags)


TAG = re.compile(r"<[^>]+>")
BLOCK = re.compile(r"(?i)<\s*(br|/p|/div|/li|/tr|/h\d)\b[^>]*>")
INVISIBLE = re.compile(r"(?is)<(script|style|head)\b.*?</\1\s*>")


def html_to_text(html: str) -> str:
    """The readable text of an HTML part, for triage and for agents who read plain text."""
    text = INVISIBLE.sub(" ", html)
    text = BLOCK.sub("\n", text)
    text = TAG.sub(" ", text)
    text = html_module.unescape(text)
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line).strip()


# Where the quoted history of a reply begins, in the desk's languages and the big mail programs.
QUOTE_HEADERS = re.compile(
    r"(?im)^\s*("
    r"on .{1,200}? wrote:|"  # Gmail, Apple Mail, Thunderbird (English)
    r"am .{1,200}? schrieb .{0,200}?:|"  # German
    r".{1,200}? kirjutas(?: .{0,200})?:|"  # Estonian
    r".{1,200}? (?:írta|ezt írta)(?: .{0,100})?:|"  # Hungarian
    r".{1,200}? (?:je napisao|je napisala|napisao je|napisala je)(?: .{0,100})?:|"  # Bosnian
    r".{1,200}? כתב(?:ה)?:|"  # Hebrew
    r"-{2,}\s*(?:original message|ursprüngliche nachricht|algne kiri|eredeti üzenet|"
    r"originalna poruka|הודעה מקורית)\s*-{2,}|"
    r"from:\s.+\n\s*(?:sent|date|gesendet|saadetud|elküldve|poslano|נשלח):"
    r")"
)
SIGNATURE = re.compile(r"(?m)^-- ?$")


def reply_text(text: str) -> str:
    """What the sender wrote: the text before the quoted history and the signature."""
    cut = len(text)
    for pattern in (QUOTE_HEADERS, SIGNATURE):
        match = pattern.search(text)
        if match and match.start() > 0:
            cut = min(cut, match.start())
    kept = text[:cut]
    # Lines quoted with ">" after what the sender wrote are history too.
    lines = kept.rstrip().splitlines()
    while lines and (lines[-1].lstrip().startswith(">") or not lines[-1].strip()):
        lines.pop()
    result = "\n".join(lines).strip()
    return result or text.strip()


def is_automatic(message: Message | EmailMessage, sender: str) -> bool:
    """Whether a machine sent this (RFC 3834): never answer it, or two desks answer each other
    for ever."""
    auto = str(message.get("Auto-Submitted", "no")).strip().lower()
    if auto and auto != "no":
        return True
    if str(message.get("Precedence", "")).strip().lower() in {"bulk", "junk", "list", "auto_reply"}:
        return True
    if message.get("X-Autoreply") or message.get("X-Autorespond"):
        return True
    if str(message.get("X-Auto-Response-Suppress", "")).strip().lower() in {"all", "oof"}:
        return True
    if message.get_content_type() == "multipart/report":  # a delivery status notification
        return True
    local = sender.split("@", 1)[0]
    return local in {"mailer-daemon", "postmaster", "noreply", "no-reply", "do-not-reply"}
