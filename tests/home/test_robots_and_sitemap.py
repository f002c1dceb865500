"""robots.txt and sitemap.xml: crawlers are pointed at public pages only."""

import pytest
from wagtail.models import PageViewRestriction

from home.models import StandardPage
from tests.fixtures.papers import publish

pytestmark = pytest.mark.django_db


def test_robots_txt_allows_all_but_admin_and_accounts_and_names_the_sitemap(client, home_page):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines and "Disallow: /accounts/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_sitemap_lists_public_pages_but_never_restricted_or_draft_ones(client, home_page):
    publish(home_page, StandardPage(title="Open page", slug="open-page"))
    private = publish(home_page, StandardPage(title="Private page", slug="private-page"))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    draft = StandardPage(title="Draft page", slug="draft-page", live=False)
    home_page.add_child(instance=draft)
    xml = client.get("/sitemap.xml").content.decode()
    assert "/open-page/" in xml
    assert "/private-page/" not in xml
    assert "/draft-page/" not in xml
