"""The what-if page's form: which days to replay, and what to change in them."""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from frontdesk.engine.queue import QueueWeights, WeightError, weights_from
from frontdesk.reports.whatif import MAX_SPAN_DAYS, PolicyChoice, Variation
from frontdesk.routing.forms import WEIGHT_LABELS
from frontdesk.schedules.choices import Weekday

# Days replayed when the lead has not chosen: the last two weeks.
DEFAULT_DAYS = 14
MAX_EXTRA_AGENTS = 20
MAX_BREAK_MOVE_MINUTES = 240
MAX_AGENTS = 200
MAX_HEAD_START_HOURS = 10_000
MAX_SLA_WARNING_MINUTES = 24 * 60
WEIGHT_PROBLEMS = {
    "head-start-out-of-range": _("A head start is between 0 and 10,000 hours."),
    "live-not-first": _("Live contacts must come before everything else."),
    "sla-warning-out-of-range": _(
        "The SLA warning comes between 1 minute and 24 hours before the due."
    ),
}

POLICY_LABELS = (
    (PolicyChoice.CURRENT, _("The desk's order, as it is")),
    (PolicyChoice.WEIGHTS, _("The desk's order with the weights below")),
    (PolicyChoice.FIFO, _("First in, first out")),
    (PolicyChoice.PRIORITY_AGE, _("Level, then age (what most help desks do)")),
    (PolicyChoice.ORACLE, _("All-knowing shortest first (a bound no desk reaches)")),
)


def _date(**attrs: str) -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date", **attrs}, format="%Y-%m-%d")


def _time() -> forms.TimeInput:
    return forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


class WhatIfForm(forms.Form):
    """The days to replay, the agents when they have no roster, and the change to try."""

    since = forms.DateField(label=_("From"), widget=_date())
    until = forms.DateField(label=_("To (included)"), widget=_date())
    agents = forms.IntegerField(
        label=_("Agents, for days without a roster"),
        min_value=1,
        max_value=MAX_AGENTS,
        initial=3,
        help_text=_("Used only when nobody has shifts on these days: they work the opening hours."),
    )
    policy = forms.ChoiceField(label=_("Order of work"), choices=POLICY_LABELS, initial="current")
    extra_agents = forms.IntegerField(
        label=_("More agents"), min_value=0, max_value=MAX_EXTRA_AGENTS, initial=0
    )
    extra_weekday = forms.TypedChoiceField(
        label=_("On"), choices=Weekday.choices, coerce=int, initial=Weekday.MONDAY
    )
    extra_start = forms.TimeField(label=_("From (time)"), initial=time(9), widget=_time())
    extra_end = forms.TimeField(label=_("Until (time)"), initial=time(12), widget=_time())
    breaks_moved = forms.IntegerField(
        label=_("Move every break by (minutes)"),
        min_value=-MAX_BREAK_MOVE_MINUTES,
        max_value=MAX_BREAK_MOVE_MINUTES,
        initial=0,
        help_text=_("Negative: earlier. A break stays within its shift."),
        # A minus sign reads on the left in Hebrew too ("-15", not "15-").
        widget=forms.NumberInput(attrs={"dir": "ltr"}),
    )

    def __init__(
        self, data: Any = None, *, weights: QueueWeights, today: date, **kwargs: Any
    ) -> None:
        super().__init__(data, **kwargs)
        self.today = today
        self.fields["since"].initial = today - timedelta(days=DEFAULT_DAYS)
        self.fields["until"].initial = today - timedelta(days=1)
        self.fields["since"].widget.attrs["max"] = self.fields["until"].widget.attrs["max"] = str(
            today
        )
        self.weight_names = list(WEIGHT_LABELS)
        self.weights = weights
        # The bounds QueueWeights.validate() holds them to, so each field says its own error;
        # one left empty (or missing from an older link) keeps the desk's own.
        for name, label in WEIGHT_LABELS.items():
            initial = getattr(weights, name)
            if name == "sla_warning_minutes":
                self.fields[name] = forms.IntegerField(
                    label=label,
                    initial=initial,
                    min_value=1,
                    max_value=MAX_SLA_WARNING_MINUTES,
                    required=False,
                )
            else:
                self.fields[name] = forms.FloatField(
                    label=label,
                    initial=initial,
                    min_value=0,
                    max_value=MAX_HEAD_START_HOURS,
                    required=False,
                )

    def weight_fields(self) -> list[forms.BoundField]:
        """The weights' fields, for the page to set apart."""
        return [self[name] for name in self.weight_names]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        since, until = data.get("since"), data.get("until")
        if since and until:
            if until < since:
                self.add_error("until", _("The last day comes on or after the first."))
            elif (until - since).days + 1 > MAX_SPAN_DAYS:
                self.add_error(
                    "until",
                    _("Replay at most %(most)d days at a time.") % {"most": MAX_SPAN_DAYS},
                )
            elif until > self.today:
                self.add_error("until", _("Choose days that have passed."))
        start, end = data.get("extra_start"), data.get("extra_end")
        if data.get("extra_agents") and start and end and end <= start:
            self.add_error("extra_end", _("The extra agents' hours end after they start."))
        if data.get("policy") == PolicyChoice.WEIGHTS:
            self._weights_check(data)
        return data

    def _weights_check(self, data: dict[str, Any]) -> None:
        if any(name in self.errors for name in self.weight_names):
            return  # each wrong one has its own error already
        values = {name: data[name] for name in self.weight_names if data.get(name) is not None}
        try:
            data["trial_weights"] = weights_from(values, base=self.weights)
        except WeightError as error:
            self.add_error(
                None, WEIGHT_PROBLEMS.get(error.code, _("These weights cannot order a queue."))
            )

    def variation(self) -> Variation:
        """The change the lead asked to try."""
        data = self.cleaned_data
        return Variation(
            policy=PolicyChoice(data["policy"]),
            weights=data.get("trial_weights"),
            extra_agents=data["extra_agents"],
            extra_weekday=data["extra_weekday"],
            extra_start=data["extra_start"],
            extra_end=data["extra_end"],
            breaks_moved_minutes=data["breaks_moved"],
        )
