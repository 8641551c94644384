"""`frontdesk simulate`: the command's contract, its JSON lines and its refusals."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

KEYS = {
    "policy",
    "mean_wait_minutes",
    "median_wait_minutes",
    "p90_wait_minutes",
    "max_wait_minutes",
    "level1_p90_wait_minutes",
    "key_mean_wait_minutes",
    "sla_breaches",
    "utilisation",
}


def _simulate(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "frontdesk", "simulate", *args],
        capture_output=True,
        text=True,
        check=False,
    )


def _line(ident: object, time: str, handle: float, **more: object) -> str:
    row = {
        "id": ident,
        "arrived_at": f"2026-12-01T{time}:00+02:00",
        "channel": "email",
        "level": 4,
        "is_key": False,
        "handle_minutes": handle,
        **more,
    }
    return json.dumps(row)


@pytest.fixture
def trace(tmp_path: Path) -> Path:
    path = tmp_path / "day.jsonl"
    lines = [
        _line("c", "09:03", 1),
        _line("a", "09:00", 10),
        _line("b", "09:02", 5, level=1, is_key=True),
        _line("d", "09:04", 2, channel="phone"),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_every_policy_answers_one_json_line_in_the_order_asked(trace: Path) -> None:
    done = _simulate("--trace", str(trace), "--agents", "1", "--json")
    assert done.returncode == 0, done.stderr
    answers = [json.loads(line) for line in done.stdout.splitlines()]
    assert [a["policy"] for a in answers] == ["frontdesk", "fifo", "priority-age", "oracle"]
    assert all(set(a) == KEYS for a in answers)
    fifo = answers[1]
    # a 9:00–9:10, b 9:10–9:15 (8), c 9:15–9:16 (12), d 9:16 (12).
    assert fifo["mean_wait_minutes"] == 8
    assert fifo["max_wait_minutes"] == 12
    assert fifo["level1_p90_wait_minutes"] == 8
    assert fifo["key_mean_wait_minutes"] == 8
    assert fifo["sla_breaches"] == {"1": 0, "2": 0, "3": 0, "4": 0}
    assert fifo["utilisation"] == 1


def test_the_desk_opening_later_makes_everyone_wait_for_it(trace: Path) -> None:
    done = _simulate(
        "--trace", str(trace), "--agents", "2", "--policy", "fifo", "--policy", "oracle",
        "--open", "2026-12-01T08:00:00Z", "--json",
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    fifo, oracle = (json.loads(line) for line in done.stdout.splitlines())
    assert (fifo["policy"], oracle["policy"]) == ("fifo", "oracle")
    # 8:00 UTC is 10:00 in the trace's zone: item a waited an hour for the desk to open.
    assert fifo["max_wait_minutes"] >= 60


def test_the_table_names_each_policy_and_the_share_of_the_oracles_gain(trace: Path) -> None:
    done = _simulate("--trace", str(trace), "--agents", "1")
    assert done.returncode == 0, done.stderr
    for name in ("frontdesk", "fifo", "priority-age", "oracle"):
        assert name in done.stdout
    assert "of the oracle's gain over fifo" in done.stdout


def test_weights_change_the_desks_order(trace: Path) -> None:
    plain = _simulate("--trace", str(trace), "--agents", "1", "--policy", "frontdesk", "--json")
    weighted = _simulate(
        "--trace", str(trace), "--agents", "1", "--policy", "frontdesk", "--json",
        "--weights", '{"level1": 0, "key": 0}',
    )  # fmt: skip
    assert plain.returncode == weighted.returncode == 0
    assert json.loads(plain.stdout) != json.loads(weighted.stdout)


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ('{"id": 9, "channel": "email", "level": 4, "is_key": false, "handle_minutes": 3}',
         "line 3: missing field: arrived_at"),
        (_line(9, "09:05", 3).replace("2026-12-01T09:05:00+02:00", "soon"),
         "line 3: arrived_at is not an ISO 8601 time"),
        (_line(9, "09:05", -1), "line 3: handle_minutes must be more than 0"),
        (_line(9, "09:05", 3, channel="pigeon"), "line 3: unknown channel 'pigeon'"),
    ],
)  # fmt: skip
def test_a_bad_trace_exits_2_naming_the_line(tmp_path: Path, line: str, says: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join([_line(1, "09:00", 3), _line(2, "08:00", 3), line]) + "\n")
    done = _simulate("--trace", str(path), "--agents", "2")
    assert done.returncode == 2
    assert says in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stdout == ""


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--policy", "lottery"], "unknown policy 'lottery'"),
        (["--estimate-noise", "2-1"], "estimate noise"),
        (["--weights", '{"level1": -5}'], "between 0 and 10,000"),
        (["--open", "tomorrow"], "--open is not an ISO 8601 time"),
    ],
)
def test_bad_options_exit_2_with_a_message(trace: Path, args: list[str], says: str) -> None:
    done = _simulate("--trace", str(trace), "--agents", "2", *args)
    assert done.returncode == 2
    assert says in done.stderr
    assert "Traceback" not in done.stderr


def test_a_missing_trace_file_exits_2(tmp_path: Path) -> None:
    done = _simulate("--trace", str(tmp_path / "nowhere.jsonl"), "--agents", "2")
    assert done.returncode == 2
    assert "nowhere.jsonl" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_generated_day_is_a_trace_the_simulator_reads(tmp_path: Path) -> None:
    path = tmp_path / "monday.jsonl"
    command = ["simulate-day", "busy-monday", "--seed", "3", "--out", str(path)]
    made = subprocess.run(
        [sys.executable, "-m", "frontdesk", *command],
        capture_output=True,
        text=True,
        check=False,
    )
    assert made.returncode == 0, made.stderr
    assert "agents: overloaded" in made.stderr
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert all(0.6 * r["handle_minutes"] - 0.05 <= r["estimated_minutes"] for r in rows)
    answer = _simulate("--trace", str(path), "--agents", "6", "--json")
    assert answer.returncode == 0, answer.stderr
    assert [json.loads(line)["policy"] for line in answer.stdout.splitlines()] == [
        "frontdesk",
        "fifo",
        "priority-age",
        "oracle",
    ]


def test_an_unknown_kind_of_day_exits_2_naming_the_kinds() -> None:
    made = subprocess.run(
        [sys.executable, "-m", "frontdesk", "simulate-day", "friday"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert made.returncode == 2
    assert "unknown day 'friday' (one of busy-monday, steady)" in made.stderr
    assert "Traceback" not in made.stderr
