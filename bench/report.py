"""One benchmark report: run every benchmark in bench/, each in its own process, and write one
Markdown report with the machine, each bench's table and its charts as PNG files.

Run: make bench                  (each bench at its full sizes: long, see bench/README.md)
     make bench-quick            (small sizes: minutes, not an hour)
     .venv/bin/python bench/report.py [--quick] [--only triage,queue] [--out DIR]
         [--postgres postgresql://postgres@127.0.0.1:5432/postgres] [--shared ../shared/data]

Each bench prints its tables and ends with one JSON line, `{"bench": NAME, ...}`; this script
keeps the tables, reads that line and draws the charts from it. The report goes to
`bench/reports/<UTC date>-<host>/report.md` (ignored by git) with the PNG files, each bench's
whole output (`NAME.log`) and every JSON line (`results.json`). A bench that fails, prints no
JSON line or runs past the timeout is reported as failed with the tail of its stderr; the others
still run, and the exit status is 1. The figures are for reading: nothing here asserts a timing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # files only, no display

from matplotlib.figure import Figure
from tqdm import tqdm

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
POSTGRES = "postgresql://postgres@127.0.0.1:5432/postgres"
STDERR_TAIL_LINES = 40
Result = dict[str, Any]


@dataclass(frozen=True)
class Bench:
    """A benchmark script and its arguments in each mode."""

    name: str
    script: str
    full: tuple[str, ...] = ()
    quick: tuple[str, ...] = ()
    uses_postgres: bool = False
    uses_shared: bool = False
    # Run only when `--only` names it (e.g. one that installs another program first).
    only_when_named: bool = False


# Quick sizes keep the whole report to 8-15 minutes on 2 shared cores; full sizes (about 50) are
# each bench's own defaults, the figures bench/README.md and the docs quote.
BENCHES = (
    Bench("triage", "triage_bench.py", quick=("--quick",), uses_shared=True),
    # Train and dev only: the corpus's holdout is read by hand, once, for a reported figure.
    Bench("triage_corpus", "triage_corpus_eval.py"),
    Bench(
        "queue",
        "queue_bench.py",
        quick=("--sizes", "2000,10000", "--runs", "200"),
        uses_postgres=True,
    ),
    Bench(
        "mail",
        "mail_bench.py",
        quick=("--messages", "300", "--processes", "1"),
        uses_postgres=True,
    ),
    Bench(
        "create",
        "create_profile.py",
        quick=("--creates", "50", "--clients", "4"),
        uses_postgres=True,
    ),
    Bench("breaks", "breaks_bench.py", quick=("--agents", "100", "--runs", "3")),
    Bench(
        "search",
        "search_bench.py",
        quick=("--sizes", "2000,10000", "--runs", "10"),
        uses_postgres=True,
    ),
    Bench("simulation", "simulation_bench.py", quick=("--quick",)),
    Bench("whatif", "whatif_bench.py", quick=("--quick",)),
    Bench("problems", "problems_bench.py", quick=("--quick",), uses_shared=True),
    Bench("answers", "answers_bench.py", quick=("--quick",)),
    Bench("memory", "memory_bench.py", quick=("--quick",)),
    # Installs django-helpdesk into a venv of its own and runs a quarter of an hour: on request.
    Bench(
        "peer",
        "peer_bench.py",
        quick=("--quick",),
        uses_postgres=True,
        uses_shared=True,
        only_when_named=True,
    ),
    Bench("serve", "serve_bench.py", quick=("--tickets", "500", "--requests", "40")),
)


@dataclass(frozen=True)
class Chart:
    """A PNG file of the report and what it shows."""

    file: str
    caption: str


@dataclass
class Outcome:
    """What one bench did: its output, its JSON line when it printed one, and why it failed."""

    name: str
    command: str
    seconds: float
    stdout: str
    stderr: str = ""
    returncode: int | None = 0
    result: Result | None = None
    failure: str | None = None
    charts: list[Chart] = field(default_factory=list)
    chart_failure: str | None = None

    @property
    def failed(self) -> bool:
        return self.failure is not None or self.chart_failure is not None


def result_parse(stdout: str, name: str) -> Result | None:
    """The bench's JSON line: the last line of its output that is a JSON object naming it."""
    for line in reversed(stdout.splitlines()):
        if not line.startswith("{"):
            continue
        try:
            data = json.loads(line)
        except ValueError:
            continue
        if isinstance(data, dict) and data.get("bench") == name:
            return data
    return None


