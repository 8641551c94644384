"""The lead's settings form for the queue's weights."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from frontdesk.engine.queue import EFFORT_MAX_HOURS, QueueWeights

WEIGHT_LABELS = {
    "callback": _("Call-backs and follow-ups (hours ahead)"),
    "level1": _("Level 1 (hours ahead)"),
    "sla": _("SLA about to breach (hours ahead)"),
    "effort": _("Shorter work first (hours ahead for each halving of the estimate)"),
    "quick": _("Quick wins (hours ahead)"),
    "key": _("Key customers (hours ahead)"),
    "level2": _("Level 2, new customers (hours ahead)"),
    "sla_warning_minutes": _("Warn this many minutes before an SLA is due"),
}
WEIGHT_HELP = {
    "effort": _(
        "Among ordinary tickets: each time the estimate halves, this many hours further ahead. "
        "0: size does not count."
    ),
}


class WeightsForm(forms.Form):
    """How far ahead of its arrival each kind of item is placed."""

    def __init__(self, *args: Any, weights: QueueWeights, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, label in WEIGHT_LABELS.items():
            initial = getattr(weights, name)
            if name == "sla_warning_minutes":
                self.fields[name] = forms.IntegerField(label=label, initial=initial, min_value=0)
            else:
                # Beyond a day per halving, size would outrank SLAs about to breach within a day.
                most = EFFORT_MAX_HOURS if name == "effort" else None
                self.fields[name] = forms.FloatField(
                    label=label,
                    initial=initial,
                    min_value=0,
                    max_value=most,
                    help_text=WEIGHT_HELP.get(name, ""),
                )


class TeamScopeForm(forms.Form):
    """Whether agents see only their teams' tickets and customers."""

    team_scoped = forms.BooleanField(
        label=_("Agents see only their teams' tickets"),
        required=False,
        help_text=_(
            "An agent then sees the tickets of their teams, tickets of no team and tickets "
            "assigned to them, and the customers of those tickets or with none. Leads and "
            "admins see everything."
        ),
    )
