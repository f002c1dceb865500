"""The on-track rule, as the indicator's page states it: the latest borough-wide result against
its year's target (or the next one after), in both directions, and with nothing to judge."""

import datetime
from decimal import Decimal

from papers.indicators.figures import IndicatorFigures, ResultRow, TargetRow
from papers.indicators.progress import NO_RESULTS, NO_TARGET, OFF_TRACK, ON_TRACK


def figures(direction, results, targets, areas=()):
    return IndicatorFigures(
        title="An indicator",
        unit="%",
        direction=direction,
        baseline_value=None,
        baseline_label="",
        targets=tuple(TargetRow(y, Decimal(v)) for y, v in targets),
        results=tuple(
            sorted(
                [ResultRow(datetime.date(y, 3, 31), Decimal(v)) for y, v in results]
                + [ResultRow(datetime.date(y, 3, 31), Decimal(v), area=a) for y, v, a in areas]
            )
        ),
    )


def test_higher_is_better_is_on_track_at_or_above_the_target():
    assert figures("higher", [(2008, "70")], [(2008, "70")]).progress.status == ON_TRACK
    assert figures("higher", [(2008, "70.1")], [(2008, "70")]).progress.status == ON_TRACK


def test_higher_is_better_is_off_track_below_the_target():
    progress = figures("higher", [(2008, "69.9")], [(2008, "70")]).progress
    assert progress.status == OFF_TRACK
    assert progress.sentence == "The latest result (31 March 2008) is below the 2008 target."


def test_lower_is_better_is_on_track_at_or_below_the_target():
    assert figures("lower", [(2008, "17.5")], [(2008, "17.5")]).progress.status == ON_TRACK
    assert figures("lower", [(2008, "17.4")], [(2008, "17.5")]).progress.status == ON_TRACK


def test_lower_is_better_is_off_track_above_the_target():
    progress = figures("lower", [(2008, "17.6")], [(2008, "17.5")]).progress
    assert progress.status == OFF_TRACK
    assert progress.label == "Not on track"


def test_only_the_latest_result_is_judged():
    early_miss_late_hit = figures(
        "higher", [(2006, "50"), (2008, "71")], [(2006, "60"), (2008, "70")]
    )
    assert early_miss_late_hit.progress.status == ON_TRACK


def test_a_year_without_a_target_is_judged_against_the_next_target():
    progress = figures("higher", [(2007, "66")], [(2006, "60"), (2009, "70")]).progress
    assert progress.status == OFF_TRACK
    assert "the 2009 target" in progress.sentence


def test_no_results_is_not_judged():
    progress = figures("higher", [], [(2008, "70")]).progress
    assert progress.status == NO_RESULTS
    assert progress.label == "No results yet"


def test_ward_results_alone_are_not_judged():
    progress = figures("lower", [], [(2008, "17.5")], areas=[(2008, "12", "Golborne")]).progress
    assert progress.status == NO_RESULTS


def test_no_target_for_the_latest_year_or_after_is_not_judged():
    progress = figures("higher", [(2009, "72")], [(2008, "70")]).progress
    assert progress.status == NO_TARGET
