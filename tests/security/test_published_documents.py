"""Defect 2 of issue 12: a lead officer must not change what a published paper shows without
the officers' review. Deleting or replacing a document a live page uses needs the right to
publish that page; a page whose document has gone still renders; News and Views wait for
an officer's approval before the public sees them."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.models import Document

from papers.models import ReportPage
from papers.services import collection_for_group
from tests.fixtures.papers import publish

pytestmark = pytest.mark.django_db


def annex(document) -> list:
    return [{"type": "document", "value": {"reference": "Annex A", "document": document.pk}}]


@pytest.fixture
def health_document(health_group):
    return Document.objects.create(
        title="Health budget annex",
        collection=collection_for_group(health_group),
        file=ContentFile(b"Annex A: the agreed budget.", name="health-budget.txt"),
    )


@pytest.fixture
def published_paper(health_meeting, health_document):
    return publish(
        health_meeting,
        ReportPage(title="Health budget", slug="health-budget", annexes=annex(health_document)),
    )


def test_a_lead_officer_cannot_delete_a_document_a_published_paper_uses(
    published_paper, health_document, lead_officer_client
):
    lead_officer_client.post(f"/admin/documents/delete/{health_document.pk}/")
    assert Document.objects.filter(pk=health_document.pk).exists()
    assert lead_officer_client.get(published_paper.url).status_code == 200


def test_a_lead_officer_cannot_replace_the_file_of_a_document_a_published_paper_uses(
    published_paper, health_document, lead_officer_client
):
    lead_officer_client.post(
        f"/admin/documents/edit/{health_document.pk}/",
        {
            "title": "Health budget annex",
            "collection": health_document.collection_id,
            "file": SimpleUploadedFile("health-budget.txt", b"Annex A: a budget nobody agreed."),
            "tags": "",
        },
    )
    health_document.refresh_from_db()
    assert health_document.file.read() == b"Annex A: the agreed budget."


def test_a_lead_officer_still_replaces_a_document_no_published_page_uses(
    health_document, lead_officer_client
):
    response = lead_officer_client.post(
        f"/admin/documents/edit/{health_document.pk}/",
        {
            "title": "Health budget annex, draft 2",
            "collection": health_document.collection_id,
            "file": SimpleUploadedFile("health-budget.txt", b"Draft 2."),
            "tags": "",
        },
    )
    assert response.status_code == 302
    health_document.refresh_from_db()
    assert health_document.title == "Health budget annex, draft 2"


def test_an_officer_who_may_publish_the_paper_may_delete_its_document_and_the_paper_still_renders(
    published_paper, health_document, officer_browser, visitor
):
    officer_browser.post(f"/admin/documents/delete/{health_document.pk}/")
    assert not Document.objects.filter(pk=health_document.pk).exists()
    response = visitor.get(published_paper.url)
    assert response.status_code == 200
    assert "Annex A" in response.content.decode()
    assert "no longer available" in response.content.decode()
