"""The reports' figures over the API."""

from __future__ import annotations

from datetime import datetime

from ninja import Schema


class TimesOut(Schema):
    """How long tickets took, in minutes: how many, the median and the nearest-rank 90th
    percentile (null when there are none)."""

    count: int
    median_minutes: float | None
    p90_minutes: float | None


class GroupOut(Schema):
    """One channel's or level's share: created and solved in the period, the first-response
    time of those created and the resolution time of those solved."""

    created: int
    solved: int
    first_response: TimesOut
    resolution: TimesOut


class SlaOut(Schema):
    """Tickets created in the period with a service level: solved within every due
    (attained), past a due (breached), neither yet (running)."""

    attained: int
    breached: int
    running: int


class RatingsOut(Schema):
    """Customers' ratings given in the period, each ticket's latest once: how many, good, bad,
    and the good ones' share in percent (null when nobody rated)."""

    rated: int
    good: int
    bad: int
    good_percent: float | None


class AgentRatingsOut(RatingsOut):
    """One agent's share of the ratings (agent null: tickets nobody had)."""

    agent: str | None


class SatisfactionOut(RatingsOut):
    """The period's ratings, and the same per channel and per level (every one, zeros
    included) and per agent who had rated tickets."""

    by_channel: dict[str, RatingsOut]
    by_level: dict[str, RatingsOut]
    by_agent: list[AgentRatingsOut]


class SummaryOut(Schema):
    """The desk's figures for [since, until): created and solved in it, open now, times, service
    levels, and the same per channel and per level (every one, zeros included)."""

    since: datetime
    until: datetime
    created: int
    solved: int
    backlog: int
    first_response: TimesOut
    resolution: TimesOut
    sla: SlaOut
    by_channel: dict[str, GroupOut]
    by_level: dict[str, GroupOut]
    satisfaction: SatisfactionOut
