"""The addresses that show a paper or a meeting, for the shared cache in front to forget when
it is published, unpublished, moved or deleted (home.extension_points.FRONT_CACHE_LISTINGS):
the archive, the meetings calendar page, the feeds and iCalendar files it is in, the pages
of its meeting and its group, and a meeting's month view."""

from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from home.front_cache import page_path

from .groups import group_page_model
from .meeting_calendar import LONDON
from .models import MeetingIndexPage, MeetingPage, PaperArchivePage, PaperPage


def listing_pages() -> list[str]:
    """The archive and the meetings calendar pages (usually one of each)."""
    listings = Page.objects.live().type(PaperArchivePage, MeetingIndexPage).specific()
    return [path for listing in listings if (path := page_path(listing))]


def group_of(page: Page) -> Page | None:
    return page.get_ancestors().type(group_page_model()).first()


def addresses_showing(page: Page) -> list[str]:
    """Every address a paper or a meeting shows on; nothing for other pages."""
    if not isinstance(page, PaperPage | MeetingPage):
        return []
    addresses = [
        *listing_pages(),
        reverse("papers_feed"),
        reverse("meetings_calendar"),
    ]
    group = group_of(page)
    if group is not None:
        addresses += [
            reverse("papers_group_feed", args=[group.slug]),
            reverse("meetings_group_calendar", args=[group.slug]),
        ]
        if path := page_path(group):
            addresses.append(path)
    meeting = page if isinstance(page, MeetingPage) else page.get_parent().specific
    if isinstance(meeting, MeetingPage) and (path := page_path(meeting)):
        addresses += [path, path.rstrip("/") + ".ics"]
    if isinstance(page, MeetingPage):
        start = timezone.localtime(page.start, LONDON)
        addresses += [
            reverse("calendar_this_month"),
            reverse("calendar_month", args=[start.year, start.month]),
        ]
    return addresses
