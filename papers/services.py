"""Business rules for papers: due dates as written, each group's document collection, and who
may download a paper's documents."""

import calendar
import datetime
import re

from django.db import transaction
from wagtail.models import Collection, Page, ReferenceIndex
from wagtail.permissions import policy_registry

MONTHS = {
    name: number
    for number in range(1, 13)
    for name in {
        calendar.month_name[number].lower(),
        calendar.month_abbr[number].lower(),
    }
}
MONTHS["sept"] = 9

_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY_MONTH_YEAR = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>{_MONTH})\s+(?P<year>(?:19|20)\d\d)\b", re.I
)
_MONTHS_YEAR = re.compile(
    rf"\b(?P<months>{_MONTH}(?:\s*(?:/|-|–|and|or|to)\s*{_MONTH})*)\s+(?P<year>(?:19|20)\d\d)\b",
    re.I,
)
_NUMERIC_DATE = re.compile(r"\b(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>(?:19|20)\d\d)\b")


def _month_number(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


def _end_of_month(year: int, month: int) -> datetime.date:
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def parse_due_date(text: str) -> datetime.date | None:
    """The date an action is due by, from a due date as written in a plan: "End March 2005" and
    "March 2005" are the last day of March 2005, "July/August 2004" the last day of August,
    "31 March 2005" that day. Text naming no year ("Ongoing", "Review annually in
    March/April") has no date. When the text names several dates, the latest counts."""
    if not text:
        return None
    found: list[datetime.date] = []
    for match in _NUMERIC_DATE.finditer(text):
        try:
            found.append(datetime.date(int(match["year"]), int(match["month"]), int(match["day"])))
        except ValueError:
            continue
    remaining = text
    for match in _DAY_MONTH_YEAR.finditer(text):
        try:
            found.append(
                datetime.date(int(match["year"]), _month_number(match["month"]), int(match["day"]))
            )
        except ValueError:
            continue
        remaining = remaining.replace(match.group(0), " ")
    for match in _MONTHS_YEAR.finditer(remaining):
        months = [_month_number(word) for word in re.findall(_MONTH, match["months"], re.I)]
        found.append(_end_of_month(int(match["year"]), max(months)))
    return max(found) if found else None


def collection_for_group(group_page: Page) -> Collection:
    """The document collection holding a group's annexes and background papers, created under
    the root collection the first time it is asked for. It is found by the group's name."""
    root = Collection.get_first_root_node()
    name = group_page.title
    with transaction.atomic():
        existing = root.get_children().filter(name=name).first()
        if existing:
            return existing
        return root.add_child(name=name)


def _request_passes(restrictions, request) -> bool:
    return all(restriction.accept_request(request) for restriction in restrictions)


def document_is_visible_to(document, request) -> bool:
    """Whether a document may be served: some live page the request may see uses it (through
    Wagtail's reference index), or the user may edit documents in its collection."""
    user = request.user
    policy = policy_registry.get_by_type(type(document))
    if user.is_authenticated and policy.user_has_permission_for_instance(user, "change", document):
        return True
    if not _request_passes(document.collection.get_view_restrictions(), request):
        return False
    page_ids = [
        int(object_id)
        for object_id in ReferenceIndex.get_references_to(document)
        .filter(base_content_type=ReferenceIndex._get_base_content_type(Page))
        .values_list("object_id", flat=True)
        .distinct()
    ]
    live_pages = Page.objects.filter(pk__in=page_ids).live()
    if live_pages.public().exists():
        return True
    return any(
        _request_passes(page.get_view_restrictions(), request)
        for page in live_pages.not_public()[:20]
    )
