"""Customer-facing pages: the request form, portal entry, and the customer's own tickets."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from frontdesk.core.errors import Invalid, NotFound
from frontdesk.core.ratelimit import intake_rate, post_rate_limited
from frontdesk.customers.models import Customer
from frontdesk.customers.selectors import PortalLinkError, customer_by_portal_token
from frontdesk.intake.flows import customer_message_add
from frontdesk.live.recording_selectors import access_recording
from frontdesk.live.views import recording_response
from frontdesk.portal.forms import LinkRequestForm, ReplyForm, RequestForm
from frontdesk.portal.services import portal_link_request, portal_session_customer, request_submit
from frontdesk.satisfaction.forms import RatingForm
from frontdesk.satisfaction.selectors import survey_latest
from frontdesk.satisfaction.services import survey_rate_from_portal
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.selectors import (
    access_attachment,
    access_ticket_for_customer,
    customer_requests,
    ticket_thread,
)

SESSION_CUSTOMER = "portal_customer"
SESSION_KEY = "portal_key"
SESSION_SENT = "portal_sent_reference"


def rate_limited(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Too many requests from one address: say so plainly and keep nothing half-done."""
    return render(request, "portal/rate_limited.html", status=429)


def _session_customer(request: HttpRequest) -> Customer | None:
    customer = portal_session_customer(
        customer_id=request.session.get(SESSION_CUSTOMER),
        portal_key=request.session.get(SESSION_KEY),
    )
    if (
        customer is not None
        and customer.preferred_language
        and "django_language" not in request.COOKIES
    ):
        translation.activate(customer.preferred_language)
        request.LANGUAGE_CODE = customer.preferred_language
    return customer


@require_http_methods(["GET", "POST"])
@post_rate_limited(rate=intake_rate, group="intake")
def request_new(request: HttpRequest) -> HttpResponse:
    """The public form anyone can use, day or night, to ask for help."""
    form = RequestForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["website"]:
            # A bot filled the hidden field: answer as if it worked, store nothing.
            return redirect("portal:sent")
        try:
            ticket = request_submit(
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
                language=translation.get_language() or settings.LANGUAGE_CODE,
                files=form.cleaned_data["attachments"],
            )
        except Invalid as error:
            form.add_error(None, str(error))
        else:
            request.session[SESSION_SENT] = ticket.reference
            return redirect("portal:sent")
    return render(
        request, "portal/request_new.html", {"form": form}, status=400 if form.errors else 200
    )


def request_sent(request: HttpRequest) -> HttpResponse:
    """The acknowledgement page, with the reference to quote."""
    return render(
        request, "portal/request_sent.html", {"reference": request.session.get(SESSION_SENT)}
    )


def portal_enter(request: HttpRequest, token: str) -> HttpResponse:
    """Follow a link from an e-mail into the portal."""
    try:
        customer = customer_by_portal_token(token=token)
    except PortalLinkError as error:
        status = 410 if error.expired else 404
        return render(
            request,
            "portal/link_invalid.html",
            {"expired": error.expired, "form": LinkRequestForm()},
            status=status,
        )
    request.session.cycle_key()
    request.session[SESSION_CUSTOMER] = customer.pk
    request.session[SESSION_KEY] = customer.portal_key
    return redirect("portal:home")


@require_http_methods(["GET", "POST"])
@post_rate_limited(rate=intake_rate, group="portal-link")
def portal_link(request: HttpRequest) -> HttpResponse:
    """Ask for a new portal link; the answer never tells whether the address is known."""
    form = LinkRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        portal_link_request(
            email=form.cleaned_data["email"], language=translation.get_language() or "en"
        )
        return render(request, "portal/link_sent.html")
    return render(request, "portal/link_request.html", {"form": form})


def portal_home(request: HttpRequest) -> HttpResponse:
    """The customer's own requests."""
    customer = _session_customer(request)
    if customer is None:
        return redirect("portal:link")
    tickets = customer_requests(customer=customer)
    return render(request, "portal/home.html", {"customer": customer, "tickets": tickets})


@require_http_methods(["GET", "POST"])
def portal_ticket(request: HttpRequest, reference: str) -> HttpResponse:
    """One of the customer's requests: its thread, and a reply box while it is open."""
    customer = _session_customer(request)
    if customer is None:
        return redirect(f"{reverse('portal:link')}")
    try:
        ticket = access_ticket_for_customer(customer=customer, reference=reference)
    except NotFound as error:
        raise Http404(str(error)) from error
    form = ReplyForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            customer_message_add(
                ticket=ticket,
                customer=customer,
                text=form.cleaned_data["body"],
                files=form.cleaned_data["attachments"],
            )
        except Invalid as error:
            form.add_error(None, str(error))
        else:
            return redirect("portal:ticket", reference=ticket.reference)
    return _ticket_render(request, customer, ticket, form=form)


def _ticket_render(
    request: HttpRequest,
    customer: Customer,
    ticket: Ticket,
    *,
    form: ReplyForm | None = None,
    rating_form: RatingForm | None = None,
) -> HttpResponse:
    form = form or ReplyForm()
    thread = ticket_thread(ticket=ticket, include_notes=False)
    context: dict[str, object] = {
        "customer": customer,
        "ticket": ticket,
        "thread": thread,
        "form": form,
    }
    # A solved request offers the same good/bad choice as the survey mail, and shows the
    # customer's current rating.
    if rating_form is not None or (ticket.solved_at is not None and ticket.merged_into_id is None):
        survey = survey_latest(ticket=ticket)
        context["survey"] = survey
        context["rating_form"] = rating_form or RatingForm(
            initial={"rating": survey.rating, "comment": survey.comment} if survey else None
        )
    failed = form.errors or (rating_form is not None and rating_form.errors)
    return render(request, "portal/ticket.html", context, status=400 if failed else 200)


@require_POST
def portal_ticket_rate(request: HttpRequest, reference: str) -> HttpResponse:
    """The customer rates one of their solved requests (good or bad, and a comment)."""
    customer = _session_customer(request)
    if customer is None:
        return redirect("portal:link")
    try:
        ticket = access_ticket_for_customer(customer=customer, reference=reference)
    except NotFound as error:
        raise Http404(str(error)) from error
    rating_form = RatingForm(request.POST)
    if rating_form.is_valid():
        try:
            survey_rate_from_portal(
                ticket=ticket,
                rating=rating_form.cleaned_data["rating"],
                comment=rating_form.cleaned_data["comment"],
            )
        except Invalid as error:
            rating_form.add_error(None, str(error))
        else:
            messages.success(request, _("Thank you: your rating is saved."))
            return redirect("portal:ticket", reference=ticket.reference)
    return _ticket_render(request, customer, ticket, rating_form=rating_form)


def portal_attachment(request: HttpRequest, attachment_id: int) -> FileResponse:
    """Download a file from one of the customer's own requests."""
    customer = _session_customer(request)
    if customer is None:
        raise PermissionDenied
    try:
        attachment = access_attachment(attachment_id=attachment_id, customer=customer)
    except NotFound as error:
        raise Http404(str(error)) from error
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=attachment.name)


@require_GET
def portal_recording(request: HttpRequest, recording_id: int) -> HttpResponseBase:
    """Hear the recording of one of the customer's own calls."""
    customer = _session_customer(request)
    if customer is None:
        raise PermissionDenied
    return recording_response(
        request, access_recording(recording_id=recording_id, customer=customer)
    )


@require_POST
def portal_leave(request: HttpRequest) -> HttpResponse:
    """Forget the portal session on this device."""
    request.session.flush()
    return redirect("portal:new")
