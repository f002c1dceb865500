"""Defect 6 of issue 12 and the audit log: staff sessions end when idle, uploads are bounded
by settings and the uploader is told why, and security events reach the officers' log."""

import io
import zipfile

import pytest
from allauth.mfa import signals as mfa_signals
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from wagtail.documents.models import Document
from wagtail.models import Collection

from papers.exceptions import PaperFormatError
from papers.importer import read_paper_text
from themegroups.services import add_lead_officer

pytestmark = pytest.mark.django_db


def test_staff_sessions_end_after_the_idle_timeout_and_members_do_not(
    officer_browser, member, settings, home_page
):
    assert officer_browser.get("/admin/").status_code == 200
    settings.KCP_STAFF_IDLE_TIMEOUT_SECONDS = -1  # every gap is now too long
    response = officer_browser.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=%2Fadmin%2F")
    assert "_auth_user_id" not in officer_browser.session

    member_client = Client()
    member_client.force_login(member)
    member_client.get("/")
    assert member_client.get("/").status_code == 200
    assert "_auth_user_id" in member_client.session


def test_the_idle_timeout_is_a_setting_of_half_an_hour_by_default():
    assert settings.KCP_STAFF_IDLE_TIMEOUT_SECONDS == 1800


def test_a_document_larger_than_the_limit_is_refused_with_the_limit_named(officer_browser):
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == 20 * 1024 * 1024
    with override_settings(WAGTAILDOCS_MAX_UPLOAD_SIZE=1024):
        response = officer_browser.post(
            "/admin/documents/add/",
            {
                "title": "Huge scan",
                "collection": Collection.get_first_root_node().pk,
                "file": SimpleUploadedFile("huge.pdf", b"%PDF-1.4" + b"0" * 4096),
            },
        )
    assert response.status_code == 200
    assert "1.0\xa0KB" in response.content.decode() or "1.0 KB" in response.content.decode()
    assert not Document.objects.filter(title="Huge scan").exists()


def docx_that_unpacks_to(size: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", "<Types/>")
        package.writestr("word/document.xml", b" " * size)
    return buffer.getvalue()


def test_a_small_docx_that_unpacks_to_60_mb_is_refused_before_it_is_parsed(tmp_path):
    bomb = tmp_path / "paper.docx"
    bomb.write_bytes(docx_that_unpacks_to(60 * 1024 * 1024))
    assert bomb.stat().st_size < 300 * 1024
    with pytest.raises(PaperFormatError, match="unpacks to 60 MB, more than the 20 MB"):
        read_paper_text(bomb)


def test_security_events_are_listed_for_partnership_officers_only(
    officer_browser, lead_officer, health_group, safety_group, lead_officer_client
):
    add_lead_officer(lead_officer, safety_group)  # a rights change
    totp = Authenticator.objects.create(user=lead_officer, type=Authenticator.Type.TOTP, data={})
    mfa_signals.authenticator_added.send(
        sender=Authenticator, request=None, user=lead_officer, authenticator=totp
    )
    Client(REMOTE_ADDR="203.0.113.9").post(
        "/accounts/login/", {"login": lead_officer.email, "password": "wrong password"}
    )
    html = officer_browser.get("/admin/security-log/").content.decode()
    assert "Rights added" in html and "Lead officers: Community Safety Programme Board" in html
    assert "Two-factor authentication set up" in html
    assert "Sign-in failed" in html and "203.0.113.9" in html
    assert lead_officer_client.get("/admin/security-log/").status_code in (302, 403)
