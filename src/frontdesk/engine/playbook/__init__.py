"""Playbooks as small decision graphs: the graph, its checks and the agent's way through
(`graph.py`), and its picture's layout (`layout.py`)."""

from __future__ import annotations

from frontdesk.engine.playbook.graph import (
    Answer,
    Graph,
    GraphShapeError,
    Node,
    Passed,
    Problem,
    ProblemCode,
    graph_fill,
    graph_from_data,
    graph_from_steps,
    graph_outline,
    graph_problems,
    graph_steps,
    graph_to_data,
    graph_walk,
)
from frontdesk.engine.playbook.layout import Box, Edge, Layout, Line, graph_layout

__all__ = [
    "Answer",
    "Box",
    "Edge",
    "Graph",
    "GraphShapeError",
    "Layout",
    "Line",
    "Node",
    "Passed",
    "Problem",
    "ProblemCode",
    "graph_fill",
    "graph_from_data",
    "graph_from_steps",
    "graph_layout",
    "graph_outline",
    "graph_problems",
    "graph_steps",
    "graph_to_data",
    "graph_walk",
]
