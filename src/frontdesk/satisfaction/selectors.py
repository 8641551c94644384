"""Reads for satisfaction: surveys by their link, a ticket's rating, and the desk's setting."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.core.signing import BadSignature, Signer

from frontdesk.accounts.choices import Role
from frontdesk.accounts.models import User
from frontdesk.core.memo import for_a_while
from frontdesk.satisfaction.choices import Rating
from frontdesk.satisfaction.constants import RATING_SALT
from frontdesk.satisfaction.models import SatisfactionSettings, Survey
from frontdesk.tickets.models import Ticket


class RatingLinkError(Exception):
    """A rating link that was not made by this desk, or names a survey that is gone."""


def rating_token(*, survey: Survey) -> str:
    """The signed part of a survey's rating links: it names the ticket and the survey."""
    return Signer(salt=RATING_SALT).sign_object({"t": survey.ticket_id, "s": survey.pk})


def survey_by_token(*, token: str) -> Survey:
    """The survey a rating link names; RatingLinkError for a tampered or unknown one."""
    try:
        payload = Signer(salt=RATING_SALT).unsign_object(token)
    except (BadSignature, ValueError, TypeError) as error:
        raise RatingLinkError from error
    survey_id = payload.get("s") if isinstance(payload, dict) else None
    ticket_id = payload.get("t") if isinstance(payload, dict) else None
    if not isinstance(survey_id, int) or not isinstance(ticket_id, int):
        raise RatingLinkError
    survey = (
        Survey.objects.select_related("ticket__customer")
        .filter(pk=survey_id, ticket_id=ticket_id)
        .first()
    )
    if survey is None:
        raise RatingLinkError
    return survey


def survey_latest(*, ticket: Ticket) -> Survey | None:
    """The ticket's survey about its latest solve, rated or not; None when it was never asked."""
    return (
        Survey.objects.filter(ticket=ticket)
        .select_related("follow_up")
        .order_by("-solved_at", "-pk")
        .first()
    )


def rating_current(*, ticket: Ticket) -> Survey | None:
    """The survey whose rating counts for this ticket (its latest answer); None if unrated."""
    return Survey.objects.filter(ticket=ticket, counts=True).first()


@for_a_while
def surveys_on() -> bool:
    """Whether the desk asks customers to rate their solved tickets (on unless a lead said no)."""
    row = SatisfactionSettings.objects.order_by("pk").first()
    return True if row is None else row.surveys_on


def satisfaction_settings_row() -> SatisfactionSettings | None:
    """The desk's satisfaction settings as a lead saved them, if ever."""
    return SatisfactionSettings.objects.order_by("pk").first()


def rating_follow_up_owner(*, ticket: Ticket) -> User | None:
    """Who follows up a bad rating: a lead of the ticket's team, else the desk's first lead,
    else its first admin; None when the desk has no active lead at all."""
    leads = User.objects.filter(is_active=True, role__in=[Role.LEAD, Role.ADMIN])
    if ticket.team_id is not None:
        in_team = leads.filter(teams=ticket.team_id, role=Role.LEAD).order_by("pk").first()
        if in_team is not None:
            return in_team
    return leads.filter(role=Role.LEAD).order_by("pk").first() or leads.order_by("pk").first()


@dataclass(frozen=True)
class RatingRow:
    """One ticket's counted rating, with what reports group it by."""

    good: bool
    channel: str
    level: int
    assignee_id: int | None


def ratings_between(*, since: datetime, until: datetime) -> list[RatingRow]:
    """The tickets' latest ratings given in [since, until), each ticket once, in one query."""
    rows = Survey.objects.filter(counts=True, rated_at__gte=since, rated_at__lt=until)
    return [
        RatingRow(good=rating == Rating.GOOD, channel=channel, level=level, assignee_id=assignee_id)
        for rating, channel, level, assignee_id in rows.order_by().values_list(
            "rating", "ticket__channel", "ticket__level", "ticket__assignee_id"
        )
    ]
