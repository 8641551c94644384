"""What the API takes and gives for business hours and service levels."""

from __future__ import annotations

from typing import Annotated

from ninja import Schema
from pydantic import Field

from frontdesk.core.schemas import InputSchema

# "09:00", "17:30": a time of day on the hours' own clock.
TimeOfDay = Annotated[str, Field(pattern=r"^\d{2}:\d{2}$", examples=["09:00"])]
Windows = dict[
    Annotated[str, Field(pattern=r"^[0-6]$")],
    list[Annotated[list[TimeOfDay], Field(min_length=2, max_length=2)]],
]
WINDOWS_HELP = 'Weekday (0 = Monday) → opening windows, e.g. {"0": [["09:00", "17:00"]]}.'


class BusinessHoursOut(Schema):
    team_id: int | None = Field(description="None: the desk's own hours.")
    own: bool = Field(description="False: a team without hours of its own keeps the desk's.")
    time_zone: str
    windows: Windows = Field(description=WINDOWS_HELP)
    holiday_country: str
    holiday_subdivision: str


class BusinessHoursIn(InputSchema):
    time_zone: str = Field(min_length=1, max_length=64, examples=["Europe/Tallinn"])
    windows: Windows = Field(description=WINDOWS_HELP)
    holiday_country: str = Field("", max_length=2, examples=["EE"])
    holiday_subdivision: str = Field("", max_length=10)


class SlaTargetOut(Schema):
    level: int
    first_response_minutes: int
    resolution_minutes: int


class SlaTargetIn(InputSchema):
    level: int = Field(ge=1, le=4)
    first_response_minutes: int = Field(ge=1, le=1_000_000)
    resolution_minutes: int = Field(ge=1, le=1_000_000)


class SlaTargetsIn(InputSchema):
    targets: list[SlaTargetIn] = Field(min_length=1, max_length=4)
