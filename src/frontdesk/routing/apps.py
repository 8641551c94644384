from django.apps import AppConfig

from frontdesk.core.slots import DESK_TOP_BAR


class RoutingConfig(AppConfig):
    """Who gets which work: agents' presence, the queue's weights, taking the next item."""

    name = "frontdesk.routing"
    label = "routing"

    def ready(self) -> None:
        # The agent's presence switch in every desk page's top bar.
        DESK_TOP_BAR.fill("routing/_desk_presence.html")
