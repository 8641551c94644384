"""A playbook's graph laid out as a picture: layers from top to bottom, boxes of wrapped text,
edges as curves with the answer that leads along them.

A small layered (Sugiyama-style) layout: each node's layer is its longest way from a root, an
edge that skips layers passes through a placeholder in each layer between, so it bends around
the boxes instead of through them; a few sweeps put each node near the middle of its
neighbours to cut crossings, and each node then goes as near above or below its neighbours as
the boxes beside it allow. Boxes are a fixed width, text is wrapped by characters (the SVG is
drawn at a known font size), and `mirror` lays it out right to left for Hebrew.
"""

from __future__ import annotations

import itertools
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from frontdesk.engine.playbook.graph import Graph, Node, graph_outline, links_depth_first

BOX_WIDTH = 220
LINE_HEIGHT = 17
PADDING = 10
COLUMN_GAP = 36
LAYER_GAP = 56
MARGIN = 12
# At a 13-pixel font, about this many characters fill a line of the box.
LINE_CHARACTERS = 30
# An answer on its arrow: longer ones are cut (the steps as text have them whole).
LABEL_CHARACTERS = 22
MAIN_LINES_MAX = 6
SAY_LINES_MAX = 3
SWEEPS = 4


@dataclass(frozen=True)
class Line:
    """A line of a box's text, centred on `x` with its baseline at `y`: `kind` is "number",
    "main" (what to do, or the question) or "say" (the phrase, shortened)."""

    text: str
    kind: str
    x: float = 0
    y: float = 0


@dataclass(frozen=True)
class Box:
    """A node's box: top-left corner, size, its number in reading order and its lines."""

    node_id: str
    number: int
    x: float
    y: float
    width: float
    height: float
    question: bool
    end: bool
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Edge:
    """An edge from one box's bottom to another's top, through `points`; `label` is the answer
    that leads along it (empty after a step), drawn at `label_at`."""

    source: str
    target: str
    points: tuple[tuple[float, float], ...]
    label: str
    label_at: tuple[float, float]

    @property
    def path(self) -> str:
        """The SVG path: vertical S-curves from point to point."""
        (x, y), *rest = self.points
        parts = [f"M{x:.1f} {y:.1f}"]
        for next_x, next_y in rest:
            middle = (y + next_y) / 2
            parts.append(
                f"C{x:.1f} {middle:.1f} {next_x:.1f} {middle:.1f} {next_x:.1f} {next_y:.1f}"
            )
            x, y = next_x, next_y
        return " ".join(parts)


@dataclass(frozen=True)
class Layout:
    """The picture's size, its boxes and its edges."""

    width: float
    height: float
    boxes: tuple[Box, ...]
    edges: tuple[Edge, ...]


def _wrapped(text: str, most: int) -> list[str]:
    lines = textwrap.wrap(text, LINE_CHARACTERS, break_long_words=True) or []
    if len(lines) > most:
        lines = [
            *lines[: most - 1],
            textwrap.shorten(" ".join(lines[most - 1 :]), 29, placeholder="…"),
        ]
    return lines


def _lines(node: Node, number: int) -> tuple[Line, ...]:
    main = node.question if node.is_question else node.do
    lines = [Line(str(number), "number")]
    if node.is_question and node.do:
        lines += [Line(text, "say") for text in _wrapped(node.do, SAY_LINES_MAX)]
    lines += [Line(text, "main") for text in _wrapped(main, MAIN_LINES_MAX)]
    if node.say:
        lines += [Line(text, "say") for text in _wrapped(f"“{node.say}”", SAY_LINES_MAX)]
    return tuple(lines)


def _acyclic_edges(order: Sequence[Node]) -> list[tuple[str, str, str]]:
    """Every edge (source, target, label), leaving out any that would close a loop (a saved
    graph has none; a picture of one being edited must still come out)."""
    by_id = {node.id: node for node in order}
    return [
        (
            link.node.id,
            link.target,
            link.node.answers[link.index].label if link.node.is_question else "",
        )
        for link in links_depth_first(order, by_id)
        if not link.closes_loop
    ]


def _layers(order: Sequence[Node], edges: Sequence[tuple[str, str, str]]) -> dict[str, int]:
    """Each node's longest way from a root (in reading order, so a parent always comes first
    among reachable nodes; the loop-free edges make the relaxation settle)."""
    layer = {node.id: 0 for node in order}
    changed = True
    while changed:
        changed = False
        for source, target, _label in edges:
            if layer[target] < layer[source] + 1:
                layer[target] = layer[source] + 1
                changed = True
    return layer


def _centre(others: Sequence[str], place: dict[str, int], key: str) -> float:
    """The mean place of a node's neighbours in their layer (its own place if it has none)."""
    return sum(place[o] for o in others) / len(others) if others else place[key]


