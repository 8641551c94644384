from django.apps import AppConfig

from frontdesk.mail.registry import Filer, filer_register


class IntakeConfig(AppConfig):
    """The flows of a contact arriving: triage reads it, its ticket takes it, the customer hears."""

    name = "frontdesk.intake"
    label = "intake"

    def ready(self) -> None:
        # The API's "open a ticket" runs this app's flow, under the tickets' path.
        from frontdesk.intake import api  # noqa: F401
        from frontdesk.intake.mail import mail_file, mail_filing_warm_up

        # Mail stores and parses what comes in; this app files it.
        filer_register(Filer(file=mail_file, warm_up=mail_filing_warm_up))
