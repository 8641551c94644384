from django.apps import AppConfig

from frontdesk.tickets.slots import REPLY_BOX


class MacrosConfig(AppConfig):
    """Canned answers with one-word codes, per language, that can also act on the ticket."""

    name = "frontdesk.macros"
    label = "macros"

    def ready(self) -> None:
        from frontdesk.macros import receivers  # noqa: F401

        # The ticket page's reply box, which expands /codes as the agent types.
        REPLY_BOX.fill("macros/_reply_body.html")
