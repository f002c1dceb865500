"""Who sits on each group, by sector, and whether the voluntary and community sector has its
share. The mapping, stated on the report:

- Council, NHS and health, police, and education count as statutory;
- the voluntary and community sector counts as voluntary and community;
- business counts as business;
- a member with no organisation counts as a resident;
- "Other" organisations are shown apart.

A group is flagged when the voluntary and community sector's share of its members is below
the threshold (site settings; one third by default). An empty group is not judged.
"""

from collections import Counter
from dataclasses import dataclass
from decimal import Decimal

from home.models import Organisation

STATUTORY = "statutory"
VOLUNTARY = "voluntary"
BUSINESS = "business"
RESIDENT = "resident"
OTHER = "other"
CATEGORY_LABELS = {
    STATUTORY: "Statutory",
    VOLUNTARY: "Voluntary and community",
    BUSINESS: "Business",
    RESIDENT: "Residents",
    OTHER: "Other",
}
SECTOR_CATEGORY = {
    Organisation.Sector.COUNCIL: STATUTORY,
    Organisation.Sector.HEALTH: STATUTORY,
    Organisation.Sector.POLICE: STATUTORY,
    Organisation.Sector.EDUCATION: STATUTORY,
    Organisation.Sector.VOLUNTARY: VOLUNTARY,
    Organisation.Sector.BUSINESS: BUSINESS,
    Organisation.Sector.OTHER: OTHER,
}
MAPPING_STATEMENT = (
    "Council, NHS and health, police, and education count as statutory. The voluntary and "
    "community sector counts as voluntary and community. Business counts as business. A "
    "member with no organisation counts as a resident. Other organisations are shown apart."
)


def category_of(sector: str | None) -> str:
    if sector is None:
        return RESIDENT
    return SECTOR_CATEGORY.get(sector, OTHER)


def is_below_threshold(voluntary: int, total: int, threshold_percent: Decimal) -> bool:
    """Whether `voluntary` of `total` members is below the threshold; exact, so 3 of 9 is a
    third and meets a threshold of 33.33%. An empty group is never below."""
    if total == 0:
        return False
    return Decimal(voluntary) * 100 < threshold_percent * total


@dataclass(frozen=True)
class GroupComposition:
    title: str
    counts: dict[str, int]
    threshold_percent: Decimal

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def voluntary_share(self) -> Decimal | None:
        if not self.total:
            return None
        return (Decimal(self.counts.get(VOLUNTARY, 0)) * 100 / self.total).quantize(Decimal("1"))

    @property
    def is_flagged(self) -> bool:
        return is_below_threshold(self.counts.get(VOLUNTARY, 0), self.total, self.threshold_percent)

    def rows(self) -> list[tuple[str, int]]:
        return [(label, self.counts.get(key, 0)) for key, label in CATEGORY_LABELS.items()]


def composition_of(title: str, sectors: list[str | None], threshold: Decimal) -> GroupComposition:
    """`sectors`: each member's organisation's sector, None for a member with none."""
    return GroupComposition(title, dict(Counter(category_of(s) for s in sectors)), threshold)
