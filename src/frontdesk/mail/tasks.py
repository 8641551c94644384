"""Background work for mail."""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from frontdesk.mail.fetch import MailFetchError, mail_fetch
from frontdesk.mail.privacy import raw_mail_expire


@task()
def mail_fetch_new() -> int:
    """Collect new mail from the configured IMAP mailbox (nothing when none is configured)."""
    if not settings.IMAP_HOST:
        return 0
    try:
        return mail_fetch()
    except MailFetchError:
        # The mailbox is down or the password changed: logged, tried again next time.
        import logging

        logging.getLogger(__name__).exception("fetching mail failed")
        return 0


@task()
def mail_file_left_over() -> int:
    """File mail a listener stored but did not file (it was stopped in between)."""
    from frontdesk.mail.inbound import mail_file_pending

    # A running listener files within seconds; what is older than this was left behind.
    return mail_file_pending(older_than=timedelta(minutes=2))


@task()
def raw_mail_retention() -> int:
    """Empty the raw bytes of filed mail older than FRONTDESK_RAW_MAIL_DAYS (0: keep them)."""
    if not settings.RAW_MAIL_DAYS:
        return 0
    return raw_mail_expire(before=timezone.now() - timedelta(days=settings.RAW_MAIL_DAYS))
