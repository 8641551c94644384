from django.apps import AppConfig


class ReportsConfig(AppConfig):
    """What the desk's work came to, for leads: reports with charts, and what-if replays of the
    desk's days through the simulator."""

    name = "frontdesk.reports"
    label = "reports"
