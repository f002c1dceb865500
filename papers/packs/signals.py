"""Which changes make a meeting's pack out of date: publishing or unpublishing the meeting or
any page in or under it, or a paper its agenda links; moving such a page; adding, changing or
removing a view restriction on or above one. Each marks the packs at once (so the old one is
not served) and queues their build after the commit."""

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from papers.models import AgendaItem, MeetingPage

from . import services


def meetings_affected_by(page: Page, *, with_subtree: bool = True) -> set[int]:
    """Meetings at or above the page and meetings whose agenda links it; with the subtree,
    also meetings below it and meetings linking a page below it (a move or a restriction
    changes the whole subtree; publishing changes one page, and Wagtail signals each page
    it unpublishes)."""
    ancestors = [ancestor.pk for ancestor in page.get_ancestors(inclusive=True)]
    meetings = MeetingPage.objects.filter(pk__in=ancestors)
    pages = Page.objects.filter(pk=page.pk)
    if with_subtree:
        meetings = meetings | MeetingPage.objects.filter(path__startswith=page.path)
        pages = Page.objects.filter(path__startswith=page.path)
    linking = AgendaItem.objects.filter(paper__in=pages).values_list("page_id", flat=True)
    return set(meetings.values_list("pk", flat=True)) | set(linking)


def _page_changed(sender, instance, **kwargs) -> None:
    services.mark_out_of_date(meetings_affected_by(instance, with_subtree=False))


def _page_moved(sender, instance, parent_page_before=None, **kwargs) -> None:
    """The meetings where the page now sits, and those it left."""
    instance.refresh_from_db(fields=["path", "url_path"])
    affected = meetings_affected_by(instance)
    if parent_page_before is not None:
        affected |= meetings_affected_by(parent_page_before, with_subtree=False)
    services.mark_out_of_date(affected)


def _page_deleted(sender, instance, **kwargs) -> None:
    """A deleted paper leaves the packs of the meetings above it and linking it (the agenda
    item's link is cleared without a signal). Meetings being deleted with it are left alone:
    their packs go with them."""
    if not isinstance(instance, Page) or not instance.path:
        return
    doomed = set(
        MeetingPage.objects.filter(path__startswith=instance.path).values_list("pk", flat=True)
    )
    services.mark_out_of_date(meetings_affected_by(instance) - doomed)


def _restriction_changed(sender, instance, **kwargs) -> None:
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        services.mark_out_of_date(meetings_affected_by(page))


def connect() -> None:
    page_published.connect(_page_changed, dispatch_uid="kcp_packs_published")
    page_unpublished.connect(_page_changed, dispatch_uid="kcp_packs_unpublished")
    post_page_move.connect(_page_moved, dispatch_uid="kcp_packs_moved")
    pre_delete.connect(_page_deleted, dispatch_uid="kcp_packs_deleted")
    post_save.connect(
        _restriction_changed, sender=PageViewRestriction, dispatch_uid="kcp_packs_restricted"
    )
    post_delete.connect(
        _restriction_changed, sender=PageViewRestriction, dispatch_uid="kcp_packs_unrestricted"
    )
