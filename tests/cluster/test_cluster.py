"""Several machines: 2 web processes and 3 workers against one fresh PostgreSQL database, an
SMTP sink as their relay. Each acknowledgement goes out once, each SLA escalation once, no
ticket is taken twice under concurrent take-next, and a task whose worker is SIGKILLed is
finished by another. PostgreSQL only: it runs in `make test`'s PostgreSQL pass (marker
`cluster`); the SQLite pass leaves the marker out (`make test-sqlite`), and run alone on a
SQLite desk it fails saying why, never skips."""

from __future__ import annotations

import os
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from tests.cluster.cluster import (
    FRONTDESK,
    acknowledgements_queue_twice,
    cluster,
    desk_staffed,
    drill_kill_worker,
    mails_for,
    take_next_race,
    tickets_create,
    wait_until,
)

DATABASE_URL = os.environ.get("DATABASE_URL", "")
ON_POSTGRES = DATABASE_URL.startswith(("postgres://", "postgresql://"))
CREATED = 24

pytestmark = pytest.mark.cluster


def test_a_desk_on_several_machines_does_each_thing_once(tmp_path: Path) -> None:
    assert ON_POSTGRES, "several machines share a PostgreSQL database: set DATABASE_URL to one"
    with cluster(DATABASE_URL, tmp_path) as desk:
        admin, agents, late = desk_staffed(desk)
        references = tickets_create(desk, admin, CREATED, tag="a")
        acknowledgements_queue_twice(desk)
        desk.work(3)

        everyone = references + late
        acknowledged = wait_until(
            lambda: all(mails_for(desk, everyone, "] Question").values()), seconds=120
        )
        escalated = wait_until(
            lambda: all(n >= 2 for n in mails_for(desk, late, "SLA breached").values()),
            seconds=120,
        )
        taken = take_next_race(desk, agents, calls=2 * len(everyone))
        drill = drill_kill_worker(desk, seconds=8)
        health = [desk.api("GET", "/healthz", admin, port=port) for port in desk.web_ports]
        acknowledgements = mails_for(desk, everyone, "] Question")
        escalations = mails_for(desk, late, "SLA breached")
        message_ids = Counter(message_id for message_id, _, _ in desk.sink.snapshot())

    assert acknowledged, f"not every acknowledgement arrived: {acknowledgements}"
    assert escalated, "not every escalation arrived"
    # Each acknowledgement once though queued twice (its subject names its ticket); no message
    # relayed twice.
    assert set(acknowledgements.values()) == {1}
    assert [mid for mid, n in message_ids.items() if n > 1] == []
    # The admin and the lead each told once of each breach.
    assert escalations == dict.fromkeys(late, 2)
    # Every queued ticket handed out, none twice.
    assert len(taken) == len(set(taken)) == len(everyone)
    # Another worker finished the task whose worker was killed.
    assert drill["status"] == "SUCCESSFUL"
    assert len(drill["worker_ids"]) == 2
    assert drill["finished_pid"] != drill["killed_pid"]
    assert [status for status, body in health] == [200, 200]
    assert {body["worker"] for _, body in health} == {"ok"}


def test_the_drill_task_refuses_to_run_without_its_setting(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "FRONTDESK_TEST_TASKS"}
    env["DJANGO_SETTINGS_MODULE"] = "tests.settings"
    done = subprocess.run(
        [
            *FRONTDESK[:1],
            "-c",
            "import django; django.setup(); "
            "from frontdesk.periodic.drills import drill_sleep; drill_sleep.call(0)",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0
    assert "FRONTDESK_TEST_TASKS=1" in done.stderr
