"""Indicators for tests: the data bank under the home page, and an indicator with targets and
results, each fixture built on the one before."""

import datetime
from decimal import Decimal

import pytest

from tests.papers.conftest import publish


def add_results(indicator, *values_by_year, area=""):
    from papers.indicators.models import IndicatorResult

    for year, value in values_by_year:
        IndicatorResult.objects.create(
            indicator=indicator,
            on=datetime.date(year, 3, 31),
            value=Decimal(str(value)),
            area=area,
            source="Claimant count",
        )


def make_indicator(index, *, title="Out-of-work benefit claimants", direction="lower", **fields):
    from papers.indicators.models import IndicatorPage, IndicatorTarget

    targets = fields.pop("targets", {2007: "18.5", 2008: "17.5"})
    return publish(
        index,
        IndicatorPage(
            title=title,
            theme=fields.pop("theme", "Worklessness and enterprise"),
            what_is_counted="Working-age residents claiming out-of-work benefits.",
            source="Department for Work and Pensions",
            frequency="Quarterly",
            unit="% of working-age residents",
            direction=direction,
            baseline_value=Decimal("21.4"),
            baseline_label="2003/04",
            targets=[IndicatorTarget(year=y, value=Decimal(v)) for y, v in targets.items()],
            **fields,
        ),
    )


@pytest.fixture
def indicator_index(home_page):
    from papers.indicators.models import IndicatorIndexPage

    return publish(home_page, IndicatorIndexPage(title="Indicators", slug="indicators"))


@pytest.fixture
def indicator(indicator_index):
    """Lower is better; the 2008 result (18.1) misses the 2008 target (17.5)."""
    page = make_indicator(indicator_index)
    add_results(page, (2006, "19.8"), (2007, "18.4"), (2008, "18.1"))
    return page
