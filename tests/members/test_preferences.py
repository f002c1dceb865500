"""A member's own choices at /members/preferences/: interests, route, pause, leave, renewing
consent; every change recorded, bad input refused with a message and nothing lost."""

import datetime

import pytest
from django.test import Client

from home.models import PrivacyNoticeVersion
from members.models import ConsentRecord, Member, MembershipChange
from members.partnership.personal_data import export_membership

pytestmark = pytest.mark.django_db


def test_the_preferences_page_shows_the_members_choices(member_client, joined_member):
    page = member_client.get("/members/preferences/").content.decode()
    assert "Your membership" in page
    assert "Olwen Prydderch" in page
    assert 'value="weekly_digest"' in page and "checked" in page
    assert "Leave the wider partnership" in page


def test_a_member_changes_interests_and_route_and_each_change_is_recorded(
    member_client, joined_member, interests
):
    response = member_client.post(
        "/members/preferences/",
        {"interests": [interests["older-people"].pk], "route": "email_at_once"},
    )
    assert response.status_code == 302
    joined_member.refresh_from_db()
    assert [interest.slug for interest in joined_member.interests.all()] == ["older-people"]
    assert joined_member.route == Member.Route.EMAIL_AT_ONCE
    interests_change = joined_member.changes.get(what="interests")
    assert interests_change.before == {"interests": ["health", "homes-and-housing"]}
    assert interests_change.after == {"interests": ["older-people"]}
    assert joined_member.changes.get(what="route").after == {"route": "email_at_once"}
    assert "Your choices are saved." in member_client.get("/members/preferences/").content.decode()


def test_sending_the_form_back_unchanged_records_nothing(member_client, joined_member, interests):
    before = MembershipChange.objects.count()
    member_client.post(
        "/members/preferences/",
        {
            "interests": [interests["health"].pk, interests["homes-and-housing"].pk],
            "route": "weekly_digest",
        },
    )
    assert MembershipChange.objects.count() == before


def test_pausing_and_resuming_are_recorded(member_client, joined_member, interests):
    data = {"interests": [interests["health"].pk], "route": "weekly_digest"}
    member_client.post("/members/preferences/", {**data, "is_paused": "on"})
    joined_member.refresh_from_db()
    assert joined_member.status == Member.Status.PAUSED
    member_client.post("/members/preferences/", data)
    joined_member.refresh_from_db()
    assert joined_member.status == Member.Status.ACTIVE
    assert list(
        joined_member.changes.filter(what__in=["paused", "resumed"]).values_list("what", flat=True)
    ) == ["paused", "resumed"]


def test_no_interest_or_route_gets_a_message_and_changes_nothing(
    member_client, joined_member, interests
):
    response = member_client.post("/members/preferences/", {"interests": [], "route": ""})
    page = response.content.decode()
    assert response.status_code == 200
    assert '<a href="#id_interests_0">Choose at least one subject' in page
    assert '<a href="#id_route_0">Choose how you want to hear from us.</a>' in page
    joined_member.refresh_from_db()
    assert joined_member.interests.count() == 2
    assert joined_member.route == Member.Route.WEEKLY_DIGEST


def test_leaving_stops_the_membership_after_confirming(member_client, joined_member):
    assert (
        "Leave the wider partnership"
        in member_client.get("/members/preferences/leave/").content.decode()
    )
    joined_member.refresh_from_db()
    assert joined_member.status == Member.Status.ACTIVE  # looking is not leaving
    member_client.post("/members/preferences/leave/")
    joined_member.refresh_from_db()
    assert joined_member.status == Member.Status.LEFT
    assert not joined_member.user.groups.filter(name="Wider partnership members").exists()
    assert joined_member.changes.filter(what="left").exists()


def test_a_new_notice_that_asks_for_renewal_asks_the_member_and_renewing_records_it(
    member_client, joined_member
):
    PrivacyNoticeVersion.objects.create(
        number=2,
        published_on=datetime.date(2027, 1, 4),
        changes="Members' names are now shared with the events team.",
        asks_for_renewal=True,
    )
    page = member_client.get("/members/preferences/").content.decode()
    assert "Please renew your consent" in page
    assert "shared with the events team" in page
    member_client.post("/members/preferences/renew/")
    latest = joined_member.consents.first()
    assert latest.privacy_notice_version.number == 2
    assert latest.method == ConsentRecord.Method.RENEWED_ONLINE
    assert "version 2" in latest.statement
    assert "Please renew" not in member_client.get("/members/preferences/").content.decode()


def test_a_new_notice_that_does_not_ask_for_renewal_asks_nothing(member_client, joined_member):
    PrivacyNoticeVersion.objects.create(
        number=2, published_on=datetime.date(2027, 1, 4), changes="Typing errors corrected."
    )
    assert "Please renew" not in member_client.get("/members/preferences/").content.decode()


def test_preferences_need_a_signed_in_member(client, officer_client):
    assert Client().get("/members/preferences/")["Location"].startswith("/accounts/login/")
    response = officer_client.get("/members/preferences/")
    assert response.status_code == 404
    assert "You are not a member" in response.content.decode()


def test_pages_about_a_person_are_never_cached(member_client, joined_member):
    response = member_client.get("/members/preferences/")
    assert "no-store" in response["Cache-Control"]


@pytest.fixture
def postal_member_client(member_client, joined_member):
    """The member takes their news by post, and also signs in to the site."""
    Member.objects.filter(pk=joined_member.pk).update(route=Member.Route.POST)
    return member_client


def test_a_postal_member_with_an_account_chooses_the_full_papers_in_their_letters(
    postal_member_client, joined_member, interests
):
    page = postal_member_client.get("/members/preferences/").content.decode()
    assert "What should your letters bring?" in page
    assert 'value="post"' in page and 'value="summaries"' in page
    response = postal_member_client.post(
        "/members/preferences/",
        {
            "interests": [interests["health"].pk, interests["homes-and-housing"].pk],
            "route": "post",
            "papers_by_post": "consultations",
        },
    )
    assert response.status_code == 302
    joined_member.refresh_from_db()
    assert joined_member.route == Member.Route.POST
    assert joined_member.papers_by_post == Member.PapersByPost.CONSULTATIONS
    change = joined_member.changes.get(what="papers_by_post")
    assert change.after == {"papers_by_post": "consultations"} and change.changed_by is None


def test_a_postal_members_papers_choice_left_out_gets_a_message_and_changes_nothing(
    postal_member_client, joined_member, interests
):
    before = MembershipChange.objects.count()
    response = postal_member_client.post(
        "/members/preferences/",
        {"interests": [interests["older-people"].pk], "route": "post", "papers_by_post": "all"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Choose what your letters bring from the three choices listed." in page
    joined_member.refresh_from_db()
    assert joined_member.papers_by_post == Member.PapersByPost.SUMMARIES
    assert joined_member.interests.count() == 2 and MembershipChange.objects.count() == before


def test_an_email_member_is_not_asked_what_letters_bring(member_client, joined_member):
    page = member_client.get("/members/preferences/").content.decode()
    assert "What should your letters bring?" not in page and 'value="post"' not in page


def test_what_a_postal_members_letters_bring_is_in_their_data_export(
    postal_member_client, joined_member, interests
):
    Member.objects.filter(pk=joined_member.pk).update(papers_by_post=Member.PapersByPost.INTERESTED)
    exported = export_membership(Member.objects.get(pk=joined_member.pk))
    assert exported["membership"]["papers_by_post"] == "interested"
    page = postal_member_client.get("/members/your-data/").content.decode()
    assert "What your letters bring" in page
