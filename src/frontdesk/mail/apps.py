from django.apps import AppConfig


class MailConfig(AppConfig):
    """E-mail in (SMTP, LMTP, IMAP) and out, and the record of every message either way."""

    name = "frontdesk.mail"
    label = "mail"
