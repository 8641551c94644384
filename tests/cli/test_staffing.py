import json
import subprocess
import sys

import pytest

pytestmark = pytest.mark.django_db


def _staffing(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "frontdesk", "staffing", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def test_staffing_answers_the_worked_example_as_json() -> None:

    done = _staffing(
        "--rate", "200", "--aht", "180", "--target-level", "0.8", "--target-seconds", "20", "--json"
    )
    assert done.returncode == 0
    answer = json.loads(done.stdout)
    assert set(answer) == {"agents", "service_level", "asa_seconds", "p_wait", "occupancy"}
    assert answer["agents"] == 14
    assert answer["p_wait"] == pytest.approx(0.1741, abs=1e-4)
    assert answer["asa_seconds"] == pytest.approx(7.84, abs=0.01)


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (
            ["--rate", "0", "--aht", "180", "--target-level", "0.8", "--target-seconds", "20"],
            "no contacts",
        ),
        (
            ["--rate", "200", "--aht", "180", "--target-level", "1", "--target-seconds", "20"],
            "cannot be reached",
        ),
        (
            ["--rate", "1e15", "--aht", "180", "--target-level", "0.8", "--target-seconds", "20"],
            "more contacts than any staffing can serve",
        ),
        (
            [
                "--rate",
                "200",
                "--aht",
                "180",
                "--target-level",
                "0.8",
                "--target-seconds",
                "20",
                "--max-occupancy",
                "1.5",
            ],
            "max_occupancy",
        ),
        (
            ["--rate", "many", "--aht", "180", "--target-level", "0.8", "--target-seconds", "20"],
            "invalid float value",
        ),
    ],
)
def test_staffing_refuses_impossible_input_with_status_2(args: list[str], says: str) -> None:
    done = _staffing(*args)
    assert done.returncode == 2
    assert says in done.stderr
    assert done.stdout == ""
