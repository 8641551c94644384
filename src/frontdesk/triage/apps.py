from django.apps import AppConfig


class TriageConfig(AppConfig):
    """Reads each contact, decides level, quick win, language and tone, and learns from agents."""

    name = "frontdesk.triage"
    label = "triage"

    def ready(self) -> None:
        # Changing a ticket's level over the API is this app's correction, under the tickets'
        # path.
        from frontdesk.triage import api  # noqa: F401
        from frontdesk.triage.runtime import warmer_register
        from frontdesk.triage.services import triage_warm_up

        # Warming up triages a made-up contact: the desk's model and answer index load too.
        warmer_register(triage_warm_up)
