"""A lead officer of one group can change nothing of another's, proven over HTTP.

The Health and Well-Being Partnership's lead officer tries every admin action on the
Community Safety Programme Board's pages, meeting, paper, document and image: through the
admin's own forms (filled in by someone who may see them, so the requests are well formed),
choosers, bulk actions and crafted requests with the other group's ids. Wagtail answers some
refusals with a redirect, so each test compares the database before and after, and for the
read-only actions looks for the other group's content in the answer.

The control test gives the same lead officer rights at the site root and runs the same
actions: each then takes effect, so the checks can fail."""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents.models import Document
from wagtail.fields import StreamField
from wagtail.images.models import Image
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Revision,
)
from wagtail.test.utils.form_data import querydict_from_html

from home.roles import OFFICER_COLLECTION_PERMISSIONS, OFFICER_PAGE_PERMISSIONS
from papers.models import MeetingPage, ReportPage
from tests.fixtures.themegroups import png_file
from tests.people import SECRET
from themegroups.models import GroupContentPage

pytestmark = pytest.mark.django_db


@dataclass
class Groups:
    """Everything of both groups an action may aim at."""

    health_group: Page
    health_meeting: Page
    safety_group: Page
    safety_meeting: Page
    safety_paper: Page
    safety_document: Document
    safety_image: Image
    inspector: Client  # a superuser's client: reads the admin's forms to fill them in

    @property
    def health_collection(self) -> Collection:
        return self.health_group.lead_officer_group.collection

    @property
    def safety_collection(self) -> Collection:
        return self.safety_document.collection

    @property
    def first_paper_revision(self) -> Revision:
        return self.safety_paper.revisions.order_by("created_at", "pk").first()


@pytest.fixture
def inspector(django_user_model):
    admin = django_user_model.objects.create_superuser(email="inspector@kcp.example", password="x")
    TOTP.activate(admin, SECRET)
    client = Client()
    client.force_login(admin)
    return client


@pytest.fixture
def groups(
    health_group,
    health_meeting,
    safety_group,
    safety_meeting,
    safety_paper,
    safety_document,
    safety_image,
    inspector,
):
    health_group.refresh_from_db()
    return Groups(
        health_group,
        health_meeting,
        safety_group,
        safety_meeting,
        safety_paper,
        safety_document,
        safety_image,
        inspector,
    )


def state_of_safety_group(g: Groups) -> dict:
    """What a lead officer of another group must not be able to change: the community safety
    group's pages (title, draft, parent, live, locked, revisions), its files, and how many
    pages the health group holds (a copy or move out of community safety lands there)."""
    pages = list(
        Page.objects.filter(path__startswith=g.safety_group.path)
        .order_by("path")
        .values_list("pk", "path", "title", "draft_title", "live", "locked", "latest_revision_id")
    )
    page_ids = [str(row[0]) for row in pages]
    return {
        "pages": pages,
        "revisions": Revision.page_revisions.filter(object_id__in=page_ids).count(),
        "documents": list(
            Document.objects.filter(collection=g.safety_collection)
            .order_by("pk")
            .values_list("pk", "title", "collection_id", "file")
        ),
        "images": list(
            Image.objects.filter(collection=g.safety_collection)
            .order_by("pk")
            .values_list("pk", "title", "collection_id", "file")
        ),
        "document_exists": Document.objects.filter(pk=g.safety_document.pk).exists(),
        "image_exists": Image.objects.filter(pk=g.safety_image.pk).exists(),
        "pages_under_health": Page.objects.filter(path__startswith=g.health_group.path).count(),
    }


def admin_form(g: Groups, url: str, form_id: str | None = "page-edit-form", model=None, **changes):
    """The admin's own form at `url`, as the inspector sees it, with `changes` made.
    StreamFields are drawn by JavaScript, so they are sent empty."""
    response = g.inspector.get(url)
    assert response.status_code == 200, f"The inspector cannot open {url}"
    data = querydict_from_html(response.content.decode(), form_id=form_id)
    for model_field in model._meta.fields if model else []:
        if isinstance(model_field, StreamField):
            data[f"{model_field.name}-count"] = "0"
    for name, value in changes.items():
        data[name] = value
    return data


def edit_page(page_attr: str, **extra):
    def act(client, g: Groups):
        page = getattr(g, page_attr)
        url = f"/admin/pages/{page.pk}/edit/"
        data = admin_form(
            g, url, model=type(page.specific), title="Changed by another group", **extra
        )
        return client.post(url, data)

    return act


def create_under_safety_group(client, g: Groups):
    url = f"/admin/pages/add/themegroups/groupcontentpage/{g.safety_group.pk}/"
    data = admin_form(g, url, model=GroupContentPage, title="Planted page", slug="planted-page")
    return client.post(url, data)


