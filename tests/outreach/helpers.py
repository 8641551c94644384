"""Campaigns as the tests make them: through the outreach services, as a lead would."""

from __future__ import annotations

from django.utils import timezone

from frontdesk.accounts.models import User
from frontdesk.outreach.models import Campaign
from frontdesk.outreach.segments import Segment
from frontdesk.outreach.services import Content, campaign_save, campaign_schedule

TEXTS = {
    "en": Content("Ten tips for your invoices", "Tip one: keep your VAT number current."),
    "hu": Content("Tíz tipp a számláihoz", "Első tipp: tartsa naprakészen az adószámát."),
    "he": Content("עשרה טיפים לחשבוניות", "טיפ ראשון: עדכנו את מספר העוסק."),
}


def campaign(
    *, lead: User, segment: Segment | None = None, texts: dict[str, Content] | None = None
) -> Campaign:
    """A draft to the segment (everyone when none), in English, Hungarian and Hebrew."""
    return campaign_save(
        actor=lead,
        name="Ten tips",
        segment=segment or Segment(),
        contents=texts or TEXTS,
        default_language="en",
    )


def scheduled(*, lead: User, segment: Segment | None = None) -> Campaign:
    """A campaign scheduled to go now."""
    return campaign_schedule(
        actor=lead, campaign=campaign(lead=lead, segment=segment), at=None, now=timezone.now()
    )
