"""An indicator's figures as plain values, whether read live from its rows or from the frozen
copy a published paper keeps: the chart, the table beside it, the CSV and the on-track verdict
are all drawn from this one shape, so the paper and the live page can never disagree."""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.utils.safestring import SafeString

from home import charts

from .progress import Progress, assess


@dataclass(frozen=True, order=True)
class ResultRow:
    on: datetime.date
    value: Decimal
    area: str = ""
    note: str = ""
    source: str = ""

    @property
    def when(self) -> str:
        return f"{self.on.day} {self.on:%B %Y}"


@dataclass(frozen=True, order=True)
class TargetRow:
    year: int
    value: Decimal


@dataclass(frozen=True)
class TableRow:
    """One line of the table beside the chart: a result, with the target it is measured
    against, or a target year with no result yet."""

    when: str
    result: Decimal | None
    target: Decimal | None
    note: str
    source: str


def plain_number(value: Decimal | None) -> str:
    """A figure as a file or a program reads it: 21.4, 14250 (no padding zeros, no commas)."""
    if value is None:
        return ""
    return f"{value.normalize():f}"


def _year_fraction(day: datetime.date) -> float:
    return day.year + (day.timetuple().tm_yday - 1) / 366


@dataclass(frozen=True)
class IndicatorFigures:
    title: str
    unit: str
    direction: str
    baseline_value: Decimal | None
    baseline_label: str
    targets: tuple[TargetRow, ...]
    results: tuple[ResultRow, ...]

    @property
    def borough_results(self) -> list[ResultRow]:
        return [r for r in self.results if not r.area]

    @property
    def area_results(self) -> list[ResultRow]:
        return [r for r in self.results if r.area]

    @property
    def direction_label(self) -> str:
        return "Higher is better" if self.direction == "higher" else "Lower is better"

    @property
    def latest(self) -> ResultRow | None:
        borough = self.borough_results
        return borough[-1] if borough else None

    @property
    def progress(self) -> Progress:
        latest = self.latest
        return assess(
            direction=self.direction,
            latest=(latest.when, latest.value) if latest else None,
            year=latest.on.year if latest else None,
            targets={t.year: t.value for t in self.targets},
        )

    def table_rows(self) -> list[TableRow]:
        """Every borough-wide result with its year's target, then each target year that has
        no result yet, in date order: what the chart draws, as words and numbers."""
        targets = {t.year: t.value for t in self.targets}
        rows = [
            TableRow(r.when, r.value, targets.get(r.on.year), r.note, r.source)
            for r in self.borough_results
        ]
        measured_years = {r.on.year for r in self.borough_results}
        rows += [
            TableRow(str(t.year), None, t.value, "Target only: no result yet", "")
            for t in self.targets
            if t.year not in measured_years
        ]
        return sorted(rows, key=lambda row: row.when[-4:])

    def chart(self, chart_id: str) -> SafeString:
        results = self.borough_results
        series = [
            charts.Series("Result", tuple((_year_fraction(r.on), float(r.value)) for r in results)),
            charts.Series(
                "Target",
                tuple((t.year + 0.5, float(t.value)) for t in self.targets),
                style="dashed",
            ),
        ]
        series = [s for s in series if s.points]
        years = sorted({r.on.year for r in results} | {t.year for t in self.targets})
        ticks = [(year + 0.5, str(year)) for year in years]
        if len(ticks) > 8:
            ticks = ticks[:: -(-len(ticks) // 8)]
        return charts.line_chart(
            chart_id=chart_id,
            title=f"{self.title}: results against targets",
            description=self.description(),
            series=series,
            x_ticks=ticks,
            unit=self.unit,
        )

    def description(self) -> str:
        results = self.borough_results
        if not results and not self.targets:
            return "No results or targets have been recorded yet."
        parts = []
        if results:
            first, last = results[0], results[-1]
            parts.append(
                f"{len(results)} results from {first.when} ({charts.format_number(first.value)})"
                f" to {last.when} ({charts.format_number(last.value)}), in {self.unit}."
            )
        else:
            parts.append("No results have been recorded yet.")
        if self.targets:
            parts.append(
                "Targets: "
                + "; ".join(f"{t.year}: {charts.format_number(t.value)}" for t in self.targets)
                + "."
            )
        parts.append(f"{self.direction_label}. {self.progress.label}.")
        return " ".join(parts)

    def as_json(self) -> dict:
        return {
            "title": self.title,
            "unit": self.unit,
            "direction": self.direction,
            "baseline_value": str(self.baseline_value) if self.baseline_value is not None else None,
            "baseline_label": self.baseline_label,
            "targets": [[t.year, str(t.value)] for t in self.targets],
            "results": [
                [r.on.isoformat(), str(r.value), r.area, r.note, r.source] for r in self.results
            ],
        }

    @classmethod
    def from_json(cls, data: dict) -> "IndicatorFigures":
        baseline = data.get("baseline_value")
        return cls(
            title=data["title"],
            unit=data["unit"],
            direction=data["direction"],
            baseline_value=Decimal(baseline) if baseline is not None else None,
            baseline_label=data.get("baseline_label", ""),
            targets=tuple(TargetRow(int(y), Decimal(v)) for y, v in data["targets"]),
            results=tuple(
                ResultRow(datetime.date.fromisoformat(on), Decimal(v), area, note, source)
                for on, v, area, note, source in data["results"]
            ),
        )
