from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from frontdesk.audit.registry import object_links_register, value_words_register
from frontdesk.core.retention import files_expirer_register
from frontdesk.core.settings_menu import section_register
from frontdesk.customers.slots import ACTIONS


class TicketsConfig(AppConfig):
    """Tickets, their messages and attachments."""

    name = "frontdesk.tickets"
    label = "tickets"

    def ready(self) -> None:
        from frontdesk.core.changes import changes_register
        from frontdesk.core.metrics import metrics_collector_register
        from frontdesk.customers.choices import FieldTarget
        from frontdesk.customers.exports import erasure_count_register, export_part_register
        from frontdesk.customers.field_services import ColumnStore, value_store_register
        from frontdesk.customers.visibility import visibility_register
        from frontdesk.tickets import (
            panels,  # noqa: F401
            receivers,  # noqa: F401
            slots,  # noqa: F401
        )
        from frontdesk.tickets.audit import status_words, ticket_links
        from frontdesk.tickets.metrics import tickets_metrics
        from frontdesk.tickets.models import DeskText, QueueSettings, Ticket
        from frontdesk.tickets.privacy import (
            messages_elsewhere_export,
            tickets_erasure_count,
            tickets_export,
        )
        from frontdesk.tickets.services import attachments_expire
        from frontdesk.tickets.visibility import customer_visible, interaction_visible

        metrics_collector_register(tickets_metrics)

        # A customer's tickets in their export; what erasing them would blank, counted.
        export_part_register("tickets", tickets_export)
        export_part_register("messages_on_other_tickets", messages_elsewhere_export)
        erasure_count_register(tickets_erasure_count)

        # "Write to customer" and "Log a call" on the customer page.
        ACTIONS.fill("tickets/_customer_reach.html")
        # Attachments past the retention rule go in the periodic "files-retention" job.
        files_expirer_register("attachments", attachments_expire)
        # The audit trail links to tickets and names their statuses.
        object_links_register("ticket", ticket_links)
        value_words_register("status", status_words)
        changes_register(QueueSettings, exclude=["updated_at", "updated_by"])
        # With access by team on, an agent sees a customer through a visible ticket (or none).
        visibility_register(customers=customer_visible, interactions=interaction_visible)
        changes_register(DeskText)
        section_register(
            key="texts",
            title=_("Texts to customers"),
            url_name="tickets:desk_texts",
            order=60,
            description=_("The acknowledgement e-mail, the request form and the kiosk's welcome."),
        )
        # A ticket field's change of kind converts or drops the values tickets hold.
        value_store_register(
            target=FieldTarget.TICKET, store=ColumnStore(Ticket, FieldTarget.TICKET)
        )
