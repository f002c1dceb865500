"""The consultation pages the anonymous site crawl cannot reach, through the Nu HTML checker:
the response form (empty, with errors, closed), the email-link pages, and the officers' and a
lead officer's screens."""

import pytest

from tests.fixtures.consultations import form_data
from tests.site_crawl import html_errors

pytestmark = pytest.mark.django_db


def test_every_consultation_page_behind_sign_in_is_valid_html(
    client,
    officer_client,
    officer,
    consultation,
    closed_consultation,
    theme_consultation,
    health_lead,
    responses_to_both,
    amira,
):
    documents = {}
    client.force_login(amira)
    documents["respond"] = client.get(f"/responses/{consultation.pk}/")
    documents["respond (errors)"] = client.post(
        f"/responses/{consultation.pk}/", form_data(first="")
    )
    documents["respond (closed)"] = client.get(f"/responses/{closed_consultation.pk}/")
    documents["page with the form"] = client.get(consultation.url)
    client.logout()
    consultation.allows_non_members = True
    consultation.save_revision().publish()
    documents["page with the email form"] = client.get(consultation.url)
    documents["email link (errors)"] = client.post(f"/responses/{consultation.pk}/link/", {})
    documents["email link sent"] = client.post(
        f"/responses/{consultation.pk}/link/", {"name": "Noor", "email": "noor@example.org"}
    )
    officer_client.force_login(officer)
    for name, url in (
        ("officers' list", "/responses/manage/"),
        ("officers' page", f"/responses/manage/{consultation.pk}/"),
        ("officers' search", f"/responses/manage/{consultation.pk}/?q=nothing+matches"),
        ("print", f"/responses/manage/{consultation.pk}/print/"),
        ("record", f"/responses/manage/{consultation.pk}/record/"),
    ):
        documents[name] = officer_client.get(url)
        assert documents[name].status_code == 200, name
    documents["record (errors)"] = officer_client.post(
        f"/responses/manage/{consultation.pk}/record/", {}
    )
    documents["open for comments (errors)"] = officer_client.post(
        "/responses/manage/open-for-comments/", {}
    )
    client.force_login(health_lead)
    documents["lead officer's page"] = client.get(f"/responses/manage/{theme_consultation.pk}/")
    documents["lead officer refused"] = client.get(f"/responses/manage/{consultation.pk}/")
    assert documents["lead officer refused"].status_code == 403
    errors = html_errors({name: response.content.decode() for name, response in documents.items()})
    assert not errors, "\n".join(errors)
