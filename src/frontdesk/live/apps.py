from django.apps import AppConfig

from frontdesk.schedules.registry import live_queue_register


class LiveConfig(AppConfig):
    """Live contacts: phone calls posted by the phone system, and visitors who take a number."""

    name = "frontdesk.live"
    label = "live"

    def ready(self) -> None:
        from frontdesk.live import receivers, selectors  # noqa: F401

        # Schedules, below live, reads the visitor queue and handling times through this.
        live_queue_register(selectors.ScheduleQueue())