def tables_text(stdout: str) -> str:
    """The bench's printed tables: its output without the JSON line."""
    lines = [line for line in stdout.splitlines() if not line.startswith('{"bench"')]
    return "\n".join(lines).strip("\n")


def outcome_from(
    *, name: str, command: str, seconds: float, stdout: str, stderr: str, returncode: int | None
) -> Outcome:
    """An outcome from a finished (or stopped) process, with its JSON line read."""
    outcome = Outcome(name, command, seconds, stdout, stderr, returncode)
    if returncode is None:
        outcome.failure = "stopped: ran past the timeout"
    elif returncode:
        outcome.failure = f"exit status {returncode}"
    else:
        outcome.result = result_parse(stdout, name)
        if outcome.result is None:
            outcome.failure = f'no JSON line {{"bench": "{name}", ...}} at the end of its output'
    return outcome


def bench_run(
    bench: Bench, *, arguments: Sequence[str], timeout: float, progress: tqdm | None
) -> Outcome:
    """Run one bench script in its own process, showing its latest line as it goes."""
    script = HERE / bench.script
    command = [sys.executable, str(script), *arguments]
    where = str(script.relative_to(ROOT)) if script.is_relative_to(ROOT) else str(script)
    shown = " ".join(["python", where, *arguments])
    if not script.exists():
        return Outcome(bench.name, shown, 0.0, "", failure=f"{where} does not exist")
    started = time.monotonic()
    lines: list[str] = []
    # Unbuffered, so each line arrives as the bench prints it rather than all at the end.
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    with tempfile.TemporaryFile("w+", encoding="utf-8") as errors:
        process = subprocess.Popen(  # noqa: S603 - our own scripts, our own arguments
            command,
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            encoding="utf-8",
        )

        def read() -> None:
            assert process.stdout is not None
            for line in process.stdout:
                # A table's title follows a blank line: show what the bench is measuring now.
                if progress is not None and line.strip() and lines and not lines[-1].strip():
                    progress.set_postfix_str(line.strip()[:70])
                lines.append(line)

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        returncode: int | None
        try:
            returncode = process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            returncode = None
        reader.join()
        errors.seek(0)
        stderr = errors.read()
    return outcome_from(
        name=bench.name,
        command=shown,
        seconds=time.monotonic() - started,
        stdout="".join(lines),
        stderr=stderr,
        returncode=returncode,
    )


# Charts: one function per bench, from its JSON line to PNG files in the report's folder.


def _figure(width: float = 8.0, height: float = 4.5) -> Figure:
    return Figure(figsize=(width, height), layout="constrained")


def _save(figure: Figure, folder: Path, file: str, caption: str) -> Chart:
    figure.savefig(folder / file, dpi=100)
    return Chart(file, caption)


def _bars(
    axes: Any,
    groups: Sequence[str],
    series: dict[str, Sequence[float]],
    *,
    horizontal: bool,
    values: str | None = None,
    legend: bool = True,
) -> None:
    """Grouped bars: one group per label, one bar per series; `values` formats each bar's
    value on it (e.g. "{:.2f}"), when given."""
    width = 0.8 / max(1, len(series))
    for n, (label, heights) in enumerate(series.items()):
        positions = [g + (n - (len(series) - 1) / 2) * width for g in range(len(groups))]
        if horizontal:
            bars = axes.barh(positions, heights, height=width, label=label)
        else:
            bars = axes.bar(positions, heights, width=width, label=label)
        if values:
            axes.bar_label(bars, fmt=values, fontsize="x-small", padding=2)
    if horizontal:
        axes.set_yticks(range(len(groups)), groups)
        axes.invert_yaxis()
    else:
        axes.set_xticks(range(len(groups)), groups)
    if legend:
        axes.legend(fontsize="small")


