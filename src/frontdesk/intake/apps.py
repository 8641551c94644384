from django.apps import AppConfig


class IntakeConfig(AppConfig):
    """The flows of a contact arriving: triage reads it, its ticket takes it, the customer hears."""

    name = "frontdesk.intake"
    label = "intake"

    def ready(self) -> None:
        # The API's "open a ticket" runs this app's flow, under the tickets' path.
        from frontdesk.intake import api  # noqa: F401
