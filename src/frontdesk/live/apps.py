from django.apps import AppConfig

from frontdesk.schedules.registry import live_queue_register
from frontdesk.tickets.slots import UNDER_SUBJECT


class LiveConfig(AppConfig):
    """Live contacts: phone calls posted by the phone system, and visitors who take a number."""

    name = "frontdesk.live"
    label = "live"

    def ready(self) -> None:
        from frontdesk.live import receivers, selectors  # noqa: F401

        # Schedules, below live, reads the visitor queue and handling times through this.
        live_queue_register(selectors.ScheduleQueue())
        # "Call up" and "Served" on the ticket page of a visitor.
        UNDER_SUBJECT.fill("live/_ticket_visit.html")
