"""Writes for campaigns: saving and scheduling them, the periodic job that sends them in
batches, delivery news, opt-outs and replies that became tickets."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import make_msgid

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from frontdesk.accounts.models import User
from frontdesk.core.errors import Forbidden, Invalid
from frontdesk.customers.choices import FieldTarget
from frontdesk.customers.field_selectors import FilterInvalid, custom_filter
from frontdesk.mail.outbound import mail_send
from frontdesk.outreach.choices import CampaignStatus, OptOutHow, RecipientStatus, SkipReason
from frontdesk.outreach.constants import (
    BODY_LENGTH,
    MAX_DAYS,
    NAME_LENGTH,
    RECIPIENT_MAIL,
    SEND_BATCH,
    SUBJECT_LENGTH,
)
from frontdesk.outreach.models import (
    Campaign,
    CampaignContent,
    CampaignRecipient,
    CampaignReply,
    OptOut,
)
from frontdesk.outreach.segments import Segment
from frontdesk.outreach.selectors import (
    Preview,
    campaign_plan,
    campaign_preview,
    customer_opted_out,
    unsubscribe_token,
)
from frontdesk.tickets.models import Ticket

logger = logging.getLogger(__name__)

# Why a campaign went back to draft at its time; the page words them.
REFUSED_EMPTY = "empty"
REFUSED_UNREACHABLE = "unreachable"


@dataclass(frozen=True)
class Content:
    """A campaign's subject and text in one language."""

    subject: str
    body: str


def lead_check(actor: User) -> None:
    """Forbidden unless the actor is a lead or an admin: only they reach out to customers."""
    if not actor.is_lead:
        raise Forbidden(_("Only a lead or an admin may run campaigns."))


def _clean(
    *, name: str, segment: Segment, contents: Mapping[str, Content], default_language: str
) -> tuple[str, dict[str, Content]]:
    """The name and texts cleaned; Invalid with the first thing wrong."""
    name = name.strip()
    if not name:
        raise Invalid(_("Give the campaign a name."))
    if len(name) > NAME_LENGTH:
        raise Invalid(_("The name is longer than %(count)d characters.") % {"count": NAME_LENGTH})
    spoken = {code for code, _name in settings.LANGUAGES}
    kept: dict[str, Content] = {}
    for language, content in contents.items():
        subject, body = content.subject.strip(), content.body.strip()
        if not subject and not body:
            continue
        if language not in spoken:
            raise Invalid(_("The desk does not write in “%(code)s”.") % {"code": language})
        if not subject or not body:
            raise Invalid(
                _("Give the %(language)s text both a subject and a text, or neither.")
                % {"language": _language_name(language)}
            )
        if len(subject) > SUBJECT_LENGTH or len(body) > BODY_LENGTH:
            raise Invalid(
                _("The %(language)s text is too long.") % {"language": _language_name(language)}
            )
        kept[language] = Content(subject, body)
    if default_language not in kept:
        raise Invalid(
            _(
                "Write the campaign in its default language, %(language)s: everyone whose own "
                "language has no text gets that one."
            )
            % {"language": _language_name(default_language)}
        )
    if segment.new_within_days is not None and not 0 < segment.new_within_days <= MAX_DAYS:
        raise Invalid(
            _("New customers: give a number of days from 1 to %(max)d.") % {"max": MAX_DAYS}
        )
    if not 0 < segment.recent_days <= MAX_DAYS:
        raise Invalid(
            _("Recent contact: give a number of days from 1 to %(max)d.") % {"max": MAX_DAYS}
        )
    if segment.languages and not set(segment.languages) <= spoken:
        raise Invalid(_("Pick languages the desk writes in."))
    try:
        custom_filter(target=FieldTarget.CUSTOMER, params=segment.custom, strict=True)
    except FilterInvalid as error:
        raise Invalid(str(error)) from error
    return name, kept


def _language_name(code: str) -> str:
    try:
        return str(translation.get_language_info(code)["name_translated"])
    except KeyError:
        return code


