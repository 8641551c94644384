"""The customer page's ways to reach out: write to a customer, log a call, each a ticket."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from frontdesk.accounts.selectors import request_agent
from frontdesk.core.errors import Invalid
from frontdesk.customers.models import Customer
from frontdesk.customers.selectors import (
    access_customer_by_id,
    customer_email_addresses,
)
from frontdesk.tickets.forms import (
    CallLogForm,
    WriteToCustomerForm,
)
from frontdesk.tickets.services import (
    ticket_call_log,
    ticket_write_to_customer,
)

PAGE_SIZE = 50


def _customer_for_page(request: HttpRequest, customer_id: int) -> Customer:
    return access_customer_by_id(actor=request_agent(request), customer_id=customer_id)


@login_required
def customer_write_page(request: HttpRequest, customer_id: int) -> HttpResponse:
    """Start an e-mail to a customer; it becomes a ticket of the agent's."""
    customer = _customer_for_page(request, customer_id)
    addresses = customer_email_addresses(customer=customer)
    initial = {"language": customer.preferred_language or request.LANGUAGE_CODE}
    form = WriteToCustomerForm(request.POST or None, addresses=addresses, initial=initial)
    if request.method == "POST" and addresses and form.is_valid():
        try:
            ticket = ticket_write_to_customer(
                customer=customer, agent=request_agent(request), **form.cleaned_data
            )
        except Invalid as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Sent. The conversation is a ticket of yours now."))
            return redirect("tickets:detail", ticket_id=ticket.pk)
    context = {"customer": customer, "form": form, "addresses": addresses}
    status = 400 if request.method == "POST" else 200
    return render(request, "tickets/customer_write.html", context, status=status)


@login_required
def customer_call_page(request: HttpRequest, customer_id: int) -> HttpResponse:
    """Record a phone call with a customer; it becomes a phone ticket with a note."""
    customer = _customer_for_page(request, customer_id)
    form = CallLogForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            ticket = ticket_call_log(
                customer=customer, agent=request_agent(request), **form.cleaned_data
            )
        except Invalid as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The call is on the customer's timeline."))
            return redirect("tickets:detail", ticket_id=ticket.pk)
    status = 400 if request.method == "POST" else 200
    context = {"customer": customer, "form": form}
    return render(request, "tickets/customer_call.html", context, status=status)
