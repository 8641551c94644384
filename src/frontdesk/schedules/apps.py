from django.apps import AppConfig

from frontdesk.core.slots import DESK_UNDER_HEADER
from frontdesk.tickets.registry import acknowledgement_status_register


class SchedulesConfig(AppConfig):
    """Shifts, breaks that customers are told about, staffing by Erlang C, and playbooks."""

    name = "frontdesk.schedules"
    label = "schedules"

    def ready(self) -> None:
        from frontdesk.schedules import wording

        # Tickets, below schedules, tells customers the desk's status through this.
        acknowledgement_status_register(wording.desk_status_mail_text)
        # The agent's break, due or running, under the header; after journal's log bar.
        DESK_UNDER_HEADER.fill("schedules/_desk_break_bar.html")
