from django.apps import AppConfig


class TriageConfig(AppConfig):
    """Reads each contact, decides level, quick win, language and tone, and learns from agents."""

    name = "frontdesk.triage"
    label = "triage"
