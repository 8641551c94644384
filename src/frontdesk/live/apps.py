from django.apps import AppConfig

from frontdesk.core.retention import files_expirer_register
from frontdesk.customers.slots import TIMELINE_ENTRY_END
from frontdesk.schedules.registry import live_queue_register
from frontdesk.tickets.slots import UNDER_SUBJECT


class LiveConfig(AppConfig):
    """Live contacts: phone calls posted by the phone system, and visitors who take a number."""

    name = "frontdesk.live"
    label = "live"

    def ready(self) -> None:
        from frontdesk.customers.exports import export_part_register
        from frontdesk.live import receivers, selectors  # noqa: F401
        from frontdesk.live.privacy import calls_export, visits_export
        from frontdesk.live.recording_services import recordings_expire

        export_part_register("calls", calls_export)
        export_part_register("visits", visits_export)

        # Schedules, below live, reads the visitor queue and handling times through this.
        live_queue_register(selectors.ScheduleQueue())
        # "Call up" and "Served" on the ticket page of a visitor.
        UNDER_SUBJECT.fill("live/_ticket_visit.html")
        # A call's recordings: on its ticket, and on its line of the customer's timeline.
        UNDER_SUBJECT.fill("live/_ticket_recordings.html")
        TIMELINE_ENTRY_END.fill("live/_timeline_recordings.html")
        # Recordings are kept as long as attachments are, deleted by the same job.
        files_expirer_register("recordings", recordings_expire)
