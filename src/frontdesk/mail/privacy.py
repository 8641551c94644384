"""Forgetting mail: what an erased customer sent and was sent, and raw mail past its days.

Mail sits below customers and tickets, so it knows neither: the apps that do pass the tickets,
messages and addresses whose mail goes. A stored message keeps its digest and Message-ID (how a
copy arriving again is recognised as one) and its state; its bytes and addresses go."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q

from frontdesk.mail.choices import MailState
from frontdesk.mail.models import InboundMail, OutboundMail

# Raw messages one run of the retention job empties; the next run takes the rest.
RAW_EXPIRE_BATCH = 500


@dataclass(frozen=True)
class MailErased:
    """How many stored incoming and outgoing messages an erasure emptied."""

    inbound: int
    outbound: int


def mail_erase(
    *,
    ticket_ids: Collection[int] = (),
    message_ids: Collection[int] = (),
    addresses: Collection[str] = (),
) -> MailErased:
    """Empty the mail that filed on these tickets or messages, came from these addresses or was
    sent to them: raw bytes, envelopes, subjects, texts and recipients; counts stay."""
    inbound_found = Q(ticket_id__in=list(ticket_ids)) | Q(message_id__in=list(message_ids))
    outbound_found = Q(pk__in=[])
    for address in {a.strip().lower() for a in addresses if a.strip()}:
        inbound_found |= Q(envelope_from__iexact=address)
        # `to` is a JSON list; its text holds the address between quotes, in any case.
        outbound_found |= Q(to__icontains=f'"{address}"') | Q(headers__icontains=address)
    inbound = InboundMail.objects.filter(inbound_found).update(
        raw=b"", envelope_from="", envelope_to=[], error=""
    )
    outbound = OutboundMail.objects.filter(outbound_found).update(
        to=[], subject="", text="", html="", headers={}, error=""
    )
    return MailErased(inbound=inbound, outbound=outbound)


def outbound_mail_erase(*, about: str, about_ids: Collection[int]) -> int:
    """Empty the outgoing mail about these rows of `about` (a label such as "tickets.message")."""
    return OutboundMail.objects.filter(about=about, about_id__in=list(about_ids)).update(
        to=[], subject="", text="", html="", headers={}, error=""
    )


def raw_mail_expire(*, before: datetime, batch: int = RAW_EXPIRE_BATCH) -> int:
    """Empty the raw bytes of the oldest `batch` messages received before `before` and already
    filed or ignored; how many. The digest
    and Message-ID stay, so a copy arriving later is still known as one. Mail that could not be
    filed keeps its bytes until someone files it: it would be lost otherwise."""
    doomed = list(
        InboundMail.objects.filter(
            received_at__lt=before, state__in=[MailState.PROCESSED, MailState.IGNORED]
        )
        .exclude(raw=b"")
        .order_by("pk")
        .values_list("pk", flat=True)[:batch]
    )
    return InboundMail.objects.filter(pk__in=doomed).update(raw=b"")
