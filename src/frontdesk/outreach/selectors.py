"""Reads for campaigns: who a segment holds and in which language each hears, the preview,
recipients and their states, opt-outs, and which campaign mail a reply answers."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.signing import BadSignature, Signer
from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from frontdesk.accounts.models import User
from frontdesk.core.errors import NotFound
from frontdesk.customers.choices import FieldTarget
from frontdesk.customers.field_selectors import (
    FILTER_PREFIX,
    MAX_SUFFIX,
    MIN_SUFFIX,
    custom_filter,
    field_definitions,
)
from frontdesk.customers.models import Customer
from frontdesk.customers.selectors import customer_email_addresses
from frontdesk.engine.problems import signature_matches
from frontdesk.outreach.choices import RecipientStatus, SkipReason
from frontdesk.outreach.constants import PREVIEW_SAMPLE, UNSUBSCRIBE_SALT
from frontdesk.outreach.models import (
    Campaign,
    CampaignRecipient,
    CampaignReply,
    OptOut,
)
from frontdesk.outreach.privacy import addresses_suppressed
from frontdesk.outreach.segments import Segment
from frontdesk.problems.adapters import report_of, signature_of
from frontdesk.problems.models import Problem
from frontdesk.problems.selectors import problem_customers, problem_list
from frontdesk.tickets.choices import Status
from frontdesk.tickets.history_selectors import ticket_reports_between
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.selectors import customer_latest_ticket_language


def _active_opt_outs() -> QuerySet[OptOut]:
    return OptOut.objects.filter(undone_at__isnull=True)


def segment_customers(*, segment: Segment, now: datetime) -> QuerySet[Customer]:
    """The live customers a segment picks, each once, annotated with the language of their
    latest ticket (`latest_language`) and whether they opted out (`opted_out`)."""
    customers = Customer.objects.filter(merged_into__isnull=True, erased_at__isnull=True).annotate(
        latest_language=customer_latest_ticket_language(),
        opted_out=Exists(_active_opt_outs().filter(customer_id=OuterRef("pk"))),
    )
    narrowing = Q()
    if segment.tags:
        # Tags are matched as people type them, whatever their case.
        named = Q()
        for tag in segment.tags:
            named |= Q(tags__name__iexact=tag)
        tagged = Customer.objects.filter(named).values("pk")
        narrowing &= Q(pk__in=tagged)
    if segment.languages:
        narrowing &= Q(preferred_language__in=segment.languages) | Q(
            preferred_language="", latest_language__in=segment.languages
        )
    if segment.key_only:
        narrowing &= Q(is_key=True)
    if segment.new_within_days:
        narrowing &= Q(first_seen__gte=now - timedelta(days=segment.new_within_days))
    if segment.custom:
        narrowing &= custom_filter(target=FieldTarget.CUSTOMER, params=segment.custom, strict=True)
    if segment.problem_id is not None:
        affected = likely_affected_filter(segment=segment, now=now)
        narrowing = (narrowing | affected) if segment.filtered() else affected
        narrowing &= ~Q(pk__in=problem_linked_customer_ids(problem_id=segment.problem_id))
    return customers.filter(narrowing).prefetch_related("identities").order_by("name", "id")


def custom_filter_labels(*, params: Mapping[str, str]) -> list[tuple[str, str]]:
    """A segment's `cf_<key>` filters as people read them: each field's label (in the page's
    language, "from" / "to" for a bound) and the value asked for."""
    language = get_language() or ""
    labels = {
        FILTER_PREFIX + d.key: d.label_in(language)
        for d in field_definitions(target=FieldTarget.CUSTOMER, active_only=False)
    }
    shown = []
    for name, value in params.items():
        base, bound = name, ""
        for suffix, word in ((MIN_SUFFIX, _("from")), (MAX_SUFFIX, _("to"))):
            if name.endswith(suffix):
                base, bound = name[: -len(suffix)], str(word)
        label = labels.get(base, base.removeprefix(FILTER_PREFIX))
        shown.append((f"{label} {bound}".strip(), value))
    return shown


def likely_affected_filter(*, segment: Segment, now: datetime) -> Q:
    """Customers who wrote about the segment's problem lately: their tickets of the last
    `recent_days` match the problem's signature (nobody when it has none, as a problem made by
    hand)."""
    problem = _problem(segment.problem_id)
    signature = signature_of(problem.signature or {}) if problem is not None else None
    if signature is None:
        return Q(pk__in=[])
    rows = ticket_reports_between(since=now - timedelta(days=segment.recent_days), until=now)
    matched = {row.customer_id for row in rows if signature_matches(signature, report_of(row))}
    return Q(pk__in=sorted(matched))


def _problem(problem_id: int | None) -> Problem | None:
    if problem_id is None:
        return None
    return problem_list().filter(pk=problem_id).first()


def problem_linked_customer_ids(*, problem_id: int) -> list[int]:
    """The customers whose tickets are already linked to the problem (they get its reply)."""
    problem = _problem(problem_id)
    if problem is None:
        return []
    return list(problem_customers(problem=problem).values_list("pk", flat=True))


@dataclass(frozen=True)
class Planned:
    """One customer of a segment as a campaign would write to them."""

    customer_id: int
    name: str
    address: str
    language: str
    fell_back: bool  # their own language has no text: they get the default language
    skip: str  # a SkipReason, or "" when they are written to


def recipient_language(
    *, preferred: str, latest: str | None, languages: set[str], default: str
) -> tuple[str, bool]:
    """The language a customer hears a campaign in: their preferred one, else their latest
    ticket's, else the campaign's default; one the campaign has no text in falls back to the
    default (the second value says so)."""
    wanted = preferred or latest or default
    if wanted in languages:
        return wanted, False
    return default, True


def campaign_languages(*, campaign: Campaign) -> set[str]:
    """The languages the campaign has a text in."""
    return {content.language for content in campaign.contents.all()}


def segment_plan(
    *, segment: Segment, languages: set[str], default_language: str, now: datetime
) -> list[Planned]:
    """Everyone the segment holds now, with their address and the language of the texts
    `languages` they would get, and why one is skipped (opted out, no address)."""
    planned = []
    customers = list(segment_customers(segment=segment, now=now))
    # Addresses of erased customers who had opted out: still not to be written to.
    suppressed = addresses_suppressed(
        address for customer in customers for address in customer_email_addresses(customer=customer)
    )
    for customer in customers:
        addresses = customer_email_addresses(customer=customer)
        language, fell_back = recipient_language(
            preferred=customer.preferred_language,
            latest=customer.latest_language,  # type: ignore[attr-defined]
            languages=languages,
            default=default_language,
        )
        skip = ""
        if customer.opted_out or suppressed.intersection(addresses):  # type: ignore[attr-defined]
            skip = SkipReason.OPTED_OUT
        elif not addresses:
            skip = SkipReason.NO_ADDRESS
        planned.append(
            Planned(
                customer.pk,
                customer.name,
                addresses[0] if addresses else "",
                language,
                fell_back,
                skip,
            )
        )
    return planned


@dataclass(frozen=True)
class Preview:
    """What the segment holds now: how many, a sample, who is skipped and who falls back."""

    total: int
    writable: int
    opted_out: int
    no_address: int
    sample: list[Planned]
    by_language: list[tuple[str, int]]
    fallbacks: list[Planned] = field(default_factory=list)  # a sample of them
    fallback_count: int = 0


def campaign_plan(*, campaign: Campaign, now: datetime) -> list[Planned]:
    """Everyone the campaign's segment holds now, as `segment_plan` says."""
    return segment_plan(
        segment=Segment.from_json(campaign.segment),
        languages=campaign_languages(campaign=campaign),
        default_language=campaign.default_language,
        now=now,
    )


