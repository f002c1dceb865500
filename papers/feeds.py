"""Atom feeds of new papers: every paper, and each group's, for feed readers and alerts."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from home.site_chrome import public_pages_q

from .archive import published_papers
from .groups import public_groups
from .models import PaperArchivePage

FEED_LENGTH = 30


class NewPapersFeed(Feed):
    """The latest published public papers, newest first; of one group when a slug is given.
    Make one per request: it keeps the request to build each paper's address."""

    feed_type = Atom1Feed

    def get_object(self, request, group_slug: str | None = None):
        self.request = request
        if group_slug is None:
            return None
        group = public_groups().filter(slug=group_slug).first()
        if group is None:
            raise Http404("No group has that address.")
        return group

    def title(self, group) -> str:
        name = "Kensington and Chelsea Partnership"
        return f"New papers: {group.title} – {name}" if group else f"New papers – {name}"

    def subtitle(self, group) -> str:
        return "Reports, action plans, progress reports and minutes as they are published."

    def link(self, group) -> str:
        if group is not None:
            return group.get_url(self.request)
        archive = PaperArchivePage.objects.live().filter(public_pages_q()).first()
        return archive.get_url(self.request) if archive else "/"

    def feed_url(self, group) -> str:
        if group:
            return reverse("papers_group_feed", args=[group.slug])
        return reverse("papers_feed")

    def items(self, group):
        papers = published_papers()
        if group is not None:
            papers = papers.descendant_of(group)
        return papers.order_by("-first_published_at", "-pk")[:FEED_LENGTH]

    def item_title(self, paper) -> str:
        return paper.title

    def item_description(self, paper) -> str:
        date = f"{paper.paper_date:%-d %B %Y}" if paper.paper_date else ""
        about = [paper.paper_group, date]
        heading = ", ".join(part for part in about if part)
        return f"{heading}. {paper.paper_purpose}" if paper.paper_purpose else heading

    def item_link(self, paper) -> str:
        return paper.get_url(self.request)

    def item_guid(self, paper) -> str:
        return f"urn:uuid:{paper.translation_key}"

    item_guid_is_permalink = False

    def item_pubdate(self, paper):
        return paper.first_published_at

    def item_updateddate(self, paper):
        return paper.last_published_at or paper.first_published_at

    def item_author_name(self, paper) -> str:
        return paper.paper_group or "Kensington and Chelsea Partnership"
