"""A customer's ratings in their export; erased with them, a rating stays (it counts in the
figures) and its comment, their own words, goes."""

from __future__ import annotations

from typing import Any

from frontdesk.customers.models import Customer
from frontdesk.mail.privacy import outbound_mail_erase
from frontdesk.satisfaction.constants import SURVEY_MAIL
from frontdesk.satisfaction.models import Survey


def ratings_export(customer: Customer) -> list[dict[str, Any]]:
    """Every survey sent about the customer's tickets, and their answer."""
    surveys = (
        Survey.objects.filter(ticket__customer=customer)
        .select_related("ticket")
        .order_by("created_at", "pk")
    )
    return [
        {
            "ticket": survey.ticket.reference,
            "asked_at": survey.sent_at.isoformat() if survey.sent_at else None,
            "rating": survey.rating,
            "comment": survey.comment,
            "rated_at": survey.rated_at.isoformat() if survey.rated_at else None,
        }
        for survey in surveys
    ]


def ratings_erase(*, customer: Customer) -> dict[str, int]:
    """Drop the comments on the customer's ratings, keep the ratings; how many comments."""
    surveys = Survey.objects.filter(ticket__customer=customer)
    ids = list(surveys.values_list("pk", flat=True))
    outbound_mail_erase(about=SURVEY_MAIL, about_ids=ids)
    return {"rating_comments": surveys.exclude(comment="").update(comment="")}
