"""A playbook as a small decision graph: steps that say what to do and say, and questions whose
answers lead on.

A node is a step (`do`, `say`, then `next`: another node, or None for the end) or a question
(`question`, with two to four `answers`, each leading to a node; a question may say what to do
first). Loops are refused: a playbook is followed from its start to an end in a handful of
clicks, and going back is the agent's Back button, not an edge. So every saved graph has one
start, every target exists, every node is reachable, and every path ends.

A plain list of steps, the playbooks' first form, reads as a straight line of steps, so old
data and old API clients keep working.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from frontdesk.engine.errors import EngineError

TEXT_MAX = 1000
LABEL_MAX = 100
NODES_MAX = 40
ANSWERS_MIN = 2
ANSWERS_MAX = 4
# A node's id goes into the agent's address (`at=serving,tell`) and the API's graph as it is:
# a few letters, digits, - and _, never a comma, a space or a sign that would need escaping.
ID_MAX = 40
ID_SHAPE = re.compile(rf"[A-Za-z0-9_-]{{1,{ID_MAX}}}")


@dataclass(frozen=True)
class Answer:
    """One answer to a question, and the node it leads to."""

    label: str
    next: str


@dataclass(frozen=True)
class Node:
    """A step (`next`: the node after it, None at an end) or a question (`answers`)."""

    id: str
    do: str = ""
    say: str = ""
    question: str = ""
    answers: tuple[Answer, ...] = ()
    next: str | None = None

    @property
    def is_question(self) -> bool:
        """Whether the node asks something and branches on the answer."""
        return bool(self.question or self.answers)

    @property
    def is_end(self) -> bool:
        """Whether the playbook ends after this node."""
        return not self.is_question and self.next is None

    def targets(self) -> tuple[str, ...]:
        """The ids this node leads to, in the order the agent is offered them."""
        if self.is_question:
            return tuple(answer.next for answer in self.answers)
        return () if self.next is None else (self.next,)


@dataclass(frozen=True)
class Graph:
    """The nodes of a playbook and the one it starts at."""

    start: str
    nodes: tuple[Node, ...]

    def node(self, node_id: str) -> Node | None:
        """The node with this id, if there is one."""
        return next((node for node in self.nodes if node.id == node_id), None)


class ProblemCode(StrEnum):
    """Why a graph cannot be saved; the app words each for the lead, per node and field."""

    NO_NODES = "no-nodes"
    TOO_MANY_NODES = "too-many-nodes"
    ID_TWICE = "id-twice"
    ID_BAD = "id-bad"
    START_MISSING = "start-missing"
    STEP_EMPTY = "step-empty"
    QUESTION_EMPTY = "question-empty"
    TOO_FEW_ANSWERS = "too-few-answers"
    TOO_MANY_ANSWERS = "too-many-answers"
    LABEL_EMPTY = "label-empty"
    LABEL_TWICE = "label-twice"
    TARGET_TWICE = "target-twice"
    TOO_LONG = "too-long"
    TARGET_MISSING = "target-missing"
    LOOP = "loop"
    UNREACHABLE = "unreachable"


@dataclass(frozen=True)
class Problem:
    """What is wrong and where: the node (None: the graph), its field (`start`, `do`, `say`,
    `question`, `next`, `answers`, `label`), the answer's place for `label` and `next` of an
    answer, and the target an edge names."""

    code: ProblemCode
    node: str | None = None
    field: str = ""
    answer: int | None = None
    target: str = ""


class GraphShapeError(EngineError):
    """Data that is neither a list of steps nor a graph of nodes."""


def _text(value: object, where: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise GraphShapeError("not-text", f"{where} is not text.")
    return value.strip()


def _target(value: object, where: str) -> str | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise GraphShapeError("not-an-id", f"{where} is not a node's id.")
    return str(value)


def _node(data: object, place: int) -> Node:
    if not isinstance(data, Mapping):
        raise GraphShapeError("node-not-an-object", f"Node {place + 1} is not an object.")
    node_id = _target(data.get("id"), f"Node {place + 1}'s id")
    raw_answers = data.get("answers") or []
    if not isinstance(raw_answers, Sequence) or isinstance(raw_answers, str):
        raise GraphShapeError("answers-not-a-list", f"Node {place + 1}'s answers are no list.")
    answers = []
    for index, answer in enumerate(raw_answers):
        if not isinstance(answer, Mapping):
            raise GraphShapeError(
                "answer-not-an-object", f"Answer {index + 1} of node {place + 1} is no object."
            )
        where = f"Answer {index + 1} of node {place + 1}"
        answers.append(
            Answer(
                label=_text(answer.get("label"), where),
                next=_target(answer.get("next"), where) or "",
            )
        )
    question = _text(data.get("question"), f"Node {place + 1}'s question")
    return Node(
        id=node_id or str(place + 1),
        do=_text(data.get("do"), f"Node {place + 1}'s do"),
        say=_text(data.get("say"), f"Node {place + 1}'s say"),
        question=question,
        answers=tuple(answers),
        next=None if (question or answers) else _target(data.get("next"), f"Node {place + 1}"),
    )


def graph_from_steps(steps: Sequence[object]) -> Graph:
    """A plain list of steps ({do, say}) as a straight line: ids "1", "2", … in order."""
    nodes = []
    for place, step in enumerate(steps):
        if not isinstance(step, Mapping):
            raise GraphShapeError("step-not-an-object", f"Step {place + 1} is not an object.")
        nodes.append(
            Node(
                id=str(place + 1),
                do=_text(step.get("do"), f"Step {place + 1}'s do"),
                say=_text(step.get("say"), f"Step {place + 1}'s say"),
                next=str(place + 2) if place + 1 < len(steps) else None,
            )
        )
    return Graph(start="1", nodes=tuple(nodes))


def graph_from_data(data: object) -> Graph:
    """A graph from its stored form ({"start", "nodes"}) or from a plain list of steps."""
    if isinstance(data, Sequence) and not isinstance(data, str):
        return graph_from_steps(data)
    if not isinstance(data, Mapping):
        raise GraphShapeError("not-a-graph", "A playbook is a list of steps or a graph.")
    raw_nodes = data.get("nodes") or []
    if not isinstance(raw_nodes, Sequence) or isinstance(raw_nodes, str):
        raise GraphShapeError("nodes-not-a-list", "The graph's nodes are no list.")
    nodes = tuple(_node(node, place) for place, node in enumerate(raw_nodes))
    start = _target(data.get("start"), "The start") or (nodes[0].id if nodes else "")
    return Graph(start=start, nodes=nodes)


def graph_to_data(graph: Graph) -> dict[str, object]:
    """The graph as it is stored and sent: only the fields each kind of node uses."""
    nodes: list[dict[str, object]] = []
    for node in graph.nodes:
        row: dict[str, object] = {"id": node.id, "do": node.do, "say": node.say}
        if node.is_question:
            row["question"] = node.question
            row["answers"] = [{"label": a.label, "next": a.next} for a in node.answers]
        else:
            row["next"] = node.next
        nodes.append(row)
    return {"start": graph.start, "nodes": nodes}


def _node_problems(node: Node, ids: set[str]) -> list[Problem]:
    problems = [
        Problem(ProblemCode.TOO_LONG, node.id, field)
        for field in ("do", "say", "question")
        if len(getattr(node, field)) > TEXT_MAX
    ]
    if not node.is_question:
        if not (node.do or node.say):
            problems.append(Problem(ProblemCode.STEP_EMPTY, node.id, "do"))
        if node.next is not None and node.next not in ids:
            problems.append(Problem(ProblemCode.TARGET_MISSING, node.id, "next", None, node.next))
        return problems
    if not node.question:
        problems.append(Problem(ProblemCode.QUESTION_EMPTY, node.id, "question"))
    if len(node.answers) < ANSWERS_MIN:
        problems.append(Problem(ProblemCode.TOO_FEW_ANSWERS, node.id, "answers"))
    if len(node.answers) > ANSWERS_MAX:
        problems.append(Problem(ProblemCode.TOO_MANY_ANSWERS, node.id, "answers"))
    seen: set[str] = set()
    # The agent's way names the nodes passed, not the answers: two answers leading to one node
    # could not say which was given.
    led_to: set[str] = set()
    for index, answer in enumerate(node.answers):
        if not answer.label:
            problems.append(Problem(ProblemCode.LABEL_EMPTY, node.id, "label", index))
        elif len(answer.label) > LABEL_MAX:
            problems.append(Problem(ProblemCode.TOO_LONG, node.id, "label", index))
        elif answer.label.casefold() in seen:
            problems.append(Problem(ProblemCode.LABEL_TWICE, node.id, "label", index))
        seen.add(answer.label.casefold())
        if answer.next not in ids:
            problems.append(
                Problem(ProblemCode.TARGET_MISSING, node.id, "next", index, answer.next)
            )
        elif answer.next in led_to:
            problems.append(Problem(ProblemCode.TARGET_TWICE, node.id, "next", index, answer.next))
        led_to.add(answer.next)
    return problems


@dataclass(frozen=True)
class Link:
    """An edge met on a depth-first walk: `index` is its place among the node's targets (the
    answer's, for a question), and `closes_loop` says it leads back to a node on the walk's
    own path."""

    node: Node
    index: int
    target: str
    closes_loop: bool


def links_depth_first(order: Sequence[Node], by_id: Mapping[str, Node]) -> list[Link]:
    """Every edge to a known node, met by a depth-first walk from each node of `order` not
    yet visited: the checks refuse the edges that close a loop, the picture leaves them out."""
    links: list[Link] = []
    state: dict[str, str] = {}  # "open" while on the walk's path, "done" after

    def visit(node: Node) -> None:
        state[node.id] = "open"
        for index, target in enumerate(node.targets()):
            if target not in by_id:
                continue
            links.append(Link(node, index, target, closes_loop=state.get(target) == "open"))
            if target not in state:
                visit(by_id[target])
        state[node.id] = "done"

    for node in order:
        if node.id not in state:
            visit(node)
    return links


def _loop_problems(graph: Graph, by_id: Mapping[str, Node]) -> list[Problem]:
    """The edges that close a loop, found by a depth-first walk from every node in order."""
    return [
        Problem(
            ProblemCode.LOOP,
            link.node.id,
            "next",
            link.index if link.node.is_question else None,
            link.target,
        )
        for link in links_depth_first(graph.nodes, by_id)
        if link.closes_loop
    ]


def reachable_from_start(graph: Graph) -> list[str]:
    """The ids reachable from the start, in reading order: depth first, answers in order (an
    id used twice names its first node)."""
    by_id: dict[str, Node] = {}
    for node in graph.nodes:
        by_id.setdefault(node.id, node)
    order: list[str] = []
    stack = [graph.start] if graph.start in by_id else []
    while stack:
        node_id = stack.pop()
        if node_id in order:
            continue
        order.append(node_id)
        stack.extend(t for t in reversed(by_id[node_id].targets()) if t in by_id)
    return order


def graph_problems(graph: Graph) -> list[Problem]:
    """Everything that keeps the graph from being saved, node by node; empty when it is sound."""
    if not graph.nodes:
        return [Problem(ProblemCode.NO_NODES, None, "nodes")]
    problems: list[Problem] = []
    if len(graph.nodes) > NODES_MAX:
        problems.append(Problem(ProblemCode.TOO_MANY_NODES, None, "nodes"))
    by_id: dict[str, Node] = {}
    for node in graph.nodes:
        if not ID_SHAPE.fullmatch(node.id):
            problems.append(Problem(ProblemCode.ID_BAD, node.id, "id"))
        if node.id in by_id:
            problems.append(Problem(ProblemCode.ID_TWICE, node.id, "id"))
        by_id.setdefault(node.id, node)
    if graph.start not in by_id:
        problems.append(Problem(ProblemCode.START_MISSING, None, "start", None, graph.start))
    for node in graph.nodes:
        problems += _node_problems(node, set(by_id))
    problems += _loop_problems(graph, by_id)
    if graph.start in by_id:
        reached = set(reachable_from_start(graph))
        problems += [
            Problem(ProblemCode.UNREACHABLE, node_id, "id")
            for node_id in by_id
            if node_id not in reached
        ]
    return problems


def graph_outline(graph: Graph) -> tuple[Node, ...]:
    """The nodes in reading order (from the start, depth first, answers in order), then any the
    start does not reach."""
    order = reachable_from_start(graph)
    by_id = {node.id: node for node in graph.nodes}
    rest = [node.id for node in graph.nodes if node.id not in order]
    return tuple(by_id[node_id] for node_id in [*order, *rest])


def graph_steps(graph: Graph) -> tuple[tuple[str, str], ...]:
    """The nodes in reading order as plain (do, say) steps, a question's words after its do,
    for readers that know only lists."""
    return tuple(
        (" ".join(text for text in (node.do, node.question) if text), node.say)
        for node in graph_outline(graph)
    )


@dataclass(frozen=True)
class Passed:
    """A node on the agent's way through, and the answer they gave if it is a question."""

    node: Node
    answer: Answer | None


