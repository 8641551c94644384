from django.apps import AppConfig


class PortalConfig(AppConfig):
    """What customers see: the request form and their own tickets."""

    name = "frontdesk.portal"
    label = "portal"
