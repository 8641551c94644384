from django.apps import AppConfig


class SlaConfig(AppConfig):
    """Service-level targets per level, counted on each team's business hours and holidays."""

    name = "frontdesk.sla"
    label = "sla"
