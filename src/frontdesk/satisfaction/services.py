"""Writes for satisfaction: asking a customer to rate a solved ticket, recording the rating, and
turning a bad one into a follow-up for a lead.

Why a rating link never records anything by itself: mail scanners (Microsoft's Safe Links, many
others) open every link in a mail before the customer sees it, some of them running the page's
scripts too. A link that recorded on GET would rate every survey both good and bad, in whichever
order the scanner went. So the link only opens a page with the customer's choice already
selected, and the rating is recorded when they press its one button (a POST, which scanners do
not send). Pressing it again with the other choice changes the rating: the last choice counts.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from email.utils import make_msgid

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from frontdesk.accounts.models import User
from frontdesk.core.errors import Forbidden, Invalid
from frontdesk.journal.services import follow_up_make
from frontdesk.mail.outbound import mail_send
from frontdesk.satisfaction.choices import Rating
from frontdesk.satisfaction.constants import (
    COMMENT_LENGTH,
    FOLLOW_UP_TEXT_LENGTH,
    SURVEY_MAIL,
)
from frontdesk.satisfaction.models import SatisfactionSettings, Survey
from frontdesk.satisfaction.selectors import rating_follow_up_owner, rating_token
from frontdesk.satisfaction.selectors import surveys_on as surveys_asked
from frontdesk.tickets.choices import QueueKind, Status
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.selectors import (
    reader_language,
    ticket_customer_wrote,
    ticket_thread_message_ids,
)
from frontdesk.tickets.services import ticket_note_system

# How far back a solve may lie and still be asked about (a worker that was down for a while
# still asks; one replaying last year's solves does not).
SURVEY_LATEST_AFTER = timedelta(days=7)


def survey_language(*, ticket: Ticket) -> str:
    """The language a survey is written in (`reader_language`)."""
    return reader_language(ticket)


def survey_wanted(*, ticket: Ticket) -> bool:
    """Whether a solved ticket's customer is asked to rate it: the desk asks, the customer wrote
    it themselves and has an address, and it is neither merged away nor the desk's own work."""
    return bool(
        surveys_asked()
        and ticket.status == Status.SOLVED
        and ticket.merged_into_id is None
        and ticket.queue_kind != QueueKind.FOLLOW_UP
        and ticket.customer.primary_email
        and ticket_customer_wrote(ticket=ticket)
    )


def survey_send(*, ticket_id: int, solved_at: datetime | None) -> Survey | None:
    """Ask the customer, once for this solve, how the desk did: a survey and its mail, threaded
    into the ticket's conversation in the customer's language. None when nothing is to be asked
    (reopened since, not wanted, or asked already)."""
    ticket = Ticket.objects.select_related("customer").filter(pk=ticket_id).first()
    if solved_at is None or ticket is None or ticket.solved_at != solved_at:
        return None
    if not survey_wanted(ticket=ticket):
        return None
    if timezone.now() - solved_at > SURVEY_LATEST_AFTER:
        return None
    language = survey_language(ticket=ticket)
    try:
        with transaction.atomic():
            survey = Survey.objects.create(
                ticket=ticket, solved_at=solved_at, language=language, sent_at=timezone.now()
            )
            _survey_mail(survey=survey)
    except IntegrityError:
        # Another run of the task asked first: one survey per solve.
        return None
    return survey


def rating_links(*, survey: Survey) -> dict[str, str]:
    """The survey's two links, "good" and "bad", as the customer clicks them."""
    token = rating_token(survey=survey)
    return {
        choice: settings.PUBLIC_URL + reverse("satisfaction:choose", args=[token, choice])
        for choice in Rating.values
    }


def _survey_mail(*, survey: Survey) -> None:
    ticket = survey.ticket
    with translation.override(survey.language):
        context = {"ticket": ticket, "links": rating_links(survey=survey)}
        text = render_to_string("satisfaction/email/survey.txt", context)
        html = render_to_string("satisfaction/email/survey.html", context)
        subject = _("How did we do? [%(reference)s] %(subject)s") % {
            "reference": ticket.reference,
            "subject": ticket.subject_for_customer,
        }
    headers = {
        "Message-ID": make_msgid(domain=settings.MESSAGE_ID_DOMAIN),
        # Not a person writing: out-of-office replies stay away.
        "Auto-Submitted": "auto-generated",
    }
    thread = ticket_thread_message_ids(ticket=ticket)
    if thread:
        headers["In-Reply-To"] = thread[-1]
        headers["References"] = " ".join(thread[-10:])
    mail_send(
        to=ticket.customer.primary_email,
        subject=subject,
        text=text,
        html=html,
        headers=headers,
        about=SURVEY_MAIL,
        about_id=survey.pk,
    )


