from django.apps import AppConfig


class RoutingConfig(AppConfig):
    """Who gets which work: agents' presence, the queue's weights, taking the next item."""

    name = "frontdesk.routing"
    label = "routing"
