"""Schedule settings over the API: break rules and playbooks."""

from __future__ import annotations

from datetime import datetime

from ninja import Field, Schema

from frontdesk.core.schemas import InputSchema
from frontdesk.schedules.constants import BREAK_LENGTH_MAX, DAY_MINUTES


class BreakRuleIn(InputSchema):
    """Every shift of at least `min_shift_minutes` (0: every shift) gets a break
    `length_minutes` long, starting `earliest_minutes` to `latest_minutes` into the shift."""

    name: str = Field(..., min_length=1, max_length=60, examples=["lunch"])
    length_minutes: int = Field(..., ge=1, le=BREAK_LENGTH_MAX, examples=[30])
    earliest_minutes: int = Field(..., ge=0, le=DAY_MINUTES, examples=[210])
    latest_minutes: int = Field(..., ge=0, le=DAY_MINUTES, examples=[270])
    min_shift_minutes: int = Field(0, ge=0, le=DAY_MINUTES, examples=[360])


class BreakRulePatchIn(InputSchema):
    """What to change in a break rule; fields left out stay as they are."""

    name: str | None = Field(None, min_length=1, max_length=60)
    length_minutes: int | None = Field(None, ge=1, le=BREAK_LENGTH_MAX)
    earliest_minutes: int | None = Field(None, ge=0, le=DAY_MINUTES)
    latest_minutes: int | None = Field(None, ge=0, le=DAY_MINUTES)
    min_shift_minutes: int | None = Field(None, ge=0, le=DAY_MINUTES)


class BreakRuleOut(Schema):
    id: int
    name: str
    length_minutes: int
    earliest_minutes: int
    latest_minutes: int
    min_shift_minutes: int


class PlaybookStep(Schema):
    do: str = Field("", max_length=1000)
    say: str = Field("", max_length=1000)


class PlaybookPatchIn(InputSchema):
    """A playbook's new title or steps (the steps replace the old ones, in order)."""

    title: str | None = Field(None, min_length=1, max_length=200)
    steps: list[PlaybookStep] | None = Field(None, min_length=1, max_length=30)


class PlaybookOut(Schema):
    id: int
    moment: str
    language: str
    title: str
    steps: list[PlaybookStep]
    updated_at: datetime
