"""Admin and serving hooks for papers: who may download a paper's documents, a warning
when a meeting's agenda links a paper that is not published yet, the Import paper view, and
the home page's latest papers and next meetings."""

from django.contrib import messages
from django.shortcuts import render
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Page

from home.extension_points import FRONT_CACHE_LISTINGS, HOME_PAGE_PANELS, Panel

from . import archive, front_cache, meeting_calendar
from .admin_views import CreateImportedPaperView, ImportPaperView
from .models import MeetingPage
from .services import document_is_visible_to, importable_groups


@hooks.register("before_serve_document", order=-1)
def refuse_documents_no_published_page_uses(document, request):
    """Serve a document only when a live page the visitor may see uses it, or the visitor may
    edit it. Otherwise: 404 for the public (a draft's annex does not exist yet for them), 403
    with the site's page for someone signed in (so nobody is sent round the login loop)."""
    if document_is_visible_to(document, request):
        return None
    if request.user.is_authenticated:
        return render(request, "403.html", status=403)
    if document.collection.get_view_restrictions().exists():
        return None  # Wagtail's own hook asks for a sign-in or the password
    return render(request, "404.html", status=404)


def _warn_about_unpublished_agenda_papers(request, page) -> None:
    if not isinstance(page.specific, MeetingPage):
        return
    meeting = page.specific
    items = list(meeting.agenda_items.all())
    paper_ids = [item.paper_id for item in items if item.paper_id]
    if not paper_ids:
        return
    live_ids = set(Page.objects.filter(pk__in=paper_ids, live=True).values_list("pk", flat=True))
    for position, item in enumerate(items, start=1):
        if item.paper_id and item.paper_id not in live_ids and not item.is_confidential:
            messages.warning(
                request,
                f"Agenda item “{item.number or position}. {item.title}” links a paper that is "
                "not published yet. The public agenda says “Paper to follow” until it is.",
            )


@hooks.register("after_create_page")
def warn_after_creating_meeting(request, page):
    _warn_about_unpublished_agenda_papers(request, page)


@hooks.register("after_edit_page")
def warn_after_editing_meeting(request, page):
    _warn_about_unpublished_agenda_papers(request, page)


@hooks.register("register_admin_urls")
def register_import_paper_urls():
    return [
        path("import-paper/", ImportPaperView.as_view(), name="papers_import"),
        path(
            "import-paper/create/", CreateImportedPaperView.as_view(), name="papers_import_create"
        ),
    ]


class ImportPaperMenuItem(MenuItem):
    """Shown only to people who may add papers under some group or meeting."""

    def is_shown(self, request) -> bool:
        return importable_groups(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_import_paper_menu_item():
    return ImportPaperMenuItem(
        "Import paper", reverse("papers_import"), name="import-paper", icon_name="upload", order=250
    )


LATEST_PAPERS_SHOWN = 5
NEXT_MEETINGS_SHOWN = 3


@hooks.register(HOME_PAGE_PANELS)
def latest_papers_on_the_home_page(request) -> Panel:
    """The latest live, public papers with their group and meeting: two queries."""
    newest = archive.published_papers().order_by("-first_published_at", "-pk")
    return Panel(
        "papers/includes/latest_papers.html",
        {"entries": archive.entries_for(list(newest[:LATEST_PAPERS_SHOWN]))},
        order=10,
    )


@hooks.register(HOME_PAGE_PANELS)
def next_meetings_on_the_home_page(request) -> Panel:
    """The next live, public meetings of every group: one query."""
    meetings = meeting_calendar.upcoming_meetings(meeting_calendar.published_meetings())
    return Panel(
        "papers/includes/next_meetings.html",
        {"meetings": meetings[:NEXT_MEETINGS_SHOWN]},
        order=20,
    )


@hooks.register("register_log_actions")
def comment_period_log_actions(actions):
    actions.register_action(
        "kcp.comment_period_opened",
        "Open for comments",
        "Opened a published paper for comments (the paper was not republished)",
    )


@hooks.register(FRONT_CACHE_LISTINGS)
def papers_and_meetings_listings(page) -> list[str]:
    return front_cache.addresses_showing(page)