def graph_layout(graph: Graph, *, mirror: bool = False) -> Layout:
    """The graph laid out top to bottom (right to left when `mirror`), ready to draw."""
    order = graph_outline(graph)
    if not order:
        return Layout(2 * MARGIN, 2 * MARGIN, (), ())
    numbers = {node.id: place + 1 for place, node in enumerate(order)}
    edges = _acyclic_edges(order)
    layer = _layers(order, edges)

    # Long edges pass through one placeholder per layer they skip.
    rows: list[list[str]] = [[] for _ in range(max(layer.values()) + 1)]
    for node in order:
        rows[layer[node.id]].append(node.id)
    chains: list[tuple[str, str, str, list[str]]] = []
    down: dict[str, list[str]] = {key: [] for key in numbers}
    for source, target, label in edges:
        chain = [source]
        for between in range(layer[source] + 1, layer[target]):
            placeholder = f"{source}>{target}@{between}"
            rows[between].append(placeholder)
            down[placeholder] = []
            chain.append(placeholder)
        chain.append(target)
        for upper, lower in itertools.pairwise(chain):
            down[upper].append(lower)
        chains.append((source, target, label, chain))
    up: dict[str, list[str]] = {key: [] for key in down}
    for upper, lowers in down.items():
        for lower in lowers:
            up[lower].append(upper)

    # Order each layer by the mean place of the neighbours above, then below, a few times.
    for sweep in range(SWEEPS):
        neighbours = up if sweep % 2 == 0 else down
        indexes = range(1, len(rows)) if sweep % 2 == 0 else range(len(rows) - 2, -1, -1)
        for index in indexes:
            place = {key: i for row in rows for i, key in enumerate(row)}
            rows[index].sort(key=lambda key: (_centre(neighbours[key], place, key), place[key]))

    # Sizes: boxes by their lines, placeholders a thin column.
    lines = {node.id: _lines(node, numbers[node.id]) for node in order}
    height = {key: len(text) * LINE_HEIGHT + 2 * PADDING for key, text in lines.items()}
    width = {key: (BOX_WIDTH if key in numbers else 12.0) for key in down}

    # Across: each layer from the top, each node near the mean centre of those above it,
    # then pushed apart left to right and the layer shifted back to its wished middle.
    centre_x: dict[str, float] = {}
    for index, row in enumerate(rows):
        wished = []
        for key in row:
            above = [centre_x[o] for o in up[key] if o in centre_x]
            wished.append(sum(above) / len(above) if above and index else 0.0)
        placed: list[float] = []
        for position, key in enumerate(row):
            x = wished[position]
            if placed:
                gap = (width[row[position - 1]] + width[key]) / 2 + COLUMN_GAP
                x = max(x, placed[-1] + gap)
            placed.append(x)
        shift = sum(w - p for w, p in zip(wished, placed, strict=True)) / len(row)
        for key, x in zip(row, placed, strict=True):
            centre_x[key] = x + shift
    left = min(centre_x[key] - width[key] / 2 for key in centre_x)
    right = max(centre_x[key] + width[key] / 2 for key in centre_x)
    total_width = right - left + 2 * MARGIN

    def x_of(key: str) -> float:
        x = centre_x[key] - left + MARGIN
        return total_width - x if mirror else x

    tops: list[float] = []
    y = float(MARGIN)
    for row in rows:
        tops.append(y)
        y += max((height[key] for key in row if key in numbers), default=0) + LAYER_GAP
    total_height = y - LAYER_GAP + MARGIN
    row_height = [max((height[k] for k in row if k in numbers), default=0) for row in rows]

    boxes = tuple(
        Box(
            node_id=node.id,
            number=numbers[node.id],
            x=x_of(node.id) - BOX_WIDTH / 2,
            y=tops[layer[node.id]],
            width=BOX_WIDTH,
            height=height[node.id],
            question=node.is_question,
            end=node.is_end,
            lines=tuple(
                Line(
                    line.text,
                    line.kind,
                    x_of(node.id),
                    tops[layer[node.id]] + PADDING + (i + 1) * LINE_HEIGHT - 4,
                )
                for i, line in enumerate(lines[node.id])
            ),
        )
        for node in order
    )
    drawn = []
    for source, target, label, chain in chains:
        points = [(x_of(source), tops[layer[source]] + height[source])]
        for key in chain[1:-1]:
            between = int(key.rsplit("@", 1)[1])
            points.append((x_of(key), tops[between]))
            points.append((x_of(key), tops[between] + row_height[between]))
        points.append((x_of(target), tops[layer[target]]))
        (x0, y0), (x1, _) = points[0], points[1]
        drawn.append(
            Edge(
                source=source,
                target=target,
                points=tuple(points),
                label=textwrap.shorten(label, LABEL_CHARACTERS, placeholder="…"),
                label_at=((x0 + x1) / 2, y0 + LAYER_GAP / 2 + 4),
            )
        )
    return Layout(total_width, total_height, boxes, tuple(drawn))
