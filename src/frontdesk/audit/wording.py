"""The trail's events as people read them: who, did what, to what, before → after, in the
reader's language. Codes are kept in the events; words are made here, when read."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from frontdesk.audit.models import AuditEvent
from frontdesk.audit.registry import object_links, value_words

VERBS: dict[str, Promise] = {
    "view_customer": gettext_lazy("viewed the customer"),
    "status": gettext_lazy("changed the status of"),
    "assign": gettext_lazy("changed who has"),
    "level": gettext_lazy("corrected the triage of"),
    "tags": gettext_lazy("changed the tags of"),
    "fields": gettext_lazy("changed the details of"),
    "merge": gettext_lazy("merged into"),
    "bulk": gettext_lazy("acted on several tickets at once"),
    "export": gettext_lazy("exported"),
    "erase": pgettext_lazy("audit action: someone erased a customer", "erased"),
    "role": gettext_lazy("changed the account of"),
}
SETTING_VERBS: dict[str, Promise] = {
    "create": gettext_lazy("added the setting"),
    "update": gettext_lazy("changed the setting"),
    "delete": gettext_lazy("deleted the setting"),
}


@dataclass(frozen=True)
class Row:
    """One line of an event's detail: what, before (blank: nothing to compare), after."""

    label: str
    before: str
    after: str


@dataclass(frozen=True)
class EventLine:
    """One event, ready to show."""

    id: int
    at: datetime
    who: str
    action: str
    what: str
    object: str
    link: str
    rows: tuple[Row, ...]
    address: str


def _yes_no(value: object) -> str:
    return _("yes") if value else _("no")


def _rows(event: AuditEvent) -> list[Row]:
    detail: dict[str, Any] = event.detail or {}
    action = event.action
    words = value_words
    if action in {"status", "tags"}:
        label = _("Status") if action == "status" else _("Tags")
        return [Row(label, words(action, detail.get("from")), words(action, detail.get("to")))]
    if action == "assign":
        nobody = _("nobody")
        return [Row(_("Assignee"), detail.get("from") or nobody, detail.get("to") or nobody)]
    if action == "level":
        rows = []
        if "level" in detail:
            level = detail["level"]
            rows.append(Row(_("Level"), str(level["from"]), str(level["to"])))
        if "quick_win" in detail:
            quick = detail["quick_win"]
            rows.append(Row(_("Quick win"), _yes_no(quick["from"]), _yes_no(quick["to"])))
        return rows
    if action == "fields" and "changes" in detail:
        return [
            Row(
                str(c.get("label") or c.get("key")),
                words("", c.get("from")),
                words("", c.get("to")),
            )
            for c in detail["changes"]
        ]
    if action in {"setting", "role"}:
        return [
            Row(name, *(words("", v) for v in ([*values, "", ""][:2])))
            if isinstance(values, list)
            else Row(name, "", str(values))
            for name, values in (detail.get("fields") or {}).items()
        ]
    return [
        Row(key, "", words("", value))
        for key, value in detail.items()
        if key != "bulk" or action == "bulk"
    ]


def _what(event: AuditEvent) -> str:
    if event.action == "setting":
        change = (event.detail or {}).get("change", "update")
        verb = SETTING_VERBS.get(change, SETTING_VERBS["update"])
        return f"{verb} {event.object_type}".strip()
    return str(VERBS.get(event.action, event.action))


def events_read(events: Iterable[AuditEvent]) -> list[EventLine]:
    """The events as people read them, each linking to its object while it exists."""
    events = list(events)
    wanted: dict[str, set[str]] = defaultdict(set)
    for event in events:
        if event.object_type and event.object_id:
            wanted[event.object_type].add(event.object_id)
    links = {kind: object_links(kind, ids) for kind, ids in wanted.items()}
    return [
        EventLine(
            id=event.pk,
            at=event.at,
            who=event.actor_label or _("the desk itself"),
            action=event.action,
            what=_what(event),
            object=event.object_label,
            link=links.get(event.object_type, {}).get(event.object_id, ""),
            rows=tuple(_rows(event)),
            address=event.remote_addr or "",
        )
        for event in events
    ]
