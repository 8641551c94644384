"""Writes for tickets, their messages and attachments: a module per concern, every public
name re-exported here."""

from frontdesk.tickets.services._common import (
    INTERACTION_KIND,
    html_sanitise,
    reference_new,
    ticket_note_system,
)
from frontdesk.tickets.services.attachments import attachments_expire
from frontdesk.tickets.services.bulk import (
    BulkResult,
    tickets_bulk_assign,
    tickets_bulk_merge,
    tickets_bulk_status,
    tickets_bulk_tag,
)
from frontdesk.tickets.services.custom import ticket_custom_set
from frontdesk.tickets.services.delivery import (
    acknowledgement_deliver,
    message_delivery_record,
    message_mail,
    sla_escalation_deliver,
    sla_escalations_deliver,
    ticket_reply,
)
from frontdesk.tickets.services.desk_texts import desk_text_problems, desk_text_save
from frontdesk.tickets.services.follow_ups import (
    ticket_follow_up_open,
    tickets_follow_ups_activate,
)
from frontdesk.tickets.services.intake import (
    ticket_create,
    ticket_create_check,
    ticket_customer_reply,
    ticket_customer_reply_check,
    ticket_third_party_reply,
    ticket_triage_apply,
)
from frontdesk.tickets.services.lifecycle import (
    ticket_assign,
    ticket_assign_if_free,
    ticket_note,
    ticket_set_status,
    ticket_tags_add,
    ticket_take_next,
    ticket_update,
    tickets_move_customer,
    tickets_release,
)
from frontdesk.tickets.services.merge import (
    ticket_merge,
    ticket_merge_check,
    ticket_merge_survivor,
)
from frontdesk.tickets.services.outreach import (
    ticket_call_log,
    ticket_write_to_customer,
)
from frontdesk.tickets.services.placement import (
    queue_weights_set,
    ticket_queue_kind_set,
    ticket_queue_place,
    ticket_sla_breach,
    ticket_sla_warn,
    tickets_queue_refresh,
)
from frontdesk.tickets.services.saved_views import (
    ticket_view_create,
    ticket_view_delete,
    ticket_view_move,
    ticket_view_update,
)
from frontdesk.tickets.services.search import tickets_search_text_refresh
from frontdesk.tickets.services.sweep import sla_sweep
from frontdesk.tickets.services.tags import tags_normalise, ticket_tags_set
from frontdesk.tickets.services.team_scope import queue_team_scope_set
from frontdesk.tickets.services.watching import ticket_watch

__all__ = [
    "INTERACTION_KIND",
    "BulkResult",
    "acknowledgement_deliver",
    "attachments_expire",
    "desk_text_problems",
    "desk_text_save",
    "html_sanitise",
    "message_delivery_record",
    "message_mail",
    "queue_team_scope_set",
    "queue_weights_set",
    "reference_new",
    "sla_escalation_deliver",
    "sla_escalations_deliver",
    "sla_sweep",
    "tags_normalise",
    "ticket_assign",
    "ticket_assign_if_free",
    "ticket_call_log",
    "ticket_create",
    "ticket_create_check",
    "ticket_custom_set",
    "ticket_customer_reply",
    "ticket_customer_reply_check",
    "ticket_follow_up_open",
    "ticket_merge",
    "ticket_merge_check",
    "ticket_merge_survivor",
    "ticket_note",
    "ticket_note_system",
    "ticket_queue_kind_set",
    "ticket_queue_place",
    "ticket_reply",
    "ticket_set_status",
    "ticket_sla_breach",
    "ticket_sla_warn",
    "ticket_tags_add",
    "ticket_tags_set",
    "ticket_take_next",
    "ticket_third_party_reply",
    "ticket_triage_apply",
    "ticket_update",
    "ticket_view_create",
    "ticket_view_delete",
    "ticket_view_move",
    "ticket_view_update",
    "ticket_watch",
    "ticket_write_to_customer",
    "tickets_bulk_assign",
    "tickets_bulk_merge",
    "tickets_bulk_status",
    "tickets_bulk_tag",
    "tickets_follow_ups_activate",
    "tickets_move_customer",
    "tickets_queue_refresh",
    "tickets_release",
    "tickets_search_text_refresh",
]
