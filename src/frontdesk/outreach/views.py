"""The lead's campaign pages under /desk/outreach/, the customer page's opt-out undo, and the
public unsubscribe page (RFC 8058's one-click POST lands on the same address)."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from frontdesk.accounts.models import User
from frontdesk.accounts.selectors import request_agent
from frontdesk.core.errors import Invalid
from frontdesk.core.http import page_of, whole_number
from frontdesk.outreach.choices import CampaignStatus, OptOutHow, RecipientStatus
from frontdesk.outreach.forms import CampaignForm, ScheduleForm
from frontdesk.outreach.models import Campaign
from frontdesk.outreach.prefill import campaign_prefill
from frontdesk.outreach.segments import Segment
from frontdesk.outreach.selectors import (
    TokenInvalid,
    access_campaign_by_id,
    access_opt_out_by_id,
    campaign_counts,
    campaign_list,
    campaign_preview,
    campaign_recipients,
    campaign_replies,
    custom_filter_labels,
    customer_opted_out,
    recipient_by_token,
    segment_preview,
)
from frontdesk.outreach.services import (
    REFUSED_EMPTY,
    REFUSED_UNREACHABLE,
    campaign_cancel,
    campaign_delete,
    campaign_save,
    campaign_schedule,
    opt_out_record,
    opt_out_undo,
)

RECIPIENTS_PAGE = 50


def _lead(request: HttpRequest) -> User:
    agent = request_agent(request)
    if not agent.is_lead:
        raise PermissionDenied
    return agent


def _campaign(request: HttpRequest, campaign_id: int) -> tuple[User, Campaign]:
    agent = _lead(request)
    return agent, access_campaign_by_id(actor=agent, campaign_id=campaign_id)


@login_required
@require_safe
def campaign_list_page(request: HttpRequest) -> HttpResponse:
    """Every campaign, newest first, with its state and how far it went."""
    _lead(request)
    page, others = page_of(request, campaign_list(), RECIPIENTS_PAGE)
    return render(request, "outreach/list.html", {"page": page, "query": others})


def _form_page(
    request: HttpRequest, form: CampaignForm, campaign: Campaign | None, status: int = 200
) -> HttpResponse:
    return render(
        request, "outreach/edit.html", {"form": form, "campaign": campaign}, status=status
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def campaign_new_page(request: HttpRequest) -> HttpResponse:
    """Write a new campaign; `?problem=<id>` starts one to the customers likely affected by a
    problem, with its public texts."""
    agent = _lead(request)
    if request.method != "POST":
        problem_id = whole_number(request.GET.get("problem", ""))
        initial = campaign_prefill(actor=agent, problem_id=problem_id) if problem_id else {}
        return _form_page(request, CampaignForm(initial=initial), None)
    form = CampaignForm(request.POST)
    return _save(request, agent, form, None)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def campaign_edit_page(request: HttpRequest, campaign_id: int) -> HttpResponse:
    """Change a draft campaign."""
    agent, campaign = _campaign(request, campaign_id)
    if campaign.status != CampaignStatus.DRAFT:
        messages.error(request, _("Only a draft can be changed; cancel the campaign first."))
        return redirect("outreach:detail", campaign_id=campaign.pk)
    if request.method != "POST":
        return _form_page(
            request, CampaignForm(initial=CampaignForm.initial_of(campaign)), campaign
        )
    return _save(request, agent, CampaignForm(request.POST), campaign)


def _save(
    request: HttpRequest, agent: User, form: CampaignForm, campaign: Campaign | None
) -> HttpResponse:
    if not form.is_valid():
        return _form_page(request, form, campaign, status=400)
    try:
        campaign = campaign_save(
            actor=agent,
            name=form.cleaned_data["name"],
            segment=form.segment(),
            contents=form.contents(),
            default_language=form.cleaned_data["default_language"],
            campaign=campaign,
        )
    except Invalid as error:
        form.add_error(None, str(error))
        return _form_page(request, form, campaign, status=400)
    messages.success(
        request, _("Campaign saved as a draft. Check the recipients, then schedule it.")
    )
    return redirect("outreach:detail", campaign_id=campaign.pk)


@login_required
@require_POST
def campaign_preview_page(request: HttpRequest) -> HttpResponse:
    """The segment preview of the form as it stands, unsaved (the form's "Preview" button)."""
    _lead(request)
    form = CampaignForm(request.POST)
    preview = None
    if form.is_valid():
        try:
            segment = form.segment()
            preview = segment_preview(
                segment=segment,
                languages={code for code, c in form.contents().items() if c.subject and c.body},
                default_language=form.cleaned_data["default_language"],
                now=timezone.now(),
            )
        except Invalid as error:
            form.add_error(None, str(error))
    context = {"preview": preview, "form": form, "live": True, "campaign": None}
    htmx = getattr(request, "htmx", False)
    return render(request, "outreach/_preview.html" if htmx else "outreach/edit.html", context)


@login_required
@require_safe
def campaign_detail_page(request: HttpRequest, campaign_id: int) -> HttpResponse:
    """A campaign: its texts, its segment's preview (before it goes), and each recipient's state."""
    _agent, campaign = _campaign(request, campaign_id)
    started = campaign.status in {
        CampaignStatus.SENDING,
        CampaignStatus.SENT,
        CampaignStatus.CANCELLED,
    }
    status = request.GET.get("status", "")
    page, others = page_of(
        request, campaign_recipients(campaign=campaign, status=status), RECIPIENTS_PAGE
    )
    refused = {
        REFUSED_EMPTY: _("At its time nobody was in the segment any more, so it was not sent."),
        REFUSED_UNREACHABLE: _(
            "At its time nobody in the segment could be written to (opted out or no e-mail "
            "address), so it was not sent."
        ),
    }.get(campaign.refused_code, "")
    segment = Segment.from_json(campaign.segment)
    context = {
        "campaign": campaign,
        "segment": segment,
        "custom_filters": custom_filter_labels(params=segment.custom),
        "contents": list(campaign.contents.all()),
        "preview": None if started else campaign_preview(campaign=campaign, now=timezone.now()),
        "counts": campaign_counts(campaign=campaign) if started else None,
        "statuses": RecipientStatus.choices,
        "status": status,
        "page": page,
        "query": others,
        "replies": list(campaign_replies(campaign=campaign)[:50]),
        "schedule_form": ScheduleForm(),
        "refused": refused,
    }
    return render(request, "outreach/detail.html", context)


@login_required
@require_POST
def campaign_schedule_page(request: HttpRequest, campaign_id: int) -> HttpResponse:
    """Schedule a draft for its time, or now; refused with the reason for an empty segment."""
    agent, campaign = _campaign(request, campaign_id)
    form = ScheduleForm(request.POST)
    if form.is_valid():
        try:
            campaign_schedule(
                actor=agent, campaign=campaign, at=form.cleaned_data["at"], now=timezone.now()
            )
            messages.success(request, _("Campaign scheduled."))
        except Invalid as error:
            messages.error(request, str(error))
    else:
        messages.error(request, _("Give a date and time, or leave it empty to send now."))
    return redirect("outreach:detail", campaign_id=campaign.pk)


@login_required
@require_POST
def campaign_cancel_page(request: HttpRequest, campaign_id: int) -> HttpResponse:
    """Stop a scheduled campaign (back to draft) or one being sent (what is left is skipped)."""
    agent, campaign = _campaign(request, campaign_id)
    try:
        campaign_cancel(actor=agent, campaign=campaign, now=timezone.now())
        messages.success(request, _("Campaign stopped."))
    except Invalid as error:
        messages.error(request, str(error))
    return redirect("outreach:detail", campaign_id=campaign.pk)


@login_required
@require_POST
def campaign_delete_page(request: HttpRequest, campaign_id: int) -> HttpResponse:
    """Delete a draft."""
    agent, campaign = _campaign(request, campaign_id)
    try:
        campaign_delete(actor=agent, campaign=campaign)
    except Invalid as error:
        messages.error(request, str(error))
        return redirect("outreach:detail", campaign_id=campaign.pk)
    messages.success(request, _("Campaign deleted."))
    return redirect("outreach:list")


@login_required
@require_POST
def opt_out_undo_page(request: HttpRequest, opt_out_id: int) -> HttpResponse:
    """Take back a customer's opt-out, on the customer page; a lead's to do."""
    agent = _lead(request)
    opt_out = access_opt_out_by_id(actor=agent, opt_out_id=opt_out_id)
    try:
        opt_out_undo(actor=agent, opt_out=opt_out, now=timezone.now())
        messages.success(request, _("Opt-out undone: the customer gets campaigns again."))
    except Invalid as error:
        messages.error(request, str(error))
    return redirect("customers:detail", customer_id=opt_out.customer_id)


@csrf_exempt  # a mail program's one-click POST (RFC 8058) carries no token, and needs none
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe_page(request: HttpRequest, token: str) -> HttpResponse:
    """The link in every campaign mail: a page with a button (GET), and the unsubscribing
    itself (POST, from the button or the mail program's `List-Unsubscribe=One-Click`). No
    log-in; a tampered or foreign link is refused and changes nothing."""
    try:
        recipient = recipient_by_token(token=token)
    except TokenInvalid:
        return render(request, "outreach/unsubscribe_invalid.html", status=400)
    if settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
        # In the recipient's language, unless the reader picked one on the page.
        translation.activate(recipient.language)
        request.LANGUAGE_CODE = recipient.language
    done = customer_opted_out(customer_id=recipient.customer_id)
    if request.method == "POST":
        one_click = request.POST.get("List-Unsubscribe") == "One-Click"
        opt_out_record(
            recipient=recipient, how=OptOutHow.ONE_CLICK if one_click else OptOutHow.PAGE
        )
        done = True
    return render(request, "outreach/unsubscribe.html", {"done": done, "token": token})
