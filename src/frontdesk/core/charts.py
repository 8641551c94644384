"""Charts drawn on the server as small SVG, each with the table behind it, for reports and what-ifs.

A `Chart` holds its figures (categories × series); `{% chart c %}` renders it as a `<figure>`:
a caption, an SVG with `role="img"` named by that caption, a legend, and the table right below,
so that a screen reader, a spreadsheet user and a phone each get the same numbers. Bars run
across (category names at the start, long agent names stay readable at 390 px); lines run along
categories such as hours. Right to left the drawing is mirrored. Colours come from classes in
frontdesk.css (`chart-s1`…), never inline styles or scripts, so a strict Content-Security-Policy
holds. We draw it ourselves because pygal, the usual pure-Python choice, writes an inline
`<script>` and `<style>` into every chart, scales its fixed-pixel text down to unreadable on a
phone, and does not mirror for Hebrew.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass
from typing import Literal

from django import template
from django.http import HttpResponse
from django.utils import formats
from django.utils.functional import Promise
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language_bidi

register = template.Library()

ChartKind = Literal["bars", "stacked", "lines"]

WIDTH = 400  # the drawing's own units; the SVG scales to its box
FONT = 13  # px in drawing units, set in frontdesk.css (.chart text)
SERIES_STYLES = 6  # chart-s1 … chart-s6 in frontdesk.css
LABEL_CHARACTERS = 16  # a category name longer than this is cut in the drawing (the table has all)


@dataclass(frozen=True)
class Series:
    """One row of figures in a chart: its name and a value per category (None: no figure)."""

    name: str | Promise
    values: tuple[float | None, ...]


@dataclass(frozen=True)
class Chart:
    """A chart's figures and words: bars across, stacked bars, or lines along the categories."""

    key: str  # unique on the page: element ids derive from it
    title: str | Promise
    kind: ChartKind
    category_label: str | Promise  # the table's first column header, e.g. "Channel", "Hour"
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    unit: str | Promise = ""  # what the values count, e.g. "minutes"; shown beside the title
    decimals: int = 0
    table_only: tuple[Series, ...] = ()  # more columns for the table, not drawn (e.g. counts)

    def __post_init__(self) -> None:
        for series in (*self.series, *self.table_only):
            if len(series.values) != len(self.categories):
                raise ValueError(
                    f"Chart {self.key!r}: series {series.name!s} has {len(series.values)} "
                    f"values for {len(self.categories)} categories."
                )

    @property
    def is_empty(self) -> bool:
        """Whether no series has any figure above zero."""
        return not any(value for series in self.series for value in series.values)


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 2.5, 5 × 10ⁿ at or above `value` (1 for nothing)."""
    if value <= 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(value))
    for step in (1.0, 2.0, 2.5, 5.0):
        if value <= step * power * (1 + 1e-9):
            return step * power
    return 10.0 * power


def axis_ticks(peak: float, *, whole: bool = False) -> tuple[list[float], int]:
    """Round values from 0 to at or above `peak`, at most five, and the decimals to print them
    with; `whole` keeps steps of at least 1 (for counts)."""
    step = nice_ceiling(peak / 4)
    if whole:
        # Counts step by 1, 2, 5, 10…: a step of 2.5 would print 2 and 8 between them.
        step = max(step, 1.0) * (2 if not step.is_integer() and step > 1 else 1)
    count = max(1, math.ceil(peak / step - 1e-9))
    decimals = next(d for d in (0, 1, 2) if d == 2 or round(step * 10**d, 6).is_integer())
    return [round(index * step, 6) for index in range(count + 1)], decimals


def value_text(value: float | None, decimals: int = 0) -> str:
    """A figure in the reader's number format; an en dash for no figure."""
    if value is None:
        return "–"
    return str(formats.number_format(round(value, decimals), decimals, use_l10n=True))


def _cut(label: str) -> str:
    return label if len(label) <= LABEL_CHARACTERS else label[: LABEL_CHARACTERS - 1] + "…"


