"""Background work for live contacts."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from frontdesk.live import services
from frontdesk.live.models import Visit
from frontdesk.live.selectors import visit_link_build
from frontdesk.mail.outbound import mail_send


@task(queue_name="mail")
def visit_link_send(visit_id: int) -> None:
    """Mail a visitor who gave their address the link to their number's page, in the language
    they took the number in."""
    visit = Visit.objects.get(pk=visit_id)
    if not visit.email:
        return
    with translation.override(visit.language or settings.LANGUAGE_CODE):
        context = {"visit": visit, "link": visit_link_build(visit=visit)}
        subject = render_to_string("live/email/number_subject.txt", context).strip()
        body = render_to_string("live/email/number.txt", context)
    mail_send(
        to=visit.email,
        subject=subject,
        text=body,
        headers={"Auto-Submitted": "auto-generated"},
    )


@task()
def live_contacts_time_out() -> int:
    """Close calls and visits whose closing news never came."""
    return services.live_contacts_time_out(now=timezone.now())
