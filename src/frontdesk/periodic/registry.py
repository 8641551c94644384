"""The periodic jobs: what runs, how often. A job is a task path and an interval."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from frontdesk.periodic.constants import RECOVER_EVERY


@dataclass(frozen=True)
class Job:
    """A task the workers enqueue every `every`."""

    name: str
    task: str  # dotted path to a django_tasks task taking no arguments
    every: timedelta


JOBS: tuple[Job, ...] = (
    Job("sla-sweep", "frontdesk.tickets.tasks.sla_sweep", timedelta(minutes=1)),
    Job("mail-fetch", "frontdesk.mail.tasks.mail_fetch_new", timedelta(minutes=1)),
    Job("mail-left-over", "frontdesk.mail.tasks.mail_file_left_over", timedelta(minutes=1)),
    Job("follow-ups", "frontdesk.journal.tasks.follow_ups_activate_due", timedelta(minutes=1)),
    Job("notices-review", "frontdesk.journal.tasks.notices_review_request_due", timedelta(hours=1)),
    Job("breaks", "frontdesk.schedules.tasks.breaks_tick", timedelta(minutes=1)),
    Job("hand-out-work", "frontdesk.routing.tasks.work_hand_out", timedelta(minutes=1)),
    Job("live-contacts", "frontdesk.live.tasks.live_contacts_time_out", timedelta(minutes=1)),
    Job("holding-replies", "frontdesk.macros.tasks.holding_replies_send_due", timedelta(minutes=5)),
    Job("campaigns", "frontdesk.outreach.tasks.campaigns_send", timedelta(minutes=1)),
    Job("problems-detect", "frontdesk.problems.tasks.problems_detect_now", timedelta(minutes=1)),
    Job(
        "problems-baseline",
        "frontdesk.problems.tasks.problems_baseline_rebuild",
        timedelta(hours=1),
    ),
    Job("database-optimize", "frontdesk.periodic.tasks.database_optimize", timedelta(hours=1)),
    Job("files-retention", "frontdesk.periodic.tasks.files_retention", timedelta(hours=1)),
    Job("token-expiry", "frontdesk.accounts.tasks.token_expiry_warnings", timedelta(hours=1)),
    Job("tasks-recover", "frontdesk.periodic.tasks.tasks_recover", RECOVER_EVERY),
    Job("raw-mail-retention", "frontdesk.mail.tasks.raw_mail_retention", timedelta(hours=1)),
    Job("silent-customers", "frontdesk.customers.tasks.silent_customers_erase", timedelta(hours=1)),
    Job("audit-retention", "frontdesk.audit.tasks.audit_retention", timedelta(hours=1)),
)
