"""Normalise the e-mail addresses and phone numbers that identify a customer."""

from __future__ import annotations

import re
from dataclasses import dataclass

_PHONE_NOISE = re.compile(r"[\s\-().\u00a0/]")
_EMAIL_SHAPE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class IdentityError(ValueError):
    """A value cannot identify a customer; the message says why."""


@dataclass(frozen=True)
class Identity:
    """One way to reach a customer, in the form used for matching."""

    kind: str
    value: str


def normalise_email(raw: str) -> Identity:
    """An e-mail address with its domain lower-cased; the local part is kept as written."""
    text = raw.strip()
    if not _EMAIL_SHAPE.match(text):
        raise IdentityError(f"{raw!r} is not an e-mail address")
    local, _at, domain = text.rpartition("@")
    # The local part is case-sensitive by RFC 5321, but no real mailbox relies on it;
    # matching it case-insensitively keeps one customer from becoming two.
    return Identity("email", f"{local.lower()}@{domain.lower()}")


def normalise_phone(raw: str) -> Identity:
    """A phone number as + and digits (00 prefix becomes +), for matching callers."""
    text = _PHONE_NOISE.sub("", raw.strip())
    if text.startswith("00"):
        text = "+" + text[2:]
    digits = text[1:] if text.startswith("+") else text
    if not digits.isdigit() or not 5 <= len(digits) <= 15:
        raise IdentityError(f"{raw!r} is not a phone number")
    return Identity("phone", text)
