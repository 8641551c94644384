from django.apps import AppConfig


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

        changes_register(QueueSettings, exclude=["updated_at", "updated_by"])
