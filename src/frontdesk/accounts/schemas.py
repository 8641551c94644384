"""What the API takes and gives for teams and agents."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from ninja import Schema
from pydantic import EmailStr, Field

from frontdesk.core.schemas import InputSchema, RowId

RoleName = Literal["agent", "lead", "admin"]
LanguageName = Literal["en", "et", "he", "hu", "bs"]
AssignmentName = Literal["pull", "round_robin", "load"]


class AgentRefOut(Schema):
    id: int
    name: str


class TeamRefOut(Schema):
    id: int
    name: str


class TeamOut(Schema):
    id: int
    name: str
    email: str
    assignment: AssignmentName
    members: list[AgentRefOut]


class TeamIn(InputSchema):
    name: str = Field(min_length=1, max_length=100)
    email: EmailStr | Literal[""] = ""
    assignment: AssignmentName = "pull"
    member_ids: list[RowId] = []


class TeamPatchIn(InputSchema):
    name: str | None = Field(None, min_length=1, max_length=100)
    email: EmailStr | Literal[""] | None = None
    assignment: AssignmentName | None = None
    member_ids: list[RowId] | None = None


class TeamMembersIn(InputSchema):
    agent_ids: list[RowId] = Field(min_length=1)


class AgentOut(Schema):
    id: int
    username: str
    name: str
    email: str
    role: RoleName
    language: LanguageName
    teams: list[TeamRefOut]
    active: bool
    invited: bool = Field(description="Invited and has not set a password yet.")
    last_login: datetime | None
    released: list[str] = Field(
        [], description="After a deactivation: what of the agent's work was handed back."
    )


class AgentInviteIn(InputSchema):
    name: str = Field(min_length=1, max_length=150)
    email: EmailStr
    role: RoleName = "agent"
    language: LanguageName = "en"
    team_ids: list[RowId] = []


class AgentPatchIn(InputSchema):
    role: RoleName | None = None
    language: LanguageName | None = None
    active: bool | None = None
