from django.apps import AppConfig


class MailConfig(AppConfig):
    """E-mail in (SMTP, LMTP, IMAP) and the record of every message as it arrived."""

    name = "frontdesk.mail"
    label = "mail"
