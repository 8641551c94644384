"""Background work for the portal."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from frontdesk.customers.models import Customer
from frontdesk.customers.services import portal_link_build


@task(queue_name="mail")
def portal_link_send(customer_id: int, language: str) -> None:
    """Mail a customer a link into the portal."""
    customer = Customer.objects.get(pk=customer_id)
    with translation.override(customer.preferred_language or language):
        context = {"customer": customer, "portal_link": portal_link_build(customer=customer)}
        subject = render_to_string("portal/email/link_subject.txt", context).strip()
        body = render_to_string("portal/email/link.txt", context)
    email = EmailMultiAlternatives(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[customer.primary_email],
        headers={"Auto-Submitted": "auto-generated"},
    )
    email.send()
