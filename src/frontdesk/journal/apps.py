from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from frontdesk.core.settings_menu import section_register
from frontdesk.core.slots import DESK_UNDER_HEADER
from frontdesk.customers.slots import TIMELINE_ENTRY_END
from frontdesk.tickets.slots import PROPERTIES_END


class JournalConfig(AppConfig):
    """Every contact in one line, the team's codes, and the promises that must not get lost."""

    name = "frontdesk.journal"
    label = "journal"

    def ready(self) -> None:
        from frontdesk.core.changes import changes_register
        from frontdesk.customers.exports import export_part_register
        from frontdesk.journal import receivers  # noqa: F401
        from frontdesk.journal.models import LogCode
        from frontdesk.journal.privacy import colleague_notes_export, follow_ups_export

        export_part_register("follow_ups", follow_ups_export)
        export_part_register("notes_for_colleagues", colleague_notes_export)
        from frontdesk.journal.selectors import log_codes_summary

        # The form that records a promise made on this ticket.
        PROPERTIES_END.fill("journal/_ticket_follow_up.html")
        # The log bar under every desk page's header, where a contact is logged in one line.
        DESK_UNDER_HEADER.fill("journal/_log_bar.html")
        # A badge on a timeline line whose words promise something no follow-up backs.
        TIMELINE_ENTRY_END.fill("journal/_timeline_promise.html")
        changes_register(LogCode)
        section_register(
            key="log-codes",
            title=_("Log codes"),
            url_name="journal:log_codes",
            order=30,
            description=_("Words the team types in the log line, and the promises they make."),
            summary=log_codes_summary,
        )
