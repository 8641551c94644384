"""How the desk's status reads in each language: one wording for the status card, the
waiting-room screen and the acknowledgement e-mails, so that they all say the same."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

from django.template.loader import render_to_string
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from frontdesk.engine.playbook import Problem, ProblemCode
from frontdesk.engine.playbook.graph import ANSWERS_MAX, ID_MAX, LABEL_MAX, NODES_MAX, TEXT_MAX
from frontdesk.schedules.choices import StatusCode
from frontdesk.schedules.models import BreakRule
from frontdesk.schedules.selectors import StatusLine, desk_status


def status_line_text(*, line: StatusLine, zone: str) -> str:
    """One line of the desk's status in the active language, its times in the desk's zone."""
    return _WORDING[StatusCode(line.code)](line, ZoneInfo(zone))


def desk_status_mail_text() -> str:
    """The desk's status now as e-mails word it, in the active language (for acknowledgements)."""
    return render_to_string("schedules/email/_status.txt", {"status": desk_status()})


def _clock(moment: datetime | None, zone: ZoneInfo) -> str:
    # The same as the templates' {% timezone %} and |time:"H:i".
    return formats.time_format(moment.astimezone(zone), "H:i") if moment else "…"


def _opens(line: StatusLine, zone: ZoneInfo) -> str:
    at = _clock(line.start, zone)
    if line.count == 0:
        return _("We open again today at %(time)s.") % {"time": at}
    if line.count == 1:
        return _("We open again tomorrow at %(time)s.") % {"time": at}
    # A weekday is enough within the week; further off (a long holiday) the date says it.
    shape = "l" if line.count < 7 else "SHORT_DATE_FORMAT"
    day = formats.date_format(line.start.astimezone(zone), shape) if line.start else "…"
    return _("We open again on %(day)s at %(time)s.") % {"day": day, "time": at}


def _open(line: StatusLine, zone: ZoneInfo) -> str:
    if line.end is None:
        return _("We are open now.")
    return _("We are open now, until %(until)s.") % {"until": _clock(line.end, zone)}


def _own_break(line: StatusLine, zone: ZoneInfo) -> str:
    if line.begun:
        return _(
            "The person handling your request is on a break until %(until)s; they will answer "
            "after it."
        ) % {"until": _clock(line.end, zone)}
    return _("The person handling your request takes a break from %(start)s to %(end)s.") % {
        "start": _clock(line.start, zone),
        "end": _clock(line.end, zone),
    }


def _stepped_away(line: StatusLine, zone: ZoneInfo) -> str:
    until = {"until": _clock(line.end, zone)}
    if line.reason == "delivery":
        text = _(
            "We are sorry: we have had to step away to receive a delivery. Service resumes at "
            "%(until)s."
        )
    elif line.reason == "emergency":
        text = _(
            "We are sorry: we have had to step away for an emergency. Service resumes at %(until)s."
        )
    else:
        text = _(
            "We are sorry: we have had to step away for a moment. Service resumes at %(until)s."
        )
    if line.closes:
        return text % until
    # Out of the f-string, where makemessages would not find it.
    others = _("Others at the desk go on serving, a little slower.")
    return f"{text % until} {others}"


def _away(line: StatusLine, zone: ZoneInfo) -> str:
    if line.closes:
        return _("We are sorry: we have had to step away for a moment; we will be back shortly.")
    return _("Fewer of us are at the desk just now: waiting may be a little longer.")


def _break_now(line: StatusLine, zone: ZoneInfo) -> str:
    until = {"until": _clock(line.end, zone)}
    if line.closes:
        return _("The desk is on a break until %(until)s.") % until
    return _("Fewer of us are at the desk until %(until)s: waiting may be a little longer.") % until


def _break_soon(line: StatusLine, zone: ZoneInfo) -> str:
    span = {"start": _clock(line.start, zone), "end": _clock(line.end, zone)}
    if line.closes:
        return _("The desk closes for a break at %(start)s and opens again at %(end)s.") % span
    return (
        _(
            "A break starts at %(start)s (until %(end)s): fewer of us will be at the desk and "
            "waiting may be longer."
        )
        % span
    )


def _next_break(line: StatusLine, zone: ZoneInfo) -> str:
    return _("Next planned break: %(start)s–%(end)s.") % {
        "start": _clock(line.start, zone),
        "end": _clock(line.end, zone),
    }


def _waiting(line: StatusLine, zone: ZoneInfo) -> str:
    if not line.count:
        return _("Nobody is waiting at the desk.")
    return ngettext(
        "%(count)s person is waiting at the desk.",
        "%(count)s people are waiting at the desk.",
        line.count,
    ) % {"count": line.count}


def _desk_wait(line: StatusLine, zone: ZoneInfo) -> str:
    return ngettext(
        "Expected wait at the desk: about %(minutes)s minute.",
        "Expected wait at the desk: about %(minutes)s minutes.",
        line.count,
    ) % {"minutes": line.count}


