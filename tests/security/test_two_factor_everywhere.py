"""Defect 3 of issue 12: two-factor guarded /admin/ only, so an officer signed in with a
password alone downloaded any document their role allows. Now every signed-in request of
someone who must use two-factor waits until they have set it up."""

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents.models import Document
from wagtail.models import Collection

pytestmark = pytest.mark.django_db


@pytest.fixture
def confidential_document(db):
    return Document.objects.create(
        title="Confidential budget",
        collection=Collection.get_first_root_node(),
        file=ContentFile(b"Confidential figures.", name="confidential-budget.txt"),
    )


@pytest.fixture
def password_only_officer(officer):
    client = Client()
    client.force_login(officer)  # signed in with a password; no authenticator yet
    return client


def test_an_officer_without_two_factor_cannot_download_a_document(
    password_only_officer, confidential_document
):
    response = password_only_officer.get(confidential_document.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/totp/activate/")
    assert b"Confidential figures" not in response.content


@pytest.mark.parametrize("path", ["/", "/search/?query=budget", "/members/"])
def test_an_officer_without_two_factor_is_sent_to_set_it_up_from_any_page(
    password_only_officer, path, home_page
):
    response = password_only_officer.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/2fa/totp/activate/")


def test_an_officer_without_two_factor_can_still_set_it_up_and_sign_out(
    password_only_officer, home_page
):
    response = password_only_officer.get("/accounts/2fa/totp/activate/")
    # allauth asks a session signed in by force_login for the password again: no loop.
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/reauthenticate/")
    password_only_officer.post("/accounts/logout/")
    assert "_auth_user_id" not in password_only_officer.session


def test_an_officer_with_two_factor_downloads_the_document(officer_browser, confidential_document):
    response = officer_browser.get(confidential_document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"Confidential figures."


def test_a_member_without_two_factor_reads_pages_as_before(client, member, home_page):
    client.force_login(member)
    assert client.get("/").status_code == 200
