"""The officers' outreach screens are site pages in the site's own CSS: no Wagtail userbar,
so none of the admin's stylesheets (which cost them their Lighthouse performance score), and
a breadcrumb back to the admin instead."""

import re

import pytest

SCREENS = ["/outreach/", "/outreach/figures/", "/outreach/campaigns/new/"]


@pytest.mark.parametrize("path", SCREENS)
def test_an_outreach_screen_loads_only_the_sites_own_stylesheets(officer_client, path):
    page = officer_client.get(path).content.decode()

    stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', page)
    assert stylesheets and all(href.startswith("/static/css/") for href in stylesheets)
    assert "wagtailadmin" not in page and "admin-outbox" not in page
    assert '<a href="/admin/">Admin</a>' in page


def test_a_wagtail_page_still_shows_officers_the_userbar_and_its_admin_styles(officer_client):
    """Control: what the screens above leave out is there on a page of the site's tree."""
    page = officer_client.get("/").content.decode()

    assert "wagtail-userbar" in page and "wagtailadmin" in page
