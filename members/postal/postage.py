"""Sheets and postage of a batch: pages become sheets (two pages a sheet when printed on both
sides), sheets and the envelope make a weight, and the site's postage bands price it. The
counts come from the batch's PDF, so they are known once it is made."""

import math
from dataclasses import dataclass, field
from decimal import Decimal

from wagtail.models import Site

from members.models import PostalBatch, PostalSettings

# 80 g/m² A4 paper weighs 5 g a sheet; a window envelope about 5 g (DL) or 9 g (C5).
SHEET_GRAMS = 5
ENVELOPE_GRAMS = {"DL": 5, "C5": 9}


def postal_settings() -> PostalSettings:
    return PostalSettings.for_site(Site.objects.filter(is_default_site=True).first())


def is_printed_on_both_sides() -> bool:
    return postal_settings().print_on_both_sides


def sheets(pages: int, *, is_duplex: bool) -> int:
    return math.ceil(pages / 2) if is_duplex else pages


def weight_grams(sheet_count: int, envelope: str) -> int:
    return sheet_count * SHEET_GRAMS + ENVELOPE_GRAMS.get(envelope, ENVELOPE_GRAMS["C5"])


def price(grams: int, bands: list[tuple[int, Decimal]]) -> Decimal | None:
    """The price of the lightest band the weight fits in; None when over the heaviest."""
    return next((cost for up_to, cost in bands if grams <= up_to), None)


@dataclass
class BatchPostage:
    """What the batch screen shows: envelopes, pages and sheets, the estimated postage and
    how many envelopes fall in each band (or over the heaviest)."""

    envelopes: int = 0
    pages: int = 0
    sheets: int = 0
    estimate: Decimal = Decimal("0.00")
    by_band: dict[int, int] = field(default_factory=dict)
    over_heaviest: int = 0
    bands: list[tuple[int, Decimal]] = field(default_factory=list)

    @property
    def band_rows(self) -> list[tuple[int, Decimal, int]]:
        return [(up_to, cost, self.by_band.get(up_to, 0)) for up_to, cost in self.bands]


def batch_postage(batch: PostalBatch) -> BatchPostage | None:
    """The batch's sheets and postage, or None until its PDF has counted the pages (one
    query)."""
    counts = list(
        batch.letters.filter(page_count__isnull=False).values_list("page_count", "sheet_count")
    )
    if not counts:
        return None
    bands = postal_settings().bands
    postage = BatchPostage(bands=bands)
    for pages, sheet_count in counts:
        postage.envelopes += 1
        postage.pages += pages
        postage.sheets += sheet_count
        grams = weight_grams(sheet_count, batch.envelope)
        cost = price(grams, bands)
        if cost is None:
            postage.over_heaviest += 1
            continue
        postage.estimate += cost
        band = next(up_to for up_to, _ in bands if grams <= up_to)
        postage.by_band[band] = postage.by_band.get(band, 0) + 1
    return postage
