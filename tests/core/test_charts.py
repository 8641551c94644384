"""Charts drawn on the server: round axes, a drawing named by its caption, mirrored right to
left, and the table behind it in the reader's language and number format."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest
from django.template import engines
from django.utils import translation

from frontdesk.core.charts import (
    Chart,
    Series,
    axis_ticks,
    chart_rows,
    chart_svg,
    chart_table,
    nice_ceiling,
)

BY_CHANNEL = Chart(
    key="first-response",
    title="First response",
    kind="bars",
    category_label="Channel",
    categories=("E-mail", "Phone"),
    series=(Series("Median", (12.5, 3.0)), Series("90th percentile", (60.0, None))),
    unit="minutes",
    decimals=1,
)
PER_HOUR = Chart(
    key="per-hour",
    title="Per hour",
    kind="lines",
    category_label="Hour",
    categories=("08:00", "09:00", "10:00", "11:00"),
    series=(Series("Contacts", (4, 8, None, 2)), Series("Agents needed", (1, 2, 2, 1))),
)


@pytest.mark.parametrize(
    ("value", "ceiling"),
    [(0, 1), (0.3, 0.5), (1, 1), (1.2, 2), (2.2, 2.5), (3, 5), (7, 10), (120, 200), (1000, 1000)],
)
def test_nice_ceiling_is_the_next_round_value(value: float, ceiling: float) -> None:
    assert nice_ceiling(value) == pytest.approx(ceiling)


@pytest.mark.parametrize(
    ("peak", "whole", "ticks", "decimals"),
    [
        (120, False, [0, 50, 100, 150], 0),
        (21, True, [0, 10, 20, 30], 0),
        (3, True, [0, 1, 2, 3], 0),
        (10, True, [0, 5, 10], 0),  # counts never step by 2.5
        (10, False, [0, 2.5, 5, 7.5, 10], 1),
        (25, True, [0, 10, 20, 30], 0),
        (0, True, [0, 1], 0),
        (1, False, [0, 0.25, 0.5, 0.75, 1], 2),
        (0.8, False, [0, 0.2, 0.4, 0.6, 0.8], 1),
    ],
)
def test_axis_ticks_reach_the_peak_in_round_steps(
    peak: float, whole: bool, ticks: list[float], decimals: int
) -> None:
    found, found_decimals = axis_ticks(peak, whole=whole)
    assert found == pytest.approx(ticks)
    assert found_decimals == decimals


def test_a_series_must_have_a_value_per_category() -> None:
    with pytest.raises(ValueError, match="2 values for 3 categories"):
        Chart(
            key="k",
            title="t",
            kind="bars",
            category_label="c",
            categories=("a", "b", "c"),
            series=(Series("s", (1, 2)),),
        )


def test_the_drawing_is_an_image_named_by_the_caption() -> None:
    svg = chart_svg(BY_CHANNEL)
    assert svg.startswith("<svg ")
    assert 'role="img"' in svg
    assert 'aria-labelledby="first-response-caption"' in svg
    assert "<script" not in svg
    assert "style=" not in svg
    assert svg.count("<rect ") == 4  # a bar per figure, the missing one drawn empty


def test_right_to_left_mirrors_the_bars() -> None:
    def first_bar(svg: str) -> tuple[float, float]:
        found = re.search(r'<rect class="chart-s1" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"', svg)
        assert found
        return float(found.group(1)), float(found.group(2))

    left_x, width = first_bar(chart_svg(BY_CHANNEL, rtl=False))
    right_x, right_width = first_bar(chart_svg(BY_CHANNEL, rtl=True))
    assert right_width == width
    assert right_x == pytest.approx(400 - left_x - width)
    assert 'direction="rtl"' in chart_svg(BY_CHANNEL, rtl=True)


def test_a_missing_figure_breaks_the_line() -> None:
    paths = re.findall(r'<path class="chart-line chart-s1" d="([^"]+)"', chart_svg(PER_HOUR))
    assert len(paths) == 1
    assert paths[0].count("M") == 2  # 08:00–09:00, then 11:00 on its own


def test_the_table_behind_the_chart_keeps_every_figure() -> None:
    assert chart_rows(BY_CHANNEL) == [
        ("E-mail", [("Median", "12.5"), ("90th percentile", "60.0")]),
        ("Phone", [("Median", "3.0"), ("90th percentile", "–")]),
    ]
    assert chart_table(BY_CHANNEL) == (
        ["Channel", "Median", "90th percentile"],
        [["E-mail", 12.5, 60.0], ["Phone", 3.0, ""]],
    )


def render(chart: Chart, language: str) -> str:
    page = engines["django"].from_string('{% load charts %}{% chart c "/r.csv" %}')
    with translation.override(language):
        return page.render({"c": chart})


def test_the_figure_has_caption_drawing_legend_table_and_csv_link() -> None:
    html = render(BY_CHANNEL, "en")
    assert '<figure class="chart" id="first-response">' in html
    assert '<figcaption id="first-response-caption">First response' in html
    assert "(minutes)" in html
    assert html.index("<svg") < html.index("<table")
    assert html.count('class="chart-swatch') == 2
    assert '<td data-label="Median">12.5</td>' in html
    assert 'href="/r.csv"' in html


def test_the_figure_reads_right_to_left_in_hebrew_with_local_numbers() -> None:
    assert 'direction="rtl"' in render(BY_CHANNEL, "he")
    assert "טבלה: First response" in render(BY_CHANNEL, "he")
    assert '<td data-label="Median">12,5</td>' in render(BY_CHANNEL, "et")


def test_a_chart_with_no_figures_says_so_instead_of_drawing() -> None:
    empty = Chart(
        key="empty",
        title="Nothing",
        kind="stacked",
        category_label="Level",
        categories=("1", "2"),
        series=(Series("Attained", (0, 0)), Series("Breached", (0, None))),
    )
    html = render(empty, "en")
    assert "<svg" not in html
    assert "No figures in this range." in html


@pytest.mark.parametrize("rtl", [False, True])
def test_names_along_a_line_chart_do_not_crowd_or_leave_the_drawing(rtl: bool) -> None:
    days = tuple(f"{day:02d}.11.2026" for day in range(1, 31))
    chart = Chart(
        key="per-day",
        title="Per day",
        kind="lines",
        category_label="Day",
        categories=days,
        series=(Series("Created", tuple(float(n % 7) for n in range(30))),),
    )
    placed = [
        float(x)
        for x in re.findall(
            r'<text class="" x="([\d.]+)"[^>]*>\d\d\.11\.2026<', chart_svg(chart, rtl=rtl)
        )
    ]
    assert 2 <= len(placed) <= 4
    half = len(days[0]) * 13 * 0.6 / 2
    assert all(half <= x <= 400 - half for x in placed)
    assert min(abs(a - b) for a, b in pairwise(placed)) > 2 * half
