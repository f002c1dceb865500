"""Site search shows live, public pages only."""

import pytest
from wagtail.models import PageViewRestriction

from home.models import StandardPage

pytestmark = pytest.mark.django_db


def add_page(parent, title, *, publish=True):
    page = StandardPage(title=title, introduction=f"All about {title.lower()}.", live=publish)
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page


def test_search_finds_a_published_page_by_its_words(client, home_page):
    add_page(home_page, "Community safety priorities")
    response = client.get("/search/", {"query": "community safety"})
    assert response.status_code == 200
    assert "Community safety priorities" in response.content.decode()


def test_search_never_shows_drafts_or_restricted_pages(client, home_page):
    add_page(home_page, "Draft budget for safety", publish=False)
    restricted = add_page(home_page, "Private safety briefing")
    PageViewRestriction.objects.create(page=restricted, restriction_type="login")
    html = client.get("/search/", {"query": "safety"}).content.decode()
    assert "Draft budget" not in html
    assert "Private safety briefing" not in html
    assert "0 results" in html


def test_search_with_no_words_shows_the_form_without_results(client, home_page):
    response = client.get("/search/", {"query": "   "})
    assert response.status_code == 200
    assert "result" not in response.content.decode().split("<main", 1)[1].split("</main>")[0]


def test_search_with_a_page_number_past_the_end_shows_the_first_page(client, home_page):
    add_page(home_page, "Learning and skills")
    response = client.get("/search/", {"query": "learning", "page": "99"})
    assert response.status_code == 200
    assert "Learning and skills" in response.content.decode()
