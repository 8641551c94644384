"""The benchmark report (bench/report.py) from canned bench outputs: no real bench runs here."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from bench.report import Bench, Outcome, charts_draw, main, outcome_from, report_write, result_parse

DATA = Path(__file__).resolve().parent / "data"
PNG = b"\x89PNG\r\n\x1a\n"
MACHINE = {"CPU": "Test CPU", "cores": "2", "Python": "3.11", "git commit": "abc1234"}
# Each bench's real output (small sizes), with a key of its JSON line and the PNGs it draws.
OUTPUTS = [
    ("triage", "holdout", ["triage-accuracy.png"]),
    ("queue", "postgresql", ["queue-latency.png"]),
    ("mail", "sqlite, 1 process", ["mail-throughput.png"]),
    ("breaks", "median_ms", ["breaks-timing.png"]),
    ("search", "sqlite", ["search-latency.png"]),
    (
        "simulation",
        "rows",
        ["simulation-mean-wait.png", "simulation-level1-p90.png", "simulation-gain-captured.png"],
    ),
    ("whatif", "results", ["whatif-replay.png"]),
]


def _output(name: str) -> str:
    return (DATA / f"{name}.out").read_text(encoding="utf-8")


def _succeeded(name: str) -> Outcome:
    return outcome_from(
        name=name,
        command=f"python bench/{name}_bench.py",
        seconds=12.0,
        stdout=_output(name),
        stderr="",
        returncode=0,
    )


@pytest.mark.parametrize(("name", "key", "charts"), OUTPUTS)
def test_result_parse_reads_the_json_line_of_each_bench(
    name: str, key: str, charts: list[str]
) -> None:
    result = result_parse(_output(name), name)

    assert result is not None
    assert result["bench"] == name
    assert key in result


@pytest.mark.parametrize(
    "stdout",
    [
        "a table\n",
        'a table\n{"bench": "queue", "sqlite": []}\n',
        'a table\n{"bench": "breaks", "agents": \n',
        "a table\n[1, 2]\n",
    ],
)
def test_result_parse_finds_nothing_without_the_bench_s_own_json_line(stdout: str) -> None:
    assert result_parse(stdout, "breaks") is None


@pytest.mark.parametrize(("name", "key", "charts"), OUTPUTS)
def test_each_bench_s_charts_are_png_files(
    tmp_path: Path, name: str, key: str, charts: list[str]
) -> None:
    outcome = _succeeded(name)

    charts_draw(outcome, tmp_path)

    assert not outcome.failed
    assert [chart.file for chart in outcome.charts] == charts
    for file in charts:
        assert (tmp_path / file).read_bytes()[:8] == PNG


def test_report_has_the_machine_each_bench_s_table_and_its_charts(tmp_path: Path) -> None:
    outcomes = [_succeeded(name) for name, _, _ in OUTPUTS]
    for outcome in outcomes:
        charts_draw(outcome, tmp_path)

    report = report_write(
        outcomes=outcomes,
        machine=MACHINE,
        folder=tmp_path,
        mode="quick",
        started=datetime(2026, 12, 2, 11, 0, tzinfo=UTC),
    ).read_text(encoding="utf-8")

    assert "7 of 7 benches ran." in report
    assert "| CPU | Test CPU |" in report
    for name, _, charts in OUTPUTS:
        assert f"\n## {name}\n" in report
        assert f"| [{name}](#{name}) | ok | 12 |" in report
        for file in charts:
            assert f"]({file})" in report
    assert "Breaks for a week at 15-minute intervals" in report
    assert '{"bench"' not in report  # the JSON lines go to results.json, not into the tables
    results = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert sorted(results) == sorted(name for name, _, _ in OUTPUTS)
    assert (tmp_path / "queue.log").read_text(encoding="utf-8").startswith("$ python bench/")


def test_a_failed_bench_is_reported_with_its_stderr_tail(tmp_path: Path) -> None:
    stderr = "\n".join(f"line {n}" for n in range(100)) + "\nRuntimeError: no PostgreSQL\n"
    failed = outcome_from(
        name="queue",
        command="python bench/queue_bench.py",
        seconds=3.0,
        stdout="loading\n",
        stderr=stderr,
        returncode=1,
    )
    outcomes = [failed, _succeeded("breaks")]
    for outcome in outcomes:
        charts_draw(outcome, tmp_path)

    report = report_write(
        outcomes=outcomes,
        machine=MACHINE,
        folder=tmp_path,
        mode="full",
        started=datetime(2026, 12, 2, 11, 0, tzinfo=UTC),
    ).read_text(encoding="utf-8")

    assert "1 of 2 benches ran; failed: queue." in report
    assert "| [queue](#queue) | failed | 3 |" in report
    assert "**Failed**: exit status 1, after 3 s." in report
    assert "RuntimeError: no PostgreSQL" in report
    assert "line 70\n" in report
    assert "line 10\n" not in report  # only the tail
    assert "](breaks-timing.png)" in report
    assert not (tmp_path / "queue-latency.png").exists()


def test_a_bench_without_its_json_line_fails() -> None:
    outcome = outcome_from(
        name="breaks", command="", seconds=1.0, stdout="a table\n", stderr="", returncode=0
    )

    assert outcome.failed
    assert outcome.failure == 'no JSON line {"bench": "breaks", ...} at the end of its output'


def test_a_json_line_of_another_shape_fails_the_bench_in_the_report(tmp_path: Path) -> None:
    outcome = outcome_from(
        name="breaks",
        command="",
        seconds=1.0,
        stdout='{"bench": "breaks", "agents": 10}\n',
        stderr="",
        returncode=0,
    )

    charts_draw(outcome, tmp_path)

    assert outcome.failed
    assert "median_ms" in str(outcome.chart_failure)


def _script(folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_main_runs_every_bench_and_exits_1_when_one_fails(tmp_path: Path) -> None:
    breaks_line = json.dumps(result_parse(_output("breaks"), "breaks"))
    benches = [
        Bench("breaks", _script(tmp_path, "ok.py", f"print('a table')\nprint({breaks_line!r})")),
        Bench("queue", _script(tmp_path, "bad.py", "import sys\nsys.exit('queue broke')")),
        Bench("search", _script(tmp_path, "slow.py", "import time\ntime.sleep(60)")),
        Bench("mail", str(tmp_path / "absent.py")),
    ]
    out = tmp_path / "report"

    status = main(
        ["--out", str(out), "--postgres", "postgresql://nobody@127.0.0.1:1/x", "--timeout", "3"],
        benches=benches,
    )

    report = (out / "report.md").read_text(encoding="utf-8")
    assert status == 1
    assert "1 of 4 benches ran; failed: queue, search, mail." in report
    assert "queue broke" in report
    assert "**Failed**: stopped: ran past the timeout" in report
    assert "absent.py does not exist" in report
    assert "| PostgreSQL | not reachable" in report
    assert (out / "breaks-timing.png").read_bytes()[:8] == PNG


def test_main_exits_0_when_every_bench_ran(tmp_path: Path) -> None:
    line = json.dumps(result_parse(_output("breaks"), "breaks"))
    benches = [Bench("breaks", _script(tmp_path, "ok.py", f"print({line!r})"))]

    status = main(["--out", str(tmp_path / "report"), "--only", "breaks"], benches=benches)

    assert status == 0


def test_main_refuses_an_unknown_bench(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--only", "triage,speed"])

    assert "unknown bench speed" in capsys.readouterr().err
