"""Charts drawn on the server as accessible SVG: a title and a description the SVG is named
by, plain shapes, no script, no third-party request. Each chart is shown beside a table of
the same figures (the alternative for anyone who cannot see it) and a CSV of them.

Written for the membership figures (members.outreach); small and general so other figures
(papers' indicators) can share it."""

import dataclasses
from collections.abc import Sequence

from django.template.loader import render_to_string
from django.utils.safestring import SafeString


@dataclasses.dataclass(frozen=True)
class Series:
    """One bar per label, in `colour` (a CSS colour with contrast on white, 3:1 or more)."""

    name: str
    values: tuple[int, ...]
    colour: str


@dataclasses.dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    colour: str
    title: str


@dataclasses.dataclass(frozen=True)
class Tick:
    y: float
    value: int


WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 48, 8, 12, 48


def _scale_top(largest: int) -> int:
    """The top of the value axis: five gridline steps of 1, 2 or 5 times a power of ten."""
    magnitude = 1
    while True:
        for step in (magnitude, 2 * magnitude, 5 * magnitude):
            if step * 5 >= largest:
                return step * 5
        magnitude *= 10


def bar_chart(
    *, chart_id: str, title: str, description: str, labels: Sequence[str], series: Sequence[Series]
) -> SafeString:
    """Grouped bars, one group per label: for counts (zero or more)."""
    largest = max((value for one in series for value in one.values), default=0)
    top = _scale_top(largest)
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    group = plot_width / max(len(labels), 1)
    bar_width = group * 0.8 / max(len(series), 1)
    bars = []
    for index, label in enumerate(labels):
        for position, one in enumerate(series):
            value = one.values[index]
            height = plot_height * value / top
            bars.append(
                Bar(
                    x=round(LEFT + index * group + group * 0.1 + position * bar_width, 1),
                    y=round(TOP + plot_height - height, 1),
                    width=round(bar_width, 1),
                    height=round(height, 1),
                    colour=one.colour,
                    title=f"{label}: {one.name} {value}",
                )
            )
    ticks = [
        Tick(y=round(TOP + plot_height - plot_height * step / 5, 1), value=top * step // 5)
        for step in range(6)
    ]
    every = max(1, len(labels) // 12)
    axis_labels = [
        (round(LEFT + index * group + group / 2, 1), label)
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
                "width": WIDTH,
                "height": HEIGHT,
                "left": LEFT,
                "right_edge": WIDTH - RIGHT,
                "axis_y": HEIGHT - BOTTOM,
                "label_y": HEIGHT - BOTTOM + 16,
                "legend_y": HEIGHT - 10,
            },
        )
    )
