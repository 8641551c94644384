"""Playbooks as decision graphs: reading stored data (old lists too), the checks that keep a
graph followable, the agent's way through, and the picture's layout."""

from __future__ import annotations

from typing import Any

import pytest

from frontdesk.engine.playbook import (
    Answer,
    Graph,
    GraphShapeError,
    Node,
    ProblemCode,
    graph_fill,
    graph_from_data,
    graph_layout,
    graph_outline,
    graph_problems,
    graph_steps,
    graph_to_data,
    graph_walk,
)

# Is a customer being served? yes -> finish -> tell; no -> tell. Are people waiting? ...
SERVED: dict[str, Any] = {
    "start": "serving",
    "nodes": [
        {
            "id": "serving",
            "question": "Is a customer being served?",
            "answers": [{"label": "Yes", "next": "finish"}, {"label": "No", "next": "tell"}],
        },
        {"id": "finish", "do": "Finish first.", "next": "tell"},
        {"id": "tell", "do": "Tell the queue.", "say": "Back at {end}.", "next": "quick"},
        {
            "id": "quick",
            "question": "A quick question?",
            "answers": [{"label": "Yes", "next": "answer"}, {"label": "No", "next": "hand"}],
        },
        {"id": "answer", "do": "Answer it.", "next": "hand"},
        {"id": "hand", "do": "Hand over.", "next": None},
    ],
}


def _with(node_id: str, **changes: object) -> dict[str, object]:
    nodes = [dict(n) | (changes if n["id"] == node_id else {}) for n in SERVED["nodes"]]
    return {"start": SERVED["start"], "nodes": nodes}


def test_a_plain_list_of_steps_reads_as_a_straight_line() -> None:
    graph = graph_from_data([{"do": "One", "say": "Hi"}, {"do": "Two"}, {"say": "Bye"}])

    assert graph.start == "1"
    assert [(n.id, n.do, n.say, n.next) for n in graph.nodes] == [
        ("1", "One", "Hi", "2"),
        ("2", "Two", "", "3"),
        ("3", "", "Bye", None),
    ]
    assert graph_problems(graph) == []


def test_a_stored_graph_comes_back_as_it_was_stored() -> None:
    graph = graph_from_data(SERVED)

    assert graph_problems(graph) == []
    assert graph_from_data(graph_to_data(graph)) == graph


@pytest.mark.parametrize(
    ("data", "code"),
    [
        ("steps", "not-a-graph"),
        ({"nodes": "x"}, "nodes-not-a-list"),
        ({"nodes": [3]}, "node-not-an-object"),
        ({"nodes": [{"id": "a", "do": 5}]}, "not-text"),
        ([{"do": "x"}, "y"], "step-not-an-object"),
    ],
)
def test_data_of_the_wrong_shape_is_refused_with_a_code(data: object, code: str) -> None:
    with pytest.raises(GraphShapeError) as refused:
        graph_from_data(data)
    assert refused.value.code == code


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"start": "a", "nodes": []}, [(ProblemCode.NO_NODES, None, "nodes", None, "")]),
        (
            {**SERVED, "start": "nowhere"},
            [(ProblemCode.START_MISSING, None, "start", None, "nowhere")],
        ),
        (_with("finish", do=""), [(ProblemCode.STEP_EMPTY, "finish", "do", None, "")]),
        (
            _with("finish", next="gone"),
            [(ProblemCode.TARGET_MISSING, "finish", "next", None, "gone")],
        ),
        (
            _with("quick", answers=[{"label": "Yes", "next": "answer"}]),
            [(ProblemCode.TOO_FEW_ANSWERS, "quick", "answers", None, "")],
        ),
        (
            _with("quick", question=""),
            [(ProblemCode.QUESTION_EMPTY, "quick", "question", None, "")],
        ),
        (
            _with(
                "quick",
                answers=[{"label": "Yes", "next": "answer"}, {"label": "yes", "next": "hand"}],
            ),
            [(ProblemCode.LABEL_TWICE, "quick", "label", 1, "")],
        ),
        (
            _with(
                "quick", answers=[{"label": "", "next": "answer"}, {"label": "No", "next": "hand"}]
            ),
            [(ProblemCode.LABEL_EMPTY, "quick", "label", 0, "")],
        ),
        (
            _with(
                "quick",
                answers=[{"label": "Yes", "next": "answer"}, {"label": "No", "next": "gone"}],
            ),
            [(ProblemCode.TARGET_MISSING, "quick", "next", 1, "gone")],
        ),
        (
            _with(
                "quick",
                answers=[{"label": "Yes", "next": "answer"}, {"label": "Maybe", "next": "answer"}],
            ),
            [(ProblemCode.TARGET_TWICE, "quick", "next", 1, "answer")],
        ),
        (_with("hand", next="tell"), [(ProblemCode.LOOP, "hand", "next", None, "tell")]),
        (
            _with("tell", next="hand"),
            [
                (ProblemCode.UNREACHABLE, "quick", "id", None, ""),
                (ProblemCode.UNREACHABLE, "answer", "id", None, ""),
            ],
        ),
        (
            {**SERVED, "nodes": [*SERVED["nodes"], {"id": "tell", "do": "Again"}]},
            [(ProblemCode.ID_TWICE, "tell", "id", None, "")],
        ),
        (_with("finish", do="x" * 1001), [(ProblemCode.TOO_LONG, "finish", "do", None, "")]),
        # An id goes into the agent's address as it is: no comma, no space, not too long.
        (
            {"start": "a b,c", "nodes": [{"id": "a b,c", "do": "Go"}]},
            [(ProblemCode.ID_BAD, "a b,c", "id", None, "")],
        ),
        (
            {"start": "x" * 41, "nodes": [{"id": "x" * 41, "do": "Go"}]},
            [(ProblemCode.ID_BAD, "x" * 41, "id", None, "")],
        ),
    ],
)
def test_every_problem_names_its_node_and_field(
    data: dict[str, object], expected: list[tuple[object, ...]]
) -> None:
    problems = graph_problems(graph_from_data(data))

    assert [(p.code, p.node, p.field, p.answer, p.target) for p in problems] == expected


