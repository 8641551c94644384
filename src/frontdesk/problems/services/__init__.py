"""Writes for problems: a module per concern, every public name re-exported here."""

from frontdesk.problems.services.arrival import (
    problem_acknowledgement_line,
    problem_link_on_arrival,
)
from frontdesk.problems.services.detection import (
    alert_mail_leads,
    problems_baseline_build,
    problems_detect,
)
from frontdesk.problems.services.membership import (
    alert_dismiss,
    alert_problem_make,
    problem_create,
    problem_members_place,
    problem_reason,
    problem_ticket_unlink,
    problem_tickets_link,
    problem_title_from_terms,
    problem_update,
)
from frontdesk.problems.services.replies import (
    ProblemReplySent,
    ProblemToneHeld,
    problem_reply_audience,
    problem_reply_send,
    problem_reply_texts_from_macro,
    reply_language_of,
)
from frontdesk.problems.services.solving import problem_post, problem_solve

__all__ = [
    "ProblemReplySent",
    "ProblemToneHeld",
    "alert_dismiss",
    "alert_mail_leads",
    "alert_problem_make",
    "problem_acknowledgement_line",
    "problem_create",
    "problem_link_on_arrival",
    "problem_members_place",
    "problem_post",
    "problem_reason",
    "problem_reply_audience",
    "problem_reply_send",
    "problem_reply_texts_from_macro",
    "problem_solve",
    "problem_ticket_unlink",
    "problem_tickets_link",
    "problem_title_from_terms",
    "problem_update",
    "problems_baseline_build",
    "problems_detect",
    "reply_language_of",
]
