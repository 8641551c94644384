"""The lead's settings forms: queue weights, SLA targets, business hours."""

from __future__ import annotations

import re
from datetime import time
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from frontdesk.engine.queue import QueueWeights

WEIGHT_LABELS = {
    "callback": _("Call-backs and follow-ups (hours ahead)"),
    "level1": _("Level 1 (hours ahead)"),
    "sla": _("SLA about to breach (hours ahead)"),
    "quick": _("Quick wins (hours ahead)"),
    "key": _("Key customers (hours ahead)"),
    "level2": _("Level 2, new customers (hours ahead)"),
    "sla_warning_minutes": _("Warn this many minutes before an SLA is due"),
}
WEEKDAYS = [
    _("Monday"),
    _("Tuesday"),
    _("Wednesday"),
    _("Thursday"),
    _("Friday"),
    _("Saturday"),
    _("Sunday"),
]
WINDOW = re.compile(r"^\s*(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})\s*$")


class WeightsForm(forms.Form):
    """How far ahead of its arrival each kind of item is placed."""

    def __init__(self, *args: Any, weights: QueueWeights, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, label in WEIGHT_LABELS.items():
            kind = forms.IntegerField if name == "sla_warning_minutes" else forms.FloatField
            self.fields[name] = kind(label=label, initial=getattr(weights, name), min_value=0)


class SlaTargetsForm(forms.Form):
    """Business minutes for the first answer and the solution at each level."""

    def __init__(self, *args: Any, targets: dict[int, tuple[int, int]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for level, (first, resolution) in sorted(targets.items()):
            self.fields[f"first_{level}"] = forms.IntegerField(
                label=_("Level %(level)s: first answer (minutes)") % {"level": level},
                initial=first,
                min_value=1,
            )
            self.fields[f"resolution_{level}"] = forms.IntegerField(
                label=_("Level %(level)s: solution (minutes)") % {"level": level},
                initial=resolution,
                min_value=1,
            )


class BusinessHoursForm(forms.Form):
    """The desk's hours: a time zone, the opening windows of each weekday, whose holidays."""

    time_zone = forms.CharField(
        label=_("Time zone"),
        max_length=64,
        help_text=_(
            "The desk's clock: every page, e-mail and log line gives its times in this zone, "
            "e.g. Europe/Tallinn."
        ),
    )
    holiday_country = forms.CharField(
        label=_("Public holidays of (country code)"), max_length=2, required=False
    )

    def __init__(self, *args: Any, windows: dict[str, list[list[str]]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for day, label in enumerate(WEEKDAYS):
            spans = windows.get(str(day), [])
            self.fields[f"day_{day}"] = forms.CharField(
                label=label,
                required=False,
                initial=", ".join(f"{start}-{end}" for start, end in spans),
                help_text=_("e.g. 09:00-12:00, 13:00-17:00; empty when closed"),
            )

    def windows(self) -> dict[str, list[list[str]]]:
        """The opening windows as stored: weekday → [[start, end], ...]."""
        found: dict[str, list[list[str]]] = {}
        for day in range(7):
            text = self.cleaned_data.get(f"day_{day}") or ""
            spans = []
            for part in filter(None, (p.strip() for p in text.split(","))):
                match = WINDOW.match(part)
                try:
                    if not match:
                        raise ValueError(part)
                    start, end = (time.fromisoformat(t.zfill(5)) for t in match.groups())
                except ValueError as error:
                    raise forms.ValidationError(
                        _("%(day)s: write each window as 09:00-17:00.") % {"day": WEEKDAYS[day]}
                    ) from error
                spans.append([start.strftime("%H:%M"), end.strftime("%H:%M")])
            if spans:
                found[str(day)] = spans
        return found
