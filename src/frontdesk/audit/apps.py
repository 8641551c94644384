from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    """The audit trail: who saw or changed what, when, for admins to read."""

    name = "frontdesk.audit"
    label = "audit"

    def ready(self) -> None:
        from frontdesk.audit import receivers  # noqa: F401
        from frontdesk.core.settings_menu import section_register

        section_register(
            key="audit",
            title=_("Audit trail"),
            url_name="audit:list",
            order=1010,
            description=_("Who viewed or changed what, when: for admins only."),
            admins_only=True,
        )
