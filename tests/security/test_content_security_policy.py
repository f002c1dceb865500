"""The Content-Security-Policy and the other security headers and endpoints (issue 12): the
public policy on public pages, cached ones and the admin's previews; the admin's own policy
elsewhere in the admin; violations logged; Permissions-Policy; security.txt."""

import logging

import pytest
from django.test import override_settings
from wagtail.fields import StreamField
from wagtail.test.utils.form_data import querydict_from_html

from home.security import policy_of

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, list[str]]:
    policy = {}
    for directive in policy_of(response).split(";"):
        name, *values = directive.split()
        policy[name] = values
    return policy


def assert_public_policy(response):
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["report-uri"] == ["/csp-report/"]
    assert "nonce" not in policy_of(response)


def test_public_pages_allow_only_the_sites_own_scripts_and_styles(client, report):
    response = client.get(report.url)
    assert response.status_code == 200
    assert_public_policy(response)
    assert "camera=()" in response["Permissions-Policy"]


@override_settings(KCP_PAGE_CACHE_SECONDS=300)
def test_a_page_served_from_the_page_cache_carries_the_same_policy(client, report):
    client.get(report.url)
    cached = client.get(report.url)
    assert_public_policy(cached)


def test_the_admin_has_its_own_policy_for_wagtails_inline_scripts(officer_browser, report):
    response = officer_browser.get(f"/admin/pages/{report.pk}/edit/")
    assert response.status_code == 200
    policy = directives(response)
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert all("http" not in value for values in policy.values() for value in values)


def test_the_admins_draft_view_carries_the_public_policy(officer_browser, report):
    response = officer_browser.get(f"/admin/pages/{report.pk}/view_draft/")
    assert response.status_code == 200
    assert_public_policy(response)


def test_the_admins_live_preview_carries_the_public_policy(officer_browser, report):
    edit = officer_browser.get(f"/admin/pages/{report.pk}/edit/").content.decode()
    form = querydict_from_html(edit, form_id="page-edit-form")
    for field in type(report)._meta.get_fields():
        if isinstance(field, StreamField):  # drawn by the admin's JS: sent empty here
            form.setdefault(f"{field.name}-count", "0")
    preview_url = f"/admin/pages/{report.pk}/edit/preview/"
    assert officer_browser.post(preview_url, form).json()["is_valid"]
    response = officer_browser.get(preview_url)
    assert response.status_code == 200
    assert report.title.split()[0] in response.content.decode()
    assert_public_policy(response)


def test_a_reported_violation_is_logged(client, caplog):
    report = b'{"csp-report": {"violated-directive": "script-src", "blocked-uri": "inline"}}'
    with caplog.at_level(logging.WARNING, logger="kcp.csp"):
        response = client.post("/csp-report/", report, content_type="application/csp-report")
    assert response.status_code == 204
    assert "violated-directive" in caplog.text and "script-src" in caplog.text


def test_a_report_that_is_not_json_is_logged_and_answered_without_error(client, caplog):
    with caplog.at_level(logging.WARNING, logger="kcp.csp"):
        response = client.post("/csp-report/", b"\x00\xff not json", content_type="text/plain")
    assert response.status_code == 204
    assert "unparsed" in caplog.text


def test_security_txt_names_a_contact_and_a_future_expiry(client):
    response = client.get("/.well-known/security.txt")
    assert response.status_code == 200
    text = response.content.decode()
    assert "Contact: mailto:" in text and "Expires: 20" in text
    assert "Canonical: http://testserver/.well-known/security.txt" in text