def campaign_save(
    *,
    actor: User,
    name: str,
    segment: Segment,
    contents: Mapping[str, Content],
    default_language: str,
    campaign: Campaign | None = None,
) -> Campaign:
    """Write a new draft campaign, or change a draft; Invalid for what cannot be sent, and for
    a campaign that is no longer a draft."""
    lead_check(actor)
    name, kept = _clean(
        name=name, segment=segment, contents=contents, default_language=default_language
    )
    with transaction.atomic():
        if campaign is None:
            campaign = Campaign.objects.create(
                name=name,
                segment=segment.to_json(),
                default_language=default_language,
                created_by=actor,
            )
        else:
            changed = Campaign.objects.filter(pk=campaign.pk, status=CampaignStatus.DRAFT).update(
                name=name,
                segment=segment.to_json(),
                default_language=default_language,
                refused_code="",
                updated_at=timezone.now(),
            )
            if not changed:
                raise Invalid(_("Only a draft can be changed; cancel the campaign first."))
            campaign.refresh_from_db()
            campaign.contents.exclude(language__in=list(kept)).delete()
        for language, content in kept.items():
            CampaignContent.objects.update_or_create(
                campaign=campaign,
                language=language,
                defaults={"subject": content.subject, "body": content.body},
            )
    return campaign


def _refusal(preview: Preview) -> str:
    """Why nobody would receive a campaign, or "" when someone would."""
    if preview.writable:
        return ""
    if not preview.total:
        return _("No customer is in this segment: nobody matches its filters. Change the segment.")
    return _(
        "Nobody in this segment can be written to: %(opted_out)d opted out and "
        "%(no_address)d have no e-mail address."
    ) % {"opted_out": preview.opted_out, "no_address": preview.no_address}


def campaign_schedule(
    *, actor: User, campaign: Campaign, at: datetime | None, now: datetime
) -> Campaign:
    """Set a draft to go out at `at` (now when None); Invalid with the reason for an empty
    segment, a time in the past, or a campaign that is not a draft."""
    lead_check(actor)
    when = at or now
    if at is not None and at < now - timedelta(minutes=1):
        raise Invalid(_("Pick a time that has not passed, or send now."))
    refusal = _refusal(campaign_preview(campaign=campaign, now=now))
    if refusal:
        raise Invalid(refusal)
    changed = Campaign.objects.filter(pk=campaign.pk, status=CampaignStatus.DRAFT).update(
        status=CampaignStatus.SCHEDULED,
        scheduled_at=when,
        scheduled_by=actor,
        refused_code="",
        updated_at=now,
    )
    if not changed:
        raise Invalid(_("Only a draft can be scheduled."))
    campaign.refresh_from_db()
    return campaign


def campaign_cancel(*, actor: User, campaign: Campaign, now: datetime) -> Campaign:
    """Stop a scheduled or sending campaign: whoever has not been handed to the relay yet is
    skipped. A scheduled campaign goes back to draft; one that started stays cancelled."""
    lead_check(actor)
    with transaction.atomic():
        back = Campaign.objects.filter(pk=campaign.pk, status=CampaignStatus.SCHEDULED).update(
            status=CampaignStatus.DRAFT, scheduled_at=None, updated_at=now
        )
        stopped = Campaign.objects.filter(pk=campaign.pk, status=CampaignStatus.SENDING).update(
            status=CampaignStatus.CANCELLED, cancelled_at=now, cancelled_by=actor, updated_at=now
        )
        if not back and not stopped:
            raise Invalid(_("Only a scheduled campaign or one being sent can be stopped."))
        campaign.recipients.filter(status=RecipientStatus.PENDING).update(
            status=RecipientStatus.SKIPPED, reason=SkipReason.CANCELLED
        )
    campaign.refresh_from_db()
    return campaign


def campaign_delete(*, actor: User, campaign: Campaign) -> None:
    """Delete a draft."""
    lead_check(actor)
    deleted, _rows = Campaign.objects.filter(pk=campaign.pk, status=CampaignStatus.DRAFT).delete()
    if not deleted:
        raise Invalid(_("Only a draft can be deleted."))


