"""The public CSV download of an indicator's results: the same figures as its chart and table."""

import csv
import io

from django.http import Http404, HttpResponse

from home.spreadsheets import neutralise

from .figures import plain_number
from .models import IndicatorPage

CSV_HEADINGS = ["date", "value", "unit", "area", "target for the year", "note", "source"]


def results_csv(request, page_id: int) -> HttpResponse:
    indicator = (
        IndicatorPage.objects.live().public().filter(pk=page_id).prefetch_related("targets").first()
    )
    if indicator is None:
        raise Http404("No published indicator has that number.")
    figures = indicator.figures()
    targets = {t.year: t.value for t in figures.targets}
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADINGS)
    for result in figures.results:
        # The figures are numbers written by plain_number (a negative one starts with "-" and
        # must stay a number); only the words are neutralised.
        writer.writerow(
            [
                result.on.isoformat(),
                plain_number(result.value),
                neutralise(figures.unit),
                neutralise(result.area),
                "" if result.area else plain_number(targets.get(result.on.year)),
                neutralise(result.note),
                neutralise(result.source),
            ]
        )
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="indicator-{indicator.slug}.csv"'
    return response
