"""The lead's schedule settings: break rules, and playbooks with their languages."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from frontdesk.accounts.selectors import request_agent
from frontdesk.core.errors import Invalid
from frontdesk.core.settings_menu import read_only, settings_page
from frontdesk.engine.playbook import Graph
from frontdesk.schedules.constants import TYPICAL_SHIFT_MINUTES
from frontdesk.schedules.forms import BreakRuleForm, PlaybookGraphForm, PlaybookLanguageForm
from frontdesk.schedules.models import BreakRule, Playbook
from frontdesk.schedules.selectors.break_rules import (
    access_break_rule_by_id,
    break_rules_all,
    break_rules_for_shift,
)
from frontdesk.schedules.selectors.playbooks import (
    access_playbook_by_id,
    playbook_graph,
    playbook_numbers,
    playbook_outline,
    playbook_picture,
    playbooks_all,
)
from frontdesk.schedules.services.break_rules import (
    break_rule_create,
    break_rule_delete,
    break_rule_update,
)
from frontdesk.schedules.services.playbooks import (
    PlaybookInvalid,
    playbook_language_add,
    playbook_save,
)
from frontdesk.schedules.wording import break_rules_preview_text


def _rule_or_404(rule_id: int) -> BreakRule:
    return access_break_rule_by_id(rule_id=rule_id)


def _break_rules_page(
    request: HttpRequest, *, form: BreakRuleForm, rule: BreakRule | None, status: int = 200
) -> HttpResponse:
    if not request.settings_can_edit:  # type: ignore[attr-defined]
        read_only(form)
    shift = max(TYPICAL_SHIFT_MINUTES, rule.min_shift_minutes if rule else 0)
    preview = break_rules_preview_text(
        rules=break_rules_for_shift(shift_minutes=shift), shift_minutes=shift
    )
    return render(
        request,
        "schedules/break_rule_edit.html" if rule else "schedules/break_rules.html",
        {"form": form, "rule": rule, "rules": break_rules_all(), "preview": preview},
        status=status,
    )


@settings_page("break-rules")
def break_rules_page(request: HttpRequest) -> HttpResponse:
    """The break rules, what they give a typical shift; a lead adds one."""
    if request.method != "POST":
        return _break_rules_page(request, form=BreakRuleForm(), rule=None)
    form = BreakRuleForm(request.POST)
    if form.is_valid():
        try:
            rule = break_rule_create(actor=request_agent(request), fields=form.rule_fields())
        except Invalid as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Break rule “%(name)s” added.") % {"name": rule.name})
            return redirect("schedules:break_rules")
    return _break_rules_page(request, form=form, rule=None, status=400)


@settings_page("break-rules")
def break_rule_edit_page(request: HttpRequest, rule_id: int) -> HttpResponse:
    """A lead changes a break rule, seeing its recent changes."""
    rule = _rule_or_404(rule_id)
    if request.method != "POST":
        return _break_rules_page(request, form=BreakRuleForm(rule=rule), rule=rule)
    form = BreakRuleForm(request.POST, rule=rule)
    if form.is_valid():
        try:
            break_rule_update(actor=request_agent(request), rule=rule, fields=form.rule_fields())
        except Invalid as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Break rule “%(name)s” saved.") % {"name": rule.name})
            return redirect("schedules:break_rules")
    return _break_rules_page(request, form=form, rule=rule, status=400)


@settings_page("break-rules")
@require_POST
def break_rule_delete_page(request: HttpRequest, rule_id: int) -> HttpResponse:
    """A lead removes a break rule."""
    rule = _rule_or_404(rule_id)
    break_rule_delete(actor=request_agent(request), rule=rule)
    messages.success(request, _("Break rule “%(name)s” deleted.") % {"name": rule.name})
    return redirect("schedules:break_rules")


def _playbook_or_404(playbook_id: int) -> Playbook:
    return access_playbook_by_id(playbook_id=playbook_id)


def _moments() -> list[tuple[Playbook, list[Playbook], PlaybookLanguageForm]]:
    """Each moment's playbooks, the first (English if there is one) standing for the moment,
    with a form to start it in a language it lacks."""
    by_moment: dict[str, list[Playbook]] = {}
    for playbook in playbooks_all():
        by_moment.setdefault(playbook.moment, []).append(playbook)
    moments = []
    for moment, versions in by_moment.items():
        first = next((p for p in versions if p.language == "en"), versions[0])
        taken = {p.language for p in versions}
        moments.append((first, versions, PlaybookLanguageForm(taken=taken, prefix=moment)))
    return moments


@settings_page("playbooks")
def playbooks_settings_page(request: HttpRequest) -> HttpResponse:
    """Every playbook by moment, its languages, and a way to add one."""
    return render(request, "schedules/playbooks_settings.html", {"moments": _moments()})


@settings_page("playbooks")
@require_POST
def playbook_language_add_page(request: HttpRequest, playbook_id: int) -> HttpResponse:
    """A lead starts a playbook's moment in another language, then translates it."""
    source = _playbook_or_404(playbook_id)
    language = request.POST.get(f"{source.moment}-language", "")
    try:
        added = playbook_language_add(
            actor=request_agent(request), source=source, language=language
        )
    except Invalid as error:
        messages.error(request, str(error))
        return redirect("schedules:playbooks_settings")
    messages.success(request, _("Translate the steps, then save."))
    return redirect("schedules:playbook_edit", playbook_id=added.pk)


def _playbook_page(
    request: HttpRequest,
    *,
    playbook: Playbook,
    saved: Graph,
    numbers: dict[str, int],
    form: PlaybookGraphForm,
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "schedules/playbook_edit.html",
        {
            "playbook": playbook,
            "picture": playbook_picture(playbook=playbook, graph=saved),
            "outline": playbook_outline(graph=saved, numbers=numbers),
            "form": form,
        },
        status=status,
    )


@settings_page("playbooks")
def playbook_edit_page(request: HttpRequest, playbook_id: int) -> HttpResponse:
    """The playbook's flowchart as a picture and as text; a lead edits its steps, questions and
    where each answer leads, with every problem shown by its field."""
    playbook = _playbook_or_404(playbook_id)
    numbers = playbook_numbers(playbook=playbook)
    saved = playbook_graph(playbook=playbook)
    if request.method != "POST":
        form = PlaybookGraphForm(title=playbook.title, graph=saved, numbers=numbers)
        return _playbook_page(request, playbook=playbook, saved=saved, numbers=numbers, form=form)
    form = PlaybookGraphForm(request.POST, title=playbook.title, graph=saved, numbers=numbers)
    try:
        playbook_save(
            actor=request_agent(request),
            playbook=playbook,
            title=form.title,
            graph=form.graph(),
        )
    except PlaybookInvalid as error:
        form.add_problems(error.problems)
    except Invalid as error:
        form.errors.append(str(error))
    else:
        messages.success(request, _("Playbook saved."))
        return redirect("schedules:playbook_edit", playbook_id=playbook.pk)
    return _playbook_page(
        request, playbook=playbook, saved=saved, numbers=numbers, form=form, status=400
    )
