"""Background work for tickets: it takes ids, re-reads, and calls a service."""

from django_tasks import task

from frontdesk.tickets import services


@task(queue_name="mail")
def message_send(message_id: int) -> None:
    """Deliver an agent's reply to the customer."""
    services.message_deliver(message_id=message_id)


@task(queue_name="mail")
def acknowledgement_send(ticket_id: int) -> None:
    """Acknowledge a new request to the customer."""
    services.acknowledgement_deliver(ticket_id=ticket_id)


@task(queue_name="mail")
def sla_escalation_send(ticket_id: int) -> None:
    """Tell the desk's leads that a ticket's SLA was breached."""
    services.sla_escalation_deliver(ticket_id=ticket_id)
