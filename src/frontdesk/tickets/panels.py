"""The tickets card on the customer page, registered with customers when the app is ready."""

from __future__ import annotations

from collections.abc import Mapping

from frontdesk.accounts.models import User
from frontdesk.customers.models import Customer
from frontdesk.customers.panels import CustomerPanel, customer_panel_register
from frontdesk.tickets.selectors import customer_tickets


def customer_open_tickets(*, customer: Customer, actor: User) -> Mapping[str, object]:
    """The customer's open tickets the agent may see, for their card on the customer page."""
    return {"open_tickets": customer_tickets(customer=customer, open_only=True, actor=actor)}


customer_panel_register(
    CustomerPanel(template="tickets/_customer_panel.html", data=customer_open_tickets)
)
