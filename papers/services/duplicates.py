"""Whether a paper about to be imported is already on the site, anywhere and in any state:
the same text (the same file), or the same title at a meeting on the same day."""

import dataclasses
import datetime

from django.apps import apps
from django.db.models import Q
from wagtail.models import Page

from ..importer.pages import PageValues
from ..models.paper_pages import PaperPage

SAME_FILE = "the same file"
SAME_TITLE_AND_DATE = "the same title and meeting date"


@dataclasses.dataclass(frozen=True)
class SamePaper:
    """A page that already holds the paper, and why it is taken for the same one."""

    page: Page
    reason: str

    @property
    def state(self) -> str:
        return "published" if self.page.live else "a draft"


def paper_page_types() -> list[type[PaperPage]]:
    return [model for model in apps.get_models() if issubclass(model, PaperPage)]


def same_paper_on_site(values: PageValues, meeting_date: datetime.date | None) -> list[SamePaper]:
    """Every paper page with the same text, or the same title (as printed or as drafted) and
    meeting date: one query per paper type, whatever their number."""
    text_hash, title = values.fields.get("source_hash", ""), values.fields["title"]
    same_title = Q(title__iexact=title) | Q(draft_title__iexact=title)
    wanted = Q(pk__in=[])
    if text_hash:
        wanted |= Q(source_hash=text_hash)
    if meeting_date:
        wanted |= same_title & Q(meeting_date=meeting_date)
    found = [
        SamePaper(
            page, SAME_FILE if text_hash and page.source_hash == text_hash else SAME_TITLE_AND_DATE
        )
        for model in paper_page_types()
        for page in model.objects.filter(wanted).order_by("path")
    ]
    return sorted(found, key=lambda same: same.page.path)