def graph_walk(graph: Graph, trail: Sequence[str]) -> tuple[Passed, ...]:
    """The agent's way through: `trail` names the nodes from the start on; it is followed as
    far as each node leads to the next (a stale or made-up trail stops where it breaks off).
    The last node is where the agent is; it never has an answer."""
    by_id = {node.id: node for node in graph.nodes}
    if graph.start not in by_id:
        return ()
    ids = list(trail) if trail and trail[0] == graph.start else [graph.start]
    way = [by_id[ids[0]]]
    for node_id in ids[1:]:
        if node_id not in way[-1].targets() or node_id not in by_id or len(way) > len(by_id):
            break
        way.append(by_id[node_id])
    passed = []
    for node, after in zip(way, [*way[1:], None], strict=True):
        answer = None
        if after is not None and node.is_question:
            answer = next(a for a in node.answers if a.next == after.id)
        passed.append(Passed(node, answer))
    return tuple(passed)


def graph_fill(graph: Graph, values: Mapping[str, str]) -> Graph:
    """The graph with each {name} in its texts replaced by `values[name]` (others stay)."""

    def fill(text: str) -> str:
        for name, value in values.items():
            text = text.replace("{" + name + "}", value)
        return text

    return Graph(
        start=graph.start,
        nodes=tuple(
            Node(
                id=node.id,
                do=fill(node.do),
                say=fill(node.say),
                question=fill(node.question),
                answers=tuple(Answer(fill(a.label), a.next) for a in node.answers),
                next=node.next,
            )
            for node in graph.nodes
        ),
    )
