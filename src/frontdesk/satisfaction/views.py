"""The customer's rating page (from the survey mail's links) and the lead's on/off switch."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from frontdesk.accounts.selectors import request_agent
from frontdesk.core.errors import Invalid
from frontdesk.core.ratelimit import intake_rate, post_rate_limited
from frontdesk.core.settings_menu import read_only, settings_page
from frontdesk.satisfaction.forms import RatingForm, SatisfactionSettingsForm
from frontdesk.satisfaction.models import Survey
from frontdesk.satisfaction.selectors import (
    RatingLinkError,
    satisfaction_settings_row,
    survey_by_token,
    surveys_on,
)
from frontdesk.satisfaction.services import satisfaction_settings_set, survey_rate


def _survey_or_refusal(request: HttpRequest, token: str) -> Survey | HttpResponse:
    try:
        survey = survey_by_token(token=token)
    except RatingLinkError:
        # A link we did not make (or one cut short): say so, and change nothing.
        return render(request, "satisfaction/link_invalid.html", status=400)
    if "django_language" not in request.COOKIES:
        # The customer reads the page in the language the mail was written in.
        translation.activate(survey.language)
        request.LANGUAGE_CODE = survey.language
    return survey


@require_GET
def rating_choose_page(request: HttpRequest, token: str, choice: str) -> HttpResponse:
    """Where a survey mail's "Good" or "Bad" link lands: the choice shown, nothing recorded yet.

    Mail scanners open every link of a mail before the customer does, so a link alone records
    nothing; the customer's press of the page's one button does (see satisfaction.services).
    """
    found = _survey_or_refusal(request, token)
    if isinstance(found, HttpResponse):
        return found
    form = RatingForm(initial={"rating": choice, "comment": found.comment})
    return _rating_render(request, found, form, token, chosen=True)


@require_http_methods(["GET", "POST"])
@post_rate_limited(rate=intake_rate, group="rating")
def rating_page(request: HttpRequest, token: str) -> HttpResponse:
    """The survey's rating: shown, and recorded (or changed) when the customer sends it."""
    found = _survey_or_refusal(request, token)
    if isinstance(found, HttpResponse):
        return found
    survey = found
    form = RatingForm(
        request.POST if request.method == "POST" else None,
        initial={"rating": survey.rating, "comment": survey.comment},
    )
    if request.method == "POST" and form.is_valid():
        try:
            survey_rate(
                survey=survey,
                rating=form.cleaned_data["rating"],
                comment=form.cleaned_data["comment"],
            )
        except Invalid as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Thank you: your rating is saved."))
            return redirect("satisfaction:rate", token=token)
    return _rating_render(request, survey, form, token, chosen=False)


def _rating_render(
    request: HttpRequest, survey: Survey, form: RatingForm, token: str, *, chosen: bool
) -> HttpResponse:
    context = {"survey": survey, "ticket": survey.ticket, "form": form, "token": token}
    context["chosen"] = chosen
    return render(request, "satisfaction/rate.html", context, status=400 if form.errors else 200)


@settings_page("satisfaction")
def satisfaction_settings_page(request: HttpRequest) -> HttpResponse:
    """Whether the desk asks customers to rate their solved tickets."""
    form = SatisfactionSettingsForm(
        request.POST if request.method == "POST" else None, initial={"surveys_on": surveys_on()}
    )
    if not request.settings_can_edit:  # type: ignore[attr-defined]
        read_only(form)
    if request.method == "POST" and form.is_valid():
        satisfaction_settings_set(
            actor=request_agent(request), surveys_on=form.cleaned_data["surveys_on"]
        )
        messages.success(request, _("Satisfaction settings saved."))
        return redirect("satisfaction:settings")
    return render(
        request,
        "satisfaction/settings.html",
        {"form": form, "row": satisfaction_settings_row()},
        status=400 if form.errors else 200,
    )