def campaigns_send_due(*, now: datetime) -> int:
    """The periodic job: start every campaign whose time has come, then hand the next batch
    of each sending campaign's recipients to the mail queue. How many mails it queued."""
    for campaign_id in Campaign.objects.filter(
        status=CampaignStatus.SCHEDULED, scheduled_at__lte=now
    ).values_list("pk", flat=True):
        _campaign_start(campaign_id=campaign_id, now=now)
    queued = 0
    for campaign in Campaign.objects.filter(status=CampaignStatus.SENDING).prefetch_related(
        "contents"
    ):
        queued += _campaign_send_batch(campaign=campaign, now=now)
    return queued


def _campaign_start(*, campaign_id: int, now: datetime) -> None:
    """Fix the recipients of a campaign whose time has come, in one transaction with its move
    to sending, so a restart finds either nothing done or all of it; an empty segment sends
    the campaign back to draft with the reason."""
    with transaction.atomic():
        won = Campaign.objects.filter(
            pk=campaign_id, status=CampaignStatus.SCHEDULED, scheduled_at__lte=now
        ).update(status=CampaignStatus.SENDING, started_at=now, updated_at=now)
        if not won:
            return  # another worker started it
        campaign = Campaign.objects.prefetch_related("contents").get(pk=campaign_id)
        plan = campaign_plan(campaign=campaign, now=now)
        if not any(not planned.skip for planned in plan):
            Campaign.objects.filter(pk=campaign_id).update(
                status=CampaignStatus.DRAFT,
                scheduled_at=None,
                started_at=None,
                refused_code=REFUSED_UNREACHABLE if plan else REFUSED_EMPTY,
            )
            logger.info(
                "campaign %s not sent: nobody in its segment can be written to", campaign_id
            )
            return
        CampaignRecipient.objects.bulk_create(
            CampaignRecipient(
                campaign_id=campaign_id,
                customer_id=planned.customer_id,
                address=planned.address,
                language=planned.language,
                fell_back=planned.fell_back,
                status=RecipientStatus.SKIPPED if planned.skip else RecipientStatus.PENDING,
                reason=planned.skip,
            )
            for planned in plan
        )


def _campaign_send_batch(*, campaign: Campaign, now: datetime) -> int:
    """Queue the mail of the campaign's next pending recipients; a campaign with none left is
    sent."""
    pending = list(
        campaign.recipients.filter(status=RecipientStatus.PENDING).order_by("id")[:SEND_BATCH]
    )
    queued = sum(recipient_send(recipient=r, campaign=campaign, now=now) for r in pending)
    if not campaign.recipients.filter(status=RecipientStatus.PENDING).exists():
        Campaign.objects.filter(pk=campaign.pk, status=CampaignStatus.SENDING).update(
            status=CampaignStatus.SENT, finished_at=now, updated_at=now
        )
    return queued


def recipient_send(*, recipient: CampaignRecipient, campaign: Campaign, now: datetime) -> bool:
    """Queue one recipient's mail, once: the recipient is claimed by a conditional update in
    the same transaction as the mail is stored, so a rerun or a second worker never sends it
    again. Someone who opted out meanwhile is skipped. Whether a mail was queued."""
    with transaction.atomic():
        if customer_opted_out(customer_id=recipient.customer_id):
            CampaignRecipient.objects.filter(
                pk=recipient.pk, status=RecipientStatus.PENDING
            ).update(status=RecipientStatus.SKIPPED, reason=SkipReason.OPTED_OUT)
            return False
        message_id = make_msgid(domain=settings.MESSAGE_ID_DOMAIN)
        won = CampaignRecipient.objects.filter(
            pk=recipient.pk, status=RecipientStatus.PENDING
        ).update(status=RecipientStatus.QUEUED, queued_at=now, message_id=message_id)
        if not won:
            return False
        subject, text, headers = campaign_mail_compose(
            campaign=campaign, recipient=recipient, message_id=message_id
        )
        mail = mail_send(
            to=recipient.address,
            subject=subject,
            text=text,
            headers=headers,
            about=RECIPIENT_MAIL,
            about_id=recipient.pk,
        )
        CampaignRecipient.objects.filter(pk=recipient.pk).update(mail=mail)
    return True


