"""The groups papers and meetings belong to (the Steering Group, theme groups,
sub-partnerships): pages of the types registered with home.extension_points. papers does not
import themegroups, nor name its page type (see DESIGN.md): the app that has the group page
registers it from its AppConfig.ready(), and every question here reads that registry."""

from django.core.exceptions import ImproperlyConfigured
from django.db.models import QuerySet
from wagtail.admin.panels import PageChooserPanel
from wagtail.admin.widgets import AdminPageChooser
from wagtail.models import Page

from home.extension_points import group_page_types
from home.site_chrome import public_pages_q

from .exceptions import UnknownGroup

# The group papers go to when an import names none.
DEFAULT_GROUP = "steering-group"


def group_page_model() -> type[Page]:
    """The group page type: the one page type registered as holding meetings and papers."""
    registered = group_page_types()
    if len(registered) != 1:
        raise ImproperlyConfigured(
            "papers needs exactly one group page type registered with "
            f"home.extension_points.register_group_page_type(); there are {len(registered)}"
        )
    return registered[0]


class SitsUnderGroups:
    """For a page type that may sit under a group's page as well as where its own
    `parent_page_types` say. Wagtail reads the allowed parents only through
    `clean_parent_page_models()` (to check routing, to build the "add child page" menu, to
    refuse a create or a move): this adds the registered group page types to them, read on
    each call, so the answer holds whichever app is readied first. The group page type lists
    this page type in its own `subpage_types`, as Wagtail asks of both sides."""

    @classmethod
    def clean_parent_page_models(cls):
        return [*super().clean_parent_page_models(), *group_page_types()]


class GroupChooserPanel(PageChooserPanel):
    """A page chooser that offers group pages only, of the types registered when the form is
    built (after every app is ready)."""

    def get_form_options(self):
        options = super().get_form_options()
        options.setdefault("widgets", {})[self.field_name] = AdminPageChooser(
            target_models=list(group_page_types()), can_choose_root=self.can_choose_root
        )
        return options


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
