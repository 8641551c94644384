from collections.abc import Callable
from datetime import datetime
from typing import Any, Literal

from django.db import DatabaseError
from ninja import Field, Schema
from pydantic import StrictBool, StrictFloat, StrictInt, StrictStr

from frontdesk.core.schemas import InputSchema
from frontdesk.customers.choices import FieldTarget
from frontdesk.customers.field_selectors import field_definitions
from frontdesk.customers.models import Customer, Interaction

# A custom field's value: text (a choice, a date as YYYY-MM-DD) or a number; null clears it.
CustomValue = StrictStr | StrictInt | StrictFloat | None
CUSTOM_VALUE_SCHEMA = {"anyOf": [{"type": "string"}, {"type": "number"}, {"type": "null"}]}


def custom_described(target: str, *, sending: bool) -> Callable[[dict[str, Any]], None]:
    """The OpenAPI description of a `custom` object: its value types and the desk's keys, read
    when the document is made, so it lists the fields the lead has defined by then."""

    def describe(schema: dict[str, Any]) -> None:
        try:
            keys = ", ".join(
                f"`{d.key}` ({d.kind}{': ' + ' | '.join(d.choices) if d.choices else ''})"
                for d in field_definitions(target=target)
            )
        except DatabaseError:
            keys = ""
        how = (
            "Custom fields to change, by key; the others stay as they are, null clears one."
            if sending
            else "The custom fields that are set, by key."
        )
        schema["description"] = (
            f"{how} A number is a JSON number, a date text as YYYY-MM-DD, a choice one of its"
            f" choices. This desk's fields: {keys or 'none yet'}."
        )
        for option in schema.get("anyOf", [schema]):
            if option.get("type") == "object":
                option["additionalProperties"] = CUSTOM_VALUE_SCHEMA

    return describe


class IdentityOut(Schema):
    kind: str
    value: str = Field(..., alias="display")
    is_primary: bool


class CustomerOut(Schema):
    id: int
    name: str
    organisation: str
    preferred_language: str
    is_key: bool
    first_seen: datetime
    identities: list[IdentityOut]
    tags: list[str]
    notes: str
    custom: dict[str, CustomValue] = Field(
        ..., json_schema_extra=custom_described(FieldTarget.CUSTOMER, sending=False)
    )

    @staticmethod
    def resolve_tags(customer: Customer) -> list[str]:
        return [tag.name for tag in customer.tags.all()]


class CustomerUpdateIn(InputSchema):
    custom: dict[str, CustomValue] | None = Field(
        None, json_schema_extra=custom_described(FieldTarget.CUSTOMER, sending=True)
    )


class CustomerFilterIn(InputSchema):
    q: str = Field("", description="name, organisation, e-mail or phone fragment")
    key: bool | None = Field(None, description="only key customers")


class InteractionOut(Schema):
    id: int
    kind: str
    direction: str
    occurred_at: datetime
    summary: str
    agent: str | None
    ticket_id: int | None

    @staticmethod
    def resolve_agent(entry: Interaction) -> str | None:
        agent = entry.agent
        return agent.username if agent else None


TargetName = Literal["ticket", "customer"]
KindName = Literal["text", "number", "choice", "date"]


class FieldDefinitionOut(Schema):
    id: int
    target: TargetName
    key: str
    label: str
    labels: dict[str, str] = Field(..., description="the label in other languages, by code")
    kind: KindName
    choices: list[str]
    required: bool
    position: int
    active: bool


class FieldDefinitionIn(InputSchema):
    target: TargetName
    key: str = Field(
        ...,
        max_length=40,
        description="a small letter, then small letters, digits, - or _; never changes",
    )
    label: str = Field(..., max_length=100)
    labels: dict[str, str] = Field(
        default_factory=dict, description="the label in other languages: et, he, hu, bs"
    )
    kind: KindName
    choices: list[str] = Field(default_factory=list, description="for a choice field")
    required: StrictBool = False
    position: int = Field(0, ge=0, le=999)
    active: StrictBool = True


class FieldDefinitionUpdateIn(InputSchema):
    label: str | None = Field(None, max_length=100)
    labels: dict[str, str] | None = None
    kind: KindName | None = None
    choices: list[str] | None = None
    required: StrictBool | None = None
    position: int | None = Field(None, ge=0, le=999)
    active: StrictBool | None = Field(None, description="false hides the field, keeping values")
    confirm: StrictBool = Field(
        False,
        description="go ahead with a change of kind or choices that converts or drops values"
        " tickets or customers hold (without it such a change answers 400 saying how many)",
    )


class FieldFilterIn(InputSchema):
    target: Literal["", "ticket", "customer"] = ""
