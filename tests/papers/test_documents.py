"""Annexes and background papers: served only through Wagtail's serve view, and only when a
live page the visitor may see uses them, or the visitor may edit them."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction

from papers.services import collection_for_group
from tests.fixtures.papers import publish, report_body

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def make_document(collection, name="annex-a.pdf"):
    return get_document_model().objects.create(
        title="Annex A: draft Community Strategy update",
        file=ContentFile(b"%PDF-1.4 annex", name=name),
        collection=collection,
    )


def annex(document) -> list:
    return [
        {
            "type": "document",
            "value": {"reference": "Annex A", "document": document.pk, "title": ""},
        }
    ]


@pytest.fixture
def group_collection(steering_group):
    return collection_for_group(steering_group)


@pytest.fixture
def draft_with_annex(meeting, group_collection):
    from papers.models import ReportPage

    document = make_document(group_collection)
    draft = ReportPage(
        title="Mid-term review",
        slug="mid-term-review",
        body=report_body(1),
        annexes=annex(document),
        live=False,
    )
    meeting.add_child(instance=draft)
    draft.save_revision()
    return draft, document


@pytest.fixture
def member(django_user_model):
    return django_user_model.objects.create_user(email="resident@example.org", password="x" * 12)


def test_each_group_has_one_collection_for_its_documents(steering_group):
    assert collection_for_group(steering_group) == collection_for_group(steering_group)
    assert collection_for_group(steering_group).name == "Steering Group"


def test_a_document_attached_only_to_a_draft_is_refused_to_the_public(client, draft_with_annex):
    _, document = draft_with_annex
    assert client.get(document.url).status_code == 404


def test_a_document_attached_only_to_a_draft_is_refused_to_a_signed_in_member(
    client, draft_with_annex, member
):
    _, document = draft_with_annex
    client.force_login(member)
    response = client.get(document.url)
    assert response.status_code == 403
    assert "You do not have access to this page" in response.content.decode()


def test_the_document_is_served_once_its_page_is_published(client, draft_with_annex):
    draft, document = draft_with_annex
    draft.get_latest_revision().publish()
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 annex"
    response.close()


def test_the_published_paper_links_its_annex_through_the_serve_view(client, draft_with_annex):
    draft, document = draft_with_annex
    draft.get_latest_revision().publish()
    html = client.get("/steering-group/2009-05-13/mid-term-review/").content.decode()
    link = f'<a href="/documents/{document.pk}/annex-a.pdf">'
    assert link + "Annex A: draft Community Strategy update</a>" in html
    assert "/media/" not in html


def test_an_officer_who_may_edit_documents_can_check_a_drafts_annex(
    client, draft_with_annex, officer_with_two_factor
):
    _, document = draft_with_annex
    client.force_login(officer_with_two_factor)
    response = client.get(document.url)
    assert response.status_code == 200
    response.close()


def test_a_document_no_page_uses_is_refused(client, group_collection):
    document = make_document(group_collection, name="orphan.pdf")
    assert client.get(document.url).status_code == 404


def test_a_document_in_another_groups_private_collection_is_refused(
    client, home_page, member, group_collection
):
    from papers.models import ReportPage
    from themegroups.models import GroupPage

    health = publish(
        home_page,
        GroupPage(title="Health and Well-Being Partnership", slug="health", purpose="Health."),
    )
    private = collection_for_group(health)
    restriction = CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Health partnership members"))
    document = make_document(private, name="health-budget.pdf")
    import datetime

    from papers.models import MeetingPage
    from tests.fixtures.papers import LONDON

    meeting = publish(
        health,
        MeetingPage(
            title="Health meeting",
            start=datetime.datetime(2009, 6, 1, 18, tzinfo=LONDON),
            venue_name="Town Hall",
        ),
    )
    publish(
        meeting,
        ReportPage(title="Budget", slug="budget", body=report_body(1), annexes=annex(document)),
    )

    anonymous = client.get(document.url)
    assert anonymous.status_code == 302  # asked to sign in, not served
    assert "/accounts/login/" in anonymous["Location"]

    client.force_login(member)
    assert client.get(document.url).status_code == 403


def test_media_url_never_serves_documents(client, draft_with_annex):
    draft, document = draft_with_annex
    draft.get_latest_revision().publish()
    assert client.get(f"/media/{document.file.name}").status_code == 404
