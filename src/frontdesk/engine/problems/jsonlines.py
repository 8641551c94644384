"""The `frontdesk problems detect` contract: JSON Lines reports in, one JSON line per alert out."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime

from frontdesk.engine.problems.types import Alert, Report

# Every field a report line must have; only the subject may be empty (chat and social posts have
# none).
FIELDS = ("id", "arrived_at", "channel", "subject", "body", "customer")
MAY_BE_EMPTY = frozenset({"subject"})


class ReportError(ValueError):
    """An input line cannot be read as a report; the message says which field is wrong."""


@dataclass(frozen=True, slots=True)
class LineError:
    """A line that was not read, and why."""

    line: int
    error: str

    def to_json(self) -> str:
        """The `{"line": n, "error": "..."}` object, as one line."""
        return json.dumps({"line": self.line, "error": self.error}, ensure_ascii=False)


def report_from_json(data: object) -> Report:
    """A Report from one decoded input object, or ReportError saying what is wrong."""
    if not isinstance(data, dict):
        raise ReportError("each line must be a JSON object")
    values: dict[str, str] = {}
    for name in FIELDS:
        value = data.get(name)
        if value is None:
            raise ReportError(f"'{name}' is missing")
        if name == "id" and isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            raise ReportError(f"'{name}' must be a string")
        if not value.strip() and name not in MAY_BE_EMPTY:
            raise ReportError(f"'{name}' is empty")
        values[name] = value
    try:
        arrived_at = datetime.fromisoformat(values["arrived_at"].replace("Z", "+00:00"))
    except ValueError as error:
        raise ReportError(
            f"'arrived_at' is not an ISO 8601 date and time: {values['arrived_at']!r}"
        ) from error
    if arrived_at.tzinfo is None:
        raise ReportError("'arrived_at' needs a time zone (e.g. 2026-11-23T09:30:00+02:00)")
    return Report(
        id=values["id"],
        arrived_at=arrived_at,
        channel=values["channel"],
        subject=values["subject"],
        body=values["body"],
        customer=values["customer"],
    )


def reports_read(lines: Iterable[str]) -> Iterator[Report | LineError]:
    """Each line's report, or what is wrong with it (blank lines are skipped; ids must be new)."""
    ids: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            yield LineError(number, f"not valid JSON: {error.msg}")
            continue
        try:
            report = report_from_json(data)
        except ReportError as error:
            yield LineError(number, str(error))
            continue
        if report.id in ids:
            yield LineError(number, f"repeated id {report.id!r}")
            continue
        ids.add(report.id)
        yield report


def alert_to_json(alert: Alert) -> str:
    """The alert as the command's one JSON line."""
    return json.dumps(
        {
            "problem": alert.problem,
            "ids": list(alert.ids),
            "first_at": alert.first_at.isoformat(),
            "alert_at": alert.alert_at.isoformat(),
            "terms": list(alert.terms),
            "languages": list(alert.languages),
        },
        ensure_ascii=False,
    )


def alert_to_text(alert: Alert) -> str:
    """The alert as one line a person reads."""
    return (
        f"problem {alert.problem} at {alert.alert_at.isoformat()}: "
        f"{len(alert.ids)} reports from {len(alert.customers)} customers since "
        f"{alert.first_at.isoformat()} about {', '.join(alert.terms) or '?'} "
        f"[{', '.join(alert.languages)}] ids {', '.join(alert.ids)}"
    )
