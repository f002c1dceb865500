"""Links to pages in rich text, made in one query however many pages of however many types a
text links to.

Wagtail's own handler loads every linked page as its specific type (a query per type) and
asks for each one's site root paths (a database cache read per link). No page type of this
site makes its URL differently from its url_path, so the plain page rows are enough, and the
root paths come from memory (home.site_chrome)."""

from django.utils.html import escape
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

from .site_chrome import site_root_paths


class PageLinksInOneQuery(PageLinkHandler):
    @classmethod
    def get_many(cls, attrs_list: list[dict]) -> list[Page | None]:
        ids = [str(attrs.get("id")) for attrs in attrs_list]
        root_paths = site_root_paths()
        pages = {}
        linked = Page.objects.filter(id__in=[i for i in ids if i.isdigit()])
        for page in linked.defer_streamfields():
            # Where Page.get_url looks for the root paths when it is given no request.
            page._wagtail_cached_site_root_paths = root_paths
            pages[str(page.id)] = page
        return [pages.get(page_id) for page_id in ids]

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        return [
            f'<a href="{escape(page.url)}">' if page and page.url else "<a>"
            for page in cls.get_many(attrs_list)
        ]
