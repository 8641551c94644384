from django.apps import AppConfig

from frontdesk.customers.slots import ACTIONS


class TicketsConfig(AppConfig):
    """Tickets, their messages and attachments."""

    name = "frontdesk.tickets"
    label = "tickets"

    def ready(self) -> None:
        from frontdesk.core.changes import changes_register
        from frontdesk.tickets import (
            panels,  # noqa: F401
            receivers,  # noqa: F401
            slots,  # noqa: F401
        )
        from frontdesk.tickets.models import QueueSettings

        # "Write to customer" and "Log a call" on the customer page.
        ACTIONS.fill("tickets/_customer_reach.html")
        changes_register(QueueSettings, exclude=["updated_at", "updated_by"])