def triage_charts(result: Result, folder: Path) -> list[Chart]:
    sets = {
        "fixtures (tuned on)": result["fixtures"]["per_language_level_accuracy"],
        "held-out set": result["holdout"]["per_language_level_accuracy"],
    }
    languages = sorted({language for accuracy in sets.values() for language in accuracy})
    figure = _figure()
    axes = figure.add_subplot()
    _bars(
        axes,
        languages,
        {name: [accuracy.get(lang, 0.0) for lang in languages] for name, accuracy in sets.items()},
        horizontal=False,
        values="{:.2f}",
    )
    axes.set_ylim(0, 1.2)  # room for the legend above the bars
    axes.set_yticks([0, 0.2, 0.4, 0.6, 0.8, 1.0])
    axes.legend(fontsize="small", loc="upper center", ncols=2)
    axes.set_ylabel("level accuracy")
    axes.set_title("Triage rules layer: level accuracy per language")
    return [
        _save(
            figure,
            folder,
            "triage-accuracy.png",
            "Level accuracy of the rules layer per language, on the fixtures the lexicons were "
            "tuned on and on the held-out set (the honest figure).",
        )
    ]


def queue_charts(result: Result, folder: Path) -> list[Chart]:
    figure = _figure(9.0, 4.5)
    parts = (("next_item", "next item (selector)"), ("take_next", "take next (whole service)"))
    for n, (key, title) in enumerate(parts):
        axes = figure.add_subplot(1, 2, n + 1)
        for database in ("sqlite", "postgresql"):
            rows = result.get(database, [])
            sizes = [row["open_tickets"] for row in rows]
            line = axes.plot(
                sizes, [row[key]["p50_ms"] for row in rows], marker="o", label=f"{database} p50"
            )[0]
            axes.plot(
                sizes,
                [row[key]["p99_ms"] for row in rows],
                marker="o",
                linestyle="--",
                color=line.get_color(),
                label=f"{database} p99",
            )
        axes.set_xscale("log")
        axes.set_xticks(sizes, [f"{size:,}" for size in sizes])
        axes.minorticks_off()
        axes.set_ylim(bottom=0)
        axes.set_xlabel("open tickets")
        axes.set_ylabel("ms")
        axes.set_title(title)
        axes.legend(fontsize="small")
    return [
        _save(
            figure,
            folder,
            "queue-latency.png",
            "“Next item” for one agent by number of open tickets: the selector alone and the "
            "whole take-next service, p50 (solid) and p99 (dashed) per database.",
        )
    ]


def mail_charts(result: Result, folder: Path) -> list[Chart]:
    setups = [key for key, value in result.items() if isinstance(value, dict)]
    figure = _figure()
    axes = figure.add_subplot()
    _bars(
        axes,
        setups,
        {
            "accepted/s": [result[s]["accepted_per_second"] for s in setups],
            "filed/s": [result[s]["filed_per_second"] for s in setups],
            "out/s": [result[s]["outbound_per_second"] for s in setups],
        },
        horizontal=False,
        values="{:.0f}",
    )
    axes.set_ylabel("messages per second")
    axes.set_title("Mail in over SMTP and out to a relay")
    return [
        _save(
            figure,
            folder,
            "mail-throughput.png",
            "Messages per second per database and number of listener processes: accepted "
            "(until the last 250), filed (parsed, threaded, triaged and on its ticket — the "
            "figure that counts) and replies sent out.",
        )
    ]


