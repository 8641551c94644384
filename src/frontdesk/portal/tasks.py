"""Background work for the portal."""

from django.template.loader import render_to_string
from django.utils import translation
from django_tasks import task

from frontdesk.customers.models import Customer
from frontdesk.customers.services import portal_link_build
from frontdesk.mail.outbound import mail_send


@task(queue_name="mail")
def portal_link_send(customer_id: int, language: str) -> None:
    """Mail a customer a link into the portal."""
    customer = Customer.objects.get(pk=customer_id)
    if not customer.primary_email:
        return
    with translation.override(customer.preferred_language or language):
        context = {"customer": customer, "portal_link": portal_link_build(customer=customer)}
        subject = render_to_string("portal/email/link_subject.txt", context).strip()
        body = render_to_string("portal/email/link.txt", context)
    mail_send(
        to=customer.primary_email,
        subject=subject,
        text=body,
        headers={"Auto-Submitted": "auto-generated"},
    )
