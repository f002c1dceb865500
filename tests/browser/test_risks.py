"""The risk register in a real browser, one test per page state (empty, with errors, full):
axe finds nothing, every control is reached by keyboard, nothing scrolls sideways at 320px."""

import datetime

import pytest
from django.utils import timezone

from members.risks.models import RegisterReview, Risk
from members.risks.services import record_review, save_risk
from papers.models import ContactOfficer, MeetingPage
from tests.browser.accessibility import (
    assert_accessible,
    assert_usable_everywhere,
)
from tests.browser.signing_in import sign_in
from tests.fixtures.papers import publish
from themegroups.models import GroupPage


def add_risk(officer, title, scores):
    owner, _ = ContactOfficer.objects.get_or_create(
        name="Rachel Smith", defaults={"organisation": "Royal Borough of Kensington and Chelsea"}
    )
    return save_risk(
        officer,
        Risk(
            title=title,
            cause="Government funding for neighbourhood renewal ends in March 2008.",
            effect="Projects in the northern wards close.",
            category=Risk.Category.FUNDING,
            owner=owner,
            likelihood_before=scores[0],
            impact_before=scores[1],
            likelihood_after=scores[2],
            impact_after=scores[3],
            controls="Exit strategy for each project\nMainstreaming plan",
            related_actions="Agree mainstream funding for three projects",
            review_on=datetime.date(2027, 3, 31),
        ),
    )


@pytest.fixture
def full_register(officer):
    risk = add_risk(officer, "Neighbourhood Renewal Fund ends", (5, 5, 4, 4))
    add_risk(officer, "Low turnout at Partnership meetings", (4, 3, 2, 3))
    closed = add_risk(officer, "Duplication with other partnerships", (3, 3, 2, 2))
    closed.is_closed, closed.closed_on = True, timezone.localdate()
    save_risk(officer, closed)
    review = record_review(
        officer,
        RegisterReview(
            reviewed_on=timezone.localdate(),
            reviewers="Community Strategy sub group: Cllr Anne Baker (chair), Rachel Smith",
            summary="Funding remains the highest risk.",
            next_review_on=timezone.localdate() + datetime.timedelta(days=365),
        ),
    )
    return risk, review


@pytest.fixture
def meeting(home_page):
    group = publish(
        home_page,
        GroupPage(
            title="Steering Group",
            slug="steering-group",
            kind=GroupPage.Kind.STEERING_GROUP,
            purpose="Leads the Partnership.",
        ),
    )
    start = timezone.now() + datetime.timedelta(days=30)
    return publish(
        group,
        MeetingPage(
            title="Steering Group meeting, next month",
            start=start,
            end=start + datetime.timedelta(hours=2),
            venue_name="The Town Hall",
        ),
    )


def test_an_empty_register_and_its_reviews_are_accessible(page, site_url, steering_group_member):
    sign_in(page, site_url, steering_group_member)
    page.goto(site_url + "/members/risks/")
    assert page.get_by_text("No open risks are recorded yet.").is_visible()
    assert_usable_everywhere(page)
    page.goto(site_url + "/members/risks/reviews/")
    assert page.get_by_text("The register has not been reviewed yet.").is_visible()
    assert_usable_everywhere(page)


def test_a_full_register_its_heat_map_and_a_risk_are_accessible(
    page, site_url, steering_group_member, full_register
):
    risk, review = full_register
    sign_in(page, site_url, steering_group_member)
    page.goto(site_url + "/members/risks/")
    heat_map = page.get_by_role("img", name="Open risks by likelihood and impact, after controls")
    assert heat_map.is_visible()
    assert_usable_everywhere(page)
    page.get_by_role("link", name=risk.title).click()
    page.get_by_role("heading", name="History of its scores").wait_for()
    assert_usable_everywhere(page)
    page.goto(site_url + "/members/risks/reviews/")
    assert_usable_everywhere(page)
    page.goto(f"{site_url}/members/risks/reviews/{review.pk}/")
    assert page.get_by_role("cell", name="Closed").is_visible()
    assert_usable_everywhere(page)


def test_the_officers_report_form_is_accessible_with_errors_and_when_done(
    officer_page, site_url, full_register, meeting
):
    _, review = full_register
    page = officer_page
    page.goto(f"{site_url}/members/risks/reviews/{review.pk}/")
    assert_usable_everywhere(page)
    page.get_by_role("button", name="Draft the report").click()
    page.get_by_text("Choose the meeting the report will go to.").wait_for()
    assert_usable_everywhere(page)
    page.get_by_label("Meeting the report goes to").select_option(label=meeting.title)
    page.get_by_role("button", name="Draft the report").click()
    page.wait_for_url("**/admin/pages/*/edit/")
    page.goto(f"{site_url}/members/risks/reviews/{review.pk}/")
    assert page.get_by_text("A report was drafted from this review").is_visible()
    assert_usable_everywhere(page)


def test_the_refusal_for_a_wider_member_is_accessible(page, site_url, wider_partnership_member):
    sign_in(page, site_url, wider_partnership_member)
    response = page.goto(site_url + "/members/risks/")
    assert response.status == 403
    assert page.get_by_text("The risk register is for Steering Group members").is_visible()
    assert_accessible(page)
