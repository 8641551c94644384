"""The parts of a customer's export (everything the desk holds about them, as JSON) that apps
above customers add, so customers imports none of them: tickets add the tickets and their
messages, satisfaction the ratings, outreach the opt-outs and campaigns, live the calls and
visits, journal the follow-ups. Each part is a function of the customer answering JSON-ready
data (lists, dicts, strings, numbers)."""

from __future__ import annotations

from collections.abc import Callable

from frontdesk.customers.models import Customer

ExportPart = Callable[[Customer], object]

_PARTS: dict[str, ExportPart] = {}


def export_part_register(name: str, part: ExportPart) -> None:
    """Add the part `name` to every customer's export; registering a name again replaces it."""
    _PARTS[name] = part


def export_parts(*, customer: Customer) -> dict[str, object]:
    """Every registered part of this customer's export, by name, in the order apps added them."""
    return {name: part(customer) for name, part in _PARTS.items()}


# What an erasure would touch, counted by the apps that hold it, for the confirmation page and
# the command's dry run: {"open_tickets": 1, "tickets": 3}.
ErasureCount = Callable[[Customer], dict[str, int]]

_COUNTS: list[ErasureCount] = []


def erasure_count_register(count: ErasureCount) -> None:
    """Have the erasure's preview show what `count` answers for a customer; once each."""
    if count not in _COUNTS:
        _COUNTS.append(count)


def erasure_counts(*, customer: Customer) -> dict[str, int]:
    """What the registered apps would erase of this customer, counted."""
    counts: dict[str, int] = {}
    for count in _COUNTS:
        counts.update(count(customer))
    return counts
