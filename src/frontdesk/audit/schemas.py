"""The audit trail over the API."""

from datetime import datetime
from typing import Any

from ninja import Field, Schema

from frontdesk.audit.models import AuditEvent
from frontdesk.core.schemas import InputSchema, Moment

ACTION_PATTERN = r"^[a-z0-9_]{0,40}$"


class AuditFilterIn(InputSchema):
    actor: str = Field("", description="an agent's username", max_length=150)
    action: str = Field(
        "",
        description=(
            "an action's code: `view_customer`, `status`, `assign`, `level`, `tags`, `fields`, "
            "`merge`, `bulk`, `export`, `erase`, `setting`, `role`, …"
        ),
        pattern=ACTION_PATTERN,
    )
    since: Moment | None = Field(None, description="events at or after this moment")
    before: Moment | None = Field(None, description="events before this moment")


class AuditObjectOut(Schema):
    """What the event was done to: its kind, its id, and its name when it happened."""

    type: str
    id: str
    label: str


class AuditEventOut(Schema):
    """One event of the trail: when, who (null: the desk itself), what, to what, and the
    detail (before → after, a bulk action's id, …)."""

    at: datetime
    actor: str | None
    action: str
    object: AuditObjectOut | None
    detail: dict[str, Any]
    address: str | None

    @staticmethod
    def resolve_actor(event: AuditEvent) -> str | None:
        return event.actor_label or None

    @staticmethod
    def resolve_object(event: AuditEvent) -> dict[str, str] | None:
        if not event.object_type:
            return None
        return {"type": event.object_type, "id": event.object_id, "label": event.object_label}

    @staticmethod
    def resolve_address(event: AuditEvent) -> str | None:
        return event.remote_addr
