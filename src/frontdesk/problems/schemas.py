"""Problems over the API: each problem with its tickets and counts."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from ninja import Field, Schema

from frontdesk.core.schemas import InputSchema
from frontdesk.problems.models import Problem


class ProblemFilterIn(InputSchema):
    """Narrow the list to open or solved problems."""

    status: Literal["", "open", "solved"] = ""


class ProblemTicketOut(Schema):
    """One ticket of a problem, and how it joined: detected, on arrival or by hand."""

    id: int = Field(..., alias="ticket.id")
    reference: str = Field(..., alias="ticket.reference")
    status: str = Field(..., alias="ticket.status")
    language: str = Field(..., alias="ticket.language")
    customer_id: int = Field(..., alias="ticket.customer_id")
    how: Literal["detected", "arrival", "hand"]
    linked_at: datetime


class ProblemOut(Schema):
    """A problem: what it is, where it stands, its counts and its tickets, oldest linked first."""

    id: int
    title: str
    summary: str
    status: Literal["open", "solved"]
    terms: list[str]
    posted: bool = Field(..., description="whether it is on the public status page")
    public_texts: dict[str, str]
    created_at: datetime
    solved_at: datetime | None
    ticket_count: int
    open_count: int
    customer_count: int
    tickets: list[ProblemTicketOut]

    @staticmethod
    def resolve_tickets(problem: Problem) -> list[object]:
        return list(problem.links.all())
