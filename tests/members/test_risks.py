"""The risk register: only Steering Group members and officers see it (over HTTP, and never in
search, feeds or the sitemap); every re-score is kept; the annual review lists what changed,
its reminder goes once through the outbox, and a review becomes a draft report."""

import datetime

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from home.models import OutgoingEmail
from members.risks.models import RegisterReview, ReviewChange, Risk, RiskScore
from members.risks.personal_data import RisksData
from members.risks.services import (
    draft_report_from_review,
    record_review,
    remind_officers_of_due_review,
    save_risk,
)
from papers.models import ContactOfficer, MeetingPage, ReportPage
from tests.fixtures.papers import publish
from themegroups.models import GroupPage
from themegroups.services import add_lead_officer

pytestmark = pytest.mark.django_db

SECRET = "JBSWY3DPEHPK3PXPKCPTESTS"
TITLE = "Neighbourhood Renewal Fund ends"


def at(year, month=1, day=1):
    return timezone.make_aware(datetime.datetime(year, month, day, 12, 0))


def make_risk(officer, title=TITLE, *, scores=(5, 5, 4, 4), when=None, **fields):
    owner, _ = ContactOfficer.objects.get_or_create(
        name="Rachel Smith", defaults={"organisation": "RBKC"}
    )
    risk = Risk(
        title=title,
        cause="Government funding ends.",
        effect="Projects close.",
        category=Risk.Category.FUNDING,
        owner=owner,
        likelihood_before=scores[0],
        impact_before=scores[1],
        likelihood_after=scores[2],
        impact_after=scores[3],
        controls="Exit strategy for each project",
        related_actions="Agree mainstream funding\n/papers/",
        review_on=datetime.date(2027, 3, 31),
        **fields,
    )
    risk = save_risk(officer, risk, now=when)
    if when:
        Risk.objects.filter(pk=risk.pk).update(created_at=when)
        risk.refresh_from_db()
    return risk


@pytest.fixture
def officer(officer):
    """Officers sign in with two-factor authentication."""
    TOTP.activate(officer, SECRET)
    return officer


@pytest.fixture
def risk(officer):
    return make_risk(officer)


@pytest.fixture
def review(officer, risk):
    return record_review(
        officer,
        RegisterReview(
            reviewed_on=timezone.localdate(),
            reviewers="Community Strategy sub group",
            next_review_on=timezone.localdate() + datetime.timedelta(days=365),
        ),
    )


@pytest.fixture
def lead_officer(django_user_model, home_page):
    group = publish(home_page, GroupPage(title="Health", slug="health", purpose="Health."))
    user = django_user_model.objects.create_user(email="lead@kcp.example", password="x")
    add_lead_officer(user, group)
    return user


@pytest.fixture
def meeting(home_page):
    steering_group = publish(
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
        steering_group,
        MeetingPage(
            title="Steering Group meeting",
            start=start,
            end=start + datetime.timedelta(hours=2),
            venue_name="Hall",
        ),
    )


def register_urls(risk, review) -> list[str]:
    return [
        "/members/risks/",
        f"/members/risks/{risk.pk}/",
        "/members/risks/reviews/",
        f"/members/risks/reviews/{review.pk}/",
    ]


def test_the_public_is_sent_to_sign_in_and_sees_nothing_of_the_register(client, risk, review):
    for url in register_urls(risk, review):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("who", ["wider_partnership_member", "lead_officer"])
def test_wider_members_and_lead_officers_without_a_seat_are_refused(
    client, risk, review, who, request
):
    client.force_login(request.getfixturevalue(who))
    for url in register_urls(risk, review):
        response = client.get(url)
        assert response.status_code == 403, url
        assert TITLE not in response.content.decode()
        assert "The risk register is for Steering Group members" in response.content.decode()
    assert "Risk register" not in client.get("/members/").content.decode()


def test_a_lead_officer_cannot_open_the_register_in_the_admin(client, lead_officer, risk):
    client.force_login(lead_officer)
    response = client.get("/admin/risks/")
    assert response.status_code in (302, 403)
    assert TITLE not in response.content.decode()


