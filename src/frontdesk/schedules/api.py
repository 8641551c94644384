"""Schedule settings over the API: the break rules and the playbooks (leads and admins write;
an agent's token reads)."""

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Router
from ninja import Status as Answer

from frontdesk.accounts.auth import LeadToken
from frontdesk.accounts.selectors import request_agent
from frontdesk.core.errors import Invalid
from frontdesk.core.schemas import ErrorOut, RowId
from frontdesk.engine.playbook import Graph, Problem, graph_from_data, graph_from_steps
from frontdesk.schedules.models import BreakRule, Playbook
from frontdesk.schedules.schemas import (
    BreakRuleIn,
    BreakRuleOut,
    BreakRulePatchIn,
    PlaybookOut,
    PlaybookPatchIn,
)
from frontdesk.schedules.selectors.break_rules import access_break_rule_by_id, break_rules_all
from frontdesk.schedules.selectors.playbooks import (
    access_playbook_by_id,
    playbook_graph,
    playbooks_all,
)
from frontdesk.schedules.services.break_rules import (
    BreakRuleFields,
    break_rule_create,
    break_rule_delete,
    break_rule_update,
)
from frontdesk.schedules.services.playbooks import PlaybookInvalid, playbook_save
from frontdesk.schedules.wording import playbook_problem_text

router = Router(tags=["schedule settings", "settings"], auth=LeadToken())


@router.get("/break-rules", response=list[BreakRuleOut])
def list_break_rules(request: HttpRequest) -> QuerySet[BreakRule]:
    """The break rules, by when in the shift the break may start."""
    return break_rules_all()


@router.post("/break-rules", response={201: BreakRuleOut, 400: ErrorOut})
def create_break_rule(request: HttpRequest, payload: BreakRuleIn) -> Answer[BreakRule]:
    """Add a break rule; 400 when the window closes before it opens or the break would end
    after the shortest shift it is for."""
    rule = break_rule_create(
        actor=request_agent(request), fields=BreakRuleFields(**payload.model_dump())
    )
    return Answer(201, rule)


@router.get("/break-rules/{rule_id}", response={200: BreakRuleOut, 404: ErrorOut})
def get_break_rule(request: HttpRequest, rule_id: RowId) -> BreakRule:
    """One break rule."""
    return access_break_rule_by_id(rule_id=rule_id)


@router.patch("/break-rules/{rule_id}", response={200: BreakRuleOut, 400: ErrorOut, 404: ErrorOut})
def update_break_rule(request: HttpRequest, rule_id: RowId, payload: BreakRulePatchIn) -> BreakRule:
    """Change the fields given; the others stay."""
    rule = access_break_rule_by_id(rule_id=rule_id)
    current = BreakRuleOut.from_orm(rule).model_dump(exclude={"id"})
    # No field of a break rule can be empty: a null sent for one leaves it as it is.
    given = payload.model_dump(exclude_unset=True, exclude_none=True)
    fields = BreakRuleFields(**(current | given))
    return break_rule_update(actor=request_agent(request), rule=rule, fields=fields)


@router.delete("/break-rules/{rule_id}", response={204: None, 404: ErrorOut})
def delete_break_rule(request: HttpRequest, rule_id: RowId) -> HttpResponse:
    """Remove a break rule; breaks placed already stay."""
    break_rule_delete(actor=request_agent(request), rule=access_break_rule_by_id(rule_id=rule_id))
    return HttpResponse(status=204)


@router.get("/playbooks", response=list[PlaybookOut])
def list_playbooks(request: HttpRequest) -> QuerySet[Playbook]:
    """Every playbook, by moment and language."""
    return playbooks_all()


@router.get("/playbooks/{playbook_id}", response={200: PlaybookOut, 404: ErrorOut})
def get_playbook(request: HttpRequest, playbook_id: RowId) -> Playbook:
    """One playbook."""
    return access_playbook_by_id(playbook_id=playbook_id)


def _problem_out(
    problem: Problem, *, graph: Graph, numbers: dict[str, int], as_steps: bool
) -> dict[str, object]:
    """A refused flowchart's problem the way the API words a schema mismatch: where in the
    body, a code, a message, and the node's id (`ctx.node`)."""
    places = {node.id: index for index, node in enumerate(graph.nodes)}
    loc: list[str | int] = ["body", "steps"] if as_steps else ["body", "graph"]
    if problem.node is None:
        loc.append("start" if problem.field == "start" and not as_steps else "nodes")
    else:
        loc += [] if as_steps else ["nodes"]
        loc.append(places.get(problem.node, 0))
        if problem.answer is not None:
            loc += ["answers", problem.answer]
        loc.append(problem.field)
    return {
        "loc": loc,
        "type": problem.code.value,
        "msg": playbook_problem_text(problem, numbers=numbers),
        "ctx": {"node": problem.node},
    }


@router.patch(
    "/playbooks/{playbook_id}",
    response={200: PlaybookOut, 400: ErrorOut, 404: ErrorOut, 422: ErrorOut},
)
def update_playbook(
    request: HttpRequest, playbook_id: RowId, payload: PlaybookPatchIn
) -> Playbook | Answer[dict[str, object]]:
    """Change a playbook's title or flowchart (`graph`, or `steps` as a straight line); 422
    with every problem, node by node, when the flowchart has no start, leads nowhere, loops
    or leaves a node unreachable."""
    playbook = access_playbook_by_id(playbook_id=playbook_id)
    if payload.graph is not None and payload.steps is not None:
        raise Invalid(_("Send the flowchart as `graph` or as `steps`, not both."))
    title = payload.title if payload.title is not None else playbook.title
    if payload.graph is not None:
        graph = graph_from_data(payload.graph.model_dump())
    elif payload.steps is not None:
        # As before flowcharts: a step with nothing to do or say is left out.
        steps = [step.model_dump() for step in payload.steps if step.do.strip() or step.say.strip()]
        graph = graph_from_steps(steps)
    else:
        graph = playbook_graph(playbook=playbook)
    try:
        return playbook_save(
            actor=request_agent(request), playbook=playbook, title=title, graph=graph
        )
    except PlaybookInvalid as error:
        detail = [
            _problem_out(
                problem, graph=graph, numbers=error.numbers, as_steps=payload.steps is not None
            )
            for problem in error.problems
        ]
        return Answer(422, {"detail": detail})