def segment_preview(
    *,
    segment: Segment,
    languages: set[str],
    default_language: str,
    now: datetime,
    sample: int = PREVIEW_SAMPLE,
) -> Preview:
    """The segment preview shown before scheduling: counts, a sample, who falls back."""
    plan = segment_plan(
        segment=segment, languages=languages, default_language=default_language, now=now
    )
    writable = [p for p in plan if not p.skip]
    skipped = Counter(p.skip for p in plan if p.skip)
    fallbacks = [p for p in writable if p.fell_back]
    return Preview(
        total=len(plan),
        writable=len(writable),
        opted_out=skipped[SkipReason.OPTED_OUT],
        no_address=skipped[SkipReason.NO_ADDRESS],
        sample=writable[:sample],
        by_language=sorted(Counter(p.language for p in writable).items()),
        fallbacks=fallbacks[:sample],
        fallback_count=len(fallbacks),
    )


def campaign_preview(*, campaign: Campaign, now: datetime) -> Preview:
    """The preview of a saved campaign's segment."""
    return segment_preview(
        segment=Segment.from_json(campaign.segment),
        languages=campaign_languages(campaign=campaign),
        default_language=campaign.default_language,
        now=now,
    )


def campaign_list() -> QuerySet[Campaign]:
    """Every campaign, newest first, with its author and how many it went to."""
    return (
        Campaign.objects.select_related("created_by")
        .annotate(
            recipient_count=Count("recipients"),
            sent_count=Count("recipients", filter=Q(recipients__status=RecipientStatus.SENT)),
        )
        .order_by("-created_at", "-id")
    )