class _Canvas:
    """SVG elements in drawing units, mirrored left to right when the page reads right to left."""

    def __init__(self, *, rtl: bool) -> None:
        self.rtl = rtl
        self.parts: list[str] = []

    def x(self, x: float) -> float:
        return round(WIDTH - x if self.rtl else x, 1)

    def rect(self, *, x0: float, x1: float, y: float, height: float, css: str) -> None:
        left, right = sorted((self.x(x0), self.x(x1)))
        self.parts.append(
            format_html(
                '<rect class="{}" x="{}" y="{}" width="{}" height="{}"></rect>',
                css,
                left,
                round(y, 1),
                round(max(right - left, 0.0), 1),
                round(height, 1),
            )
        )

    def line(self, *, x0: float, y0: float, x1: float, y1: float, css: str) -> None:
        self.parts.append(
            format_html(
                '<line class="{}" x1="{}" y1="{}" x2="{}" y2="{}"></line>',
                css,
                self.x(x0),
                round(y0, 1),
                self.x(x1),
                round(y1, 1),
            )
        )

    def path(self, points: list[list[tuple[float, float]]], css: str) -> None:
        segments = " ".join(
            "M" + " L".join(f"{self.x(x)} {round(y, 1)}" for x, y in run) for run in points if run
        )
        if segments:
            self.parts.append(format_html('<path class="{}" d="{}"></path>', css, segments))

    def dot(self, *, x: float, y: float, css: str) -> None:
        self.parts.append(
            format_html('<circle class="{}" cx="{}" cy="{}" r="2.5"></circle>', css, self.x(x), y)
        )

    def text(self, text: str, *, x: float, y: float, anchor: str, css: str = "") -> None:
        # Anchors are logical (start/end follow the SVG's direction), so they need no mirroring.
        self.parts.append(
            format_html(
                '<text class="{}" x="{}" y="{}" text-anchor="{}">{}</text>',
                css,
                self.x(x),
                round(y, 1),
                anchor,
                text,
            )
        )


def _bars(chart: Chart, canvas: _Canvas) -> float:
    """Draw bars across, one group per category; return the drawing's height."""
    label_end, plot_start, plot_end = 134.0, 140.0, WIDTH - 42.0
    stacked = chart.kind == "stacked"
    bar = 16.0 if stacked or len(chart.series) == 1 else 12.0
    group = bar if stacked else bar * len(chart.series)
    gap, top = 8.0, 6.0
    totals = [
        sum(v or 0 for v in column) if stacked else max((v or 0 for v in column), default=0)
        for column in zip(*(s.values for s in chart.series), strict=True)
    ]
    ticks, decimals = axis_ticks(max(totals, default=0), whole=chart.decimals == 0)
    scale = (plot_end - plot_start) / ticks[-1]
    bottom = top + len(chart.categories) * (group + gap)
    for value in ticks:
        x = plot_start + value * scale
        canvas.line(x0=x, y0=top - 2, x1=x, y1=bottom, css="chart-grid")
        canvas.text(value_text(value, decimals), x=x, y=bottom + 15, anchor="middle")
    for row, category in enumerate(chart.categories):
        y = top + row * (group + gap)
        canvas.text(_cut(category), x=label_end, y=y + group / 2 + FONT * 0.35, anchor="end")
        start = plot_start
        for index, series in enumerate(chart.series):
            value = series.values[row] or 0
            css = f"chart-s{index % SERIES_STYLES + 1}"
            if stacked:
                canvas.rect(x0=start, x1=start + value * scale, y=y, height=bar, css=css)
                start += value * scale
            else:
                bar_y = y + index * bar
                canvas.rect(
                    x0=plot_start, x1=plot_start + value * scale, y=bar_y, height=bar - 1, css=css
                )
                canvas.text(
                    value_text(series.values[row], chart.decimals),
                    x=plot_start + value * scale + 3,
                    y=bar_y + bar * 0.8,
                    anchor="start",
                    css="chart-value",
                )
        if stacked:
            canvas.text(
                value_text(totals[row], chart.decimals),
                x=start + 3,
                y=y + bar * 0.8,
                anchor="start",
                css="chart-value",
            )
    canvas.line(x0=plot_start, y0=top - 2, x1=plot_start, y1=bottom, css="chart-axis")
    return bottom + 20


