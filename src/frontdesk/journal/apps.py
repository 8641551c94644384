from django.apps import AppConfig

from frontdesk.tickets.slots import PROPERTIES_END


class JournalConfig(AppConfig):
    """Every contact in one line, the team's codes, and the promises that must not get lost."""

    name = "frontdesk.journal"
    label = "journal"

    def ready(self) -> None:
        from frontdesk.journal import receivers  # noqa: F401

        # The form that records a promise made on this ticket.
        PROPERTIES_END.fill("journal/_ticket_follow_up.html")
