"""The public CSV download of an indicator's results: the same figures as its chart and table."""

from decimal import Decimal

from django.http import Http404, HttpResponse

from home.spreadsheets import download

from .figures import plain_number
from .models import IndicatorPage

CSV_HEADINGS = ["date", "value", "unit", "area", "target for the year", "note", "source"]


def _number(value: Decimal | None) -> Decimal | None:
    """A figure as a number cell, written plainly (21.4, 14250: no padding zeros, no exponent),
    so a negative one stays a number where the words around it are neutralised."""
    return None if value is None else Decimal(plain_number(value))


def results_csv(request, page_id: int) -> HttpResponse:
    indicator = (
        IndicatorPage.objects.live().public().filter(pk=page_id).prefetch_related("targets").first()
    )
    if indicator is None:
        raise Http404("No published indicator has that number.")
    figures = indicator.figures()
    targets = {t.year: t.value for t in figures.targets}
    rows = [
        [
            result.on.isoformat(),
            _number(result.value),
            figures.unit,
            result.area,
            None if result.area else _number(targets.get(result.on.year)),
            result.note,
            result.source,
        ]
        for result in figures.results
    ]
    return download(f"indicator-{indicator.slug}", CSV_HEADINGS, rows)
