from django.apps import AppConfig


class SchedulesConfig(AppConfig):
    """Shifts, breaks that customers are told about, staffing by Erlang C, and playbooks."""

    name = "frontdesk.schedules"
    label = "schedules"
