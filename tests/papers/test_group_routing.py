"""Where meetings and papers may sit, now that papers learns the group page type from the
registry in home.extension_points instead of naming "themegroups.GroupPage": a meeting only
under a group, a paper only under a meeting (or, for plans and progress reports, a group), and
the admin's "add child page" menus exactly as they were."""

import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from wagtail.models import get_page_models

from home import extension_points
from members.events.models import EventPage
from papers.models import (
    ActionPlanPage,
    ConsultationPage,
    MeetingIndexPage,
    MeetingPage,
    MinutesPage,
    ReportPage,
)
from tests.fixtures.papers import publish
from themegroups.models import GroupContentPage, GroupPage

pytestmark = pytest.mark.django_db

# The page types each page type may hold, printed from Wagtail's allowed_subpage_models() on
# the tree before the registry replaced the "themegroups.GroupPage" strings. Compared over
# these page types only, so a page type added later changes nothing here.
CHILDREN_BEFORE = {
    "events.EventIndexPage": ["events.EventPage"],
    "events.EventPage": [],
    "home.AccessibilityStatementPage": [],
    "home.HomePage": [
        "events.EventIndexPage",
        "home.AccessibilityStatementPage",
        "home.PrivacyNoticePage",
        "home.StandardPage",
        "members.InductionIndexPage",
        "papers.MeetingIndexPage",
        "papers.PaperArchivePage",
        "themegroups.GroupIndexPage",
        "themegroups.GroupPage",
        "wagtailcore.Page",
    ],
    "home.PrivacyNoticePage": [],
    "home.StandardPage": ["home.StandardPage"],
    "members.InductionIndexPage": ["members.InductionModulePage"],
    "members.InductionModulePage": [],
    "papers.ActionPlanPage": [],
    "papers.ConsultationPage": [],
    "papers.MeetingIndexPage": [],
    "papers.MeetingPage": [
        "papers.ActionPlanPage",
        "papers.MinutesPage",
        "papers.ProgressReportPage",
        "papers.ReportPage",
    ],
    "papers.MinutesPage": [],
    "papers.PaperArchivePage": [],
    "papers.ProgressReportPage": [],
    "papers.ReportPage": [],
    "themegroups.GroupContentPage": ["themegroups.GroupContentPage"],
    "themegroups.GroupIndexPage": ["themegroups.GroupPage", "themegroups.LeadOfficersNetworkPage"],
    "themegroups.GroupPage": [
        "papers.ActionPlanPage",
        "papers.ConsultationPage",
        "papers.MeetingPage",
        "papers.ProgressReportPage",
        "themegroups.GroupContentPage",
    ],
    "themegroups.LeadOfficersNetworkPage": [],
    "wagtailcore.Page": ["home.HomePage", "wagtailcore.Page"],
}
ADD_LINK = re.compile(r'href="/admin/pages/add/(\w+)/(\w+)/(\d+)/')


@pytest.fixture
def officer_client(client, officer):
    TOTP.activate(officer, "JBSWY3DPEHPK3PXPKCPTESTS")
    client.force_login(officer)
    return client


def children_now() -> dict[str, list[str]]:
    page_types = {model._meta.label: model for model in get_page_models()}
    return {
        label: sorted(
            child._meta.label
            for child in page_types[label].allowed_subpage_models()
            if child._meta.label in CHILDREN_BEFORE
        )
        for label in CHILDREN_BEFORE
        if label in page_types
    }


def add_child_menu(client, parent) -> list[str]:
    """The page types the admin's "add child page" screen offers under `parent`."""
    html = client.get(f"/admin/pages/{parent.pk}/add_subpage/").content.decode()
    return sorted(
        f"{app}.{model}"
        for app, model, parent_id in ADD_LINK.findall(html)
        if parent_id == str(parent.pk)
    )


def test_every_page_type_may_hold_the_same_page_types_as_before():
    assert children_now() == CHILDREN_BEFORE


def test_the_group_page_is_registered_and_papers_finds_it_there():
    assert extension_points.group_page_types() == (GroupPage,)
    assert MeetingPage.allowed_parent_page_models() == [GroupPage]
    assert ConsultationPage.allowed_parent_page_models() == [GroupPage]
    assert ActionPlanPage.allowed_parent_page_models() == [MeetingPage, GroupPage]


