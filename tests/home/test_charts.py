"""The shared SVG charts: named and described for screen readers, drawn with no script, every
series shown, an empty chart that says so, and a heat map that prints its counts."""

import re

from home import charts


def test_a_line_chart_is_an_image_named_by_its_title_and_description():
    svg = charts.line_chart(
        chart_id="members",
        title="Members of the wider partnership",
        description="Up from 120 in 2007 to 180 in 2009.",
        series=[charts.Series("Members", ((2007, 120), (2008, 150), (2009, 180)))],
        x_ticks=[(2007, "2007"), (2008, "2008"), (2009, "2009")],
        unit="people",
    )
    assert svg.startswith('<svg class="chart" id="members" role="img"')
    assert 'aria-labelledby="members-title members-desc"' in svg
    assert '<title id="members-title">Members of the wider partnership</title>' in svg
    assert '<desc id="members-desc">Up from 120 in 2007 to 180 in 2009.</desc>' in svg
    assert svg.count("<circle") == 3 + 1  # each point, and the legend
    assert "<script" not in svg and "http://" not in svg.replace("http://www.w3.org/2000/svg", "")


def test_a_line_chart_escapes_what_it_is_given():
    svg = charts.line_chart(
        chart_id="x",
        title="<b>Bold</b>",
        description="A & B",
        series=[charts.Series("<i>", ((1, 1),))],
        x_ticks=[],
    )
    assert "<b>" not in svg and "&lt;b&gt;Bold" in svg and "A &amp; B" in svg


def test_a_line_chart_with_no_figures_says_so():
    svg = charts.line_chart(chart_id="e", title="T", description="D", series=[], x_ticks=[])
    assert "No figures yet" in svg and "<title" in svg


def test_the_value_axis_starts_at_zero_unless_the_values_are_bunched_far_above_it():
    assert charts.value_axis([10, 40])[0] == 0
    bottom, top, _ = charts.value_axis([17.4, 21.4])
    assert 17 >= bottom > 0 and top >= 21.4


def test_a_heat_map_prints_each_count_in_its_cell():
    svg = charts.heat_map(
        chart_id="risks",
        title="Risks by likelihood and impact",
        description="Two risks are high.",
        row_labels=["High", "Low"],
        column_labels=["Unlikely", "Likely"],
        counts=[[0, 2], [1, 0]],
        band_of_cell=lambda r, c: "high" if r == 0 and c == 1 else "low",
        row_title="Impact",
        column_title="Likelihood",
    )
    assert 'role="img"' in svg and '<desc id="risks-desc">Two risks are high.</desc>' in svg
    assert re.findall(r'class="heat-map__count"[^>]*>(\d*)<', svg) == ["", "2", "1", ""]
    assert svg.count("heat-map__cell--high") == 1
