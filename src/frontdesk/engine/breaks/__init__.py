"""Breaks placed so the desk stays staffed: every shift gets the breaks its rules give it, each
where the forecast can best spare the agent.

Time is cut into equal intervals counted from the UTC epoch, so 15-minute intervals fall on :00,
:15, :30 and :45 in every whole- or half-hour time zone; an agent counts in an interval only if at
work for all of it. Breaks are placed one at a time, the most constrained first (fewest possible
starts, then agent id, then shift start); each goes where the thinnest interval it covers keeps
the most agents above the requirement (ties: the most to spare over all it covers, then the
earliest start). Taking the agent out lowers the counts the next break sees, so breaks stagger by
themselves and a lead can be told why any break is where it is. Being greedy, it is not an
optimum: a tight requirement that some other arrangement would just meet can come back as a
shortfall, and is then shown as one rather than hidden.

A shift is two instants: one across midnight or a change of clocks is counted in real elapsed
time. Everything returned is in UTC; pages show it in the team's time zone.
"""

from __future__ import annotations

from frontdesk.engine.breaks.check import shifts_check
from frontdesk.engine.breaks.coverage import shortfalls, staffed
from frontdesk.engine.breaks.place import breaks_place
from frontdesk.engine.breaks.roster import Break, BreakError, BreakRule, Plan, Shift, Shortfall

__all__ = [
    "Break",
    "BreakError",
    "BreakRule",
    "Plan",
    "Shift",
    "Shortfall",
    "breaks_place",
    "shifts_check",
    "shortfalls",
    "staffed",
]
