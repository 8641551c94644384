"""Writes for problems: making one (from an alert or by hand), linking and unlinking tickets
with the level 3 their membership gives, and dismissing alerts."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from frontdesk.accounts.models import User
from frontdesk.core.errors import Forbidden, Invalid
from frontdesk.engine.triage import Reason
from frontdesk.problems.choices import AlertStatus, LinkHow
from frontdesk.problems.constants import TITLE_LENGTH
from frontdesk.problems.models import Alert, Problem, ProblemTicket
from frontdesk.sla.selectors import desk_time_zone
from frontdesk.tickets.adapters import reasons_from_rows, reasons_to_rows
from frontdesk.tickets.choices import OPEN_STATUSES, Level
from frontdesk.tickets.models import Ticket
from frontdesk.tickets.services import ticket_note_system, ticket_triage_apply


def _lead_only(actor: User) -> None:
    if not actor.is_lead:
        raise Forbidden(_("Only a lead can do this with problems."))


def _title_clean(title: str) -> str:
    title = " ".join(title.split())
    if not title:
        raise Invalid(_("A problem needs a title."))
    if len(title) > TITLE_LENGTH:
        raise Invalid(
            _("A problem's title has %(length)d characters at most.") % {"length": TITLE_LENGTH}
        )
    return title


def problem_title_from_terms(terms: Sequence[str]) -> str:
    """A first title for a problem, from what its reports share."""
    return ", ".join(terms[:4])[:TITLE_LENGTH] or _("Many customers report the same thing")


@transaction.atomic
def problem_create(
    *,
    actor: User,
    title: str,
    summary: str = "",
    signature: dict[str, object] | None = None,
    terms: Sequence[str] = (),
    tickets: Iterable[Ticket] = (),
    how: str = LinkHow.HAND,
    now: datetime | None = None,
) -> Problem:
    """Make a problem (leads only) and link its first tickets to it."""
    _lead_only(actor)
    problem = Problem.objects.create(
        title=_title_clean(title),
        summary=summary.strip(),
        signature=signature or {},
        terms=list(terms),
        created_by=actor,
        created_at=now or timezone.now(),
    )
    problem_tickets_link(problem=problem, tickets=tickets, how=how, actor=actor)
    return problem


@transaction.atomic
def problem_update(
    *,
    actor: User,
    problem: Problem,
    title: str,
    summary: str,
    public_texts: dict[str, str],
) -> Problem:
    """Change a problem's title, summary and public texts per language (leads only)."""
    _lead_only(actor)
    problem.title = _title_clean(title)
    problem.summary = summary.strip()
    problem.public_texts = {
        language: text.strip() for language, text in public_texts.items() if text.strip()
    }
    problem.save(update_fields=["title", "summary", "public_texts"])
    return problem


def problem_tickets_link(
    *,
    problem: Problem,
    tickets: Iterable[Ticket],
    how: str,
    actor: User | None = None,
) -> list[ProblemTicket]:
    """Link tickets to a problem; a ticket already in another problem is refused. Every open
    member then reads level 3 (unless level 1) with the reason "reported by N customers since
    HH:MM", N and the time as they now stand."""
    if how not in LinkHow.values:
        raise Invalid(f"Unknown way of linking {how!r}.")
    made = []
    with transaction.atomic():
        Problem.objects.select_for_update().filter(pk=problem.pk).first()
        for ticket in tickets:
            current = ProblemTicket.objects.filter(ticket=ticket).select_related("problem").first()
            if current is not None:
                if current.problem_id == problem.pk:
                    continue
                raise Invalid(
                    _("%(reference)s is already part of the problem “%(title)s”.")
                    % {"reference": ticket.reference, "title": current.problem.title}
                )
            made.append(
                ProblemTicket.objects.create(
                    problem=problem,
                    ticket=ticket,
                    how=how,
                    linked_by=actor,
                    level_before=ticket.level,
                )
            )
            ticket_note_system(
                ticket=ticket,
                actor=actor,
                text=f"Linked to the problem “{problem.title}”",
                event={"code": "problem_linked", "problem": problem.pk, "title": problem.title},
            )
        if made:
            problem_members_place(problem=problem)
    return made


