"""The agent's customer pages: search, the customer's memory, and merging duplicates."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from frontdesk.accounts.selectors import request_agent
from frontdesk.audit.constants import VIEW_WINDOW
from frontdesk.audit.services import audit_record, audit_record_once
from frontdesk.core.errors import Invalid, NotFound
from frontdesk.core.http import HtmxHttpRequest, page_of
from frontdesk.customers.audit import customer_fields_audit
from frontdesk.customers.choices import FieldTarget
from frontdesk.customers.field_selectors import custom_params, field_definitions
from frontdesk.customers.field_services import FieldInvalid, customer_custom_set
from frontdesk.customers.forms import (
    CustomerForm,
    CustomFilterForm,
    CustomValuesForm,
    IdentityForm,
    MergeForm,
    custom_card_context,
)
from frontdesk.customers.models import Customer
from frontdesk.customers.panels import customer_panels
from frontdesk.customers.selectors import access_customer_by_id, customer_list, customer_timeline
from frontdesk.customers.services import customer_merge, customer_update, identity_add

PAGE_SIZE = 50


def _customer(request: HttpRequest, customer_id: int) -> Customer:
    return access_customer_by_id(actor=request_agent(request), customer_id=customer_id)


@login_required
def customer_list_page(request: HtmxHttpRequest) -> HttpResponse:
    """Find a customer by name, organisation, e-mail or phone."""
    query = request.GET.get("q", "")
    key_only = request.GET.get("key") == "1"
    definitions = field_definitions(target=FieldTarget.CUSTOMER)
    found = customer_list(
        query=query,
        key_only=key_only,
        custom=custom_params(request),
        actor=request_agent(request),
    )
    page, others = page_of(request, found, PAGE_SIZE, estimate=True)
    context = {
        "page": page,
        "q": query,
        "key_only": key_only,
        "query": others,
        "custom_definitions": definitions,
        "custom_filter_form": CustomFilterForm(request.GET, definitions=definitions),
    }
    template = "customers/_list_table.html" if request.htmx else "customers/list.html"
    return render(request, template, context)


def _detail_context(request: HttpRequest, customer: Customer, **forms: object) -> dict[str, object]:
    agent = request_agent(request)
    return {
        "customer": customer,
        "identities": list(customer.identities.all()),
        "timeline": customer_timeline(customer=customer, actor=agent),
        # Cards of apps above customers (the open tickets), which register them.
        "panels": customer_panels(customer=customer, actor=agent),
        "form": forms.get("form")
        or CustomerForm(
            initial={
                "name": customer.name,
                "organisation": customer.organisation,
                "preferred_language": customer.preferred_language,
                "is_key": customer.is_key,
                "notes": customer.notes,
                "tags": ", ".join(t.name for t in customer.tags.all()),
            }
        ),
        "identity_form": forms.get("identity_form") or IdentityForm(),
        "merge_form": forms.get("merge_form") or MergeForm(),
        **_custom_context(customer, forms.get("custom_form")),
    }


def _custom_context(customer: Customer, form: object) -> dict[str, object]:
    """The customer's custom-fields card: the set values and the form that edits them."""
    return custom_card_context(
        target=FieldTarget.CUSTOMER,
        values=customer.custom,
        action=reverse("customers:custom", kwargs={"customer_id": customer.pk}),
        card_id="customer-custom",
        title=_("More details"),
        form=form,
    )


@login_required
@require_POST
def customer_custom_page(request: HtmxHttpRequest, customer_id: int) -> HttpResponse:
    """Save the customer's custom fields; htmx swaps just their card, errors by the field."""
    customer = _customer(request, customer_id)
    definitions = field_definitions(target=FieldTarget.CUSTOMER)
    form: CustomValuesForm | None = CustomValuesForm(request.POST, definitions=definitions)
    if form is not None and form.is_valid():
        before = dict(customer.custom)
        try:
            customer_custom_set(customer=customer, values=form.values())
        except FieldInvalid as error:
            name = "cf_" + error.field
            form.add_error(name if name in form.fields else None, str(error))
        else:
            form = None
            customer_fields_audit(actor=request.user, customer=customer, before=before)
    context = _detail_context(request, customer, custom_form=form)
    if request.htmx:
        return render(request, "customers/_custom_values.html", context)
    if form is None:
        return redirect("customers:detail", customer_id=customer.pk)
    return render(request, "customers/detail.html", context, status=400)


@login_required
def customer_detail(request: HttpRequest, customer_id: int) -> HttpResponse:
    """Everything the desk knows about one customer: timeline across channels, tickets, notes."""
    customer = _customer(request, customer_id)
    if customer.merged_into_id is not None:
        return redirect("customers:detail", customer_id=customer.merged_into_id)
    audit_record_once(actor=request.user, action="view_customer", obj=customer, within=VIEW_WINDOW)
    return render(request, "customers/detail.html", _detail_context(request, customer))


@login_required
@require_POST
def customer_edit(request: HttpRequest, customer_id: int) -> HttpResponse:
    """Save changes to a customer's details and notes."""
    customer = _customer(request, customer_id)
    form = CustomerForm(request.POST)
    if form.is_valid():
        customer_update(customer=customer, **form.cleaned_data)
        messages.success(request, _("Saved."))
        return redirect("customers:detail", customer_id=customer.pk)
    return render(
        request, "customers/detail.html", _detail_context(request, customer, form=form), status=400
    )


@login_required
@require_POST
def customer_identity_add(request: HttpRequest, customer_id: int) -> HttpResponse:
    """Add an e-mail address or phone number."""
    customer = _customer(request, customer_id)
    form = IdentityForm(request.POST)
    if form.is_valid():
        try:
            identity_add(
                customer=customer, kind=form.cleaned_data["kind"], raw=form.cleaned_data["value"]
            )
        except Invalid as error:
            form.add_error("value", str(error))
        else:
            return redirect("customers:detail", customer_id=customer.pk)
    return render(
        request,
        "customers/detail.html",
        _detail_context(request, customer, identity_form=form),
        status=400,
    )


@login_required
@require_POST
def customer_merge_page(request: HttpRequest, customer_id: int) -> HttpResponse:
    """Fold a duplicate record into this customer, after the agent confirmed."""
    target = _customer(request, customer_id)
    form = MergeForm(request.POST)
    if form.is_valid():
        try:
            source = access_customer_by_id(
                actor=request_agent(request), customer_id=form.cleaned_data["source"]
            )
            customer_merge(source=source, target=target, actor=request_agent(request))
            audit_record(
                actor=request.user,
                action="merge",
                obj=target,
                detail={"into": target.audit_label, "merged": [source.audit_label]},
            )
        except NotFound:
            form.add_error("source", _("There is no customer with that number."))
        except Invalid as error:
            form.add_error("source", str(error))
        else:
            messages.success(
                request, _("%(name)s was merged into this customer.") % {"name": source.name}
            )
            return redirect("customers:detail", customer_id=target.pk)
    return render(
        request,
        "customers/detail.html",
        _detail_context(request, target, merge_form=form),
        status=400,
    )