def _comment_clean(comment: str) -> str:
    comment = comment.replace("\x00", "").strip()
    if len(comment) > COMMENT_LENGTH:
        raise Invalid(
            _("Please keep the comment under %(count)d characters.") % {"count": COMMENT_LENGTH}
        )
    return comment


def survey_rate(*, survey: Survey, rating: str, comment: str = "") -> Survey:
    """Record the customer's rating (and comment) on a survey; a later one replaces it, and the
    ticket's figures count only its latest. A bad rating opens a follow-up for a lead; a change
    to good later leaves that follow-up, with a note saying so."""
    if rating not in Rating.values:
        raise Invalid(_("Choose good or bad."))
    comment = _comment_clean(comment)
    with transaction.atomic():
        # One rating at a time per ticket, so two clicks at once leave one counted survey.
        Ticket.objects.select_for_update().filter(pk=survey.ticket_id).first()
        survey = Survey.objects.select_related("ticket__customer", "follow_up__ticket").get(
            pk=survey.pk
        )
        before, before_comment = survey.rating, survey.comment
        survey.rating, survey.comment = rating, comment
        survey.rated_at = timezone.now()
        survey.counts = True
        survey.save(update_fields=["rating", "comment", "rated_at", "counts"])
        Survey.objects.filter(ticket_id=survey.ticket_id).exclude(pk=survey.pk).update(counts=False)
        _follow_up_keep(survey=survey, before=before, before_comment=before_comment)
    return survey


def _follow_up_keep(*, survey: Survey, before: str, before_comment: str) -> None:
    ticket = survey.ticket
    follow_up = survey.follow_up
    if follow_up is None:
        if survey.rating != Rating.BAD:
            return
        owner = rating_follow_up_owner(ticket=ticket)
        if owner is None:
            return
        # The promise's words are the lead's to read, in the desk's language.
        with translation.override(settings.LANGUAGE_CODE):
            text = _("Bad rating on %(reference)s") % {"reference": ticket.reference}
            if survey.comment:
                text += ": " + survey.comment
        survey.follow_up = follow_up_make(
            customer=ticket.customer,
            owner=owner,
            text=text[:FOLLOW_UP_TEXT_LENGTH],
            due_at=timezone.now(),
        )
        survey.save(update_fields=["follow_up"])
        if len(text) > FOLLOW_UP_TEXT_LENGTH:
            _follow_up_note(survey, f"Comment: {survey.comment}")
        return
    if survey.rating != before:
        _follow_up_note(survey, f"The customer changed the rating to {survey.rating}.")
    if survey.comment and survey.comment != before_comment:
        _follow_up_note(survey, f"Comment: {survey.comment}")


def _follow_up_note(survey: Survey, text: str) -> None:
    assert survey.follow_up is not None
    ticket_note_system(ticket=survey.follow_up.ticket, actor=None, text=text)


def survey_rate_from_portal(*, ticket: Ticket, rating: str, comment: str = "") -> Survey:
    """The customer rates their solved ticket in the portal: the survey of its latest solve,
    asked now if it never was by mail (surveys off, or no address)."""
    if ticket.status not in {Status.SOLVED, Status.CLOSED} or ticket.solved_at is None:
        raise Invalid(_("Only a solved request can be rated."))
    if ticket.merged_into_id is not None:
        raise Invalid(_("This request was merged into another; rate that one."))
    survey, _created = Survey.objects.get_or_create(
        ticket=ticket,
        solved_at=ticket.solved_at,
        defaults={"language": survey_language(ticket=ticket)},
    )
    return survey_rate(survey=survey, rating=rating, comment=comment)


def satisfaction_settings_set(*, actor: User, surveys_on: bool) -> SatisfactionSettings:
    """Switch the desk's rating e-mails on or off (leads)."""
    if not actor.is_lead:
        raise Forbidden
    with transaction.atomic():
        row, _created = SatisfactionSettings.objects.select_for_update().get_or_create(pk=1)
        row.surveys_on = surveys_on
        row.updated_by = actor
        row.save(update_fields=["surveys_on", "updated_by", "updated_at"])
    surveys_asked.forget()
    return row
