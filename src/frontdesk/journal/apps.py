from django.apps import AppConfig


class JournalConfig(AppConfig):
    """Every contact in one line, the team's codes, and the promises that must not get lost."""

    name = "frontdesk.journal"
    label = "journal"

    def ready(self) -> None:
        from frontdesk.journal import receivers  # noqa: F401