@pytest.mark.parametrize("who", ["steering_group_member", "officer"])
def test_steering_group_members_and_officers_see_the_register(client, risk, review, who, request):
    client.force_login(request.getfixturevalue(who))
    for url in register_urls(risk, review):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
    assert TITLE in client.get("/members/risks/").content.decode()
    assert "Risk register" in client.get("/members/").content.decode()


def test_the_register_is_never_in_search_feeds_or_the_sitemap(client, risk, review, home_page):
    assert TITLE not in client.get("/search/", {"query": "Neighbourhood Renewal"}).content.decode()
    assert "/members/risks" not in client.get("/sitemap.xml").content.decode()
    assert TITLE not in client.get("/papers/feed/").content.decode()
    assert TITLE not in client.get("/meetings/calendar.ics").content.decode()


def test_the_heat_map_is_named_and_described_and_its_table_says_the_same(client, officer, risk):
    make_risk(officer, "Low turnout at meetings", scores=(4, 3, 1, 2))
    client.force_login(officer)
    html = client.get("/members/risks/").content.decode()
    assert 'role="img" aria-labelledby="risk-heat-map-title risk-heat-map-desc"' in html
    assert "Open risks by likelihood and impact, after controls</title>" in html
    assert "2 open risks, 1 of them high." in html
    assert ">16 high</span>" in html and ">2 low</span>" in html


def test_a_rescore_keeps_the_history_with_who_and_when(officer, risk, client):
    risk.likelihood_after = 3
    save_risk(officer, risk, now=at(2008, 9, 10))
    risk.controls += "\nMainstreaming plan"  # not a re-score: no new history row
    save_risk(officer, risk)
    history = list(risk.history.order_by("pk"))
    assert [(h.likelihood_after, h.impact_after) for h in history][-1] == (3, 4)
    assert len(history) == 2
    assert {h.scored_by for h in history} == {officer}
    client.force_login(officer)
    html = client.get(f"/members/risks/{risk.pk}/").content.decode()
    assert "10 September 2008" in html
    assert "3 × 4 = 12" in html and "4 × 4 = 16" in html