def breaks_charts(result: Result, folder: Path) -> list[Chart]:
    figure = _figure(8.0, 2.5)
    axes = figure.add_subplot()
    bars = axes.barh(["median", "slowest"], [result["median_ms"], result["max_ms"]])
    axes.bar_label(bars, fmt="{:,.0f} ms", padding=2)
    axes.margins(x=0.15)
    axes.invert_yaxis()
    axes.set_xlabel("ms")
    axes.set_title(
        f"Placing a week of breaks: {result['agents']:,} agents, {result['shifts']:,} shifts, "
        f"{result['runs']} runs"
    )
    return [
        _save(
            figure,
            folder,
            "breaks-timing.png",
            "How long `breaks_place` takes for a week at 15-minute intervals, median and slowest "
            "of the runs.",
        )
    ]


def search_charts(result: Result, folder: Path) -> list[Chart]:
    by_size: dict[int, dict[str, dict[str, Any]]] = defaultdict(dict)
    for database in ("sqlite", "postgresql"):
        for row in result.get(database, []):
            by_size[row["tickets"]][database] = row
    sizes = sorted(by_size)
    figure = _figure(5.0 * len(sizes) or 5.0, 4.5)
    for n, size in enumerate(sizes):
        axes = figure.add_subplot(1, len(sizes), n + 1)
        measured = by_size[size]
        kinds = [k for k in next(iter(measured.values())) if k != "tickets"]
        _bars(
            axes,
            kinds,
            {database: [row[k]["p50_ms"] for k in kinds] for database, row in measured.items()},
            horizontal=True,
        )
        axes.set_xlabel("p50 ms")
        axes.set_title(f"{size:,} tickets")
    figure.suptitle("Ticket search: count the matches and read the first page")
    return [
        _save(
            figure,
            folder,
            "search-latency.png",
            "Median time of a ticket-list search by kind of query, per database and number of "
            "tickets.",
        )
    ]


@dataclass(frozen=True)
class _Measure:
    key: str
    label: str
    file: str
    caption: str
    target: float | None = None
    target_key: str = ""  # where the bench's JSON line gives the target, if it does
    values: str = "{:.0f}"


SIMULATION_MEASURES = (
    _Measure(
        "mean_wait_minutes",
        "mean first-response wait (minutes)",
        "simulation-mean-wait.png",
        "Mean first-response wait per policy at each staffing level, for each trace (lower is "
        "better; the oracle knows every true handling time).",
    ),
    _Measure(
        "level1_p90_wait_minutes",
        "level-1 p90 wait (minutes)",
        "simulation-level1-p90.png",
        "Level-1 p90 first-response wait per policy and staffing; the dotted line is the target "
        "of 30 minutes.",
        target=30,
        target_key="level1_p90_max_minutes",
    ),
    _Measure(
        "gain_captured",
        "share of the oracle's gain over FIFO captured",
        "simulation-gain-captured.png",
        "How much of the oracle's gain over FIFO on mean wait each policy captures (1.0: all of "
        "it); the dotted line is the target of 0.8 for the default order.",
        target=0.8,
        target_key="gain_captured_min",
        values="{:.2f}",
    ),
)