def _written_answer(line: StatusLine, zone: ZoneInfo) -> str:
    if line.count >= 120:
        hours = round(line.count / 60)
        return ngettext(
            "Written requests are answered in about %(hours)s hour.",
            "Written requests are answered in about %(hours)s hours.",
            hours,
        ) % {"hours": hours}
    return ngettext(
        "Written requests are answered in about %(minutes)s minute.",
        "Written requests are answered in about %(minutes)s minutes.",
        line.count,
    ) % {"minutes": line.count}


_WORDING: dict[StatusCode, Callable[[StatusLine, ZoneInfo], str]] = {
    StatusCode.CLOSED: lambda line, zone: _(
        "We are closed now; write to us any time and we answer when we open."
    ),
    StatusCode.OPENS: _opens,
    StatusCode.OPEN: _open,
    StatusCode.OWN_BREAK: _own_break,
    StatusCode.STEPPED_AWAY: _stepped_away,
    StatusCode.AWAY: _away,
    StatusCode.BREAK_NOW: _break_now,
    StatusCode.BREAK_SOON: _break_soon,
    StatusCode.NEXT_BREAK: _next_break,
    StatusCode.WAITING: _waiting,
    StatusCode.DESK_WAIT: _desk_wait,
    StatusCode.WRITTEN_ANSWER: _written_answer,
}


def _span(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def break_rules_preview_text(*, rules: Sequence[BreakRule], shift_minutes: int) -> str:
    """What the rules give a shift this long, in one line: "A shift of 8 h gets: 15 min starting
    between 2:00 and 3:00 into it; …"."""
    hours = _span(shift_minutes).removesuffix(":00")
    if not rules:
        return _("A shift of %(hours)s h gets no break.") % {"hours": hours}
    parts = [
        _("%(length)d min starting between %(earliest)s and %(latest)s into it")
        % {
            "length": rule.length_minutes,
            "earliest": _span(rule.earliest_minutes),
            "latest": _span(rule.latest_minutes),
        }
        for rule in rules
    ]
    return _("A shift of %(hours)s h gets: %(breaks)s.") % {
        "hours": hours,
        "breaks": "; ".join(parts),
    }


def _target_text(problem: Problem, numbers: dict[str, int]) -> str:
    if not problem.target:
        return _("Choose where this leads.")
    if problem.target in numbers:
        return _("Step %(number)d is not in the playbook any more: choose where this leads.") % {
            "number": numbers[problem.target]
        }
    return _("There is no step “%(id)s”: choose where this leads.") % {"id": problem.target}


def _problem_words(problem: Problem, numbers: dict[str, int]) -> str:
    code = problem.code
    if code == ProblemCode.TARGET_MISSING:
        return _target_text(problem, numbers)
    if code == ProblemCode.LOOP:
        return _(
            "This leads back to step %(number)d: a playbook goes on to an end, never round "
            "in a loop (agents go back with Back)."
        ) % {"number": numbers.get(problem.target, 0)}
    if code == ProblemCode.TOO_LONG:
        most = LABEL_MAX if problem.field == "label" else TEXT_MAX
        return _("At most %(most)d characters.") % {"most": most}
    words = {
        ProblemCode.NO_NODES: _("A playbook needs at least one step."),
        ProblemCode.TOO_MANY_NODES: _("A playbook has at most %(most)d steps and questions.")
        % {"most": NODES_MAX},
        ProblemCode.ID_TWICE: _("Another step has the same id."),
        ProblemCode.ID_BAD: _(
            "A step's id is at most %(most)d letters, digits, - and _, with no spaces."
        )
        % {"most": ID_MAX},
        ProblemCode.START_MISSING: _("Choose the step the playbook starts with."),
        ProblemCode.STEP_EMPTY: _("Say what to do or what to say, or remove the step."),
        ProblemCode.QUESTION_EMPTY: _("Write the question."),
        ProblemCode.TOO_FEW_ANSWERS: _("A question needs at least two answers."),
        ProblemCode.TOO_MANY_ANSWERS: _("A question has at most %(most)d answers.")
        % {"most": ANSWERS_MAX},
        ProblemCode.LABEL_EMPTY: _("Write the answer."),
        ProblemCode.LABEL_TWICE: _("Another answer has the same words."),
        ProblemCode.TARGET_TWICE: _(
            "Another answer leads to the same step: make the two one answer."
        ),
        ProblemCode.UNREACHABLE: _(
            "Nothing leads to this step: choose it as the start, after a step or for an "
            "answer, or remove it."
        ),
    }
    return words[code]


def playbook_problem_text(problem: Problem, *, numbers: dict[str, int], where: bool = True) -> str:
    """A problem of a playbook's flowchart in the active language; with `where`, it names the
    step (by its number) and the answer it is about."""
    words = _problem_words(problem, numbers)
    if not where or problem.node is None:
        return words
    place = _("Step %(number)d") % {"number": numbers.get(problem.node, 0)}
    if problem.answer is not None:
        place = _("Step %(number)d, answer %(answer)d") % {
            "number": numbers.get(problem.node, 0),
            "answer": problem.answer + 1,
        }
    return f"{place}: {words}"
