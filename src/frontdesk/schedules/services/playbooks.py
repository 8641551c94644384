"""Writes for playbooks: a lead saves a playbook's flowchart, or starts the same moment in
another language."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _

from frontdesk.accounts.models import User
from frontdesk.core.errors import Forbidden, Invalid
from frontdesk.engine.playbook import Graph, Problem, graph_problems, graph_to_data
from frontdesk.schedules.models import Playbook
from frontdesk.schedules.selectors.playbooks import playbook_exists, playbook_numbers
from frontdesk.schedules.wording import playbook_problem_text

TITLE_MAX = 200


class PlaybookInvalid(Invalid):
    """A flowchart that cannot be saved: `problems` says what is wrong, node by node, and
    `numbers` names the nodes as the lead sees them (by their number in reading order)."""

    def __init__(self, problems: list[Problem], numbers: dict[str, int]) -> None:
        words = [playbook_problem_text(problem, numbers=numbers) for problem in problems]
        super().__init__(" ".join(words))
        self.problems = problems
        self.numbers = numbers


def _lead_only(actor: User) -> None:
    if not actor.is_lead:
        raise Forbidden(_("Only a lead or an admin may change the playbooks."))


def playbook_save(*, actor: User, playbook: Playbook, title: str, graph: Graph) -> Playbook:
    """Change a playbook's title and flowchart (leads only); refused with every problem at once
    when the graph is not one start leading through existing nodes, without loops, to ends."""
    _lead_only(actor)
    title = title.strip()
    if not title:
        raise Invalid(_("A playbook needs a title."))
    if len(title) > TITLE_MAX:
        raise Invalid(_("A title has at most %(most)d characters.") % {"most": TITLE_MAX})
    problems = graph_problems(graph)
    if problems:
        raise PlaybookInvalid(problems, playbook_numbers(playbook=playbook, graph=graph))
    playbook.title, playbook.graph, playbook.updated_by = title, graph_to_data(graph), actor
    playbook.save(update_fields=["title", "graph", "updated_by", "updated_at"])
    return playbook


def playbook_language_add(*, actor: User, source: Playbook, language: str) -> Playbook:
    """Start a playbook for the same moment in another language, from `source`'s title and
    flowchart for the lead to translate."""
    _lead_only(actor)
    if language not in dict(settings.LANGUAGES):
        raise Invalid(_("The desk does not speak “%(language)s”.") % {"language": language})
    if playbook_exists(moment=source.moment, language=language):
        raise Invalid(_("This moment has a playbook in this language already."))
    return Playbook.objects.create(
        moment=source.moment,
        language=language,
        title=source.title,
        graph=source.graph,
        updated_by=actor,
    )