def simulation_charts(result: Result, folder: Path) -> list[Chart]:
    # Rows of several seeds for the same trace, staffing and policy are averaged.
    cells: dict[tuple[str, str, str], list[Result]] = defaultdict(list)
    agents: dict[tuple[str, str], set[int]] = defaultdict(set)
    for row in result["rows"]:
        cells[(row["trace"], row["staffing"], row["policy"])].append(row)
        agents[(row["trace"], row["staffing"])].add(row["agents"])
    traces = list(dict.fromkeys(trace for trace, _, _ in cells))

    def mean_of(trace: str, staffing: str, policy: str, key: str) -> float:
        values = [r[key] for r in cells.get((trace, staffing, policy), []) if r[key] is not None]
        return sum(values) / len(values) if values else 0.0

    charts = []
    for measure in SIMULATION_MEASURES:
        # Only the policies that have the figure: FIFO and the oracle capture no "gain".
        policies = list(
            dict.fromkeys(
                p for (_, _, p), rows in cells.items() if rows[0][measure.key] is not None
            )
        )
        figure = _figure(5.0 * len(traces), 4.5)
        for n, trace in enumerate(traces):
            axes = figure.add_subplot(1, len(traces), n + 1, sharey=figure.axes[0] if n else None)
            staffings = list(dict.fromkeys(s for t, s, _ in cells if t == trace))
            groups = [
                f"{s}\n({', '.join(f'{a:g}' for a in sorted(agents[(trace, s)]))} agents)"
                for s in staffings
            ]
            _bars(
                axes,
                groups,
                {p: [mean_of(trace, s, p, measure.key) for s in staffings] for p in policies},
                horizontal=False,
                values=measure.values,
                legend=False,
            )
            target = result.get("target", {}).get(measure.target_key, measure.target)
            if target is not None:
                axes.axhline(target, color="grey", linestyle=":", label=f"target: {target:g}")
            axes.set_ylabel(measure.label)
            axes.set_title(trace)
        figure.suptitle(f"Simulated desk: {measure.label}, per policy and staffing")
        handles, labels = figure.axes[0].get_legend_handles_labels()
        figure.legend(handles, labels, loc="outside lower center", ncols=len(labels))
        charts.append(_save(figure, folder, measure.file, measure.caption))
    return charts


def whatif_charts(result: Result, folder: Path) -> list[Chart]:
    rows = result["results"]
    variations = list(dict.fromkeys(row["variation"] for row in rows))
    weeks = sorted({row["weeks"] for row in rows})
    figure = _figure(9.0, 4.5)
    timing = figure.add_subplot(1, 2, 1)
    for variation in variations:
        measured = sorted(
            (r["weeks"], r["seconds_median"]) for r in rows if r["variation"] == variation
        )
        timing.plot(*zip(*measured, strict=True), marker="o", label=variation)
    timing.set_xticks(weeks, [str(w) for w in weeks])
    timing.set_ylim(bottom=0)
    timing.set_xlabel("weeks replayed")
    timing.set_ylabel("seconds (median)")
    timing.set_title("Replay time, both sides")
    timing.legend(fontsize="small")
    longest = [r for r in rows if r["weeks"] == weeks[-1]]
    waits = figure.add_subplot(1, 2, 2)
    _bars(
        waits,
        [r["variation"].replace(" on ", "\non ").replace(" later", "\nlater") for r in longest],
        {
            "as it was": [r["mean_wait_before"] for r in longest],
            "with the change": [r["mean_wait_after"] for r in longest],
        },
        horizontal=False,
        values="{:.1f}",
    )
    waits.set_ylabel("mean first-response wait (minutes)")
    waits.set_title(f"Mean wait over {weeks[-1]} week(s)")
    return [
        _save(
            figure,
            folder,
            "whatif-replay.png",
            "The what-if page's replay: how long both sides take by number of weeks replayed, "
            "per change, and the mean wait as it was and with each change over the longest span.",
        )
    ]


CHARTS: dict[str, Callable[[Result, Path], list[Chart]]] = {
    "triage": triage_charts,
    "queue": queue_charts,
    "mail": mail_charts,
    "breaks": breaks_charts,
    "search": search_charts,
    "simulation": simulation_charts,
    "whatif": whatif_charts,
}


def charts_draw(outcome: Outcome, folder: Path) -> None:
    """Draw the outcome's charts; a chart that cannot be drawn fails the bench in the report."""
    draw = CHARTS.get(outcome.name)
    if outcome.result is None or draw is None:
        return
    try:
        outcome.charts = draw(outcome.result, folder)
    except (KeyError, TypeError, ValueError, IndexError, StopIteration) as error:
        outcome.chart_failure = f"its JSON line is not the shape the chart expects: {error!r}"


