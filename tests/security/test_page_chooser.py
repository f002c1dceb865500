"""Defect 6 of issue 12: the admin's page chooser listed every group's draft and restricted
titles to lead officers. They now see what the public sees, plus their own group's pages."""

import pytest
from wagtail.models import PageViewRestriction

from papers.models import ReportPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def safety_draft(safety_meeting):
    draft = ReportPage(title="Confidential restructure draft", slug="restructure", live=False)
    safety_meeting.add_child(instance=draft)
    return draft


@pytest.fixture
def safety_restricted(safety_meeting):
    page = ReportPage(title="Restricted crime figures", slug="crime-figures")
    safety_meeting.add_child(instance=page)
    page.save_revision().publish()
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    return page


@pytest.fixture
def health_draft(health_meeting):
    draft = ReportPage(title="Health budget draft", slug="health-budget-draft", live=False)
    health_meeting.add_child(instance=draft)
    return draft


def test_a_lead_officer_does_not_see_other_groups_drafts_or_restricted_titles_in_the_chooser(
    lead_officer_client, safety_draft, safety_restricted, health_draft, safety_paper
):
    browse = lead_officer_client.get(f"/admin/choose-page/{safety_draft.get_parent().pk}/")
    search = lead_officer_client.get("/admin/choose-page/search/?q=draft")
    for response in (browse, search):
        html = response.content.decode()
        assert response.status_code == 200
        assert "Confidential restructure draft" not in html
        assert "Restricted crime figures" not in html
    assert "Safer Streets report" in browse.content.decode()  # live and public: still listed
    assert "Health budget draft" in search.content.decode()  # their own group's draft


def test_an_officer_still_sees_every_page_in_the_chooser(officer_browser, safety_draft):
    html = officer_browser.get("/admin/choose-page/search/?q=draft").content.decode()
    assert "Confidential restructure draft" in html
