"""Schedule settings over the API: break rules and playbooks."""

from __future__ import annotations

from datetime import datetime

from ninja import Field, Schema

from frontdesk.core.schemas import InputSchema
from frontdesk.engine.playbook import graph_steps, graph_to_data
from frontdesk.schedules.constants import BREAK_LENGTH_MAX, DAY_MINUTES
from frontdesk.schedules.models import Playbook
from frontdesk.schedules.selectors.playbooks import playbook_graph


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
    """A step of a playbook as a plain list had it: what to do, what to say."""

    do: str = Field("", max_length=1000)
    say: str = Field("", max_length=1000)


class PlaybookAnswer(Schema):
    """An answer to a question and the id of the node it leads to."""

    label: str = Field(..., max_length=100, examples=["Yes"])
    next: str = Field(..., max_length=40, examples=["tell"])


class PlaybookNode(Schema):
    """A step (`do`, `say`, `next`: the node after it, null at an end) or a question
    (`question` and two to four `answers`; it may say what to do first)."""

    id: str = Field(
        ..., min_length=1, max_length=40, pattern=r"^[A-Za-z0-9_-]+$", examples=["serving"]
    )
    do: str = Field("", max_length=1000)
    say: str = Field("", max_length=1000)
    question: str = Field("", max_length=1000, examples=["Is a customer being served?"])
    answers: list[PlaybookAnswer] = Field(default_factory=list, max_length=4)
    next: str | None = Field(None, max_length=40)


class PlaybookGraph(Schema):
    """A playbook's flowchart: the node it starts at and its nodes, with no loops."""

    start: str = Field(..., max_length=40, examples=["serving"])
    nodes: list[PlaybookNode] = Field(..., min_length=1, max_length=40)


class PlaybookPatchIn(InputSchema):
    """A playbook's new title, or its flowchart: `graph`, or `steps`, a plain list that becomes
    a straight line of steps (the older form; give one of the two)."""

    title: str | None = Field(None, min_length=1, max_length=200)
    graph: PlaybookGraph | None = None
    steps: list[PlaybookStep] | None = Field(None, min_length=1, max_length=40)


class PlaybookAnswerOut(Schema):
    label: str
    next: str


class PlaybookNodeOut(Schema):
    id: str
    do: str
    say: str
    question: str = ""
    answers: list[PlaybookAnswerOut] = []
    next: str | None = None


class PlaybookGraphOut(Schema):
    # Not the input's checks: a flowchart written past the service reads as an empty one
    # (playbook_graph), which the list must still answer rather than fail on.
    start: str
    nodes: list[PlaybookNodeOut]


class PlaybookOut(Schema):
    id: int
    moment: str
    language: str
    title: str
    graph: PlaybookGraphOut
    # The nodes in reading order as plain steps, for clients written before the flowcharts.
    steps: list[PlaybookStep]
    updated_at: datetime

    @staticmethod
    def resolve_graph(playbook: Playbook) -> dict[str, object]:
        return graph_to_data(playbook_graph(playbook=playbook))

    @staticmethod
    def resolve_steps(playbook: Playbook) -> list[dict[str, str]]:
        steps = graph_steps(playbook_graph(playbook=playbook))
        return [{"do": do, "say": say} for do, say in steps]
