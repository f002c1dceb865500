"""The groups papers and meetings belong to (the Steering Group, theme groups,
sub-partnerships): pages of the type meetings sit under. papers does not import themegroups
(see DESIGN.md), so the type is read from MeetingPage's routing rather than imported."""

from django.db.models import QuerySet
from wagtail.models import Page

from home.site_chrome import public_pages_q

from .exceptions import UnknownGroup
from .models.meetings import MeetingPage

# The group papers go to when an import names none.
DEFAULT_GROUP = "steering-group"


def group_page_model() -> type[Page]:
    """The group page type: the one page type a meeting may sit under."""
    return MeetingPage.allowed_parent_page_models()[0]


def all_groups() -> QuerySet:
    """Every group page, drafts included, in tree order: for officers' tools."""
    return group_page_model().objects.order_by("path")


def public_groups() -> QuerySet:
    """The live, public groups, by name: for the listings the public sees."""
    return (
        Page.objects.live()
        .filter(public_pages_q())
        .type(group_page_model())
        .only("title", "slug", "path", "depth", "url_path")
        .order_by("title")
    )


def find_group(group: Page | str) -> Page:
    """A group by its page or its web address ("steering-group"); UnknownGroup, naming the
    addresses there are, when no group has it."""
    if isinstance(group, Page):
        return group.specific
    found = all_groups().filter(slug=group).first()
    if found is None:
        raise UnknownGroup(group, list(all_groups().values_list("slug", flat=True)))
    return found
