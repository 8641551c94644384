from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from frontdesk.accounts.slots import AGENT_ACTIONS
from frontdesk.core.settings_menu import section_register
from frontdesk.core.slots import DESK_UNDER_HEADER
from frontdesk.schedules import slots  # noqa: F401  (declares the status page's slot)
from frontdesk.tickets.registry import acknowledgement_status_register


class SchedulesConfig(AppConfig):
    """Shifts, breaks that customers are told about, staffing by Erlang C, and playbooks."""

    name = "frontdesk.schedules"
    label = "schedules"

    def ready(self) -> None:
        from frontdesk.core.changes import changes_register
        from frontdesk.schedules import wording
        from frontdesk.schedules.models import BreakRule, Playbook
        from frontdesk.schedules.selectors.break_rules import break_rules_summary

        # Tickets, below schedules, tells customers the desk's status through this.
        acknowledgement_status_register(wording.desk_status_mail_text)
        # The agent's break, due or running, under the header; after journal's log bar.
        DESK_UNDER_HEADER.fill("schedules/_desk_break_bar.html")
        # A lead ends an agent's calendar link on the agent's page.
        AGENT_ACTIONS.fill("schedules/_agent_calendar_link.html")
        changes_register(BreakRule)
        changes_register(Playbook, exclude=["updated_at", "updated_by"])
        section_register(
            key="break-rules",
            title=_("Break rules"),
            url_name="schedules:break_rules",
            order=40,
            description=_("The breaks each shift gets, and when in the shift they may start."),
            summary=break_rules_summary,
        )
        section_register(
            key="playbooks",
            title=_("Playbooks"),
            url_name="schedules:playbooks_settings",
            order=45,
            description=_("What to do and say in an awkward moment, in each language."),
        )
