"""Several machines on one desk: 2 `frontdesk serve` and 3 `frontdesk worker` processes against
one fresh PostgreSQL database, an SMTP sink as their relay. Prints how long the acknowledgements
of N API creates (spread over both web processes) took to reach the relay and whether any came
twice, the SLA escalations, a take-next race over both web processes, and how long a task whose
worker was SIGKILLed took to be finished by another. Prints a table and one JSON line.

Run: .venv/bin/python bench/cluster_bench.py [--tickets 40]
     [--postgres postgresql://postgres@127.0.0.1:5432/postgres]

The same desk and drills as tests/cluster/test_cluster.py (which asserts; this one measures).
Workers beat every second here (FRONTDESK_WORKER_BEAT_SECONDS=1), so a lost task is handed back
after about 6 s; with the default 15 s it takes 90 s to two and a half minutes.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from common import table

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # for tests.cluster

from tests.cluster.cluster import (  # noqa: E402
    BREACHING_TICKETS,
    acknowledgements_queue_twice,
    cluster,
    desk_staffed,
    drill_kill_worker,
    mails_for,
    take_next_race,
    tickets_create,
    wait_until,
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tickets", type=int, default=40)
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/postgres")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder, cluster(args.postgres, Path(folder)) as desk:
        admin, agents, late = desk_staffed(desk)
        started = time.monotonic()
        references = tickets_create(desk, admin, args.tickets, tag="a")
        created_seconds = time.monotonic() - started
        started = time.monotonic()
        acknowledgements_queue_twice(desk)
        desk.work(3)
        everyone = references + late
        wait_until(lambda: all(mails_for(desk, everyone, "] Question").values()), seconds=300)
        acknowledged_seconds = time.monotonic() - started
        wait_until(
            lambda: all(n >= 2 for n in mails_for(desk, late, "SLA breached").values()),
            seconds=180,
        )
        escalated_seconds = time.monotonic() - started
        started = time.monotonic()
        taken = take_next_race(desk, agents, calls=2 * len(everyone))
        take_seconds = time.monotonic() - started
        drill = drill_kill_worker(desk, seconds=8)
        acknowledgements = mails_for(desk, everyone, "] Question")
        escalations = mails_for(desk, late, "SLA breached")
        message_ids = Counter(mid for mid, _, _ in desk.sink.snapshot())
    figures = {
        "tickets_created": len(everyone),
        "create_seconds": round(created_seconds, 1),
        "acknowledgements_relayed": sum(acknowledgements.values()),
        "acknowledgements_twice": sum(1 for n in acknowledgements.values() if n > 1),
        "acknowledged_seconds_after_workers_start": round(acknowledged_seconds, 1),
        "escalation_mails": sum(escalations.values()),
        "escalations_expected": 2 * BREACHING_TICKETS,
        "escalated_seconds_after_workers_start": round(escalated_seconds, 1),
        "message_ids_relayed_twice": sum(1 for n in message_ids.values() if n > 1),
        "take_next_handed_out": len(taken),
        "take_next_handed_twice": len(taken) - len(set(taken)),
        "take_next_seconds": round(take_seconds, 1),
        "drill_status": drill["status"],
        "drill_workers": len(drill["worker_ids"]),
        "drill_seconds_to_finish_after_kill": drill["seconds_to_finish_after_kill"],
    }
    table("Several machines: 2 web, 3 workers, one PostgreSQL", ["figure", "value"],
          [[name, value] for name, value in figures.items()])  # fmt: skip
    print(json.dumps({"bench": "cluster", **figures}))


if __name__ == "__main__":
    main()
