"""What browsers and shared caches in front of the site may keep (home.http_caching), seen
through papers: a public paper may be kept by anyone for a while; a signed-in person's pages,
pages with a form and documents never by a shared cache; feed and calendar pollers get 304s."""

import pytest
from wagtail.models import PageViewRestriction

from papers.models import ReportPage
from papers.services import collection_for_group
from tests.fixtures.papers import publish, report_body
from tests.papers.test_documents import annex, make_document

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def member(django_user_model):
    return django_user_model.objects.create_user(email="member@kcp.example", password="x" * 12)


def directives(response) -> set[str]:
    return {part.strip() for part in response["Cache-Control"].split(",")}


def test_an_anonymous_visitors_paper_page_may_be_kept_by_browsers_and_shared_caches(
    client, report, settings
):
    settings.KCP_HTTP_MAX_AGE, settings.KCP_HTTP_SHARED_MAX_AGE = 45, 90
    response = client.get(report.url)
    assert response.status_code == 200
    assert directives(response) == {"public", "max-age=45", "s-maxage=90"}
    assert "Cookie" in response["Vary"]


def test_a_signed_in_members_pages_are_private_and_never_stored(
    client, report, paper_archive, member
):
    client.force_login(member)
    for url in (report.url, "/papers/", "/"):
        response = client.get(url)
        assert response.status_code == 200
        assert {"private", "no-store"} <= directives(response), url
        assert "public" not in directives(response)


def test_a_page_with_a_form_is_private_even_for_an_anonymous_visitor(client, meeting):
    locked = publish(meeting, ReportPage(title="Budget", slug="budget", body=report_body(1)))
    PageViewRestriction.objects.create(
        page=locked, restriction_type=PageViewRestriction.PASSWORD, password="kcp-2009"
    )
    response = client.get(locked.url)
    assert b"csrfmiddlewaretoken" in response.content  # the password form
    assert {"private", "no-store"} <= directives(response)
    assert {"private", "no-store"} <= directives(client.get("/accounts/login/"))


def test_a_document_is_kept_only_by_the_visitors_own_browser(client, meeting, steering_group):
    document = make_document(collection_for_group(steering_group))
    publish(meeting, ReportPage(title="Review", slug="review", annexes=annex(document)))
    response = client.get(document.url)
    assert response.status_code == 200
    assert {"private", "no-cache"} <= directives(response)
    assert "public" not in directives(response)


@pytest.mark.parametrize("url", ["/papers/feed/", "/meetings/calendar.ics"])
def test_a_feed_or_calendar_poller_whose_copy_is_current_gets_304(
    client, report, meetings_index, url
):
    first = client.get(url)
    assert first.status_code == 200 and first.has_header("ETag")
    again = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""


def test_a_changed_feed_is_sent_again_to_the_poller(client, report, meeting):
    first = client.get("/papers/feed/")
    publish(meeting, ReportPage(title="Terms of reference for 2010", slug="terms"))
    again = client.get("/papers/feed/", headers={"If-None-Match": first["ETag"]})
    assert again.status_code == 200
    assert b"Terms of reference for 2010" in again.content
