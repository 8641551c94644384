from django.apps import AppConfig


class MacrosConfig(AppConfig):
    """Canned answers with one-word codes, per language, that can also act on the ticket."""

    name = "frontdesk.macros"
    label = "macros"

    def ready(self) -> None:
        from frontdesk.macros import receivers  # noqa: F401
