from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from frontdesk.core.settings_menu import section_register
from frontdesk.tickets.slots import REPLY_BOX


class MacrosConfig(AppConfig):
    """Canned answers with one-word codes, per language, that can also act on the ticket."""

    name = "frontdesk.macros"
    label = "macros"

    def ready(self) -> None:
        from frontdesk.core.changes import changes_register
        from frontdesk.macros import receivers  # noqa: F401
        from frontdesk.macros.models import Macro, MacroSet
        from frontdesk.macros.selectors import macro_answer_find, macros_summary
        from frontdesk.triage.registry import answer_finder_register

        # The ticket page's reply box, which expands /codes as the agent types.
        REPLY_BOX.fill("macros/_reply_body.html")
        changes_register(Macro, exclude=["updated_at"])
        changes_register(MacroSet)
        # Triage, below, asks whether a macro answers a new contact's question.
        answer_finder_register(macro_answer_find)
        section_register(
            key="macros",
            title=_("Macros"),
            url_name="macros:settings",
            order=20,
            description=_("Answers kept for reuse, typed as /code, in each language."),
            summary=macros_summary,
        )