# The machine.


def _first_line(path: str, prefix: str) -> str | None:
    try:
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                if line.startswith(prefix):
                    return line.split(":", 1)[1].strip()
    except OSError:
        return None
    return None


def postgres_version(url: str) -> str:
    """The PostgreSQL server's version, or why it could not be read."""
    try:
        import psycopg

        with psycopg.connect(url, connect_timeout=3) as connection:
            row = connection.execute("SHOW server_version").fetchone()
    except Exception as error:
        return f"not reachable ({type(error).__name__})"
    return str(row[0]) if row else "unknown"


def git_commit() -> str:
    """The commit the benches ran on, marked when the work tree has changes."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],  # noqa: S607 - git from PATH
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        changed = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],  # noqa: S607
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{commit} (with uncommitted changes)" if changed else commit


def machine_describe(postgres: str) -> dict[str, str]:
    """The machine the benches ran on, as label → value."""
    memory = _first_line("/proc/meminfo", "MemTotal")
    memory_text = f"{int(memory.split()[0]) / 1024 / 1024:.1f} GiB" if memory else "unknown"
    load = os.getloadavg() if hasattr(os, "getloadavg") else None
    return {
        "host": socket.gethostname(),
        "CPU": _first_line("/proc/cpuinfo", "model name") or platform.processor() or "unknown",
        "cores": str(os.cpu_count()),
        "memory": memory_text,
        "load average at start": ", ".join(f"{n:.2f}" for n in load) if load else "unknown",
        "system": platform.platform(),
        "Python": platform.python_version(),
        "SQLite": sqlite3.sqlite_version,
        "PostgreSQL": postgres_version(postgres),
        "git commit": git_commit(),
    }


# The report.


def _fenced(text: str) -> str:
    return f"```text\n{text}\n```"


def report_write(
    *,
    outcomes: Sequence[Outcome],
    machine: dict[str, str],
    folder: Path,
    mode: str,
    started: datetime,
) -> Path:
    """Write report.md, results.json and each bench's log into `folder`; the report's path."""
    failed = [o.name for o in outcomes if o.failed]
    lines = [
        "# frontdesk benchmark report",
        "",
        f"Run {started:%Y-%m-%d %H:%M} UTC in {mode} mode (`bench/report.py`), "
        f"{sum(o.seconds for o in outcomes) / 60:.0f} minutes: "
        f"{len(outcomes) - len(failed)} of {len(outcomes)} benches ran"
        + (f"; failed: {', '.join(failed)}." if failed else "."),
        "Timings depend on the machine and on what else ran on it; compare runs on one machine.",
        "",
        "## Machine",
        "",
        "| | |",
        "|---|---|",
        *(f"| {label} | {value} |" for label, value in machine.items()),
        "",
        "## Benches",
        "",
        "| bench | result | seconds | command |",
        "|---|---|---:|---|",
        *(
            f"| [{o.name}](#{o.name}) | {'failed' if o.failed else 'ok'} | {o.seconds:.0f} "
            f"| `{o.command}` |"
            for o in outcomes
        ),
    ]
    for outcome in outcomes:
        lines += ["", f"## {outcome.name}", ""]
        if outcome.failure:
            lines += [f"**Failed**: {outcome.failure}, after {outcome.seconds:.0f} s.", ""]
            tail = outcome.stderr.strip().splitlines()[-STDERR_TAIL_LINES:]
            if tail:
                lines += ["The end of its stderr:", "", _fenced("\n".join(tail))]
            if outcome.stdout.strip():
                lines += ["", "What it printed before:", "", _fenced(tables_text(outcome.stdout))]
            continue
        if outcome.chart_failure:
            lines += [f"**Failed**: a chart could not be drawn: {outcome.chart_failure}.", ""]
        for chart in outcome.charts:
            lines += [f"![{outcome.name}: {chart.file}]({chart.file})", "", chart.caption, ""]
        lines += [_fenced(tables_text(outcome.stdout))]
    folder.mkdir(parents=True, exist_ok=True)
    for outcome in outcomes:
        (folder / f"{outcome.name}.log").write_text(
            f"$ {outcome.command}\n{outcome.stdout}\n--- stderr ---\n{outcome.stderr}",
            encoding="utf-8",
        )
    results = {o.name: o.result for o in outcomes}
    (folder / "results.json").write_text(
        json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    report = folder / "report.md"
    report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return report


def arguments_for(bench: Bench, *, quick: bool, postgres: str, shared: Path) -> list[str]:
    """The command-line arguments of one bench in this run."""
    arguments = list(bench.quick if quick else bench.full)
    if bench.uses_postgres:
        arguments += ["--postgres", postgres]
    if bench.uses_shared:
        arguments += ["--shared", str(shared)]
    return arguments


def main(argv: Sequence[str] | None = None, benches: Sequence[Bench] = BENCHES) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes: minutes")
    parser.add_argument("--only", help="comma-separated bench names, e.g. triage,breaks")
    parser.add_argument("--out", type=Path, help="default: bench/reports/<UTC date>-<host>")
    parser.add_argument("--postgres", default=POSTGRES, help="a server URL to make databases on")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--timeout", type=float, help="seconds a bench may run (default 900/7200)")
    args = parser.parse_args(argv)
    names = [bench.name for bench in benches]
    chosen = (
        args.only.split(",")
        if args.only
        else [bench.name for bench in benches if not bench.only_when_named]
    )
    unknown = sorted(set(chosen) - set(names))
    if unknown:
        parser.error(f"unknown bench {', '.join(unknown)}; choose from {', '.join(names)}")
    selected = [bench for bench in benches if bench.name in chosen]
    started = datetime.now(UTC)
    folder = args.out or HERE / "reports" / f"{started:%Y-%m-%d}-{socket.gethostname()}"
    folder.mkdir(parents=True, exist_ok=True)
    timeout = args.timeout or (900.0 if args.quick else 7200.0)
    machine = machine_describe(args.postgres)
    outcomes = []
    overall = tqdm(selected, desc="benches", unit="bench", position=0)
    for bench in overall:
        overall.set_description(f"benches ({bench.name})")
        with tqdm(
            desc=f"  {bench.name}",
            position=1,
            leave=False,
            bar_format="{desc}: {elapsed}{postfix}",
            # Without a terminal the moving line would only fill a log: the outer bar and the
            # line per bench are enough there.
            disable=not sys.stderr.isatty(),
        ) as progress:
            ticker = _Ticker(progress)
            try:
                outcome = bench_run(
                    bench,
                    arguments=arguments_for(
                        bench, quick=args.quick, postgres=args.postgres, shared=args.shared
                    ),
                    timeout=timeout,
                    progress=progress,
                )
            finally:
                ticker.stop()
        charts_draw(outcome, folder)
        verdict = "FAILED" if outcome.failed else "ok"
        overall.write(f"{bench.name}: {verdict} in {outcome.seconds:.0f} s")
        outcomes.append(outcome)
    overall.close()
    report = report_write(
        outcomes=outcomes,
        machine=machine,
        folder=folder,
        mode="quick" if args.quick else "full",
        started=started,
    )
    failed = [o.name for o in outcomes if o.failed]
    print(f"report: {report}" + (f" (failed: {', '.join(failed)})" if failed else ""))
    return 1 if failed else 0


class _Ticker:
    """Refreshes a progress line every half second, so its elapsed time moves while a bench
    prints nothing."""

    def __init__(self, progress: tqdm) -> None:
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(progress,), daemon=True)
        self._thread.start()

    def _run(self, progress: tqdm) -> None:
        while not self._stopped.wait(0.5):
            progress.refresh()

    def stop(self) -> None:
        self._stopped.set()
        self._thread.join()


if __name__ == "__main__":
    sys.exit(main())
