"""Reading a whole message: its parts, attachments and charsets, and whether a machine sent it."""

from __future__ import annotations

import email.policy
from dataclasses import dataclass, field
from email.message import EmailMessage, Message
from email.parser import BytesParser

from frontdesk.engine.mail.addresses import recipients_of, sender_of
from frontdesk.engine.mail.flags import (
    BAD_CHARSET,
    BROKEN_MIME,
    EMPTY_ATTACHMENT,
    NO_MESSAGE_ID,
    NO_TEXT,
    TOO_DEEP,
)
from frontdesk.engine.mail.headers import (
    clean,
    decode_words,
    header_decoded,
    message_ids,
    raw_header,
)
from frontdesk.engine.mail.text import html_to_text, reply_text

# Charsets mail programs name that Python knows by another name.
CHARSET_ALIASES = {"windows-1255": "cp1255", "windows-1257": "cp1257", "iso-8859-8-i": "iso-8859-8"}


# Parts nested deeper than this are left in the raw message: no mail program nests a tenth as
# deep, and reading on would exhaust the stack (the parser and walk() recurse per level).
MAX_PART_DEPTH = 50


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
    subject = header_decoded(message, "Subject", flags)
    sender = sender_of(message, flags)
    message_id = message_ids(raw_header(message, "Message-ID", flags))
    if not message_id:
        flags.append(NO_MESSAGE_ID)
    text_part, html_part, attachments = _parts(message, flags)
    html = html_part
    full_text = text_part or (html_to_text(html_part) if html_part else "")
    if not full_text.strip() and not attachments:
        flags.append(NO_TEXT)
    headers = {
        name: header_decoded(message, name, flags)
        for name in KEPT_HEADERS
        if raw_header(message, name, flags)
    }
    if "From" in headers:
        headers["From"] = sender.shown
    return ParsedMail(
        subject=subject,
        sender_name=sender.name,
        sender_email=sender.address,
        to=tuple(recipients_of(raw_header(message, "To", flags))),
        message_id=message_id[0] if message_id else "",
        in_reply_to=tuple(message_ids(raw_header(message, "In-Reply-To", flags))),
        references=tuple(message_ids(raw_header(message, "References", flags))),
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

    def attach(self, payload: Message | str) -> None:
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
                    content_type=clean(content_type, flags),
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
    return clean(decode_words(name, flags), flags).strip()


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
    return clean(text, flags)


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
