"""What the desk sends: agents' replies, and the mail of replies, acknowledgements and SLA
escalations, threaded and in the customer's language."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from email.utils import make_msgid

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from frontdesk.accounts.models import User
from frontdesk.accounts.selectors import leads_reachable
from frontdesk.accounts.services import agents_mail
from frontdesk.core.attachments import attachments_validate
from frontdesk.core.errors import Conflict
from frontdesk.customers.choices import Direction
from frontdesk.customers.services import interaction_record, portal_link_build
from frontdesk.mail.models import OutboundMail
from frontdesk.mail.outbound import mail_send
from frontdesk.mail.selectors import mail_queued_about
from frontdesk.tickets.choices import Channel, DeskTextKey, MessageDirection, Status
from frontdesk.tickets.constants import (
    MESSAGE_MAIL,
    SLA_ESCALATION_LIST_LENGTH,
    SLA_ESCALATION_MAIL,
    SLA_ESCALATIONS_MAIL,
)
from frontdesk.tickets.models import Message, Ticket
from frontdesk.tickets.registry import acknowledgement_lines, acknowledgement_status_text
from frontdesk.tickets.selectors import desk_text_render, reader_language, ticket_messages_since
from frontdesk.tickets.services._common import (
    INTERACTION_KIND,
    _check_body,
    _message_add,
    _ticket_lock,
)
from frontdesk.tickets.services.lifecycle import _status_apply
from frontdesk.tickets.tone_selectors import reply_tone_hold


def ticket_reply(
    *,
    ticket: Ticket,
    agent: User | None,
    text: str,
    files: Sequence[UploadedFile] = (),
    status: str = Status.WAITING,
    historical_at: datetime | None = None,
    to: str = "",
    seen_message_id: int | None = None,
    flags: Sequence[str] = (),
    tone_check: bool = False,
) -> Message:
    """Answer the customer: record the reply, mail it, and move the ticket to `status`.

    `historical_at` records a reply that was already given at that time (imports, the demo):
    it is not mailed again. `to`: one of the customer's addresses, when not their primary one.
    `seen_message_id`: the newest message the agent saw; when the customer or a colleague
    wrote since, nothing is sent and `Conflict` says so. `flags`: what the reply was, for
    reports (the holding reply). `tone_check`: a reply that reads badly (shouting, blame,
    condescension…, or casual words to an upset or level 1 customer) is not sent and
    `ToneHeld` lists where and why; the agent who has seen the warnings sends it anyway
    without the check.
    """
    _check_body(text)
    attachments_validate(files)
    if tone_check:
        reply_tone_hold(text=text, language=ticket.language, level=ticket.level, tone=ticket.tone)
    with transaction.atomic():
        _ticket_lock(ticket)
        # Checked under the ticket's lock, so two agents answering at once cannot both pass.
        if (
            seen_message_id is not None
            and ticket_messages_since(ticket=ticket, seen_message_id=seen_message_id).exists()
        ):
            raise Conflict(
                _("A new message arrived on %(reference)s since you opened it; nothing was sent.")
                % {"reference": ticket.reference}
            )
        message = _message_add(
            ticket=ticket,
            direction=MessageDirection.OUT,
            channel=ticket.channel,
            subject=ticket.subject,
            text=text,
            agent=agent,
            files=files,
            created_at=historical_at,
            headers={"To": to} if to else None,
            flags=flags,
        )
        fields = ["updated_at"]
        if ticket.first_responded_at is None:
            # The clock now runs towards the solution: no longer at risk of the first answer.
            ticket.first_responded_at = message.created_at
            ticket.sla_at_risk = False
            fields += ["first_responded_at", "sla_at_risk"]
        if ticket.assignee_id is None and agent is not None:
            ticket.assignee = agent
            fields.append("assignee")
        ticket.save(update_fields=fields)
        _status_apply(ticket, status, at=message.created_at, historical=historical_at is not None)
        interaction_record(
            customer=ticket.customer,
            kind=INTERACTION_KIND[Channel(ticket.channel)],
            direction=Direction.OUT,
            summary=f"{ticket.reference}: {text}",
            agent=agent,
            ticket_id=ticket.pk,
            occurred_at=message.created_at,
        )
        if historical_at is not None:
            Message.objects.filter(pk=message.pk).update(delivered_at=historical_at)
        else:
            message_mail(message=message)
    return message


def _mail_subject(ticket: Ticket) -> str:
    # Worded in the active language: call it where the customer's language is.
    return f"[{ticket.reference}] {ticket.subject_for_customer}"


def _thread_ids(ticket: Ticket) -> list[str]:
    return list(
        ticket.messages.exclude(direction=MessageDirection.NOTE)
        .exclude(message_id="")
        .values_list("message_id", flat=True)
    )


def message_mail(*, message: Message) -> OutboundMail | None:
    """Queue the mail of an agent's reply to the customer, threaded and in their language; a
    customer without an address gets none, and the message says why."""
    ticket = message.ticket
    customer = ticket.customer
    # The address the agent chose when they started the conversation, else the primary one.
    recipient = message.headers.get("To") or customer.primary_email
    if not recipient:
        Message.objects.filter(pk=message.pk).update(
            delivery_error="The customer has no e-mail address."
        )
        return None
    with translation.override(reader_language(ticket)):
        context = {
            "ticket": ticket,
            "message": message,
            "portal_link": portal_link_build(customer=customer),
        }
        body = render_to_string("tickets/email/reply.txt", context)
        html = render_to_string("tickets/email/reply.html", context)
        subject = _mail_subject(ticket)
    references = [mid for mid in _thread_ids(ticket) if mid != message.message_id]
    headers = {"Message-ID": message.message_id}
    if references:
        # The reply answers the customer's latest message (not a third party's in the thread);
        # References carries the whole thread.
        answered = (
            ticket.messages.filter(
                direction=MessageDirection.IN, author_customer=customer, id__lt=message.pk
            )
            .exclude(message_id="")
            .values_list("message_id", flat=True)
            .last()
        )
        headers["In-Reply-To"] = answered or references[-1]
        headers["References"] = " ".join(references[-10:])
    return mail_send(
        to=recipient,
        subject=subject,
        text=body,
        html=html,
        headers=headers,
        about=MESSAGE_MAIL,
        about_id=message.pk,
    )


def message_mail_queue(*, message_id: int) -> OutboundMail | None:
    """Queue the mail of a reply that has none yet (a reply whose sending job was queued before
    mail had one home, and was carried over by the upgrade)."""
    message = Message.objects.select_related("ticket__customer").get(pk=message_id)
    if message.delivered_at is not None or mail_queued_about(
        about=MESSAGE_MAIL, about_id=message_id
    ):
        return None
    return message_mail(message=message)


def acknowledgement_deliver(*, ticket_id: int) -> None:
    """Tell the customer we have their request, with its reference and a portal link."""
    ticket = Ticket.objects.select_related("customer").get(pk=ticket_id)
    customer = ticket.customer
    recipient = customer.primary_email
    # Acknowledged once: the mail of the one recorded is retried by mail itself.
    acknowledged = any(
        "acknowledgement" in m.flags for m in ticket.messages.filter(direction=MessageDirection.OUT)
    )
    if not recipient or acknowledged:
        return
    with translation.override(reader_language(ticket)):
        context = {
            "ticket": ticket,
            "portal_link": portal_link_build(customer=customer),
            # A truthful promise: the desk's hours, how soon it answers, and a break coming.
            "status_text": acknowledgement_status_text(),
            # What apps above know of this request (a known problem it is part of).
            "ticket_lines": acknowledgement_lines(ticket),
            # The lead's words for it in this language, or the built-in ones.
            "intro_text": desk_text_render(
                key=DeskTextKey.ACKNOWLEDGEMENT,
                language=translation.get_language() or settings.LANGUAGE_CODE,
                values={
                    "reference": ticket.reference,
                    "customer_name": customer.name,
                    "subject": ticket.subject,
                },
            ),
        }
        body = render_to_string("tickets/email/acknowledgement.txt", context)
        html = render_to_string("tickets/email/acknowledgement.html", context)
        subject = _mail_subject(ticket)
    first = ticket.messages.filter(direction=MessageDirection.IN).first()
    headers = {
        "Message-ID": make_msgid(domain=settings.MESSAGE_ID_DOMAIN),
        "Auto-Submitted": "auto-replied",
    }
    if first is not None and first.message_id:
        headers["In-Reply-To"] = first.message_id
        headers["References"] = first.message_id
    with transaction.atomic():
        # Checked again under the ticket's lock: two runs of the task at once (one handed back
        # after its worker went quiet) acknowledge once.
        _ticket_lock(ticket)
        if any(
            "acknowledgement" in m.flags
            for m in ticket.messages.filter(direction=MessageDirection.OUT)
        ):
            return
        note = _message_add(
            ticket=ticket,
            direction=MessageDirection.OUT,
            channel=Channel.EMAIL,
            subject=subject,
            text=body,
            headers={"Auto-Submitted": "auto-replied"},
            message_id=headers["Message-ID"],
            flags=["acknowledgement"],
        )
        mail_send(
            to=recipient,
            subject=subject,
            text=body,
            html=html,
            headers=headers,
            about=MESSAGE_MAIL,
            about_id=note.pk,
        )


def message_delivery_record(*, message_id: int, error: str = "") -> None:
    """Note on an outbound message that its mail went, or why it has not gone yet."""
    if error:
        # Shown on the ticket as "not sent yet" with the reason, while mail tries again.
        Message.objects.filter(pk=message_id).update(delivery_error=error)
    else:
        Message.objects.filter(pk=message_id).update(delivered_at=timezone.now(), delivery_error="")


def sla_escalation_deliver(*, ticket_id: int) -> int:
    """Mail every active lead with an address about a breached SLA, once; how many were told."""
    with transaction.atomic():
        # Under the ticket's lock and in one transaction with the mails: a rerun of the task
        # (its worker died) finds them queued, or finds nothing done.
        Ticket.objects.select_for_update().filter(pk=ticket_id).exists()
        if mail_queued_about(about=SLA_ESCALATION_MAIL, about_id=ticket_id):
            return 0
        return _sla_escalation_mail(ticket_id=ticket_id)


def _sla_escalation_mail(*, ticket_id: int) -> int:
    ticket = Ticket.objects.select_related("customer", "assignee").get(pk=ticket_id)
    link = settings.PUBLIC_URL + reverse("tickets:detail", args=[ticket.pk])

    def compose(lead: User) -> tuple[str, str]:
        assignee = ticket.assignee.display_name if ticket.assignee else _("nobody")
        subject = _("SLA breached: %(reference)s %(subject)s") % {
            "reference": ticket.reference,
            "subject": ticket.subject,
        }
        body = _(
            "The service level of %(reference)s (level %(level)s, %(customer)s) was "
            "breached. It is assigned to %(assignee)s.\n\n%(link)s"
        ) % {
            "reference": ticket.reference,
            "level": ticket.level,
            "customer": ticket.customer.name,
            "assignee": assignee,
            "link": link,
        }
        return subject, body

    return agents_mail(
        agents=leads_reachable(), compose=compose, about=SLA_ESCALATION_MAIL, about_id=ticket_id
    )


def sla_escalations_deliver(*, ticket_ids: Sequence[int]) -> int:
    """Mail every active lead with an address one list of tickets whose SLAs were breached
    together, once; how many were told."""
    if not ticket_ids:
        return 0
    first = min(ticket_ids)
    with transaction.atomic():
        Ticket.objects.select_for_update().filter(pk=first).exists()
        if mail_queued_about(about=SLA_ESCALATIONS_MAIL, about_id=first):
            return 0
        return _sla_escalations_mail(ticket_ids=ticket_ids)


def _sla_escalations_mail(*, ticket_ids: Sequence[int]) -> int:
    tickets = list(
        Ticket.objects.filter(pk__in=ticket_ids)
        .select_related("customer", "assignee")
        .order_by("level", "pk")
    )
    if not tickets:
        return 0
    shown = tickets[:SLA_ESCALATION_LIST_LENGTH]
    queue_link = settings.PUBLIC_URL + reverse("routing:queue")

    def compose(lead: User) -> tuple[str, str]:
        count = len(tickets)
        subject = ngettext(
            "SLA breached: %(count)d ticket", "SLA breached: %(count)d tickets", count
        ) % {"count": count}
        lines = [
            ngettext(
                "The service level of %(count)d ticket was breached:",
                "The service levels of %(count)d tickets were breached at once:",
                count,
            )
            % {"count": count},
            "",
        ]
        for ticket in shown:
            lines.append(
                _(
                    "%(reference)s %(subject)s (level %(level)s, %(customer)s), "
                    "assigned to %(assignee)s"
                )
                % {
                    "reference": ticket.reference,
                    "subject": ticket.subject,
                    "level": ticket.level,
                    "customer": ticket.customer.name,
                    "assignee": ticket.assignee.display_name if ticket.assignee else _("nobody"),
                }
            )
            lines += [settings.PUBLIC_URL + reverse("tickets:detail", args=[ticket.pk]), ""]
        if len(tickets) > len(shown):
            more = len(tickets) - len(shown)
            lines.append(
                ngettext(
                    "…and %(count)d more, at the top of the queue: %(link)s",
                    "…and %(count)d more, at the top of the queue: %(link)s",
                    more,
                )
                % {"count": more, "link": queue_link}
            )
        return subject, "\n".join(lines).rstrip() + "\n"

    return agents_mail(
        agents=leads_reachable(),
        compose=compose,
        about=SLA_ESCALATIONS_MAIL,
        about_id=min(ticket_ids),
    )
