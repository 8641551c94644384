"""The settings pages for business hours and holidays, and for service levels."""

from __future__ import annotations

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from frontdesk.accounts.selectors import access_team_by_id, request_agent, team_list
from frontdesk.core.errors import Invalid, NotFound
from frontdesk.core.http import whole_number
from frontdesk.core.settings_menu import read_only, settings_page
from frontdesk.sla.forms import BusinessHoursForm, SlaTargetsForm
from frontdesk.sla.selectors import (
    business_hours_of,
    holiday_regions,
    holidays_of_year,
    sla_targets,
)
from frontdesk.sla.services import business_hours_set, sla_target_set


@settings_page("hours")
def hours_page(request: HttpRequest) -> HttpResponse:
    """The desk's business hours and public holidays, or with ?team= a team's own."""
    team_id = whole_number(request.GET.get("team", ""))
    try:
        team = access_team_by_id(team_id=team_id) if team_id else None
    except NotFound as error:
        raise Http404(str(error)) from error
    row = business_hours_of(team_id=team.pk if team else None)
    if team is not None and row.pk is None:
        # A team with no hours of its own keeps the desk's: start from those.
        desk = business_hours_of(team_id=None)
        row.time_zone, row.windows = desk.time_zone, desk.windows
        row.holiday_country, row.holiday_subdivision = (
            desk.holiday_country,
            desk.holiday_subdivision,
        )
    # The page asks again (htmx) when the lead picks another country or region, to list its
    # regions and holidays before anything is saved.
    country = request.GET.get("holiday_country", row.holiday_country)
    region = request.GET.get("holiday_subdivision", row.holiday_subdivision)
    if region not in holiday_regions(country):
        region = ""
    form = BusinessHoursForm(
        request.POST or None,
        windows=row.windows,
        country=country,
        refresh_url=reverse("sla:hours"),
        initial={
            "time_zone": row.time_zone,
            "holiday_country": country,
            "holiday_subdivision": region,
        },
    )
    if not request.settings_can_edit:  # type: ignore[attr-defined]
        read_only(form)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            business_hours_set(
                actor=request_agent(request),
                team=team,
                time_zone=data["time_zone"],
                windows=form.windows(),
                holiday_country=data["holiday_country"],
                holiday_subdivision=data["holiday_subdivision"],
            )
        except Invalid as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Business hours saved."))
            url = reverse("sla:hours")
            return redirect(f"{url}?team={team.pk}" if team else url)
    year = timezone.localdate().year
    shown = form.data if form.is_bound else {}
    listed_country = str(shown.get("holiday_country", country))
    listed_region = str(shown.get("holiday_subdivision", region))
    try:
        days_off = holidays_of_year(
            country=listed_country,
            subdivision=listed_region,
            year=year,
            language=get_language() or "",
        )
    except (NotImplementedError, KeyError):
        days_off = []
    return render(
        request,
        "sla/hours.html",
        {
            "form": form,
            "team": team,
            "teams": team_list(),
            "row": row if row.pk else None,
            "year": year,
            "days_off": days_off,
        },
        status=400 if form.is_bound else 200,
    )


@settings_page("service-levels")
def service_levels_page(request: HttpRequest) -> HttpResponse:
    """The business minutes each level allows for the first answer and the solution."""
    targets = sla_targets()
    form = SlaTargetsForm(
        request.POST or None,
        targets={
            level: (targets.first_response[level], targets.resolution[level])
            for level in targets.first_response
        },
    )
    if not request.settings_can_edit:  # type: ignore[attr-defined]
        read_only(form)
    if request.method == "POST" and form.is_valid():
        agent = request_agent(request)
        try:
            with transaction.atomic():
                for level in sorted(targets.first_response):
                    sla_target_set(
                        actor=agent,
                        level=level,
                        first_response_minutes=form.cleaned_data[f"first_{level}"],
                        resolution_minutes=form.cleaned_data[f"resolution_{level}"],
                    )
        except Invalid as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Service levels saved."))
            return redirect("sla:service_levels")
    return render(
        request, "sla/service_levels.html", {"form": form}, status=400 if form.is_bound else 200
    )
