"""Whether an indicator is on track: one rule, stated on every indicator's page and on the
index, and tested in both directions and with no results.

The rule: take the latest result for the whole borough (results for one area, such as a ward,
are shown but not judged). Compare it with the target for the year of that result or, when
that year has none, with the next target set after it. Where higher is better the indicator is
on track when the result is at or above the target; where lower is better, at or below it.
With no result yet, or no target for that year or after, it is not judged.
"""

from dataclasses import dataclass
from decimal import Decimal

ON_TRACK_RULE = (
    "We compare the latest result for the whole borough with the target for the year of that "
    "result (or, if that year has no target, the next target set after it). Where higher is "
    "better, the indicator is on track when the result is at or above the target; where lower "
    "is better, when it is at or below the target. Results for single wards are shown but not "
    "judged. An indicator with no result yet, or no target for its latest year or later, is "
    "not judged."
)

ON_TRACK = "on_track"
OFF_TRACK = "off_track"
NO_RESULTS = "no_results"
NO_TARGET = "no_target"


@dataclass(frozen=True)
class Progress:
    status: str
    sentence: str

    @property
    def label(self) -> str:
        return {
            ON_TRACK: "On track",
            OFF_TRACK: "Not on track",
            NO_RESULTS: "No results yet",
            NO_TARGET: "No target to judge against",
        }[self.status]


def target_for(year: int, targets: dict[int, Decimal]) -> tuple[int, Decimal] | None:
    """The target for `year`, or else the next one set after it."""
    later = sorted(y for y in targets if y >= year)
    return (later[0], targets[later[0]]) if later else None


def assess(
    *, direction: str, latest: tuple[str, Decimal] | None, year: int | None, targets: dict
) -> Progress:
    """`latest` is (date as words, value) of the latest borough-wide result, from `year`."""
    if latest is None or year is None:
        return Progress(NO_RESULTS, "There is no result yet to judge.")
    when, value = latest
    target = target_for(year, targets)
    if target is None:
        return Progress(
            NO_TARGET, f"No target is set for {year} or later, so the result is not judged."
        )
    target_year, target_value = target
    is_met = value >= target_value if direction == "higher" else value <= target_value
    better = "at or above" if direction == "higher" else "at or below"
    worse = "below" if direction == "higher" else "above"
    if is_met:
        return Progress(
            ON_TRACK,
            f"The latest result ({when}) is {better} the {target_year} target.",
        )
    return Progress(OFF_TRACK, f"The latest result ({when}) is {worse} the {target_year} target.")