def test_a_meeting_can_be_created_under_a_group_and_nowhere_else(
    home_page, steering_group, meeting
):
    assert MeetingPage.can_create_at(steering_group)
    assert not MeetingPage.can_create_at(home_page)
    assert not MeetingPage.can_create_at(meeting)
    content_page = publish(steering_group, GroupContentPage(title="About us", slug="about-us"))
    assert not MeetingPage.can_create_at(content_page)


def test_a_paper_can_be_created_under_a_meeting_and_not_under_a_group(
    home_page, steering_group, meeting
):
    for paper_type in (ReportPage, MinutesPage):
        assert paper_type.can_create_at(meeting)
        assert not paper_type.can_create_at(steering_group)
        assert not paper_type.can_create_at(home_page)
    assert ActionPlanPage.can_create_at(meeting)
    assert ActionPlanPage.can_create_at(steering_group)
    assert not ActionPlanPage.can_create_at(home_page)


def test_a_meeting_moves_to_another_group_but_not_to_the_home_page(
    home_page, steering_group, theme_group, meeting
):
    assert meeting.can_move_to(theme_group)
    assert not meeting.can_move_to(home_page)


def test_the_admin_refuses_a_meeting_under_the_home_page_and_a_report_under_a_group(
    officer_client, home_page, steering_group
):
    refused = [
        officer_client.post(
            f"/admin/pages/add/papers/meetingpage/{home_page.pk}/",
            {"title": "Planted meeting", "slug": "planted-meeting"},
            follow=True,
        ),
        officer_client.post(
            f"/admin/pages/add/papers/reportpage/{steering_group.pk}/",
            {"title": "Planted report", "slug": "planted-report"},
            follow=True,
        ),
    ]
    for response in refused:
        assert response.redirect_chain[-1][0] == "/admin/"
        assert "Sorry, you do not have permission to access this area." in response.content.decode()
    assert not MeetingPage.objects.filter(slug="planted-meeting").exists()
    assert not ReportPage.objects.filter(slug="planted-report").exists()
    allowed = officer_client.get(f"/admin/pages/add/papers/meetingpage/{steering_group.pk}/")
    assert allowed.status_code == 200


def test_the_add_child_page_menus_offer_what_they_offered_before(
    officer_client, home_page, steering_group, meeting
):
    assert add_child_menu(officer_client, steering_group) == [
        "papers.actionplanpage",
        "papers.consultationpage",
        "papers.meetingpage",
        "papers.progressreportpage",
        "themegroups.groupcontentpage",
    ]
    assert add_child_menu(officer_client, meeting) == [
        "papers.actionplanpage",
        "papers.minutespage",
        "papers.progressreportpage",
        "papers.reportpage",
    ]
    offered_at_home = add_child_menu(officer_client, home_page)
    assert "themegroups.grouppage" in offered_at_home
    assert "papers.meetingpage" not in offered_at_home


def test_the_forward_programme_chooser_offers_group_pages_only(officer_client, meetings_index):
    form_class = MeetingIndexPage.get_edit_handler().get_form_class()
    assert form_class.base_fields["forward_programme_group"].widget.target_models == [GroupPage]
    html = officer_client.get(f"/admin/pages/{meetings_index.pk}/edit/").content.decode()
    assert "Choose a page (Group)" in html


def test_the_chooser_of_the_group_running_an_event_offers_group_pages_only():
    form_class = EventPage.get_edit_handler().get_form_class()
    assert form_class.base_fields["run_by"].widget.target_models == [GroupPage]


def test_without_a_registered_group_page_a_meeting_has_nowhere_to_go(monkeypatch, steering_group):
    """The control: papers' routing really comes from the registry, not from a name."""
    monkeypatch.setattr(extension_points, "_group_page_types", [])
    assert not MeetingPage.can_create_at(steering_group)
    assert not ConsultationPage.can_create_at(steering_group)
    assert MeetingPage not in GroupPage.allowed_subpage_models()
    assert children_now() != CHILDREN_BEFORE
