"""Project-level endpoints that belong to no domain."""

from typing import Any

from django import forms
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from frontdesk.core.changes import change_actors, change_list, changes_read, registered_models
from frontdesk.core.health import MIGRATE_COMMAND, cache_answers, database_state, health_checks
from frontdesk.core.http import page_of, whole_number
from frontdesk.core.settings_menu import sections, settings_page

CHANGES_PAGE_SIZE = 50


def healthz(request: HttpRequest) -> JsonResponse:
    """200 only when the desk can serve: the database answers with every migration applied, the
    cache answers, and each registered check (the workers' heartbeat) is healthy; otherwise 503
    saying what is wrong (for load balancers and monitors)."""
    state = database_state()
    if not state.reachable:
        database = "unreachable"
    elif state.pending:
        database = "unmigrated"
    else:
        database = "ok"
    # Registered checks read the database: asked only when it answers with our schema.
    checks = health_checks() if database == "ok" else {}
    cache = "ok" if cache_answers() else "unreachable"
    lines = {name: check.value for name, check in checks.items()}
    if database == "ok" and cache == "ok" and all(check.healthy for check in checks.values()):
        return JsonResponse({"status": "ok", "database": "ok", "cache": "ok", **lines})
    problems = []
    if database == "unreachable":
        problems.append("The database does not answer.")
    if database == "unmigrated":
        problems.append(
            f"{len(state.pending)} database migration(s) not applied: run `{MIGRATE_COMMAND}`."
        )
    if cache == "unreachable":
        problems.append("The cache does not answer.")
    problems += [check.problem for check in checks.values() if not check.healthy]
    return JsonResponse(
        {
            "status": "unavailable",
            "database": database,
            "cache": cache,
            **lines,
            "detail": " ".join(problems),
        },
        status=503,
    )


@settings_page(None)
def settings_home(request: HttpRequest) -> HttpResponse:
    """The settings' first page: each section, what it is for, and what is set in it now."""
    entries = [
        (section, reverse(section.url_name), section.summary() if section.summary else "")
        for section in sections(request.user)
    ]
    return render(request, "core/settings.html", {"entries": entries})


class ChangeFilterForm(forms.Form):
    """What the change record is narrowed to: a kind of setting, one agent."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.models = {model._meta.label_lower: model for model in registered_models()}
        kinds = [
            (label, capfirst(str(model._meta.verbose_name_plural)))
            for label, model in self.models.items()
        ]
        actors = [(str(actor_id), name) for actor_id, name in change_actors()]
        self.fields["kind"] = forms.ChoiceField(
            label=_("Setting"), required=False, choices=[("", _("All settings")), *kinds]
        )
        self.fields["who"] = forms.ChoiceField(
            label=_("Changed by"), required=False, choices=[("", _("Anyone")), *actors]
        )


@settings_page("changes")
def changes_page(request: HttpRequest) -> HttpResponse:
    """The change record: every change to the desk's settings, newest first."""
    form = ChangeFilterForm(request.GET or None)
    model = actor_id = None
    if form.is_bound and form.is_valid():
        model = form.models.get(form.cleaned_data["kind"])
        actor_id = whole_number(form.cleaned_data["who"]) or None
    page, others = page_of(request, change_list(model=model, actor_id=actor_id), CHANGES_PAGE_SIZE)
    return render(
        request,
        "core/changes.html",
        {
            "form": form,
            "page": page,
            "changes": changes_read(page.object_list),
            "query": others,
        },
    )
