from datetime import datetime

from ninja import Field, Schema

from frontdesk.core.schemas import InputSchema
from frontdesk.customers.models import Customer, Interaction


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

    @staticmethod
    def resolve_tags(customer: Customer) -> list[str]:
        return [tag.name for tag in customer.tags.all()]


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
