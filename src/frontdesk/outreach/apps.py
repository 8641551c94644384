from django.apps import AppConfig

from frontdesk.core.slots import DESK_NAV


class OutreachConfig(AppConfig):
    """Campaigns to a segment of customers, opt-outs, and telling the likely affected first."""

    name = "frontdesk.outreach"
    label = "outreach"

    def ready(self) -> None:
        from frontdesk.customers.exports import export_part_register
        from frontdesk.outreach import panels, receivers, slots  # noqa: F401
        from frontdesk.outreach.privacy import outreach_export

        export_part_register("outreach", outreach_export)

        # "Outreach" in the desk's navigation, for leads.
        DESK_NAV.fill("outreach/_nav.html")