@transaction.atomic
def problem_ticket_unlink(*, problem: Problem, ticket: Ticket, actor: User) -> None:
    """Take a ticket out of a problem: it loses the problem's reason and gets back the level it
    had before it joined (when still level 3); the others' count follows."""
    link = ProblemTicket.objects.filter(problem=problem, ticket=ticket).first()
    if link is None:
        raise Invalid(
            _("%(reference)s is not part of this problem.") % {"reference": ticket.reference}
        )
    link.delete()
    reasons = [r for r in reasons_from_rows(ticket.reasons) if r.code != "pattern"]
    level = link.level_before if ticket.level == Level.PATTERN else ticket.level
    _triage_keep_but(ticket, level=level, reasons=tuple(reasons))
    ticket_note_system(
        ticket=ticket,
        actor=actor,
        text=f"Unlinked from the problem “{problem.title}”",
        event={"code": "problem_unlinked", "problem": problem.pk, "title": problem.title},
    )
    problem_members_place(problem=problem)


def problem_reason(*, problem: Problem) -> Reason | None:
    """The reason a problem gives its members: how many customers, since when; None without
    members."""
    firsts = list(
        Ticket.objects.filter(problem_link__problem=problem)
        .order_by("created_at")
        .values_list("customer_id", "created_at")
    )
    if not firsts:
        return None
    customers = len({customer for customer, _at in firsts})
    since = firsts[0][1]
    # English in `detail` (the API, scripts); the evidence lets each page word it in its
    # language, on the desk's clock (tickets/wording.py).
    clock = since.astimezone(ZoneInfo(desk_time_zone())).strftime("%H:%M")
    plural = "customer" if customers == 1 else "customers"
    detail = f"reported by {customers} {plural} since {clock}"
    return Reason("pattern", detail, (str(customers), since.isoformat()))


def problem_members_place(*, problem: Problem) -> int:
    """Give every open member of the problem level 3 (unless level 1) and the problem's current
    reason, re-placing it in the queue; how many tickets changed."""
    reason = problem_reason(problem=problem)
    if reason is None:
        return 0
    changed = 0
    members = Ticket.objects.filter(problem_link__problem=problem, status__in=OPEN_STATUSES)
    for ticket in members:
        others = [r for r in reasons_from_rows(ticket.reasons) if r.code != "pattern"]
        level = ticket.level if ticket.level == Level.URGENT else Level.PATTERN
        reasons = (reason, *others) if level == Level.PATTERN else (*others, reason)
        if level == ticket.level and reasons_to_rows(reasons) == ticket.reasons:
            continue
        _triage_keep_but(ticket, level=level, reasons=reasons)
        changed += 1
    return changed


def _triage_keep_but(ticket: Ticket, *, level: int, reasons: tuple[Reason, ...]) -> None:
    # Through tickets' own service, which recomputes the SLA dues and the place in the queue.
    ticket_triage_apply(
        ticket=ticket,
        level=level,
        quick_win=ticket.quick_win,
        effort_minutes=ticket.effort_minutes,
        language=ticket.language,
        tone=ticket.tone,
        reasons=reasons_to_rows(reasons),
        red_flags=None,
    )


def _alert_claim(actor: User, alert: Alert) -> Alert:
    # Locked, so two leads deciding at once cannot both decide.
    _lead_only(actor)
    alert = Alert.objects.select_for_update().get(pk=alert.pk)
    if alert.status != AlertStatus.NEW:
        raise Invalid(_("This alert was already decided."))
    return alert


def _alert_decide(alert: Alert, *, actor: User, status: str, problem: Problem | None) -> None:
    alert.status = status
    alert.problem = problem
    alert.decided_by = actor
    alert.decided_at = timezone.now()
    alert.save(update_fields=["status", "problem", "decided_by", "decided_at"])


@transaction.atomic
def alert_problem_make(*, actor: User, alert: Alert, title: str, summary: str = "") -> Problem:
    """Turn a new alert into a problem (leads only): its tickets become the problem's, its
    signature what new contacts are matched against."""
    alert = _alert_claim(actor, alert)
    free = alert.tickets.exclude(problem_link__isnull=False).order_by("created_at", "id")
    problem = problem_create(
        actor=actor,
        title=title,
        summary=summary,
        signature=alert.signature,
        terms=alert.terms,
        tickets=list(free),
        how=LinkHow.DETECTED,
    )
    _alert_decide(alert, actor=actor, status=AlertStatus.PROBLEM, problem=problem)
    return problem


@transaction.atomic
def alert_dismiss(*, actor: User, alert: Alert) -> Alert:
    """Dismiss a new alert (leads only): the detector is told of its signature from now on, so
    the same group does not alert again."""
    alert = _alert_claim(actor, alert)
    _alert_decide(alert, actor=actor, status=AlertStatus.DISMISSED, problem=None)
    return alert