def create_meeting_under_safety_group(client, g: Groups):
    url = f"/admin/pages/add/papers/meetingpage/{g.safety_group.pk}/"
    data = admin_form(
        g,
        url,
        model=MeetingPage,
        title="Planted meeting",
        slug="planted-meeting",
        start="2099-07-01 14:00",
        venue_name="Somewhere",
    )
    return client.post(url, data)


def copy_into_safety_group(client, g: Groups):
    return client.post(
        f"/admin/pages/{g.health_meeting.pk}/copy/",
        {
            "new_title": "Copied in",
            "new_slug": "copied-in",
            "new_parent_page": g.safety_group.pk,
        },
    )


def copy_out_of_safety_group(client, g: Groups):
    return client.post(
        f"/admin/pages/{g.safety_meeting.pk}/copy/",
        {
            "new_title": "Copied out",
            "new_slug": "copied-out",
            "new_parent_page": g.health_group.pk,
            "copy_subpages": "on",
        },
    )


def move_out_of_safety_group(client, g: Groups):
    return client.post(f"/admin/pages/{g.safety_meeting.pk}/move/{g.health_group.pk}/confirm/")


def move_into_safety_group(client, g: Groups):
    return client.post(f"/admin/pages/{g.health_meeting.pk}/move/{g.safety_group.pk}/confirm/")


def delete_page(page_attr: str):
    def act(client, g: Groups):
        return client.post(f"/admin/pages/{getattr(g, page_attr).pk}/delete/")

    return act


def unpublish_meeting(client, g: Groups):
    return client.post(
        f"/admin/pages/{g.safety_meeting.pk}/unpublish/", {"include_descendants": "on"}
    )


def lock_group_page(client, g: Groups):
    return client.post(f"/admin/pages/{g.safety_group.pk}/lock/")


def revert_paper(client, g: Groups):
    url = f"/admin/pages/{g.safety_paper.pk}/revisions/{g.first_paper_revision.pk}/revert/"
    data = admin_form(g, url, model=ReportPage, **{"action-publish": "action-publish"})
    return client.post(url, data)


def bulk(app_model: str, action: str, ids_attr: str, **data):
    def act(client, g: Groups):
        target = getattr(g, ids_attr)
        form = {key: getattr(g, value).pk for key, value in data.items()}
        return client.post(f"/admin/bulk/{app_model}/{action}/?id={target.pk}&next=/admin/", form)

    return act


def edit_document(client, g: Groups):
    url = f"/admin/documents/edit/{g.safety_document.pk}/"
    return client.post(url, admin_form(g, url, form_id=None, title="Changed annex"))


def delete_document(client, g: Groups):
    return client.post(f"/admin/documents/delete/{g.safety_document.pk}/")


def upload_document_into_safety_collection(client, g: Groups):
    return client.post(
        "/admin/documents/add/",
        {
            "title": "Planted document",
            "collection": g.safety_collection.pk,
            "file": ContentFile(b"planted", name="planted.txt"),
        },
    )


def edit_image(client, g: Groups):
    url = f"/admin/images/{g.safety_image.pk}/"
    return client.post(url, admin_form(g, url, form_id=None, title="Changed poster"))


def delete_image(client, g: Groups):
    return client.post(f"/admin/images/{g.safety_image.pk}/delete/")


def upload_image_into_safety_collection(client, g: Groups):
    return client.post(
        "/admin/images/add/",
        {
            "title": "Planted image",
            "collection": g.safety_collection.pk,
            "file": png_file("planted.png"),
        },
    )


WRITES: dict[str, Callable] = {
    "edit the group page": edit_page("safety_group"),
    "edit the meeting": edit_page("safety_meeting"),
    "edit the paper": edit_page("safety_paper"),
    "submit the paper for moderation": edit_page("safety_paper", **{"action-submit": "1"}),
    "publish the paper": edit_page("safety_paper", **{"action-publish": "action-publish"}),
    "create a content page under the group": create_under_safety_group,
    "create a meeting under the group": create_meeting_under_safety_group,
    "copy a page into the group": copy_into_safety_group,
    "copy the meeting out of the group": copy_out_of_safety_group,
    "move the meeting out of the group": move_out_of_safety_group,
    "move a page into the group": move_into_safety_group,
    "delete the meeting": delete_page("safety_meeting"),
    "delete the paper": delete_page("safety_paper"),
    "unpublish the meeting": unpublish_meeting,
    "lock the group page": lock_group_page,
    "revert the paper to an earlier revision": revert_paper,
    "bulk delete the meeting": bulk("wagtailcore/page", "delete", "safety_meeting"),
    "bulk unpublish the paper": bulk("wagtailcore/page", "unpublish", "safety_paper"),
    "bulk move the meeting": bulk(
        "wagtailcore/page", "move", "safety_meeting", chooser="health_group"
    ),
    "edit the document": edit_document,
    "delete the document": delete_document,
    "bulk delete the document": bulk("wagtaildocs/document", "delete", "safety_document"),
    "bulk move the document to another collection": bulk(
        "wagtaildocs/document",
        "add_to_collection",
        "safety_document",
        collection="health_collection",
    ),
    "upload a document into the group's collection": upload_document_into_safety_collection,
    "edit the image": edit_image,
    "delete the image": delete_image,
    "bulk delete the image": bulk("wagtailimages/image", "delete", "safety_image"),
    "upload an image into the group's collection": upload_image_into_safety_collection,
}


