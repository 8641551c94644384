"""Outgoing mail: whatever the desk sends is stored when it is queued and handed to the relay by
one retrying task, so a relay that is down delays a message but never loses it.

Senders compose (wording, language, threading headers) and call `mail_send`; they hear back
through the `mail_sent` and `mail_failed` signals, recognising their mail by its `about`. The
task lives here beside its services: mail's other tasks reach inbound filing, which senders
must not import.
"""

from __future__ import annotations

import enum
import logging
from collections.abc import Mapping, Sequence
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django_tasks import task

from frontdesk.core.errors import Invalid
from frontdesk.mail.models import OutboundMail
from frontdesk.mail.signals import mail_failed, mail_sent

logger = logging.getLogger(__name__)

ERROR_LENGTH = 500  # what a relay's reason may take up where it is shown
# When a relay refuses or cannot be reached, try again after these many seconds; the mail
# shows "not sent yet" and the reason all along, and is never dropped without a trace.
RETRY_DELAYS = (60, 5 * 60, 15 * 60, 60 * 60, 3 * 60 * 60, 12 * 60 * 60)
# A relay answers within minutes or the connection times out: a claim this old is of a worker
# that died while sending.
CLAIM_EXPIRES = timedelta(minutes=5)


class Attempt(enum.Enum):
    """What one attempt at a mail came to (a refusal raises OSError instead)."""

    SENT = "sent"
    ALREADY_SENT = "already sent"
    BUSY = "busy"  # another worker is handing it to the relay


def mail_send(
    *,
    to: str | Sequence[str],
    subject: str,
    text: str,
    html: str | None = None,
    headers: Mapping[str, str] | None = None,
    from_email: str = "",
    about: str = "",
    about_id: int | None = None,
) -> OutboundMail:
    """Queue a mail: stored at once, handed to the relay once the caller's transaction commits."""
    recipients = [to] if isinstance(to, str) else list(to)
    if not recipients or not all(recipients):
        raise Invalid("A mail needs an address to go to.")
    mail = OutboundMail.objects.create(
        to=recipients,
        from_email=from_email or settings.DEFAULT_FROM_EMAIL,
        subject=subject,
        text=text,
        html=html or "",
        headers=dict(headers or {}),
        about=about,
        about_id=about_id,
    )
    transaction.on_commit(partial(mail_deliver.enqueue, mail.pk))
    return mail


@task(queue_name="mail")
def mail_deliver(mail_id: int, attempt: int = 0) -> None:
    """Hand a queued mail to the relay, trying again with back-off while it fails."""
    try:
        outcome = mail_attempt(mail_id=mail_id)
    except OSError:
        if attempt >= len(RETRY_DELAYS):
            logger.error("giving up sending mail %s after %d attempts", mail_id, attempt + 1)
            raise
        later = timezone.now() + timedelta(seconds=RETRY_DELAYS[attempt])
        mail_deliver.using(run_after=later).enqueue(mail_id, attempt + 1)
        return
    if outcome is Attempt.BUSY:
        # Another worker holds it: look again once its claim could have expired, in case that
        # worker died while sending (it then never records the mail as sent).
        later = timezone.now() + CLAIM_EXPIRES
        mail_deliver.using(run_after=later).enqueue(mail_id, attempt)


def mail_attempt(*, mail_id: int) -> Attempt:
    """Hand a queued mail to the relay once, recording that it went or the relay's reason.

    The mail is claimed first by one conditional update, so two workers given the same mail
    (a duplicate job, a job handed back after its worker went quiet) send it once. One
    duplicate remains possible: a worker killed after the relay took the mail and before the
    sending was recorded; once its claim expires the mail is sent again.

    Raises OSError when the relay refuses or cannot be reached, for the task to try again.
    """
    now = timezone.now()
    claimed = (
        OutboundMail.objects.filter(pk=mail_id, sent_at__isnull=True)
        .filter(Q(sending_at__isnull=True) | Q(sending_at__lt=now - CLAIM_EXPIRES))
        .update(sending_at=now)
    )
    mail = OutboundMail.objects.get(pk=mail_id)
    if not claimed:
        return Attempt.ALREADY_SENT if mail.sent_at is not None else Attempt.BUSY
    message = EmailMultiAlternatives(
        subject=mail.subject,
        body=mail.text,
        from_email=mail.from_email,
        to=mail.to,
        headers=mail.headers,
    )
    if mail.html:
        message.attach_alternative(mail.html, "text/html")
    try:
        message.send()
    except OSError as error:
        # Kept on the mail, and told to its sender, so whoever waits on it sees why.
        mail.error = str(error)[:ERROR_LENGTH]
        OutboundMail.objects.filter(pk=mail.pk).update(
            attempts=F("attempts") + 1, error=mail.error, sending_at=None
        )
        logger.warning("sending mail %s failed: %s", mail.pk, error)
        mail_failed.send(sender=OutboundMail, mail=mail, error=mail.error)
        raise
    mail.sent_at, mail.error = timezone.now(), ""
    OutboundMail.objects.filter(pk=mail.pk).update(
        sent_at=mail.sent_at, attempts=F("attempts") + 1, error="", sending_at=None
    )
    mail_sent.send(sender=OutboundMail, mail=mail)
    return Attempt.SENT
