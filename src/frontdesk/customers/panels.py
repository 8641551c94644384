"""Cards that apps above customers add to the customer page, so customers import none of them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from frontdesk.accounts.models import User
from frontdesk.customers.models import Customer


class PanelData(Protocol):
    """What a card shows for one customer, as its template's `data`."""

    def __call__(self, *, customer: Customer, actor: User) -> Mapping[str, object]: ...


@dataclass(frozen=True)
class CustomerPanel:
    """A card on the customer page: its template and the reader of what it shows."""

    template: str
    data: PanelData


@dataclass(frozen=True)
class ShownPanel:
    """One card as the page renders it."""

    template: str
    data: Mapping[str, object]


_PANELS: list[CustomerPanel] = []


def customer_panel_register(panel: CustomerPanel) -> None:
    """Add a card to the customer page, in the order the apps register them; once each."""
    if panel not in _PANELS:
        _PANELS.append(panel)


def customer_panels(*, customer: Customer, actor: User) -> list[ShownPanel]:
    """The cards the customer page shows this agent for this customer."""
    return [
        ShownPanel(panel.template, panel.data(customer=customer, actor=actor)) for panel in _PANELS
    ]
