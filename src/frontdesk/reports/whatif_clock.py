"""The business clock of a what-if replay: a span's opening hours laid end to end, so that a
night, a weekend or a holiday takes no time (see reports/whatif.py)."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import datetime, timedelta

from frontdesk.engine.sla import BusinessCalendar


@dataclass(frozen=True)
class BusinessClock:
    """The span's opening windows laid end to end from `origin`: a real moment's business
    moment is `origin` plus the opening time before it."""

    origin: datetime
    windows: tuple[tuple[datetime, datetime], ...]
    # Business minutes before each window.
    before: tuple[float, ...]

    @property
    def minutes(self) -> float:
        """Business minutes in the whole span."""
        if not self.windows:
            return 0.0
        opens, closes = self.windows[-1]
        return self.before[-1] + (closes - opens).total_seconds() / 60

    def at(self, moment: datetime) -> datetime:
        """The business moment of a real one; a closed moment is the next opening's."""
        return self.origin + timedelta(minutes=self._offset(moment))

    def opened(self, moment: datetime) -> datetime:
        """The real moment the business clock starts for something that came at `moment`:
        itself when open, else the next opening (the span's last close after it)."""
        index = bisect.bisect_right([closes for _opens, closes in self.windows], moment)
        if index == len(self.windows):
            return self.windows[-1][1] if self.windows else moment
        return max(moment, self.windows[index][0])

    def _offset(self, moment: datetime) -> float:
        index = bisect.bisect_right([closes for _opens, closes in self.windows], moment)
        if index == len(self.windows):
            return self.minutes
        opens, _closes = self.windows[index]
        inside = max(0.0, (moment - opens).total_seconds() / 60)
        return self.before[index] + inside


def business_clock(calendar: BusinessCalendar, start: datetime, end: datetime) -> BusinessClock:
    """The business clock of [start, end) on the calendar's opening hours and holidays."""
    windows: list[tuple[datetime, datetime]] = []
    before: list[float] = []
    total = 0.0
    for opens, closes in calendar.open_spans(start):
        if opens >= end:
            break
        opens, closes = max(opens, start), min(closes, end)
        if closes <= opens:
            continue
        windows.append((opens, closes))
        before.append(total)
        total += (closes - opens).total_seconds() / 60
    return BusinessClock(origin=start, windows=tuple(windows), before=tuple(before))
