"""Charts drawn on the server as inline SVG, for every app: a line chart of values over time
(indicators' results against their targets), a heat map of counts on a grid (the risk
register's likelihood by impact) and grouped bars of counts (the membership figures).

Every chart is an `<svg role="img">` named by its own `<title>` and described by its own
`<desc>` (both referenced by `aria-labelledby`), drawn with no script and no request to
another host, and scaled by CSS to its container so it reflows at 320px. A chart is never the
only way to read its figures: the page that shows one shows the same figures as a table.
Colour never carries meaning alone: series differ in line style and marker shape too, and
each heat-map cell prints its count.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

WIDTH = 640
HEIGHT = 320
MARGIN_LEFT = 64
MARGIN_RIGHT = 16
MARGIN_TOP = 56
MARGIN_BOTTOM = 40


@dataclass(frozen=True)
class Series:
    """One line of a line chart. `style` is a CSS modifier: "solid" (circles on a solid line)
    or "dashed" (squares on a dashed line)."""

    name: str
    points: tuple[tuple[float, float], ...]
    style: str = "solid"


def nice_step(span: float, ticks: int = 5) -> float:
    """A round step (1, 2 or 5 times a power of ten) giving about `ticks` gridlines."""
    if span <= 0:
        return 1.0
    raw = span / ticks
    power = 10 ** math.floor(math.log10(raw))
    for multiple in (1, 2, 5, 10):
        if raw <= multiple * power:
            return multiple * power
    return 10 * power


def value_axis(values: Sequence[float]) -> tuple[float, float, float]:
    """(bottom, top, step) of a value axis showing every value: from zero when the values are
    all positive and not bunched far above it, otherwise from a round number below them."""
    low, high = min(values), max(values)
    if low >= 0 and low <= high / 2:
        low = 0.0
    if high == low:
        high = low + 1
    step = nice_step(high - low)
    bottom = math.floor(low / step) * step
    top = math.ceil(high / step) * step
    if top == bottom:
        top = bottom + step
    return bottom, top, step


def format_number(value: float) -> str:
    """As a person writes it: 12, 12.5, 1,250 (no trailing zeros)."""
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def _open_svg(chart_id: str, title: str, description: str, width: int, height: int) -> SafeString:
    return format_html(
        '<svg class="chart" id="{id}" role="img" aria-labelledby="{id}-title {id}-desc" '
        'viewBox="0 0 {w} {h}" preserveAspectRatio="xMinYMin meet" '
        'xmlns="http://www.w3.org/2000/svg"><title id="{id}-title">{title}</title>'
        '<desc id="{id}-desc">{desc}</desc>',
        id=chart_id,
        w=width,
        h=height,
        title=title,
        desc=description,
    )


def line_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    series: Sequence[Series],
    x_ticks: Sequence[tuple[float, str]],
    unit: str = "",
) -> SafeString:
    """A line chart of `series` over a shared x axis (e.g. years as 2004.0, 2004.5 ...), with
    gridlines, the unit over the value axis, a legend, and `x_ticks` (x, label) under it."""
    xs = [x for s in series for x, _ in s.points] + [x for x, _ in x_ticks]
    ys = [y for s in series for _, y in s.points]
    parts = [_open_svg(chart_id, title, description, WIDTH, HEIGHT)]
    if not ys or not xs:
        parts.append(
            format_html(
                '<text class="chart__empty" x="{}" y="{}" text-anchor="middle">No figures yet'
                "</text></svg>",
                WIDTH // 2,
                HEIGHT // 2,
            )
        )
        return mark_safe("".join(parts))
    left, right = min(xs), max(xs)
    if right == left:
        left, right = left - 0.5, right + 0.5
    bottom, top, step = value_axis(ys)
    plot_w = WIDTH - MARGIN_LEFT - MARGIN_RIGHT
    plot_h = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM

    def sx(x: float) -> float:
        return round(MARGIN_LEFT + (x - left) / (right - left) * plot_w, 1)

    def sy(y: float) -> float:
        return round(MARGIN_TOP + (top - y) / (top - bottom) * plot_h, 1)

    parts.append('<g class="chart__grid" aria-hidden="true">')
    tick = bottom
    while tick <= top + step / 1000:
        parts.append(
            format_html(
                '<line x1="{x1}" x2="{x2}" y1="{y}" y2="{y}"/>'
                '<text class="chart__label" x="{lx}" y="{ty}" text-anchor="end">{label}</text>',
                x1=MARGIN_LEFT,
                x2=WIDTH - MARGIN_RIGHT,
                y=sy(tick),
                lx=MARGIN_LEFT - 6,
                ty=sy(tick) + 4,
                label=format_number(round(tick, 6)),
            )
        )
        tick += step
    parts.append(
        format_html_join(
            "",
            '<text class="chart__label" x="{}" y="{}" text-anchor="middle">{}</text>',
            ((sx(x), HEIGHT - MARGIN_BOTTOM + 18, label) for x, label in x_ticks),
        )
    )
    if unit:
        parts.append(
            format_html('<text class="chart__label" x="4" y="{}">{}</text>', MARGIN_TOP - 12, unit)
        )
    parts.append("</g>")
    legend_x = MARGIN_LEFT
    for number, line in enumerate(series):
        parts.append(_series(line, number, sx, sy))
        parts.append(_legend_entry(line, legend_x))
        legend_x += 24 + 8 * len(line.name) + 24
    parts.append("</svg>")
    return mark_safe("".join(parts))


def _marker(style: str, x: float, y: float) -> SafeString:
    if style == "dashed":
        return format_html('<rect x="{}" y="{}" width="8" height="8"/>', x - 4, y - 4)
    return format_html('<circle cx="{}" cy="{}" r="4"/>', x, y)


def _series(line: Series, number: int, sx, sy) -> SafeString:
    points = sorted(line.points)
    path = " ".join(f"{sx(x)},{sy(y)}" for x, y in points)
    return format_html(
        '<g class="chart__series chart__series--{style} chart__series--{number}" '
        'aria-hidden="true"><polyline points="{path}"/>{markers}</g>',
        style=line.style,
        number=number,
        path=path,
        markers=format_html_join(
            "", "{}", ((_marker(line.style, sx(x), sy(y)),) for x, y in points)
        ),
    )


def _legend_entry(line: Series, x: float) -> SafeString:
    return format_html(
        '<g class="chart__series chart__series--{style}" aria-hidden="true">'
        '<polyline points="{x1},18 {x2},18"/>{marker}'
        '<text class="chart__label" x="{tx}" y="22">{name}</text></g>',
        style=line.style,
        x1=x,
        x2=x + 20,
        marker=_marker(line.style, x + 10, 18),
        tx=x + 26,
        name=line.name,
    )


def heat_map(
    *,
    chart_id: str,
    title: str,
    description: str,
    row_labels: Sequence[str],
    column_labels: Sequence[str],
    counts: Sequence[Sequence[int]],
    band_of_cell,
    row_title: str,
    column_title: str,
) -> SafeString:
    """A grid of counts: `counts[r][c]` in row `r` (top first) and column `c`, each cell
    printing its count, shaded by `band_of_cell(r, c)` (a CSS modifier such as "high")."""
    cell = 48
    left, top_margin = 96, 16
    width = left + cell * len(column_labels) + 8
    height = top_margin + cell * len(row_labels) + 56
    parts = [_open_svg(chart_id, title, description, width, height), '<g aria-hidden="true">']
    for r, label in enumerate(row_labels):
        parts.append(
            format_html(
                '<text class="chart__label" x="{}" y="{}" text-anchor="end">{}</text>',
                left - 8,
                top_margin + r * cell + cell // 2 + 4,
                label,
            )
        )
        for c, _ in enumerate(column_labels):
            count = counts[r][c]
            parts.append(
                format_html(
                    '<rect class="heat-map__cell heat-map__cell--{band}" x="{x}" y="{y}" '
                    'width="{s}" height="{s}"/><text class="heat-map__count" x="{tx}" '
                    'y="{ty}" text-anchor="middle">{count}</text>',
                    band=band_of_cell(r, c),
                    x=left + c * cell,
                    y=top_margin + r * cell,
                    s=cell,
                    tx=left + c * cell + cell // 2,
                    ty=top_margin + r * cell + cell // 2 + 5,
                    count=count or "",
                )
            )
    base = top_margin + cell * len(row_labels)
    parts.append(
        format_html_join(
            "",
            '<text class="chart__label" x="{}" y="{}" text-anchor="middle">{}</text>',
            (
                (left + c * cell + cell // 2, base + 18, label)
                for c, label in enumerate(column_labels)
            ),
        )
    )
    parts.append(
        format_html(
            '<text class="chart__label" x="{}" y="{}" text-anchor="middle">{}</text>'
            '<text class="chart__label" x="4" y="{}">{}</text></g></svg>',
            left + cell * len(column_labels) / 2,
            base + 44,
            column_title,
            top_margin - 4 if top_margin > 12 else 12,
            row_title,
        )
    )
    return mark_safe("".join(parts))


# --- Grouped bars, drawn from a template (includes/bar_chart.svg) ---------------------------


@dataclass(frozen=True)
class BarSeries:
    """One bar per label, in `colour` (a CSS colour with contrast on white, 3:1 or more)."""

    name: str
    values: tuple[int, ...]
    colour: str


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    colour: str
    title: str


@dataclass(frozen=True)
class Tick:
    y: float
    value: int


BAR_WIDTH, BAR_HEIGHT = 640, 260
BAR_LEFT, BAR_RIGHT, BAR_TOP, BAR_BOTTOM = 48, 8, 12, 48


def _scale_top(largest: int) -> int:
    """The top of the value axis: five gridline steps of 1, 2 or 5 times a power of ten."""
    magnitude = 1
    while True:
        for step in (magnitude, 2 * magnitude, 5 * magnitude):
            if step * 5 >= largest:
                return step * 5
        magnitude *= 10


def bar_chart(
    *,
    chart_id: str,
    title: str,
    description: str,
    labels: Sequence[str],
    series: Sequence[BarSeries],
) -> SafeString:
    """Grouped bars, one group per label: for counts (zero or more)."""
    largest = max((value for one in series for value in one.values), default=0)
    top = _scale_top(largest)
    plot_width, plot_height = BAR_WIDTH - BAR_LEFT - BAR_RIGHT, BAR_HEIGHT - BAR_TOP - BAR_BOTTOM
    group = plot_width / max(len(labels), 1)
    bar_width = group * 0.8 / max(len(series), 1)
    bars = []
    for index, label in enumerate(labels):
        for position, one in enumerate(series):
            value = one.values[index]
            height = plot_height * value / top
            bars.append(
                Bar(
                    x=round(BAR_LEFT + index * group + group * 0.1 + position * bar_width, 1),
                    y=round(BAR_TOP + plot_height - height, 1),
                    width=round(bar_width, 1),
                    height=round(height, 1),
                    colour=one.colour,
                    title=f"{label}: {one.name} {value}",
                )
            )
    ticks = [
        Tick(y=round(BAR_TOP + plot_height - plot_height * step / 5, 1), value=top * step // 5)
        for step in range(6)
    ]
    every = max(1, len(labels) // 12)
    axis_labels = [
        (round(BAR_LEFT + index * group + group / 2, 1), label)
        for index, label in enumerate(labels)
        if index % every == 0
    ]
    return SafeString(
        render_to_string(
            "includes/bar_chart.svg",
            {
                "chart_id": chart_id,
                "title": title,
                "description": description,
                "bars": bars,
                "ticks": ticks,
                "axis_labels": axis_labels,
                "series": series,
                "width": BAR_WIDTH,
                "height": BAR_HEIGHT,
                "left": BAR_LEFT,
                "right_edge": BAR_WIDTH - BAR_RIGHT,
                "axis_y": BAR_HEIGHT - BAR_BOTTOM,
                "label_y": BAR_HEIGHT - BAR_BOTTOM + 16,
                "legend_y": BAR_HEIGHT - 10,
            },
        )
    )
