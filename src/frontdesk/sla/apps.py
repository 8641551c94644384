from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SlaConfig(AppConfig):
    """Service-level targets per level, counted on each team's business hours and holidays."""

    name = "frontdesk.sla"
    label = "sla"

    def ready(self) -> None:
        # The desk's clock runs in the zone of its business hours, which this app keeps; the
        # clock sits below every app, so it is told where to look rather than importing us.
        from frontdesk.core.clock import desk_zone_reader_set
        from frontdesk.sla.selectors import desk_time_zone

        desk_zone_reader_set(desk_time_zone)

        from frontdesk.core.changes import changes_register
        from frontdesk.sla.models import BusinessHours, SlaTarget

        changes_register(BusinessHours)
        changes_register(SlaTarget)
        from frontdesk.core.settings_menu import section_register

        section_register(
            key="hours",
            title=_("Business hours and holidays"),
            url_name="sla:hours",
            order=30,
            description=_(
                "When the desk and each team work, in which time zone, and whose holidays."
            ),
        )
        section_register(
            key="service-levels",
            title=_("Service levels"),
            url_name="sla:service_levels",
            order=40,
            description=_("How long each level may wait for the first answer and the solution."),
        )
