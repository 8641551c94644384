"""How long the what-if page's replay takes for a span of busy days: the desk's days as they
were and with a change (another order, one more agent on Monday mornings, breaks moved), each
run through the simulator, as the page does within one request.

The days are generated (engine/simulation/generate.py: busy Mondays, steady other days) on
business hours 08:00–17:00, Monday to Friday, with a roster that works them "comfortably" and a
half-hour break for everyone; no database is read (the page's reads are a handful of queries).

    .venv/bin/python bench/whatif_bench.py [--weeks 1,2,4] [--runs 3] [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from collections import Counter
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from zoneinfo import ZoneInfo

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frontdesk.config.settings")
os.environ.setdefault("FRONTDESK_SECRET_KEY", "bench-only-secret-key-long-enough-0123456789")

import django

django.setup()

from common import table  # noqa: E402

from frontdesk.engine.breaks.roster import Shift as RosterShift  # noqa: E402
from frontdesk.engine.queue import QueueWeights  # noqa: E402
from frontdesk.engine.simulation import Arrival  # noqa: E402
from frontdesk.engine.simulation.generate import agents_for, day_generate  # noqa: E402
from frontdesk.engine.sla import BusinessCalendar, SlaTargets  # noqa: E402
from frontdesk.reports.whatif import (  # noqa: E402
    Contacts,
    History,
    PolicyChoice,
    Source,
    Variation,
    whatif_compare,
)
from frontdesk.reports.whatif_clock import business_clock  # noqa: E402

FIRST_MONDAY = date(2026, 11, 2)
OPENS, CLOSES = clock_time(8), clock_time(17)
ZONE = ZoneInfo("UTC")


def history_of(weeks: int) -> History:
    """`weeks` of generated days, Monday to Friday, with the roster that works them."""
    days = [FIRST_MONDAY + timedelta(days=n) for n in range(7 * weeks)]
    calendar = BusinessCalendar(zone="UTC", windows=dict.fromkeys(range(5), ((OPENS, CLOSES),)))
    start = datetime.combine(days[0], clock_time(0), tzinfo=UTC)
    clock = business_clock(calendar, start, start + timedelta(days=len(days)))
    arrivals: list[Arrival] = []
    hours: dict[str, int] = {}
    shifts: list[RosterShift] = []
    breaks: list[tuple[int, datetime, datetime]] = []
    for number, day in enumerate(d for d in days if d.weekday() < 5):
        opens = datetime.combine(day, OPENS, tzinfo=UTC)
        kind = "busy-monday" if day.weekday() == 0 else "steady"
        generated = day_generate(kind, seed=number, opens=opens)
        for arrival in generated:
            ident = f"{day}-{arrival.id}"
            hours[ident] = arrival.arrived_at.hour
            arrivals.append(replace(arrival, id=ident, arrived_at=clock.at(arrival.arrived_at)))
        for agent in range(agents_for(generated, "comfortable")):
            shifts.append(RosterShift(agent_id=agent, start=opens, end=opens + timedelta(hours=9)))
            # Breaks staggered a quarter-hour apart from 11:30.
            begins = opens + timedelta(hours=3, minutes=30 + 15 * (agent % 8))
            breaks.append((agent, begins, begins + timedelta(minutes=30)))
    contacts = Contacts(
        arrivals=sorted(arrivals, key=lambda a: a.arrived_at),
        hours=hours,
        sources=Counter({Source.ESTIMATE: len(arrivals)}),
    )
    return History(
        days=days,
        clock=clock,
        contacts=contacts,
        shifts=shifts,
        breaks=breaks,
        agents_without_roster=1,
        zone=ZONE,
    )


VARIATIONS = {
    "one more agent on Monday mornings": Variation(
        extra_agents=1, extra_weekday=0, extra_start=clock_time(9), extra_end=clock_time(12)
    ),
    "breaks 30 min later": Variation(breaks_moved_minutes=30),
    "first in, first out": Variation(policy=PolicyChoice.FIFO),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--weeks", default="1,2,4")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="1 and 2 weeks, one run each")
    options = parser.parse_args()
    weeks = [1, 2] if options.quick else [int(w) for w in options.weeks.split(",")]
    runs = 1 if options.quick else options.runs
    rows: list[list[object]] = []
    results: list[dict[str, object]] = []
    for count in weeks:
        history = history_of(count)
        agents = len({s.agent_id for s in history.shifts})
        for name, variation in VARIATIONS.items():
            seconds = []
            for _ in range(runs):
                began = time.perf_counter()
                found = whatif_compare(
                    history=history,
                    variation=variation,
                    weights=QueueWeights(),
                    targets=SlaTargets(),
                )
                seconds.append(time.perf_counter() - began)
            median = statistics.median(seconds)
            before, after = found.baseline.summary, found.changed.summary
            rows.append(
                [
                    count,
                    len(history.contacts.arrivals),
                    agents,
                    name,
                    f"{median:.2f}",
                    f"{before.mean_wait_minutes:.1f} → {after.mean_wait_minutes:.1f}",
                ]
            )
            results.append(
                {
                    "weeks": count,
                    "contacts": len(history.contacts.arrivals),
                    "agents": agents,
                    "variation": name,
                    "seconds_median": round(median, 3),
                    "mean_wait_before": round(before.mean_wait_minutes, 2),
                    "mean_wait_after": round(after.mean_wait_minutes, 2),
                }
            )
    table(
        f"What-if replay, both sides (median of {runs} run(s), seconds)",
        ["weeks", "contacts", "agents", "variation", "seconds", "mean wait (min)"],
        rows,
    )
    print(json.dumps({"bench": "whatif", "runs": runs, "results": results}))


if __name__ == "__main__":
    main()
