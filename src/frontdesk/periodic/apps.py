from django.apps import AppConfig


class PeriodicConfig(AppConfig):
    """Work the desk does on a clock (SLA sweeps, database upkeep), started by the workers."""

    name = "frontdesk.periodic"
    label = "periodic"
