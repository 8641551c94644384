"""An agent's shifts and breaks as an iCalendar feed (RFC 5545), for any calendar program."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from icalendar import Calendar, Event

from frontdesk.accounts.models import User
from frontdesk.schedules.models import Break
from frontdesk.schedules.selectors import shifts_between

# The feed shows what lies this far back and ahead.
FEED_PAST = timedelta(days=14)
FEED_AHEAD = timedelta(days=56)


def agent_calendar(*, agent: User, now: datetime) -> bytes:
    """The agent's shifts and breaks from two weeks ago to eight weeks ahead, as iCalendar."""
    calendar = Calendar()
    calendar.add("prodid", "-//frontdesk//shifts//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"frontdesk: {agent.display_name}")
    start, end = now - FEED_PAST, now + FEED_AHEAD
    for shift in shifts_between(start=start, end=end, agent_ids=[agent.pk]):
        calendar.add_component(
            _event(
                uid=f"shift-{agent.pk}-{int(shift.start.timestamp())}@{settings.MESSAGE_ID_DOMAIN}",
                summary="Shift",
                start=shift.start,
                end=shift.end,
                stamp=now,
            )
        )
    for brk in Break.objects.filter(agent=agent, start__lt=end, end__gt=start):
        calendar.add_component(
            _event(
                uid=f"break-{brk.pk}@{settings.MESSAGE_ID_DOMAIN}",
                summary="Break" if brk.kind == "planned" else "Stepped away",
                start=brk.start,
                end=brk.ended_at or brk.end,
                stamp=now,
            )
        )
    return bytes(calendar.to_ical())


def _event(*, uid: str, summary: str, start: datetime, end: datetime, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("summary", summary)
    event.add("dtstart", start)
    event.add("dtend", max(end, start))
    event.add("dtstamp", stamp)
    return event