def test_an_officer_rescores_in_the_admin_and_the_history_grows(client, officer, risk):
    client.force_login(officer)
    data = {
        "title": risk.title,
        "category": risk.category,
        "owner": risk.owner_id,
        "cause": risk.cause,
        "effect": risk.effect,
        "likelihood_before": 5,
        "impact_before": 5,
        "controls": risk.controls,
        "likelihood_after": 2,
        "impact_after": 4,
        "related_actions": "",
        "review_on": "2027-03-31",
    }
    response = client.post(f"/admin/risks/edit/{risk.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert response["Location"] == "/admin/risks/"
    assert RiskScore.objects.filter(risk=risk).count() == 2
    assert Risk.objects.get(pk=risk.pk).score == 8


def test_the_admin_refuses_a_score_out_of_range_and_saves_nothing(client, officer, risk):
    client.force_login(officer)
    response = client.post(
        f"/admin/risks/edit/{risk.pk}/",
        {"title": risk.title, "likelihood_after": 9, "impact_after": 4},
    )
    assert response.status_code == 200
    assert "Ensure this value is less than or equal to 5." in response.content.decode()
    assert RiskScore.objects.filter(risk=risk).count() == 1


def test_a_review_lists_the_risks_added_rescored_and_closed_since_the_one_before(officer):
    old = make_risk(officer, "Partners disengage", when=at(2006))
    closing = make_risk(officer, "Duplication with other partnerships", when=at(2006))
    record_review(
        officer,
        RegisterReview(
            reviewed_on=datetime.date(2007, 12, 10),
            reviewers="Sub group",
            next_review_on=datetime.date(2008, 12, 10),
        ),
    )
    old.likelihood_after = 2
    save_risk(officer, old, now=at(2008, 9, 1))
    closing.is_closed, closing.closed_on = True, datetime.date(2008, 11, 1)
    save_risk(officer, closing, now=at(2008, 11, 1))
    make_risk(officer, "Low turnout", when=at(2008, 2, 1))
    make_risk(officer, "Added after the review", when=at(2009, 2, 1))
    review = record_review(
        officer,
        RegisterReview(
            reviewed_on=datetime.date(2008, 12, 10),
            reviewers="Sub group",
            next_review_on=datetime.date(2009, 12, 10),
        ),
    )
    changes = {c.risk.title: c.kind for c in review.changes.select_related("risk")}
    assert changes == {
        "Partners disengage": ReviewChange.Kind.CHANGED,
        "Duplication with other partnerships": ReviewChange.Kind.CLOSED,
        "Low turnout": ReviewChange.Kind.ADDED,
    }


def test_the_review_reminder_goes_once_through_the_outbox_when_it_falls_due(officer, risk, review):
    due = review.next_review_on
    day_before = timezone.make_aware(datetime.datetime.combine(due, datetime.time(9)))
    day_before -= datetime.timedelta(days=1)
    assert remind_officers_of_due_review(day_before) is False
    assert not OutgoingEmail.objects.filter(kind="Risk register review due").exists()
    on_the_day = day_before + datetime.timedelta(days=1)
    assert remind_officers_of_due_review(on_the_day) is True
    assert remind_officers_of_due_review(on_the_day + datetime.timedelta(days=3)) is False
    email = OutgoingEmail.objects.get(kind="Risk register review due")
    assert email.to == [officer.email]
    assert "The risk register's annual review is due" in email.subject


def test_an_officer_drafts_a_report_to_the_wider_kcp_from_a_review(
    client, officer, review, meeting
):
    client.force_login(officer)
    response = client.post(f"/members/risks/reviews/{review.pk}/report/", {"meeting": meeting.pk})
    report = ReportPage.objects.get(title__startswith="Risk register: annual review")
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{report.pk}/edit/"
    assert not report.live
    assert report.get_parent().pk == meeting.pk
    body = str(report.body.raw_data)
    assert "Community Strategy sub group" in body and TITLE in body
    assert RegisterReview.objects.get(pk=review.pk).report_id == report.pk
    assert TITLE not in client.get("/papers/").content.decode()


def test_drafting_a_report_without_a_meeting_says_what_to_choose_and_makes_nothing(
    client, officer, review
):
    client.force_login(officer)
    response = client.post(f"/members/risks/reviews/{review.pk}/report/", {})
    assert response.status_code == 400
    assert "Choose the meeting the report will go to." in response.content.decode()
    assert not ReportPage.objects.exists()


def test_a_second_draft_from_the_same_review_is_refused(officer, review, meeting):
    draft_report_from_review(officer, review, meeting)
    with pytest.raises(Exception, match="already drafted"):
        draft_report_from_review(officer, review, meeting)
    assert ReportPage.objects.count() == 1


def test_a_steering_group_member_may_read_but_not_draft_a_report(
    client, steering_group_member, review, meeting
):
    client.force_login(steering_group_member)
    assert (
        "Draft the report"
        not in client.get(f"/members/risks/reviews/{review.pk}/").content.decode()
    )
    response = client.post(f"/members/risks/reviews/{review.pk}/report/", {"meeting": meeting.pk})
    assert response.status_code == 403
    assert not ReportPage.objects.exists()


def test_an_officers_scores_are_exported_and_their_name_erased_but_the_history_kept(officer, risk):
    exported = RisksData().export(officer)
    assert exported["scores"][0]["risk"] == TITLE
    RisksData().erase(officer)
    score = RiskScore.objects.get(risk=risk)
    assert score.scored_by is None


def test_the_register_asks_the_same_number_of_queries_however_many_risks(client, officer):
    client.force_login(officer)
    make_risk(officer, "Risk 0")
    client.get("/members/risks/")
    with CaptureQueriesContext(connection) as few:
        client.get("/members/risks/")
    for number in range(1, 12):
        make_risk(officer, f"Risk {number}")
    with CaptureQueriesContext(connection) as many:
        client.get("/members/risks/")
    assert len(many) == len(few)