def unsubscribe_link(*, recipient: CampaignRecipient) -> str:
    """The recipient's unsubscribe address, as the mail and its header carry it."""
    token = unsubscribe_token(recipient=recipient)
    return settings.PUBLIC_URL + reverse("outreach:unsubscribe", kwargs={"token": token})


def campaign_mail_compose(
    *, campaign: Campaign, recipient: CampaignRecipient, message_id: str
) -> tuple[str, str, dict[str, str]]:
    """A recipient's mail: subject, text with the unsubscribe link, and headers (RFC 8058's
    List-Unsubscribe and List-Unsubscribe-Post among them), in the recipient's language."""
    contents = {content.language: content for content in campaign.contents.all()}
    content = contents.get(recipient.language) or contents[campaign.default_language]
    link = unsubscribe_link(recipient=recipient)
    with translation.override(recipient.language):
        footer = _(
            "You receive this mail as a customer of ours. To receive no more mails like "
            "this one, open this link:"
        )
    text = f"{content.body}\n\n-- \n{footer}\n{link}\n"
    headers = {
        "Message-ID": message_id,
        "List-Unsubscribe": f"<{link}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "Precedence": "bulk",
    }
    return content.subject, text, headers


def recipient_delivery_record(*, recipient_id: int, error: str = "") -> None:
    """Note on a recipient that their mail went, or the relay's reason it has not gone yet
    (the mail queue tries again; a later success marks it sent)."""
    recipients = CampaignRecipient.objects.filter(pk=recipient_id)
    if error:
        recipients.exclude(status=RecipientStatus.SENT).update(
            status=RecipientStatus.FAILED, reason=error[:500]
        )
    else:
        recipients.update(status=RecipientStatus.SENT, reason="", sent_at=timezone.now())


def opt_out_record(*, recipient: CampaignRecipient, how: str) -> OptOut:
    """The customer a campaign mail went to wants no more: recorded once, however often the
    link is used."""
    if how not in OptOutHow.values:
        raise Invalid("Unknown way of opting out.")
    with transaction.atomic():
        current = (
            OptOut.objects.select_for_update()
            .filter(customer_id=recipient.customer_id, undone_at__isnull=True)
            .first()
        )
        if current is not None:
            return current
        opt_out = OptOut.objects.create(
            customer_id=recipient.customer_id, how=how, campaign_id=recipient.campaign_id
        )
    logger.info("customer %s opted out (%s)", recipient.customer_id, how)
    return opt_out


def outreach_move_customer(*, source_id: int, target_id: int) -> None:
    """A merged customer's opt-outs and campaign mail follow them to the surviving record, so
    someone who said "no more" stays opted out after a merge."""
    OptOut.objects.filter(customer_id=source_id).update(customer_id=target_id)
    already = CampaignRecipient.objects.filter(customer_id=target_id).values("campaign_id")
    # Both records got the same campaign: the survivor keeps its own row, which is the one the
    # sending job and the reply threading will see from now on; the other goes with the record.
    CampaignRecipient.objects.filter(customer_id=source_id, campaign_id__in=already).delete()
    CampaignRecipient.objects.filter(customer_id=source_id).update(customer_id=target_id)


def opt_out_undo(*, actor: User, opt_out: OptOut, now: datetime) -> OptOut:
    """Take back an opt-out (the customer asked to hear from the desk again): a lead's to do;
    the row stays, with who undid it and when."""
    if not actor.is_lead:
        raise Forbidden(_("Only a lead or an admin may undo an opt-out."))
    changed = OptOut.objects.filter(pk=opt_out.pk, undone_at__isnull=True).update(
        undone_at=now, undone_by=actor
    )
    if not changed:
        raise Invalid(_("This opt-out was already undone."))
    logger.info("opt-out %s of customer %s undone by %s", opt_out.pk, opt_out.customer_id, actor)
    opt_out.refresh_from_db()
    return opt_out


def campaign_reply_record(*, recipient: CampaignRecipient, ticket: Ticket) -> CampaignReply:
    """Note that a reply to the recipient's campaign mail opened this ticket."""
    reply, _created = CampaignReply.objects.get_or_create(
        ticket=ticket, defaults={"recipient": recipient}
    )
    return reply
