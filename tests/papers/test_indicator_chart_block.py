"""A paper embeds an indicator's chart: once the paper is published its figures never change,
whatever results come later, and it links to the live indicator."""

import re

import pytest

from papers.indicators.models import FrozenIndicatorChart
from papers.models import ProgressReportPage, ReportPage
from tests.fixtures.indicators import add_results
from tests.fixtures.papers import paragraph, publish, section

pytestmark = pytest.mark.django_db


def chart_block(indicator, caption=""):
    return {"type": "indicator_chart", "value": {"indicator": indicator.pk, "caption": caption}}


@pytest.fixture
def paper_with_chart(meeting, indicator):
    return publish(
        meeting,
        ReportPage(
            title="Worklessness: progress in 2008",
            slug="worklessness-2008",
            body=[
                section(
                    "Progress",
                    [
                        paragraph("Claimants fell again this year."),
                        chart_block(indicator, "Claimants are falling, but not fast enough."),
                    ],
                )
            ],
        ),
    )


def test_a_published_paper_shows_the_chart_with_its_table_and_a_link_to_the_indicator(
    client, paper_with_chart, indicator
):
    html = client.get(paper_with_chart.url).content.decode()
    assert "Indicator: Out-of-work benefit claimants" in html
    assert "Claimants are falling, but not fast enough." in html
    assert re.search(r'<svg class="chart" id="indicator-chart-\w+" role="img"', html)
    assert "31 March 2008" in html
    assert f'href="{indicator.url}"' in html
    assert "when this paper was published" in html


def test_results_added_after_the_paper_was_published_do_not_change_it(
    client, paper_with_chart, indicator
):
    add_results(indicator, (2009, "16.9"))
    paper = client.get(paper_with_chart.url).content.decode()
    live = client.get(indicator.url).content.decode()
    assert "31 March 2009" in live
    assert "31 March 2009" not in paper
    assert "Not on track." in paper  # as judged then: 18.1 against 17.5


def test_republishing_the_paper_keeps_the_figures_of_its_first_publication(
    client, paper_with_chart, indicator
):
    add_results(indicator, (2009, "16.9"))
    paper_with_chart.title = "Worklessness: progress in 2008 (corrected)"
    paper_with_chart.save_revision().publish()
    assert FrozenIndicatorChart.objects.filter(page=paper_with_chart).count() == 1
    assert "31 March 2009" not in client.get(paper_with_chart.url).content.decode()


def test_a_draft_paper_shows_the_live_figures_until_it_is_published(meeting, indicator):
    draft = ReportPage(
        title="Draft with a chart", body=[section("Progress", [chart_block(indicator)])]
    )
    meeting.add_child(instance=draft)
    draft.save_revision()
    assert not FrozenIndicatorChart.objects.filter(page=draft).exists()
    add_results(indicator, (2009, "16.9"))
    draft.save_revision().publish()
    frozen = FrozenIndicatorChart.objects.get(page=draft)
    assert ["2009-03-31", "16.900", "", "", "Claimant count"] in frozen.figures["results"]


def test_a_progress_report_objective_can_show_an_indicator_chart(client, steering_group, indicator):
    report = publish(
        steering_group,
        ProgressReportPage(
            title="Progress on the Partnership Plan",
            objectives=[
                {
                    "type": "objective",
                    "value": {
                        "number": "1",
                        "title": "Fewer people out of work",
                        "actions": [],
                        "indicator_charts": [{"indicator": indicator.pk, "caption": ""}],
                    },
                }
            ],
        ),
    )
    assert FrozenIndicatorChart.objects.filter(page=report, indicator=indicator).exists()
    html = client.get(report.url).content.decode()
    assert "Indicator: Out-of-work benefit claimants" in html
