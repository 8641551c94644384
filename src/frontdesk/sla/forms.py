"""The settings' forms for business hours and service levels."""

from __future__ import annotations

import re
from datetime import time
from typing import Any
from zoneinfo import available_timezones

from django import forms
from django.utils.translation import gettext_lazy as _

from frontdesk.sla.selectors import holiday_countries, holiday_regions

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

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name in self.fields:
            if not name.startswith("first_"):
                continue
            level = name.removeprefix("first_")
            first, resolution = data.get(name), data.get(f"resolution_{level}")
            if first is not None and resolution is not None and first > resolution:
                self.add_error(
                    f"resolution_{level}",
                    _("The solution cannot be due before the first answer."),
                )
        return data


class BusinessHoursForm(forms.Form):
    """A desk's or team's hours: a time zone, the opening windows of each weekday, whose
    public holidays."""

    time_zone = forms.ChoiceField(
        label=_("Time zone"),
        help_text=_(
            "The desk's clock: every page, e-mail and log line gives its times in this zone, "
            "e.g. Europe/Tallinn."
        ),
    )
    holiday_country = forms.ChoiceField(label=_("Public holidays of"), required=False)
    holiday_subdivision = forms.ChoiceField(label=_("Region"), required=False)

    def __init__(
        self,
        *args: Any,
        windows: dict[str, list[list[str]]],
        country: str = "",
        refresh_url: str = "",
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        # Another country or region: the page lists its regions and holidays again (htmx).
        refresh = {
            "hx-get": refresh_url,
            "hx-include": "#holiday-part, [name='team']",
            "hx-select": "#holiday-part",
            "hx-target": "#holiday-part",
            "hx-swap": "outerHTML",
        }
        for name in ("holiday_country", "holiday_subdivision"):
            self.fields[name].widget.attrs.update(refresh)
        zones = sorted(available_timezones() - {"localtime"})
        self.fields["time_zone"].choices = [(zone, zone) for zone in zones]  # type: ignore[attr-defined]
        self.fields["holiday_country"].choices = [("", _("No public holidays"))] + [  # type: ignore[attr-defined]
            (code, f"{name} ({code})") for code, name in holiday_countries()
        ]
        country = str(self.data.get("holiday_country", country) if self.is_bound else country)
        self.fields["holiday_subdivision"].choices = [("", _("The whole country"))] + [  # type: ignore[attr-defined]
            (code, code) for code in holiday_regions(country)
        ]
        # Sunday-first desks read the week from Sunday, but the stored week starts on Monday.
        for day, label in enumerate(WEEKDAYS):
            spans = windows.get(str(day), [])
            self.fields[f"day_{day}"] = forms.CharField(
                label=label,
                required=False,
                initial=", ".join(f"{start}-{end}" for start, end in spans),
                help_text=_("e.g. 09:00-12:00, 13:00-17:00; empty when closed"),
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        self.opening: dict[str, list[list[str]]] = {}
        for day in range(7):
            text = data.get(f"day_{day}") or ""
            spans = []
            for part in filter(None, (p.strip() for p in text.split(","))):
                match = WINDOW.match(part)
                try:
                    if not match:
                        raise ValueError(part)
                    start, end = (time.fromisoformat(t.zfill(5)) for t in match.groups())
                except ValueError:
                    self.add_error(
                        f"day_{day}",
                        _("%(day)s: write each window as 09:00-17:00.") % {"day": WEEKDAYS[day]},
                    )
                    break
                spans.append([start.strftime("%H:%M"), end.strftime("%H:%M")])
            if spans:
                self.opening[str(day)] = spans
        return data

    def windows(self) -> dict[str, list[list[str]]]:
        """The opening windows as stored: weekday → [[start, end], ...] (after is_valid)."""
        return self.opening