@pytest.mark.parametrize(
    ("trail", "where", "answers"),
    [
        ([], ["serving"], [None]),
        (["serving", "tell"], ["serving", "tell"], ["No", None]),
        (
            ["serving", "finish", "tell", "quick", "hand"],
            ["serving", "finish", "tell", "quick", "hand"],
            ["Yes", None, None, "No", None],
        ),
        # A made-up jump stops where the way breaks off; a trail not from the start restarts.
        (["serving", "hand"], ["serving"], [None]),
        (["tell", "quick"], ["serving"], [None]),
    ],
)
def test_the_agent_walks_from_the_start_along_the_answers_given(
    trail: list[str], where: list[str], answers: list[str | None]
) -> None:
    way = graph_walk(graph_from_data(SERVED), trail)

    assert [passed.node.id for passed in way] == where
    assert [passed.answer.label if passed.answer else None for passed in way] == answers


def test_the_phrases_are_filled_and_the_outline_reads_depth_first() -> None:
    graph = graph_fill(graph_from_data(SERVED), {"end": "11:30"})

    assert graph.node("tell") == Node("tell", "Tell the queue.", "Back at 11:30.", next="quick")
    assert [n.id for n in graph_outline(graph)] == [
        "serving",
        "finish",
        "tell",
        "quick",
        "answer",
        "hand",
    ]
    assert graph_steps(graph)[0] == ("Is a customer being served?", "")


def test_the_layout_puts_each_node_below_those_that_lead_to_it_and_mirrors_for_rtl() -> None:
    graph = graph_from_data(SERVED)
    layout = graph_layout(graph)
    mirrored = graph_layout(graph, mirror=True)
    box = {b.node_id: b for b in layout.boxes}
    flipped = {b.node_id: b for b in mirrored.boxes}

    for node in graph.nodes:
        for target in node.targets():
            assert box[target].y > box[node.id].y + box[node.id].height
    for one in layout.boxes:
        for other in layout.boxes:
            apart = (
                one.x + one.width <= other.x
                or other.x + other.width <= one.x
                or one.y + one.height <= other.y
                or other.y + other.height <= one.y
            )
            assert one is other or apart
    assert box["finish"].x < box["serving"].x  # "Yes" on the left ...
    assert flipped["finish"].x > flipped["serving"].x  # ... and on the right, right to left
    assert all(b.x >= 0 and b.x + b.width <= layout.width for b in layout.boxes)
    assert [e.label for e in layout.edges if e.source == "serving"] == ["Yes", "No"]


def test_a_loop_still_draws_without_its_closing_edge() -> None:
    graph = Graph(
        "a",
        (
            Node("a", do="A", next="b"),
            Node("b", question="B?", answers=(Answer("x", "a"), Answer("y", "c"))),
            Node("c", do="C"),
        ),
    )

    layout = graph_layout(graph)

    assert [(e.source, e.target) for e in layout.edges] == [("a", "b"), ("b", "c")]
    assert layout.edges[0].path.startswith("M")


def test_a_long_answer_is_cut_on_its_arrow() -> None:
    graph = Graph(
        "a",
        (
            Node(
                "a",
                question="A?",
                answers=(Answer("Yes, and it is a long story " * 3, "b"), Answer("No", "b")),
            ),
            Node("b", do="B"),
        ),
    )

    labels = [edge.label for edge in graph_layout(graph).edges]

    assert labels == ["Yes, and it is a long…", "No"]
