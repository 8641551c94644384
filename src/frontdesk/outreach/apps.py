from django.apps import AppConfig

from frontdesk.core.slots import DESK_NAV


class OutreachConfig(AppConfig):
    """Campaigns to a segment of customers, opt-outs, and telling the likely affected first."""

    name = "frontdesk.outreach"
    label = "outreach"

    def ready(self) -> None:
        from frontdesk.outreach import panels, receivers, slots  # noqa: F401

        # "Outreach" in the desk's navigation, for leads.
        DESK_NAV.fill("outreach/_nav.html")
