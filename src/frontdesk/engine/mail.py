"""Reading an e-mail as it arrives: every charset and encoding real mail uses, what the sender
wrote without the quoted history, and whether a machine sent it. Nothing here raises on bad
input: what is wrong is named in `flags` and the rest is kept."""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import dataclass, field
from email.errors import HeaderParseError
from email.header import decode_header, make_header
from email.headerregistry import Address
from email.message import EmailMessage, Message
from email.utils import getaddresses, parseaddr

# Flags naming what was wrong with a message; stored on it and shown to agents.
BAD_CHARSET = "bad-charset"
BROKEN_MIME = "broken-mime"
NO_MESSAGE_ID = "no-message-id"
NO_SENDER = "no-sender"
HEADER_INJECTION = "header-injection"
EMPTY_ATTACHMENT = "empty-attachment"
NO_TEXT = "no-text"

# Charsets mail programs name that Python knows by another name.
CHARSET_ALIASES = {"windows-1255": "cp1255", "windows-1257": "cp1257", "iso-8859-8-i": "iso-8859-8"}

MESSAGE_ID = re.compile(r"<[^<>\s]+>")


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
    # compat32 hands headers over as written; the modern policy parses every header into an
    # object, which took a third of the time of filing a message. Encoded words are decoded
    # below where the desk shows them (subject, sender, file names).
    message: Message = email.message_from_bytes(raw, policy=email.policy.compat32)
    if message.defects:
        flags.append(BROKEN_MIME)
    subject = _header(message, "Subject", flags)
    sender_name, sender_email = _sender(message, flags)
    message_id = _message_ids(_header(message, "Message-ID", flags))
    if not message_id:
        flags.append(NO_MESSAGE_ID)
    text_part, html_part, attachments = _parts(message, flags)
    html = html_part
    full_text = text_part or (html_to_text(html_part) if html_part else "")
    if not full_text.strip() and not attachments:
        flags.append(NO_TEXT)
    headers = {name: _header(message, name, flags) for name in KEPT_HEADERS if message.get(name)}
    return ParsedMail(
        subject=subject,
        sender_name=sender_name,
        sender_email=sender_email,
        to=tuple(addr.lower() for _, addr in getaddresses(message.get_all("To", []) or []) if addr),
        message_id=message_id[0] if message_id else "",
        in_reply_to=tuple(_message_ids(_header(message, "In-Reply-To", flags))),
        references=tuple(_message_ids(_header(message, "References", flags))),
        text=reply_text(full_text),
        full_text=full_text,
        html=html,
        attachments=tuple(attachments),
        headers=headers,
        automatic=is_automatic(message, sender_email),
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


def _header(message: Message, name: str, flags: list[str]) -> str:
    try:
        value = message.get(name)
    except Exception:  # a header whose encoded words cannot be decoded
        flags.append(BAD_CHARSET)
        return ""
    if value is None:
        return ""
    text = _decode_words(str(value), flags)
    if "\n" in text.strip() or "\r" in text.strip():
        # An address or subject with a line break in it is an attempt to add headers.
        flags.append(HEADER_INJECTION)
        text = " ".join(text.split())
    return text.strip()


def _sender(message: Message, flags: list[str]) -> tuple[str, str]:
    raw = _header(message, "From", flags)
    name, address = parseaddr(raw)
    address = address.strip().lower()
    if not address or "@" not in address:
        flags.append(NO_SENDER)
        return name, ""
    try:
        Address(addr_spec=address)
    except (ValueError, IndexError):
        flags.append(NO_SENDER)
        return name, ""
    return name.strip(), address


def _message_ids(value: str) -> list[str]:
    return MESSAGE_ID.findall(value or "")


def _parts(message: Message, flags: list[str]) -> tuple[str, str, list[Attachment]]:
    text, html = "", ""
    attachments: list[Attachment] = []
    parts = message.walk() if message.is_multipart() else iter([message])
    for part in parts:
        if part.is_multipart():
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
                    content_type=content_type,
                    data=data,
                    inline=disposition == "inline" or bool(part.get("Content-ID")),
                )
            )
    return text, html, attachments


def _filename(part: Message, flags: list[str]) -> str:
    try:
        return _decode_words(part.get_filename() or "", flags).strip()
    except Exception:
        flags.append(BAD_CHARSET)
        return ""


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
        return data.decode(charset)
    except (LookupError, UnicodeDecodeError):
        flags.append(BAD_CHARSET)
        # Most mail that lies about its charset is UTF-8 or Windows-1252; keep every byte.
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data.decode("cp1252", errors="replace")


TAG = re.compile(r"<[^>]+>")
BLOCK = re.compile(r"(?i)<\s*(br|/p|/div|/li|/tr|/h\d)\b[^>]*>")
INVISIBLE = re.compile(r"(?is)<(script|style|head)\b.*?</\1\s*>")


def html_to_text(html: str) -> str:
    """The readable text of an HTML part, for triage and for agents who read plain text."""
    import html as html_module

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
