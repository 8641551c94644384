from django.apps import AppConfig


class MailConfig(AppConfig):
    """E-mail in (SMTP, LMTP, IMAP) and out, and the record of every message either way."""

    name = "frontdesk.mail"
    label = "mail"

    def ready(self) -> None:
        from frontdesk.core.metrics import metrics_collector_register
        from frontdesk.mail.metrics import mail_metrics

        metrics_collector_register(mail_metrics)
