"""An agent's shifts and breaks as an iCalendar feed (RFC 5545), for any calendar program."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from frontdesk.accounts.models import User
from frontdesk.core.clock import desk_local, desk_zone
from frontdesk.schedules.models import Break
from frontdesk.schedules.selectors import shifts_between

# The feed shows what lies this far back and ahead.
FEED_PAST = timedelta(days=14)
FEED_AHEAD = timedelta(days=56)


def agent_calendar(*, agent: User, now: datetime) -> bytes:
    """The agent's shifts and breaks from two weeks ago to eight weeks ahead, as iCalendar: on
    the desk's clock (its zone is in the feed) and named in the agent's language."""
    calendar = Calendar()
    calendar.add("prodid", "-//frontdesk//shifts//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"frontdesk: {agent.display_name}")
    # The desk's zone, named, so that a calendar program in another zone still shows a shift
    # at 09:00 as the desk's 09:00 and follows its changes of clocks.
    calendar.add("x-wr-timezone", desk_zone().key)
    start, end = now - FEED_PAST, now + FEED_AHEAD
    with translation.override(agent.language or settings.LANGUAGE_CODE):
        for shift in shifts_between(start=start, end=end, agent_ids=[agent.pk]):
            calendar.add_component(
                _event(
                    uid=f"shift-{agent.pk}-{int(shift.start.timestamp())}"
                    f"@{settings.MESSAGE_ID_DOMAIN}",
                    summary=_("Shift"),
                    start=shift.start,
                    end=shift.end,
                    stamp=now,
                )
            )
        for brk in Break.objects.filter(agent=agent, start__lt=end, end__gt=start):
            calendar.add_component(
                _event(
                    uid=f"break-{brk.pk}@{settings.MESSAGE_ID_DOMAIN}",
                    summary=_("Break") if brk.kind == "planned" else _("Stepped away"),
                    start=brk.start,
                    end=brk.ended_at or brk.end,
                    stamp=now,
                )
            )
    # Only the changes of clocks the feed spans: the zone's whole history would be most of it.
    calendar.add_missing_timezones(first_date=start.date(), last_date=end.date())
    return bytes(calendar.to_ical())


def _event(*, uid: str, summary: str, start: datetime, end: datetime, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("summary", summary)
    event.add("dtstart", desk_local(start))
    event.add("dtend", desk_local(max(end, start)))
    event.add("dtstamp", stamp)
    return event
