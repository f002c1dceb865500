"""The indicators data bank as the public meets it: the index by theme with each indicator's
status, an indicator's page with its definition, chart, matching table, the on-track rule and
a CSV download; found by search and listed in the sitemap; and a listing whose query count
does not grow with indicators."""

import csv
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from papers.indicators.progress import ON_TRACK_RULE
from tests.fixtures.indicators import add_results, make_indicator

pytestmark = pytest.mark.django_db


def svg_of(html: str) -> str:
    return re.search(r"<svg.*?</svg>", html, re.S).group(0)


def test_the_index_lists_indicators_by_theme_with_their_status(client, indicator, indicator_index):
    make_indicator(
        indicator_index, title="Adults who smoke", theme="Health and well-being", targets={}
    )
    html = client.get("/indicators/").content.decode()
    assert re.search(r"<h2[^>]*>Health and well-being</h2>", html)
    assert re.search(r"<h2[^>]*>Worklessness and enterprise</h2>", html)
    assert "Out-of-work benefit claimants" in html
    assert "Not on track" in html
    assert "No results yet" in html
    assert ON_TRACK_RULE in html


def test_an_empty_index_says_so(client, indicator_index):
    html = client.get("/indicators/").content.decode()
    assert "No indicators have been published yet." in html


def test_the_index_never_lists_a_draft_or_restricted_indicator(client, indicator_index):
    draft = make_indicator(indicator_index, title="Draft indicator")
    draft.unpublish()
    hidden = make_indicator(indicator_index, title="Members-only indicator")
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    html = client.get("/indicators/").content.decode()
    assert "Draft indicator" not in html
    assert "Members-only indicator" not in html


def test_an_indicator_page_states_its_definition_status_and_rule(client, indicator):
    html = client.get(indicator.url).content.decode()
    assert "Working-age residents claiming out-of-work benefits." in html
    assert "Department for Work and Pensions" in html
    assert "Lower is better" in html
    assert "21.4 (2003/04)" in html
    assert "Not on track." in html
    assert "The latest result (31 March 2008) is above the 2008 target." in html
    assert ON_TRACK_RULE in html


def test_the_chart_has_a_title_and_description_and_a_table_with_the_same_figures(client, indicator):
    html = client.get(indicator.url).content.decode()
    svg = svg_of(html)
    assert 'role="img"' in svg
    assert 'aria-labelledby="indicator-chart-title indicator-chart-desc"' in svg
    assert '<title id="indicator-chart-title">Out-of-work benefit claimants: results' in svg
    description = re.search(r'<desc id="indicator-chart-desc">(.*?)</desc>', svg).group(1)
    assert "3 results from 31 March 2006 (19.8) to 31 March 2008 (18.1)" in description
    assert "Targets: 2007: 18.5; 2008: 17.5." in description
    # one circle per result and one square per target, as many as the table's rows say
    assert svg.count("<circle") == 3 + 1  # and the legend's
    assert svg.count("<rect") == 2 + 1
    table = re.search(r"<table.*?</table>", html, re.S).group(0)
    cells = re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", table)
    for date, result, target in [
        ("31 March 2006", "19.8", "None set"),
        ("31 March 2007", "18.4", "18.5"),
        ("31 March 2008", "18.1", "17.5"),
    ]:
        position = cells.index(date)
        assert cells[position + 1 : position + 3] == [result, target]


def test_an_indicator_with_no_results_shows_an_empty_chart_and_says_so(client, indicator_index):
    page = make_indicator(indicator_index, targets={})
    html = client.get(page.url).content.decode()
    assert "No figures yet" in svg_of(html)
    assert "No results or targets have been recorded yet." in html
    assert "No results yet." in html


def test_ward_results_are_shown_apart_and_do_not_change_the_status(client, indicator):
    add_results(indicator, (2008, "12.0"), area="Golborne")
    html = client.get(indicator.url).content.decode()
    assert "Results by area" in html
    assert "Golborne" in html
    assert "Not on track." in html


def test_the_csv_download_has_every_result_with_its_target_and_neutralises_formulas(
    client, indicator
):
    add_results(indicator, (2008, "-2"), area="=HYPERLINK()")
    response = client.get(f"/indicators/{indicator.pk}/results.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["date", "value", "unit", "area", "target for the year", "note", "source"]
    assert ["2008-03-31", "18.1", "% of working-age residents", "", "17.5"] == rows[3][:5]
    assert rows[4][1:4] == ["-2", "% of working-age residents", "'=HYPERLINK()"]


def test_the_csv_of_a_draft_or_restricted_indicator_is_not_found(client, indicator):
    PageViewRestriction.objects.create(page=indicator, restriction_type="login")
    assert client.get(f"/indicators/{indicator.pk}/results.csv").status_code == 404
    assert client.get("/indicators/999999/results.csv").status_code == 404


def test_indicators_are_found_by_search_and_listed_in_the_sitemap(client, indicator):
    html = client.get("/search/", {"query": "benefit claimants"}).content.decode()
    assert "Out-of-work benefit claimants" in html
    sitemap = client.get("/sitemap.xml").content.decode()
    assert indicator.full_url in sitemap
    assert "/indicators/</loc>" in sitemap


def test_a_new_result_shows_at_once_on_the_indicator_page(client, indicator):
    client.get(indicator.url)
    add_results(indicator, (2009, "17.0"))
    html = client.get(indicator.url).content.decode()
    assert "31 March 2009" in html


def _queries_for(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_index_asks_the_same_number_of_queries_however_many_indicators(client, indicator_index):
    for number in range(2):
        page = make_indicator(indicator_index, title=f"Indicator {number}")
        add_results(page, (2007, "18"), (2008, "17"))
    few = _queries_for(client, "/indicators/")
    for number in range(2, 12):
        page = make_indicator(indicator_index, title=f"Indicator {number}", theme=f"Theme {number}")
        add_results(page, (2007, "18"), (2008, "17"))
    assert _queries_for(client, "/indicators/") == few
