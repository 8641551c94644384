from django.apps import AppConfig

from frontdesk.tickets.registry import acknowledgement_status_register


class SchedulesConfig(AppConfig):
    """Shifts, breaks that customers are told about, staffing by Erlang C, and playbooks."""

    name = "frontdesk.schedules"
    label = "schedules"

    def ready(self) -> None:
        from frontdesk.schedules import wording

        # Tickets, below schedules, tells customers the desk's status through this.
        acknowledgement_status_register(wording.desk_status_mail_text)
