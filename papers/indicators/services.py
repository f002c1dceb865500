"""What officers do with indicators: import results from a CSV (all rows or none), and freeze
the charts a paper embeds when it is first published."""

import csv
import datetime
import io
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils import timezone
from wagtail import blocks
from wagtail.fields import StreamField

from .blocks import IndicatorChartBlock
from .exceptions import ResultsImportError
from .models import FrozenIndicatorChart, IndicatorPage, IndicatorResult

CSV_COLUMNS = ("date", "value", "area", "note", "source")
MAX_IMPORT_BYTES = 1_000_000
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")


@dataclass(frozen=True)
class ImportOutcome:
    added: int
    updated: int

    @property
    def sentence(self) -> str:
        return f"{self.added} results added and {self.updated} updated."


def _parse_date(text: str) -> datetime.date | None:
    for date_format in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text.strip(), date_format).date()
        except ValueError:
            continue
    return None


def _read_rows(raw: bytes) -> list[dict]:
    if not raw.strip():
        raise ResultsImportError("The file is empty: choose the CSV file of results.")
    if len(raw) > MAX_IMPORT_BYTES:
        raise ResultsImportError("The file is over 1 MB: split it into smaller files.")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ResultsImportError(
            "The file is not a CSV saved as UTF-8: in your spreadsheet choose “CSV UTF-8”."
        ) from None
    reader = csv.DictReader(io.StringIO(text))
    headings = [(name or "").strip().lower() for name in reader.fieldnames or []]
    missing = [name for name in ("date", "value") if name not in headings]
    if missing:
        raise ResultsImportError(
            "The first row must name the columns: date, value, and optionally area, note and "
            f"source. Missing: {', '.join(missing)}."
        )
    reader.fieldnames = headings
    return list(reader)


def _check_row(number: int, row: dict, seen: set) -> tuple[IndicatorResult | None, list[str]]:
    problems = []
    on = _parse_date(row.get("date") or "")
    if on is None:
        problems.append(
            f"Row {number}: the date “{row.get('date') or ''}” is not a date; write it as "
            "2008-03-31 or 31/03/2008."
        )
    try:
        value = Decimal((row.get("value") or "").strip().replace(",", ""))
        if not value.is_finite():
            raise InvalidOperation
    except InvalidOperation:
        value = None
        problems.append(
            f"Row {number}: the value “{row.get('value') or ''}” is not a number; write it "
            "without units, e.g. 12.5."
        )
    area = (row.get("area") or "").strip()
    fields = {"area": 120, "note": 255, "source": 255}
    for name, limit in fields.items():
        if len((row.get(name) or "").strip()) > limit:
            problems.append(f"Row {number}: the {name} is longer than {limit} characters.")
    if on is not None and (on, area) in seen:
        problems.append(
            f"Row {number}: a result for {on:%d/%m/%Y}"
            + (f" in {area}" if area else "")
            + " is already in the file; keep one."
        )
    if problems:
        return None, problems
    seen.add((on, area))
    return (
        IndicatorResult(
            on=on,
            value=value,
            area=area,
            note=(row.get("note") or "").strip(),
            source=(row.get("source") or "").strip(),
        ),
        [],
    )


def import_results(indicator: IndicatorPage, raw: bytes) -> ImportOutcome:
    """Add the results in a CSV file (columns: date, value, area, note, source) to the
    indicator; a result for a date and area it already has replaces it. Any bad row refuses
    the whole file, naming every bad row, and nothing is saved."""
    rows = _read_rows(raw)
    if not rows:
        raise ResultsImportError("The file has a heading row but no results under it.")
    results, problems, seen = [], [], set()
    for number, row in enumerate(rows, start=2):
        result, row_problems = _check_row(number, row, seen)
        problems += row_problems
        if result is not None:
            results.append(result)
    if problems:
        raise ResultsImportError(
            "Nothing was imported: correct these rows and import the file again.",
            problems=problems,
        )
    added = updated = 0
    with transaction.atomic():
        for result in results:
            _, created = IndicatorResult.objects.update_or_create(
                indicator=indicator,
                on=result.on,
                area=result.area,
                defaults={"value": result.value, "note": result.note, "source": result.source},
            )
            added += created
            updated += not created
    return ImportOutcome(added, updated)


def _charts_in(value, block) -> list:
    """The values of every indicator chart block in a block's value, however deep."""
    if isinstance(block, IndicatorChartBlock):
        return [value]
    if isinstance(block, blocks.StreamBlock):
        return [found for child in value for found in _charts_in(child.value, child.block)]
    if isinstance(block, blocks.ListBlock):
        return [found for item in value for found in _charts_in(item, block.child_block)]
    if isinstance(block, blocks.StructBlock):
        return [
            found
            for name, child_block in block.child_blocks.items()
            for found in _charts_in(value.get(name), child_block)
        ]
    return []


def indicators_embedded_in(page) -> list[IndicatorPage]:
    found = []
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            for chart in _charts_in(getattr(page, field.name), field.stream_block):
                indicator = chart.get("indicator")
                if indicator is not None and indicator not in found:
                    found.append(indicator.specific)
    return found


@transaction.atomic
def freeze_indicator_charts(page) -> int:
    """Keep the figures of each indicator the page embeds as they are now, unless the page
    already keeps them (from an earlier publish): the page shows these from now on. Returns
    how many were frozen."""
    frozen = 0
    already = set(
        FrozenIndicatorChart.objects.filter(page=page).values_list("indicator_id", flat=True)
    )
    for indicator in indicators_embedded_in(page):
        if indicator.pk in already:
            continue
        FrozenIndicatorChart.objects.create(
            page=page,
            indicator=indicator,
            frozen_at=timezone.now(),
            figures=indicator.figures().as_json(),
        )
        frozen += 1
    return frozen


def freeze_charts_on_publish(sender, instance, **kwargs) -> None:
    """page_published: freeze the charts of a paper that embeds any (a cheap walk otherwise)."""
    if any(isinstance(f, StreamField) for f in instance._meta.get_fields()):
        freeze_indicator_charts(instance)
