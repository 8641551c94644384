from django.apps import AppConfig


class AuditConfig(AppConfig):
    """The audit trail: who saw or changed what, when, for admins to read."""

    name = "frontdesk.audit"
    label = "audit"

    def ready(self) -> None:
        from frontdesk.audit import receivers  # noqa: F401