def access_campaign_by_id(*, actor: User, campaign_id: int) -> Campaign:
    """The campaign with this id, for an active lead or admin; NotFound otherwise."""
    campaign = (
        Campaign.objects.prefetch_related("contents").filter(pk=campaign_id).first()
        if actor.is_active and actor.is_lead
        else None
    )
    if campaign is None:
        raise NotFound("Campaign not found.")
    return campaign


def campaign_counts(*, campaign: Campaign) -> dict[str, int]:
    """How many recipients are in each state, every state named."""
    found = dict(
        campaign.recipients.values_list("status").annotate(n=Count("id")).values_list("status", "n")
    )
    return {status: found.get(status, 0) for status in RecipientStatus.values}


def campaign_recipients(*, campaign: Campaign, status: str = "") -> QuerySet[CampaignRecipient]:
    """The campaign's recipients with their customers, in the order they were fixed."""
    recipients = campaign.recipients.select_related("customer")
    if status in RecipientStatus.values:
        recipients = recipients.filter(status=status)
    return recipients.order_by("id")


def customer_opted_out(*, customer_id: int) -> bool:
    """Whether the customer wants no campaigns now."""
    return _active_opt_outs().filter(customer_id=customer_id).exists()


def opt_outs_of(*, customer: Customer) -> list[OptOut]:
    """The customer's opt-outs, current and undone, newest first."""
    return list(OptOut.objects.filter(customer=customer).select_related("campaign", "undone_by"))


def access_opt_out_by_id(*, actor: User, opt_out_id: int) -> OptOut:
    """The opt-out with this id, for an active agent; NotFound otherwise."""
    found = OptOut.objects.filter(pk=opt_out_id).first() if actor.is_active else None
    if found is None:
        raise NotFound("Opt-out not found.")
    return found


class TokenInvalid(Exception):
    """An unsubscribe link that was not made by this desk for a campaign recipient."""


def unsubscribe_token(*, recipient: CampaignRecipient) -> str:
    """The signed token of a recipient's unsubscribe link."""
    return Signer(salt=UNSUBSCRIBE_SALT).sign_object({"r": recipient.pk})


def recipient_by_token(*, token: str) -> CampaignRecipient:
    """The recipient an unsubscribe token names; TokenInvalid for a tampered or foreign one."""
    try:
        payload = Signer(salt=UNSUBSCRIBE_SALT).unsign_object(token)
    except (BadSignature, ValueError, TypeError, UnicodeDecodeError) as error:
        raise TokenInvalid from error
    recipient_id = payload.get("r") if isinstance(payload, dict) else None
    recipient = (
        CampaignRecipient.objects.select_related("customer", "campaign")
        .filter(pk=recipient_id)
        .first()
        if isinstance(recipient_id, int)
        else None
    )
    if recipient is None:
        raise TokenInvalid
    return recipient


def recipient_by_message_ids(*, message_ids: list[str]) -> CampaignRecipient | None:
    """The campaign recipient whose mail one of these Message-IDs names (a reply's
    In-Reply-To and References), if any."""
    wanted = [mid for mid in message_ids if mid]
    if not wanted:
        return None
    return (
        CampaignRecipient.objects.select_related("campaign", "customer")
        .filter(message_id__in=wanted)
        .first()
    )


def campaign_reply_of(*, ticket: Ticket) -> CampaignReply | None:
    """The campaign a ticket answers, when a reply to a campaign mail opened it."""
    return (
        CampaignReply.objects.select_related("recipient__campaign")
        .filter(ticket_id=ticket.pk)
        .first()
    )


def campaign_replies(*, campaign: Campaign) -> QuerySet[CampaignReply]:
    """The tickets replies to the campaign opened, newest first."""
    return CampaignReply.objects.filter(recipient__campaign=campaign).select_related(
        "ticket", "recipient__customer"
    )


def campaign_reply_ticket(*, recipient: CampaignRecipient) -> Ticket | None:
    """The ticket an earlier reply to this recipient's campaign mail opened, unless closed."""
    reply = (
        CampaignReply.objects.filter(recipient=recipient)
        .exclude(ticket__status=Status.CLOSED)
        .select_related("ticket")
        .first()
    )
    return reply.ticket if reply is not None else None
