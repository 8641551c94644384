from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from frontdesk.core.settings_menu import section_register
from frontdesk.core.slots import DESK_TOP_BAR


class RoutingConfig(AppConfig):
    """Who gets which work: agents' presence, the queue's weights, taking the next item."""

    name = "frontdesk.routing"
    label = "routing"

    def ready(self) -> None:
        # The agent's presence switch in every desk page's top bar.
        DESK_TOP_BAR.fill("routing/_desk_presence.html")
        section_register(
            key="queue",
            title=_("Queue order"),
            url_name="queue_settings:weights",
            order=50,
            description=_("How far ahead each kind of work is placed in the queue."),
        )
