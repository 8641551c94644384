from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from frontdesk.core.settings_menu import section_register
from frontdesk.tickets.slots import PROPERTIES_END


class SatisfactionConfig(AppConfig):
    """How customers felt: a rating asked after each solve, and what a bad one sets going."""

    name = "frontdesk.satisfaction"
    label = "satisfaction"

    def ready(self) -> None:
        from frontdesk.core.changes import changes_register
        from frontdesk.customers.exports import export_part_register

        # GET /api/v1/tickets/{id}/rating, under the tickets' path.
        from frontdesk.satisfaction import api, receivers  # noqa: F401
        from frontdesk.satisfaction.models import SatisfactionSettings
        from frontdesk.satisfaction.privacy import ratings_export

        export_part_register("ratings", ratings_export)

        # The customer's rating, comment and when, on the ticket page.
        PROPERTIES_END.fill("satisfaction/_ticket_rating.html")
        changes_register(SatisfactionSettings, exclude=["updated_at", "updated_by"])
        section_register(
            key="satisfaction",
            title=_("Satisfaction"),
            url_name="satisfaction:settings",
            order=65,
            description=_("Whether customers are asked to rate their solved tickets."),
        )
