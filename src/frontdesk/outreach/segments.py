"""A campaign's segment: which customers it goes to, as filters that combine (each one set
narrows), kept on the campaign as JSON.

With a problem named, the segment is the customers likely affected by it: those who wrote about
the same thing in the last `recent_days` (their tickets match the problem's signature), and —
when any other filter is set — also every customer those filters pick ("by tag, by segment, or
by recent contact"); customers already linked to the problem are left out (they get the
problem's own reply).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from frontdesk.outreach.constants import MAX_DAYS, RECENT_DAYS


@dataclass(frozen=True)
class Segment:
    """The filters of a campaign's segment; empty ones narrow nothing."""

    tags: tuple[str, ...] = ()  # has any of these tags
    languages: tuple[str, ...] = ()  # speaks one of these (preferred, else latest ticket's)
    key_only: bool = False
    new_within_days: int | None = None  # first seen within this many days
    custom: Mapping[str, str] = field(default_factory=dict)  # `cf_<key>` filters
    problem_id: int | None = None  # likely affected by this problem
    recent_days: int = RECENT_DAYS  # recent contact about the problem: within these days

    def to_json(self) -> dict[str, object]:
        """The segment as the campaign stores it."""
        return {
            "tags": list(self.tags),
            "languages": list(self.languages),
            "key_only": self.key_only,
            "new_within_days": self.new_within_days,
            "custom": dict(self.custom),
            "problem_id": self.problem_id,
            "recent_days": self.recent_days,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Segment:
        """The segment a campaign stored; what it cannot read narrows nothing."""

        def days(value: object, default: int | None) -> int | None:
            return value if isinstance(value, int) and 0 < value <= MAX_DAYS else default

        custom = data.get("custom")
        problem = data.get("problem_id")
        return cls(
            tags=tuple(str(t) for t in _list(data.get("tags"))),
            languages=tuple(str(code) for code in _list(data.get("languages"))),
            key_only=bool(data.get("key_only")),
            new_within_days=days(data.get("new_within_days"), None),
            custom={str(k): str(v) for k, v in custom.items()} if isinstance(custom, dict) else {},
            problem_id=problem if isinstance(problem, int) else None,
            recent_days=days(data.get("recent_days"), RECENT_DAYS) or RECENT_DAYS,
        )

    def filtered(self) -> bool:
        """Whether any filter besides the problem is set."""
        return bool(
            self.tags
            or self.languages
            or self.key_only
            or self.new_within_days
            or any(str(v).strip() for v in self.custom.values())
        )


def _list(value: object) -> list[object]:
    return list(value) if isinstance(value, list | tuple) else []
