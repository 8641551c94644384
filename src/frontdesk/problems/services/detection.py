"""Detection at the desk: the last window's contacts read for problems every minute, new alerts
stored once (a group that grows updates its alert), and the leads told by mail."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from frontdesk.accounts.models import User
from frontdesk.accounts.selectors import leads_reachable
from frontdesk.accounts.services import agents_mail
from frontdesk.engine.problems import Alert as Found
from frontdesk.engine.problems import (
    Baseline,
    DetectorSettings,
    Report,
    detect,
    signature_matches,
)
from frontdesk.mail.selectors import mail_queued_about
from frontdesk.problems.adapters import baseline_of, report_of, signature_of, signatures_of
from frontdesk.problems.choices import AlertStatus, ProblemStatus
from frontdesk.problems.constants import (
    ALERT_MAIL,
    ALERT_MAIL_REPORTS,
    BASELINE_DAYS,
    BASELINE_EVERY_MINUTES,
    DISMISSED_KEPT_DAYS,
)
from frontdesk.problems.models import Alert, DetectionState, Problem
from frontdesk.tickets.history_selectors import ticket_reports_between
from frontdesk.tickets.models import Ticket


def _state_locked() -> DetectionState:
    # One row; locked so that two workers running the job at once take turns.
    state = DetectionState.objects.select_for_update().filter(pk=1).first()
    if state is None:
        state, _created = DetectionState.objects.select_for_update().get_or_create(pk=1)
    return state


def problems_baseline_build(
    *, now: datetime, detector: DetectorSettings | None = None
) -> DetectionState:
    """Count the desk's usual rates over the last BASELINE_DAYS (less the window detection
    reads, so that a burst now does not hide itself) and keep them for detection."""
    window = (detector or DetectorSettings()).window
    since, until = now - timedelta(days=BASELINE_DAYS), now - window
    reports = [report_of(row) for row in ticket_reports_between(since=since, until=until)]
    baseline = Baseline.build(reports, since=since, until=until)
    with transaction.atomic():
        state = _state_locked()
        state.baseline = baseline.to_json()
        state.baseline_built_at = now
        state.save(update_fields=["baseline", "baseline_built_at"])
    return state


def problems_detect(*, now: datetime, detector: DetectorSettings | None = None) -> list[Alert]:
    """Read the contacts of the last window for problems: store each new group once as an alert
    (the leads are mailed), add to a waiting alert the reports its group has gained since, and
    leave alone what a lead dismissed or made a problem. The alerts stored new (the caller
    has the leads told of them, after the commit)."""
    detector = detector or DetectorSettings()
    with transaction.atomic():
        state = _state_locked()
    stale = state.baseline_built_at is None or state.baseline_built_at < now - timedelta(
        minutes=BASELINE_EVERY_MINUTES
    )
    if stale:
        state = problems_baseline_build(now=now, detector=detector)
    rows = ticket_reports_between(since=now - detector.window, until=now + timedelta(seconds=1))
    reports = [report_of(row) for row in rows]
    dismissed = Alert.objects.filter(
        status=AlertStatus.DISMISSED, decided_at__gte=now - timedelta(days=DISMISSED_KEPT_DAYS)
    ).values_list("signature", flat=True)
    known = Problem.objects.filter(status=ProblemStatus.OPEN).values_list("signature", flat=True)
    found = detect(
        reports,
        settings=detector,
        baseline=baseline_of(state.baseline),
        dismissed=signatures_of(dismissed),
        known=signatures_of(known),
    )
    made: list[Alert] = []
    with transaction.atomic():
        _state_locked()
        for group in found:
            alert = _alert_store(group)
            if alert is not None:
                made.append(alert)
        _waiting_grow(reports)
        DetectionState.objects.filter(pk=1).update(last_run_at=now)
    return made


def _alert_store(group: Found) -> Alert | None:
    ticket_ids = [int(report_id) for report_id in group.ids]
    earlier = list(Alert.objects.filter(tickets__in=ticket_ids).distinct())
    waiting = [alert for alert in earlier if alert.status == AlertStatus.NEW]
    if waiting:
        # The same group, seen again: it may have grown.
        waiting[0].tickets.add(*ticket_ids)
        return None
    seen = set(Ticket.objects.filter(problem_alerts__in=earlier).values_list("pk", flat=True))
    if set(ticket_ids) <= seen:
        # Every report was in an alert a lead already decided: nothing new to tell.
        return None
    alert = Alert.objects.create(
        signature=group.signature.to_json(),
        terms=list(group.terms),
        languages=list(group.languages),
        customers=len(group.customers),
        first_at=group.first_at,
        alert_at=group.alert_at,
    )
    alert.tickets.set(ticket_ids)
    return alert


def _waiting_grow(reports: list[Report]) -> None:
    # The engine names the reports in a group when it alerted; later ones that match its
    # signature join the waiting alert, so the lead sees the group as it stands.
    for alert in Alert.objects.filter(status=AlertStatus.NEW):
        signature = signature_of(alert.signature)
        if signature is None:
            continue
        later = [report for report in reports if report.arrived_at > alert.alert_at]
        matching = [int(report.id) for report in later if signature_matches(signature, report)]
        if matching:
            alert.tickets.add(*matching)
            customers = alert.tickets.values("customer_id").distinct().count()
            Alert.objects.filter(pk=alert.pk).update(customers=customers)


def alert_mail_leads(*, alert_id: int) -> int:
    """Mail every reachable lead, in their language, the reports behind a new alert and a link
    to decide it; how many were told. Once: under the alert's lock and in one transaction with
    the mails, so a rerun of the task (its worker died) finds them queued."""
    with transaction.atomic():
        alert = Alert.objects.select_for_update().get(pk=alert_id)
        if mail_queued_about(about=ALERT_MAIL, about_id=alert_id):
            return 0
        return _alert_mail(alert=alert)


def _alert_mail(*, alert: Alert) -> int:
    tickets = list(alert.tickets.select_related("customer").order_by("created_at", "id"))
    link = settings.PUBLIC_URL + reverse("problems:index") + f"#alert-{alert.pk}"
    terms = ", ".join(alert.terms)

    def compose(lead: User) -> tuple[str, str]:
        subject = ngettext(
            "Alert: %(count)d customer reports “%(terms)s”",
            "Alert: %(count)d customers report “%(terms)s”",
            alert.customers,
        ) % {"count": alert.customers, "terms": terms}
        lines = [
            _(
                "Several customers report the same thing, faster than usual. Make it a "
                "problem to answer them all at once, or dismiss it:"
            ),
            link,
            "",
        ]
        for ticket in tickets[:ALERT_MAIL_REPORTS]:
            lines.append(
                _("%(time)s · %(customer)s · %(language)s · %(reference)s %(subject)s")
                % {
                    "time": formats.date_format(ticket.created_at, "SHORT_DATETIME_FORMAT"),
                    "customer": ticket.customer.name,
                    "language": ticket.language,
                    "reference": ticket.reference,
                    "subject": ticket.subject,
                }
            )
        if len(tickets) > ALERT_MAIL_REPORTS:
            more = len(tickets) - ALERT_MAIL_REPORTS
            lines.append(
                ngettext("…and %(count)d more.", "…and %(count)d more.", more) % {"count": more}
            )
        return subject, "\n".join(lines) + "\n"

    return agents_mail(
        agents=leads_reachable(), compose=compose, about=ALERT_MAIL, about_id=alert.pk
    )
