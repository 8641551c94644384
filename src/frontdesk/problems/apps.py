from django.apps import AppConfig


class ProblemsConfig(AppConfig):
    """What many customers report at once: alerts from detection, problems, one reply to all."""

    name = "frontdesk.problems"
    label = "problems"
