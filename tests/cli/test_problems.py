import json
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from frontdesk.cli import main

LINES = [
    # Ordinary traffic.
    {"id": "b1", "arrived_at": "2026-11-23T10:00:00+02:00", "channel": "email",
     "subject": "Opening hours", "body": "Are you open on Saturday afternoon?",
     "customer": "ann@example.com"},
    {"id": "b2", "arrived_at": "2026-11-23T10:04:00+02:00", "channel": "web",
     "subject": "Refund", "body": "I returned the blue jacket and still have no refund.",
     "customer": "bob@example.com"},
    # The burst, the third line given before the second: replayed in arrival order.
    {"id": "p1", "arrived_at": "2026-11-23T10:10:00+02:00", "channel": "email",
     "subject": "Invoice PDF is empty", "body": "Since the 4.2 update the invoice PDF is 0 KB.",
     "customer": "cat@example.com"},
    {"id": "p3", "arrived_at": "2026-11-23T08:30:00Z", "channel": "chat",
     "subject": "", "body": "A 4.2 frissítés óta a letöltött PDF számla mérete 0 KB.",
     "customer": "eve@example.com"},
    {"id": "p2", "arrived_at": "2026-11-23T10:20:00+02:00", "channel": "email",
     "subject": "Arve PDF on tühi", "body": "Pärast uuendust 4.2 on arve PDF fail 0 KB suurune.",
     "customer": "dan@example.com"},
    {"id": "p4", "arrived_at": "2026-11-23T10:40:00+02:00", "channel": "email",
     "subject": "Prazan PDF račun", "body": "Od ažuriranja 4.2 preuzeti PDF račun ima 0 KB.",
     "customer": "fay@example.com"},
]  # fmt: skip


def jsonl(rows: Sequence[object]) -> str:
    return "".join((row if isinstance(row, str) else json.dumps(row)) + "\n" for row in rows)


def test_detect_prints_one_json_line_per_alert(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "reports.jsonl"
    source.write_text(jsonl(LINES), encoding="utf-8")
    assert main(["problems", "detect", str(source), "--json"]) == 0
    out, err = capsys.readouterr()
    [line] = out.splitlines()
    alert = json.loads(line)
    assert list(alert) == ["problem", "ids", "first_at", "alert_at", "terms", "languages"]
    assert alert["problem"] == 1
    assert alert["ids"] == ["p1", "p2", "p3"]
    assert alert["first_at"] == "2026-11-23T10:10:00+02:00"
    assert alert["alert_at"] == "2026-11-23T08:30:00+00:00"
    assert {"0 KB", "4.2"} <= set(alert["terms"])
    assert set(alert["languages"]) == {"en", "et", "hu"}
    assert err == ""


def test_detect_without_json_prints_a_readable_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO(jsonl(LINES)))
    assert main(["problems", "detect"]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert line.startswith("problem 1 at 2026-11-23T08:30:00+00:00: 3 reports from 3 customers")
    assert line.endswith("ids p1, p2, p3")


def test_bad_lines_are_reported_and_the_rest_still_processed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = LINES
    missing = {k: v for k, v in LINES[0].items() if k != "customer"}
    bad = [
        "{not json",
        {**missing, "id": "x1"},
        {**LINES[0], "id": "x2", "customer": " "},
        {**LINES[0], "id": "x3", "arrived_at": "2026-11-23T10:00:00"},
        {**LINES[0], "id": "x4", "arrived_at": "yesterday"},
        {**LINES[0]},  # repeats b1
        {**LINES[0], "id": "x5", "body": 7},
        "[1, 2]",
    ]
    source = tmp_path / "reports.jsonl"
    source.write_text(jsonl([*good, "", *bad]), encoding="utf-8")
    assert main(["problems", "detect", str(source), "--json"]) == 1
    out, err = capsys.readouterr()
    assert [json.loads(line)["ids"] for line in out.splitlines()] == [["p1", "p2", "p3"]]
    errors = [json.loads(line) for line in err.splitlines()]
    assert [e["line"] for e in errors] == [8, 9, 10, 11, 12, 13, 14, 15]
    assert errors[0]["error"].startswith("not valid JSON")
    assert errors[1]["error"] == "'customer' is missing"
    assert errors[2]["error"] == "'customer' is empty"
    assert "needs a time zone" in errors[3]["error"]
    assert "not an ISO 8601" in errors[4]["error"]
    assert errors[5]["error"] == "repeated id 'b1'"
    assert errors[6]["error"] == "'body' must be a string"
    assert errors[7]["error"] == "each line must be a JSON object"


def test_a_missing_file_is_a_clear_message_and_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["problems", "detect", str(tmp_path / "nowhere.jsonl")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("frontdesk problems detect: cannot read ")
    assert "No such file" in err


def test_detect_runs_without_a_database(tmp_path: Path) -> None:
    env = {**os.environ, "DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none"}
    result = subprocess.run(
        [sys.executable, "-m", "frontdesk", "problems", "detect", "--json"],
        input=jsonl(LINES),
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["ids"] == ["p1", "p2", "p3"]


def test_learn_reads_the_first_hours_as_usual_traffic_and_alerts_only_after(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    later = [
        {**row, "id": f"later-{row['id']}", "arrived_at": row["arrived_at"].replace("-23T", "-24T")}
        for row in LINES
    ]
    source = tmp_path / "reports.jsonl"
    source.write_text(jsonl(LINES + later), encoding="utf-8")
    assert main(["problems", "detect", str(source), "--json", "--learn", "12"]) == 0
    [line] = capsys.readouterr().out.splitlines()
    # The same thing was seen in the hours learnt from, so it takes one report more to stand out.
    assert json.loads(line)["ids"] == ["later-p1", "later-p2", "later-p3", "later-p4"]


def test_learn_must_be_hours(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["problems", "detect", "--learn", "soon"])
    assert stopped.value.code == 2
    assert "not a number of hours: 'soon'" in capsys.readouterr().err
