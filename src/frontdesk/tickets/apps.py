from django.apps import AppConfig


class TicketsConfig(AppConfig):
    """Tickets, their messages and attachments."""

    name = "frontdesk.tickets"
    label = "tickets"

    def ready(self) -> None:
        from frontdesk.tickets import (
            panels,  # noqa: F401
            receivers,  # noqa: F401
            slots,  # noqa: F401
        )
