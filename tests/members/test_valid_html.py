"""The members' pages the anonymous site crawl cannot reach, through the Nu HTML checker:
the dashboard for each kind of member, the induction, a module, the audit form and its
errors, and the refusal a wider-partnership member gets."""

import pytest

from tests.site_crawl import html_errors

pytestmark = pytest.mark.django_db


def test_every_members_page_is_valid_html(
    client,
    half_way_member,
    new_member,
    wider_partnership_member,
    modules,
    induction_document,
    upcoming_meeting,
):
    documents = {}
    client.force_login(half_way_member)
    documents["/members/ (half-way)"] = client.get("/members/")
    documents["/induction/"] = client.get("/induction/")
    documents[modules[0].url] = client.get(modules[0].url)
    documents[modules[3].url] = client.get(modules[3].url)
    documents["/members/skills-audit/"] = client.get("/members/skills-audit/")
    documents["/members/skills-audit/ (errors)"] = client.post("/members/skills-audit/", {})
    client.force_login(new_member)
    documents["/members/ (new)"] = client.get("/members/")
    client.force_login(wider_partnership_member)
    documents["/members/ (wider)"] = client.get("/members/")
    documents["403 on a module"] = client.get(modules[0].url)
    assert documents["403 on a module"].status_code == 403
    errors = html_errors({path: response.content.decode() for path, response in documents.items()})
    assert not errors, "\n".join(errors)
