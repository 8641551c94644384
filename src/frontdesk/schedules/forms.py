"""The lead's forms for schedule settings, checked by the same rules as the API."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django import forms
from django.conf import settings
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from frontdesk.engine.playbook import Answer, Graph, Node, Problem, graph_outline
from frontdesk.engine.playbook.graph import ANSWERS_MAX, ANSWERS_MIN, NODES_MAX
from frontdesk.schedules.constants import BREAK_LENGTH_MAX, DAY_MINUTES
from frontdesk.schedules.models import BreakRule
from frontdesk.schedules.services.break_rules import BreakRuleFields, break_rule_problems
from frontdesk.schedules.wording import playbook_problem_text


class BreakRuleForm(forms.Form):
    """A break rule: who gets the break, how long it is, and when in the shift it may start."""

    name = forms.CharField(label=_("Name"), max_length=60)
    length_minutes = forms.IntegerField(
        label=_("Length (minutes)"), min_value=1, max_value=BREAK_LENGTH_MAX
    )
    earliest_minutes = forms.IntegerField(
        label=_("Earliest start (minutes into the shift)"), min_value=0, max_value=DAY_MINUTES
    )
    latest_minutes = forms.IntegerField(
        label=_("Latest start (minutes into the shift)"), min_value=0, max_value=DAY_MINUTES
    )
    min_shift_minutes = forms.IntegerField(
        label=_("For shifts of at least (minutes)"),
        min_value=0,
        max_value=DAY_MINUTES,
        initial=0,
        help_text=_("0: every shift."),
    )

    def __init__(self, *args: Any, rule: BreakRule | None = None, **kwargs: Any) -> None:
        if rule is not None:
            kwargs.setdefault(
                "initial",
                {
                    name: getattr(rule, name)
                    for name in (
                        "name",
                        "length_minutes",
                        "earliest_minutes",
                        "latest_minutes",
                        "min_shift_minutes",
                    )
                },
            )
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors:
            for name, message in break_rule_problems(self.rule_fields()).items():
                self.add_error(name, message)
        return data

    def rule_fields(self) -> BreakRuleFields:
        """The valid form as the service takes it."""
        data = self.cleaned_data
        return BreakRuleFields(
            name=data["name"],
            length_minutes=data["length_minutes"],
            earliest_minutes=data["earliest_minutes"],
            latest_minutes=data["latest_minutes"],
            min_shift_minutes=data["min_shift_minutes"] or 0,
        )


class PlaybookLanguageForm(forms.Form):
    """Another language for a playbook's moment, started from this one to translate."""

    language = forms.ChoiceField(label=_("New language"))

    def __init__(self, *args: Any, taken: set[str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        language = self.fields["language"]
        assert isinstance(language, forms.ChoiceField)
        language.choices = [(code, name) for code, name in settings.LANGUAGES if code not in taken]


# The two blank rows under a playbook's nodes, and the target that names each.
NEW_STEP = "new-step"
NEW_QUESTION = "new-question"
STEP, QUESTION = "step", "question"


@dataclass
class AnswerRow:
    """An answer's row in the form: its words and the node it leads to."""

    label: str = ""
    next: str = ""


@dataclass(frozen=True)
class AnswerField:
    """An answer's fields as the template shows them: its place, words, target and errors."""

    place: int
    label: str
    next: str
    label_errors: list[str]
    next_errors: list[str]


@dataclass
class NodeRow:
    """A node's rows in the form, as saved or as posted, with its errors by field."""

    index: int
    id: str
    kind: str
    do: str = ""
    say: str = ""
    question: str = ""
    next: str = ""
    answers: list[AnswerRow] = field(default_factory=list)
    remove: bool = False
    number: int = 0
    errors: dict[str, list[str]] = field(default_factory=dict)

    @property
    def new(self) -> bool:
        """Whether this is one of the blank rows for adding a node."""
        return self.id in (NEW_STEP, NEW_QUESTION)

    @property
    def blank(self) -> bool:
        """A new row left empty: nothing is added."""
        texts = (self.do, self.say, self.question, *(a.label for a in self.answers))
        return self.new and not any(texts)

    def answer_rows(self) -> list[AnswerField]:
        """The answers with blank rows to add more, up to the most a question may have, each
        with its errors."""
        rows = list(self.answers[:ANSWERS_MAX])
        wanted = min(ANSWERS_MAX, max(ANSWERS_MIN, len(rows) + 1))
        rows += [AnswerRow() for _ in range(wanted - len(rows))]
        return [
            AnswerField(
                j,
                row.label,
                row.next,
                self.errors.get(f"a{j}-label", []),
                self.errors.get(f"a{j}-next", []),
            )
            for j, row in enumerate(rows)
        ]


def _row_of(node: Node, index: int) -> NodeRow:
    return NodeRow(
        index=index,
        id=node.id,
        kind=QUESTION if node.is_question else STEP,
        do=node.do,
        say=node.say,
        question=node.question,
        next=node.next or "",
        answers=[AnswerRow(a.label, a.next) for a in node.answers],
    )


class PlaybookGraphForm:
    """The lead's form for a playbook's flowchart: each node's words and where it leads, a
    node to remove, a step or a question to add; the engine checks the graph, and its
    problems come back to the fields they are about."""

    def __init__(
        self, data: QueryDict | None = None, *, title: str, graph: Graph, numbers: dict[str, int]
    ) -> None:
        self.numbers = dict(numbers)
        self.errors: list[str] = []
        self.start_errors: list[str] = []
        if data is None:
            self.title, self.start = title, graph.start
            self.rows = [_row_of(node, i) for i, node in enumerate(graph_outline(graph))]
            count = len(self.rows)
            self.rows += [
                NodeRow(count, NEW_STEP, STEP),
                NodeRow(count + 1, NEW_QUESTION, QUESTION),
            ]
        else:
            self.title, self.start = data.get("title", ""), data.get("start", "")
            self.rows = [self._posted(data, index) for index in range(_count(data))]
        # Fresh ids for the new rows: what a form posts never decides an id.
        taken = {row.id for row in self.rows}
        self.fresh = {}
        for row in self.rows:
            if row.new:
                self.fresh[row.id] = next(
                    f"{row.kind[0]}{n}" for n in range(1, 100) if f"{row.kind[0]}{n}" not in taken
                )
                taken.add(self.fresh[row.id])
                self.numbers.setdefault(self.fresh[row.id], len(self.numbers) + 1)
        for row in self.rows:
            row.number = self.numbers.get(self.fresh.get(row.id, row.id), 0)

    @staticmethod
    def _posted(data: QueryDict, index: int) -> NodeRow:
        prefix = f"n{index}-"
        answers = [
            AnswerRow(
                data.get(f"{prefix}a{j}-label", "").strip(), data.get(f"{prefix}a{j}-next", "")
            )
            for j in range(ANSWERS_MAX)
        ]
        row_id = data.get(f"{prefix}id", "")
        return NodeRow(
            index=index,
            id=row_id,
            kind=QUESTION if data.get(f"{prefix}kind") == QUESTION else STEP,
            do=data.get(f"{prefix}do", "").strip(),
            say=data.get(f"{prefix}say", "").strip(),
            question=data.get(f"{prefix}question", "").strip(),
            next=data.get(f"{prefix}next", ""),
            # Rows with neither words nor a target are left out, as if never there.
            answers=[a for a in answers if a.label or a.next],
            remove=bool(data.get(f"{prefix}remove")),
        )

    def _target(self, value: str) -> str | None:
        if value in self.fresh:
            row = next(r for r in self.rows if r.id == value)
            return None if row.blank else self.fresh[value]
        return value or None

    def graph(self) -> Graph:
        """The flowchart as posted: removed nodes and blank new rows left out."""
        nodes = []
        for row in self.rows:
            if row.remove or row.blank:
                continue
            question = row.kind == QUESTION
            nodes.append(
                Node(
                    id=self.fresh.get(row.id, row.id),
                    do=row.do,
                    say=row.say,
                    question=row.question if question else "",
                    answers=tuple(Answer(a.label, self._target(a.next) or "") for a in row.answers)
                    if question
                    else (),
                    next=None if question else self._target(row.next),
                )
            )
        return Graph(start=self._target(self.start) or "", nodes=tuple(nodes))

    def add_problems(self, problems: list[Problem]) -> None:
        """Put each problem by the field it is about, in the active language."""
        rows = {self.fresh.get(row.id, row.id): row for row in self.rows}
        for problem in problems:
            words = playbook_problem_text(problem, numbers=self.numbers, where=False)
            row = rows.get(problem.node or "")
            if problem.field == "start":
                self.start_errors.append(words)
            elif row is None:
                self.errors.append(words)
            else:
                key = (
                    problem.field
                    if problem.answer is None
                    else f"a{problem.answer}-{problem.field}"
                )
                if row.kind == QUESTION and problem.field == "next" and problem.answer is None:
                    key = "answers"
                row.errors.setdefault(key, []).append(words)
        self.errors += [
            playbook_problem_text(p, numbers=self.numbers) for p in problems if p.node is not None
        ]

    @cached_property
    def targets(self) -> list[tuple[str, str]]:
        """What a step or an answer can lead to: each node by its number and first words, and
        the new step or question below."""
        choices = []
        for row in self.rows:
            if row.new:
                continue
            words = row.question if row.kind == QUESTION else (row.do or row.say)
            short = words if len(words) <= 50 else words[:49] + "…"
            choices.append((row.id, f"{self.numbers.get(row.id, 0)}. {short}"))
        choices += [
            (NEW_STEP, str(_("the new step below"))),
            (NEW_QUESTION, str(_("the new question below"))),
        ]
        return choices


def _count(data: QueryDict) -> int:
    try:
        return min(max(int(data.get("nodes", "0")), 0), NODES_MAX + 2)
    except ValueError:
        return 0
