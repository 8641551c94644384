"""The admin's privacy actions on a customer's page: download everything held about them, and
erase it after a confirmation page that says what goes and what stays."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from frontdesk.accounts.choices import Role
from frontdesk.accounts.models import User
from frontdesk.accounts.selectors import request_agent
from frontdesk.core.errors import Forbidden, Invalid
from frontdesk.customers.models import Customer
from frontdesk.customers.privacy import customer_erase, customer_export, erasure_plan
from frontdesk.customers.selectors import access_customer_by_id


def _admin_customer(request: HttpRequest, customer_id: int) -> tuple[User, Customer]:
    agent = request_agent(request)
    customer = access_customer_by_id(actor=agent, customer_id=customer_id)
    if agent.role != Role.ADMIN:
        raise Forbidden(_("Only an admin can export or erase a customer's data."))
    return agent, customer


@login_required
def customer_export_download(request: HttpRequest, customer_id: int) -> HttpResponse:
    """Everything the desk holds about the customer, as a .json file; recorded."""
    agent, customer = _admin_customer(request, customer_id)
    data = customer_export(
        customer=customer, actor=agent, remote_addr=request.META.get("REMOTE_ADDR")
    )
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = f'attachment; filename="customer-{customer.pk}.json"'
    return response


@login_required
def customer_erase_confirm(request: HttpRequest, customer_id: int) -> HttpResponse:
    """What erasing the customer would remove and keep, and the button that does it."""
    _agent, customer = _admin_customer(request, customer_id)
    return render(
        request,
        "customers/erase_confirm.html",
        {"customer": customer, "plan": erasure_plan(customer=customer)},
    )


@login_required
@require_POST
def customer_erase_page(request: HttpRequest, customer_id: int) -> HttpResponse:
    """Erase the customer's data, as the confirmation page asked; back to their page."""
    agent, customer = _admin_customer(request, customer_id)
    try:
        customer_erase(customer=customer, actor=agent, remote_addr=request.META.get("REMOTE_ADDR"))
    except Invalid as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The customer's data was erased."))
    return redirect("customers:detail", customer_id=customer.pk)
