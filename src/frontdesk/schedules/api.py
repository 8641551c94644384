"""Schedule settings over the API: the break rules and the playbooks (leads and admins write;
an agent's token reads)."""

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from ninja import Router
from ninja import Status as Answer

from frontdesk.accounts.auth import LeadToken
from frontdesk.accounts.selectors import request_agent
from frontdesk.core.schemas import ErrorOut, RowId
from frontdesk.schedules.models import BreakRule, Playbook
from frontdesk.schedules.schemas import (
    BreakRuleIn,
    BreakRuleOut,
    BreakRulePatchIn,
    PlaybookOut,
    PlaybookPatchIn,
)
from frontdesk.schedules.selectors.break_rules import access_break_rule_by_id, break_rules_all
from frontdesk.schedules.selectors.playbooks import access_playbook_by_id, playbooks_all
from frontdesk.schedules.services import playbook_save
from frontdesk.schedules.services.break_rules import (
    BreakRuleFields,
    break_rule_create,
    break_rule_delete,
    break_rule_update,
)

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
    fields = BreakRuleFields(**(current | payload.model_dump(exclude_unset=True)))
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


@router.patch("/playbooks/{playbook_id}", response={200: PlaybookOut, 400: ErrorOut, 404: ErrorOut})
def update_playbook(request: HttpRequest, playbook_id: RowId, payload: PlaybookPatchIn) -> Playbook:
    """Change a playbook's title or steps; 400 when no step says what to do or say."""
    playbook = access_playbook_by_id(playbook_id=playbook_id)
    title = payload.title if payload.title is not None else playbook.title
    steps = (
        [step.model_dump() for step in payload.steps]
        if payload.steps is not None
        else list(playbook.steps)
    )
    return playbook_save(actor=request_agent(request), playbook=playbook, title=title, steps=steps)