# Read-only actions: (url, text of the other group's that must not be shown).
READS: dict[str, Callable[[Groups], tuple[str, str]]] = {
    "view an earlier revision of the paper": lambda g: (
        f"/admin/pages/{g.safety_paper.pk}/revisions/{g.first_paper_revision.pk}/view/",
        "sets out the Safer Streets programme",
    ),
    "compare the paper's revisions": lambda g: (
        f"/admin/pages/{g.safety_paper.pk}/revisions/compare/earliest...latest/",
        "Safer Streets report",
    ),
    "open the paper's history": lambda g: (
        f"/admin/pages/{g.safety_paper.pk}/history/",
        "Safer Streets report",
    ),
    "open the paper's revert form": lambda g: (
        f"/admin/pages/{g.safety_paper.pk}/revisions/{g.first_paper_revision.pk}/revert/",
        "sets out the Safer Streets programme",
    ),
    "find the document in the document chooser": lambda g: (
        "/admin/documents/chooser/",
        "Safer Streets annex",
    ),
    "search for the document in the chooser": lambda g: (
        "/admin/documents/chooser/results/?q=safer",
        "Safer Streets annex",
    ),
    "find the image in the image chooser": lambda g: (
        "/admin/images/chooser/",
        "Safer Streets poster",
    ),
    "open the document's edit form": lambda g: (
        f"/admin/documents/edit/{g.safety_document.pk}/",
        "Safer Streets annex",
    ),
    "open the image's edit form": lambda g: (
        f"/admin/images/{g.safety_image.pk}/",
        "Safer Streets poster",
    ),
}


def took_effect(action: Callable, client: Client, g: Groups) -> bool:
    before = state_of_safety_group(g)
    response = action(client, g)
    assert response.status_code < 500, response.content.decode()[:2000]
    return state_of_safety_group(g) != before


def was_shown(read: Callable, client: Client, g: Groups) -> bool:
    url, secret = read(g)
    response = client.get(url)
    return response.status_code == 200 and secret in response.content.decode()


@pytest.mark.parametrize("action", WRITES.values(), ids=WRITES.keys())
def test_lead_officer_cannot_change_another_groups_pages_or_files(
    lead_officer_client, groups, action
):
    assert not took_effect(action, lead_officer_client, groups)


@pytest.mark.parametrize("read", READS.values(), ids=READS.keys())
def test_lead_officer_cannot_see_another_groups_drafts_revisions_or_files_in_the_admin(
    lead_officer_client, groups, read
):
    assert not was_shown(read, lead_officer_client, groups)


@pytest.fixture
def lead_officer_with_rights_at_the_root(lead_officer, lead_officer_client):
    """The control: the lead officer is also given the officers' page and collection rights
    at the root of the site (and so, holding publish rights, a two-factor authenticator)."""
    root_editors = Group.objects.create(name="Root editors (control test)")
    root_page = Page.get_first_root_node()
    for codename in OFFICER_PAGE_PERMISSIONS:
        GroupPagePermission.objects.create(
            group=root_editors,
            page=root_page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    for app_label, codename in OFFICER_COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.create(
            group=root_editors,
            collection=Collection.get_first_root_node(),
            permission=Permission.objects.get(content_type__app_label=app_label, codename=codename),
        )
    lead_officer.groups.add(root_editors)
    TOTP.activate(lead_officer, SECRET)
    return lead_officer_client


@pytest.mark.parametrize("action", WRITES.values(), ids=WRITES.keys())
def test_control_with_rights_at_the_root_the_same_actions_take_effect(
    lead_officer_with_rights_at_the_root, groups, action
):
    assert took_effect(action, lead_officer_with_rights_at_the_root, groups)


@pytest.mark.parametrize("read", READS.values(), ids=READS.keys())
def test_control_with_rights_at_the_root_the_same_pages_show_the_content(
    lead_officer_with_rights_at_the_root, groups, read
):
    assert was_shown(read, lead_officer_with_rights_at_the_root, groups)


def test_lead_officer_still_edits_their_own_groups_meeting(lead_officer_client, groups):
    url = f"/admin/pages/{groups.health_meeting.pk}/edit/"
    data = admin_form(groups, url, title="Health and Well-Being Partnership, rescheduled")
    lead_officer_client.post(url, data)
    groups.health_meeting.refresh_from_db()
    assert groups.health_meeting.draft_title == "Health and Well-Being Partnership, rescheduled"
    assert groups.health_meeting.title == "Health and Well-Being Partnership, 2 June 2099"
