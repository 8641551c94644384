"""The `frontdesk triage` contract: one JSON object in, one JSON object out, per line."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import datetime
from typing import Any

from frontdesk.engine.triage.types import Contact, CustomerContext, Triage

CHANNELS = frozenset({"email", "web", "phone", "visit", "chat"})


class ContactError(ValueError):
    """An input line cannot be read as a contact; the message says which field is wrong."""


def _text(data: Mapping[str, Any], name: str) -> str:
    value = data.get(name, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ContactError(f"'{name}' must be a string")
    return value


def _moment(value: object, name: str) -> datetime | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ContactError(f"'{name}' must be an ISO 8601 date and time")
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as error:
        raise ContactError(f"'{name}' is not an ISO 8601 date and time: {value!r}") from error
    if moment.tzinfo is None:
        raise ContactError(f"'{name}' needs a time zone (e.g. 2026-11-22T09:30:00+02:00)")
    return moment


def _count(value: object) -> int:
    if value in (None, ""):
        return 0
    if isinstance(value, list):
        return len(value)
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    raise ContactError("'attachments' must be a count or a list")


def contact_from_json(data: object) -> Contact:
    """A Contact from one decoded input object, or ContactError saying what is wrong."""
    if not isinstance(data, dict):
        raise ContactError("each line must be a JSON object")
    if data.get("id") in (None, ""):
        raise ContactError("'id' is missing")
    channel = _text(data, "channel") or "email"
    if channel not in CHANNELS:
        raise ContactError(f"'channel' must be one of {', '.join(sorted(CHANNELS))}")
    headers = data.get("headers") or {}
    if not isinstance(headers, dict):
        raise ContactError("'headers' must be an object")
    customer = data.get("customer") or {}
    if not isinstance(customer, dict):
        raise ContactError("'customer' must be an object")
    return Contact(
        id=str(data["id"]),
        channel=channel,
        subject=_text(data, "subject"),
        body=_text(data, "body"),
        received_at=_moment(data.get("received_at"), "received_at"),
        headers={str(k): str(v) for k, v in headers.items()},
        customer=CustomerContext(
            id=None if customer.get("id") is None else str(customer["id"]),
            is_key=bool(customer.get("is_key", False)),
            is_new=bool(customer.get("is_new", False)),
            first_seen=_moment(customer.get("first_seen"), "customer.first_seen"),
        ),
        attachments=_count(data.get("attachments")),
    )


def triage_to_json(contact_id: object, triage: Triage) -> dict[str, object]:
    """The output object for one contact."""
    return {
        "id": contact_id,
        "level": triage.level,
        "quick_win": triage.quick_win,
        "effort_minutes": triage.effort_minutes,
        "language": triage.language,
        "tone": triage.tone,
        "angry": triage.angry,
        "red_flags": list(triage.red_flags),
        "reasons": triage.reason_texts(),
    }


def triage_lines(
    lines: Iterable[str], decide: Callable[[Contact], Triage]
) -> Iterator[tuple[str, bool]]:
    """Each input line's output line, and whether it succeeded; a bad line never stops the rest."""
    for line in lines:
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            yield json.dumps({"id": None, "error": f"not valid JSON: {error.msg}"}), False
            continue
        try:
            contact = contact_from_json(data)
        except ContactError as error:
            known = data.get("id") if isinstance(data, dict) else None
            known = known if isinstance(known, str | int) and known != "" else None
            yield json.dumps({"id": known, "error": str(error)}, ensure_ascii=False), False
            continue
        # Echo the id exactly as given (a number stays a number) so callers can join on it.
        yield json.dumps(triage_to_json(data["id"], decide(contact)), ensure_ascii=False), True
