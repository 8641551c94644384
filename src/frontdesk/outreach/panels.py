"""The opt-outs card on the customer page, registered with customers when the app is ready."""

from __future__ import annotations

from collections.abc import Mapping

from frontdesk.accounts.models import User
from frontdesk.customers.models import Customer
from frontdesk.customers.panels import CustomerPanel, customer_panel_register
from frontdesk.outreach.selectors import opt_outs_of


def customer_opt_outs(*, customer: Customer, actor: User) -> Mapping[str, object]:
    """The customer's opt-outs from campaigns, current and undone."""
    return {"opt_outs": opt_outs_of(customer=customer)}


customer_panel_register(
    CustomerPanel(template="outreach/_customer_opt_outs.html", data=customer_opt_outs)
)