def _lines(chart: Chart, canvas: _Canvas) -> float:
    """Draw a line per series along the categories; return the drawing's height."""
    height, top, bottom = 210.0, 8.0, 184.0
    plot_start, plot_end = 36.0, WIDTH - 10.0
    peak = max((v or 0 for s in chart.series for v in s.values), default=0)
    ticks, decimals = axis_ticks(peak, whole=chart.decimals == 0)
    ceiling = ticks[-1]
    count = len(chart.categories)
    step = (plot_end - plot_start) / max(count - 1, 1)

    def y_of(value: float) -> float:
        return bottom - (bottom - top) * value / ceiling

    for value in ticks:
        canvas.line(x0=plot_start, y0=y_of(value), x1=plot_end, y1=y_of(value), css="chart-grid")
        canvas.text(
            value_text(value, decimals), x=plot_start - 4, y=y_of(value) + FONT * 0.35, anchor="end"
        )
    # As many names along the axis as fit side by side (a character is about 0.6 em wide, and
    # a quarter more room than that keeps them apart); one at an edge is moved inside the
    # drawing rather than cut.
    wide = max((len(_cut(c)) for c in chart.categories), default=1) * FONT * 0.6
    fits = max(1, int((plot_end - plot_start) // (wide * 1.25 + 10)))
    every = max(1, math.ceil(count / fits))
    for index, category in enumerate(chart.categories):
        if index % every == 0:
            x = min(max(plot_start + index * step, wide / 2 + 2), WIDTH - wide / 2 - 2)
            canvas.text(_cut(category), x=x, y=bottom + 17, anchor="middle")
    for index, series in enumerate(chart.series):
        css = f"chart-s{index % SERIES_STYLES + 1}"
        runs: list[list[tuple[float, float]]] = [[]]
        for position, figure in enumerate(series.values):
            if figure is None:
                runs.append([])
                continue
            runs[-1].append((plot_start + position * step, y_of(figure)))
        canvas.path(runs, f"chart-line {css}")
        if count <= 31:
            for run in runs:
                for x, y in run:
                    canvas.dot(x=x, y=y, css=css)
    canvas.line(x0=plot_start, y0=bottom, x1=plot_end, y1=bottom, css="chart-axis")
    return height


def chart_svg(chart: Chart, *, rtl: bool = False) -> SafeString:
    """The chart's drawing as an inline SVG, named by its caption (`<key>-caption`)."""
    canvas = _Canvas(rtl=rtl)
    height = _lines(chart, canvas) if chart.kind == "lines" else _bars(chart, canvas)
    return format_html(
        '<svg class="chart-drawing" viewBox="0 0 {} {}" role="img" aria-labelledby="{}-caption" '
        'direction="{}" xmlns="http://www.w3.org/2000/svg">{}</svg>',
        WIDTH,
        round(height),
        chart.key,
        "rtl" if rtl else "ltr",
        mark_safe("".join(canvas.parts)),  # noqa: S308 - every part built by format_html
    )


def _columns(chart: Chart) -> list[tuple[Series, int]]:
    # The drawn series with the chart's decimals, then the table's own columns as counts.
    return [(s, chart.decimals) for s in chart.series] + [(s, 0) for s in chart.table_only]


def chart_rows(chart: Chart) -> list[tuple[str, list[tuple[str, str]]]]:
    """The table behind the chart: each category with (column name, figure) pairs, formatted
    for the reader."""
    columns = _columns(chart)
    return [
        (
            category,
            [(str(s.name), value_text(s.values[row], decimals)) for s, decimals in columns],
        )
        for row, category in enumerate(chart.categories)
    ]


def _plain(value: float | None, decimals: int) -> object:
    if value is None:
        return ""
    return int(value) if decimals == 0 and float(value).is_integer() else value


def chart_table(chart: Chart) -> tuple[list[str], list[list[object]]]:
    """The table behind the chart as plain values for a spreadsheet: a header and one row per
    category (no figure: an empty cell)."""
    columns = _columns(chart)
    header = [str(chart.category_label), *(str(s.name) for s, _decimals in columns)]
    rows: list[list[object]] = [
        [category, *(_plain(s.values[row], decimals) for s, decimals in columns)]
        for row, category in enumerate(chart.categories)
    ]
    return header, rows


def _cell(value: object) -> object:
    # A name a spreadsheet would run as a formula (=, +, -, @) is kept as text.
    if isinstance(value, str) and value[:1] in {"=", "+", "-", "@", "\t", "\r"}:
        return "'" + value
    return value


def chart_csv_response(chart: Chart, *, filename: str) -> HttpResponse:
    """The table behind the chart as a CSV download a spreadsheet opens as it is: UTF-8 with
    a byte-order mark, a header row, figures with a decimal point."""
    header, rows = chart_table(chart)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([_cell(name) for name in header])
    writer.writerows([_cell(value) for value in row] for row in rows)
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@register.inclusion_tag("core/_chart.html")
def chart(chart: Chart, csv_url: str = "") -> dict[str, object]:
    """`{% chart c %}`: the chart as a figure with caption, drawing, legend and table."""
    return {
        "chart": chart,
        "svg": "" if chart.is_empty else chart_svg(chart, rtl=get_language_bidi()),
        "legend": [
            (series.name, f"chart-s{index % SERIES_STYLES + 1}")
            for index, series in enumerate(chart.series)
        ]
        if len(chart.series) > 1
        else [],
        "columns": [s.name for s, _decimals in _columns(chart)],
        "rows": chart_rows(chart),
        "csv_url": csv_url,
    }
