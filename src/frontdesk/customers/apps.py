from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from frontdesk.core.settings_menu import section_register


class CustomersConfig(AppConfig):
    """Customers and the shared memory of every contact with them."""

    name = "frontdesk.customers"
    label = "customers"

    def ready(self) -> None:
        from frontdesk.audit.registry import object_links_register
        from frontdesk.core.changes import changes_register
        from frontdesk.customers import (
            field_services,  # noqa: F401
            slots,  # noqa: F401
        )
        from frontdesk.customers.audit import customer_links
        from frontdesk.customers.field_selectors import field_definitions_summary
        from frontdesk.customers.models import FieldDefinition

        # The audit trail links to customers that still exist.
        object_links_register("customer", customer_links)
        changes_register(FieldDefinition, exclude=["created_at", "updated_at"])
        section_register(
            key="fields",
            title=_("Custom fields"),
            url_name="fields:settings",
            order=40,
            description=_("Details agents fill on tickets and customers, and filter lists by."),
            summary=field_definitions_summary,
        )
