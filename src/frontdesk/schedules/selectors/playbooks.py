"""Reads for schedules' playbooks: the awkward moments an agent is in and what to do in them."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import QuerySet

from frontdesk.accounts.choices import Presence
from frontdesk.accounts.models import User
from frontdesk.accounts.selectors import presence_of
from frontdesk.core.clock import desk_today, time_text
from frontdesk.core.errors import NotFound
from frontdesk.schedules.choices import BreakKind, PlaybookMoment
from frontdesk.schedules.models import Break, Playbook
from frontdesk.schedules.registry import live_queue
from frontdesk.schedules.selectors.shifts import break_next_for, within_warning

# A warning given less than this long before the break did not give anyone time to prepare.
LATE_WARNING = timedelta(minutes=5)


def moments_for(*, agent: User, now: datetime, upcoming: Break | None = None) -> list[str]:
    """The awkward moments the agent is in, for which a playbook opens in one click
    (`upcoming`: the agent's next break, when the caller has read it already)."""
    upcoming = upcoming or break_next_for(agent=agent, now=now)
    if upcoming is None or upcoming.kind == BreakKind.UNPLANNED:
        return []
    if not within_warning(upcoming.start, now):
        return []
    moments: list[str] = []
    if live_queue().anyone_waiting(day=desk_today(now)):
        moments += [PlaybookMoment.PEOPLE_WAITING, PlaybookMoment.ANGRY_LAST]
    if upcoming.warned_at is None or upcoming.start - upcoming.warned_at < LATE_WARNING:
        moments.append(PlaybookMoment.NOT_WARNED)
    if presence_of(agent=agent).state == Presence.CALL:
        moments.append(PlaybookMoment.DURING_CALL)
    return moments


def playbook_for(*, moment: str, language: str) -> Playbook | None:
    """The playbook for a moment in a language, else in English."""
    rows = {p.language: p for p in Playbook.objects.filter(moment=moment)}
    return rows.get(language) or rows.get("en")


def playbook_steps(*, playbook: Playbook, upcoming: Break | None) -> list[dict[str, str]]:
    """The playbook's steps with {time} and {end} filled in from the agent's break, on the
    desk's clock."""
    start = time_text(upcoming.start) if upcoming else "…"
    end = time_text(upcoming.end) if upcoming else "…"
    return [
        {
            key: str(step.get(key, "")).replace("{time}", start).replace("{end}", end)
            for key in ("do", "say")
        }
        for step in playbook.steps
        if isinstance(step, dict)
    ]


def playbooks_all() -> QuerySet[Playbook]:
    """Every playbook, by moment and language."""
    return Playbook.objects.all()


def playbook_exists(*, moment: str, language: str) -> bool:
    """Whether the moment has a playbook in this language."""
    return Playbook.objects.filter(moment=moment, language=language).exists()


def access_playbook_by_id(*, playbook_id: int) -> Playbook:
    """The playbook with this id, or NotFound."""
    playbook = Playbook.objects.filter(pk=playbook_id).first()
    if playbook is None:
        raise NotFound("Playbook not found.")
    return playbook
