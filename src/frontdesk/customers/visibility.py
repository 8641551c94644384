"""Which customers and timeline entries an agent sees, as apps above customers decide it.

Customers knows nothing of tickets' teams; tickets registers the rule (a customer is visible
with a visible ticket or none) from `TicketsConfig.ready()`, and every read of customers for an
agent — `customer_list`, `access_customer_by_id`, `customer_timeline` — applies what is filled
in here. With nothing registered, an active agent sees every customer.
"""

from __future__ import annotations

from typing import Protocol

from django.db.models import Q

from frontdesk.accounts.models import User


class VisibilityRule(Protocol):
    """The condition on rows an agent may see, or None when they see every row."""

    def __call__(self, actor: User) -> Q | None: ...


_CUSTOMER_RULES: list[VisibilityRule] = []
_INTERACTION_RULES: list[VisibilityRule] = []


def visibility_register(*, customers: VisibilityRule, interactions: VisibilityRule) -> None:
    """Add a rule limiting the customers and the timeline entries an agent sees; once each."""
    if customers not in _CUSTOMER_RULES:
        _CUSTOMER_RULES.append(customers)
    if interactions not in _INTERACTION_RULES:
        _INTERACTION_RULES.append(interactions)


def _all_of(rules: list[VisibilityRule], actor: User) -> Q:
    condition = Q()
    for rule in rules:
        found = rule(actor)
        if found is not None:
            condition &= found
    return condition


def customer_visible_q(actor: User) -> Q:
    """The condition a customer meets when the agent may see them (empty: every customer)."""
    return _all_of(_CUSTOMER_RULES, actor)


def interaction_visible_q(actor: User) -> Q:
    """The condition a timeline entry meets when the agent may see it (empty: every entry)."""
    return _all_of(_INTERACTION_RULES, actor)
