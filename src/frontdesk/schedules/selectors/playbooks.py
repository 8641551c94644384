"""Reads for schedules' playbooks: the awkward moments an agent is in and what to do in them."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta

from django.db.models import QuerySet

from frontdesk.accounts.choices import Presence
from frontdesk.accounts.models import User
from frontdesk.accounts.selectors import presence_of
from frontdesk.core.clock import desk_today, time_text
from frontdesk.core.errors import NotFound
from frontdesk.engine.playbook import (
    Graph,
    GraphShapeError,
    Layout,
    Node,
    Passed,
    graph_fill,
    graph_from_data,
    graph_layout,
    graph_outline,
    graph_walk,
)
from frontdesk.schedules.choices import BreakKind, PlaybookMoment
from frontdesk.schedules.models import Break, Playbook
from frontdesk.schedules.registry import live_queue
from frontdesk.schedules.selectors.shifts import break_next_for, within_warning

logger = logging.getLogger(__name__)
# A warning given less than this long before the break did not give anyone time to prepare.
LATE_WARNING = timedelta(minutes=5)


def moments_for(*, agent: User, now: datetime, upcoming: Break | None = None) -> list[str]:
    """The awkward moments the agent is in, for which a playbook opens in one click
    (`upcoming`: the agent's next break, when the caller has read it already)."""
    upcoming = upcoming or break_next_for(agent=agent, now=now)
    if upcoming is None or upcoming.kind == BreakKind.UNPLANNED:
        return []
    if not within_warning(upcoming.start, now):
        return []
    moments: list[str] = []
    if live_queue().anyone_waiting(day=desk_today(now)):
        moments += [PlaybookMoment.PEOPLE_WAITING, PlaybookMoment.ANGRY_LAST]
    if upcoming.warned_at is None or upcoming.start - upcoming.warned_at < LATE_WARNING:
        moments.append(PlaybookMoment.NOT_WARNED)
    if presence_of(agent=agent).state == Presence.CALL:
        moments.append(PlaybookMoment.DURING_CALL)
    return moments


def playbook_for(*, moment: str, language: str) -> Playbook | None:
    """The playbook for a moment in a language, else in English."""
    rows = {p.language: p for p in Playbook.objects.filter(moment=moment)}
    return rows.get(language) or rows.get("en")


def playbook_graph(*, playbook: Playbook) -> Graph:
    """The playbook's flowchart (a list stored before flowcharts reads as a straight line; data
    of another shape, written past the service, reads as an empty flowchart and is logged)."""
    try:
        return graph_from_data(playbook.graph)
    except GraphShapeError as error:
        logger.warning("playbook %s holds no flowchart: %s (%s)", playbook.pk, error, error.code)
        return Graph(start="", nodes=())


def playbook_numbers(*, playbook: Playbook, graph: Graph | None = None) -> dict[str, int]:
    """Each node's number as the lead sees it: the saved flowchart's reading order, then the
    nodes `graph` (an edited version) adds, in its reading order."""
    numbers = {
        node.id: place + 1
        for place, node in enumerate(graph_outline(playbook_graph(playbook=playbook)))
    }
    for node in graph_outline(graph) if graph is not None else ():
        numbers.setdefault(node.id, len(numbers) + 1)
    return numbers


def playbook_filled(*, playbook: Playbook, upcoming: Break | None) -> Graph:
    """The flowchart with {time} and {end} filled in from the agent's break, on the desk's
    clock ("…" when they have none)."""
    start = time_text(upcoming.start) if upcoming else "…"
    end = time_text(upcoming.end) if upcoming else "…"
    return graph_fill(playbook_graph(playbook=playbook), {"time": start, "end": end})


def playbook_walk(
    *, playbook: Playbook, upcoming: Break | None, trail: Sequence[str]
) -> tuple[Passed, ...]:
    """The agent's way through the playbook so far (`trail`: node ids from the start), with
    their break's times in the phrases."""
    return graph_walk(playbook_filled(playbook=playbook, upcoming=upcoming), trail)


def playbook_picture(*, playbook: Playbook, graph: Graph) -> Layout:
    """The playbook's flowchart `graph` laid out for its picture, right to left for a
    right-to-left language."""
    return graph_layout(graph, mirror=playbook.right_to_left)


OutlineRow = tuple[int, Node, list[tuple[str, int | None]]]


def playbook_outline(*, graph: Graph, numbers: Mapping[str, int]) -> list[OutlineRow]:
    """The flowchart as text: each node in reading order with its number, and where it leads,
    as (the answer's words, or "" after a step; the number of the node, None at an end)."""
    rows: list[OutlineRow] = []
    for node in graph_outline(graph):
        if node.is_question:
            links = [(answer.label, numbers.get(answer.next)) for answer in node.answers]
        else:
            links = [("", numbers.get(node.next or ""))]
        rows.append((numbers[node.id], node, links))
    return rows


def playbooks_all() -> QuerySet[Playbook]:
    """Every playbook, by moment and language."""
    return Playbook.objects.all()


def playbook_exists(*, moment: str, language: str) -> bool:
    """Whether the moment has a playbook in this language."""
    return Playbook.objects.filter(moment=moment, language=language).exists()


def access_playbook_by_id(*, playbook_id: int) -> Playbook:
    """The playbook with this id, or NotFound."""
    playbook = Playbook.objects.filter(pk=playbook_id).first()
    if playbook is None:
        raise NotFound("Playbook not found.")
    return playbook
