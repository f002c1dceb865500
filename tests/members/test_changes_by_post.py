"""Officers record what a postal member asked for by post, telephone or in person: new
interests, large print, switching to email, pausing or stopping, each change kept with the
day they asked and how; and a member whose letter came back is resumed the same way."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.utils import timezone

from home.audit import AuditEntry
from home.models import Interest
from members.models import Member
from members.postal.batches import postal_members

pytestmark = pytest.mark.django_db

ASKED_ON = datetime.date(2026, 11, 28)


def change_url(member) -> str:
    return f"/admin/postal-mailing/members/{member.pk}/change/"


def form(interests, **overrides):
    data = {
        "how_asked": "telephone",
        "asked_on": ASKED_ON.isoformat(),
        "letters": "keep",
        "papers_by_post": "summaries",
        "interests": [interest.pk for interest in interests],
        "email": "",
        "email_route": "email_at_once",
    }
    data.update(overrides)
    return data


def test_an_officer_records_new_interests_and_large_print_asked_for_by_telephone(
    officer, officer_client, postal_member, interests
):
    wanted = [interests["older-people"], interests["homes-and-housing"]]
    response = officer_client.post(change_url(postal_member), form(wanted, is_large_print="on"))
    assert response.status_code == 302
    member = Member.objects.get(pk=postal_member.pk)
    assert set(member.interests.all()) == set(wanted)
    assert member.is_large_print and member.route == Member.Route.POST
    changes = {change.what: change for change in member.changes.filter(changed_by=officer)}
    assert set(changes) >= {"interests", "large_print"}
    for change in (changes["interests"], changes["large_print"]):
        assert (change.how_asked, change.asked_on) == ("telephone", ASKED_ON)
    assert AuditEntry.objects.filter(
        actor=officer, action="members.changed", subject_id=member.pk
    ).exists()
    inspect = officer_client.get(f"/admin/member/inspect/{member.pk}/").content.decode()
    assert "By telephone" in inspect and "28 November 2026" in inspect


def test_an_officer_records_that_letters_should_bring_the_full_papers_asked_for_by_post(
    officer, officer_client, postal_member, interests
):
    wanted = [interests["older-people"]]
    page = officer_client.get(change_url(postal_member)).content.decode()
    assert "What their letters bring" in page and "Summaries only" in page
    response = officer_client.post(
        change_url(postal_member), form(wanted, how_asked="post", papers_by_post="interested")
    )
    assert response.status_code == 302
    member = Member.objects.get(pk=postal_member.pk)
    assert member.papers_by_post == Member.PapersByPost.INTERESTED
    change = member.changes.get(what="papers_by_post")
    assert change.before == {"papers_by_post": "summaries"}
    assert change.after == {"papers_by_post": "interested"}
    assert (change.how_asked, change.asked_on, change.changed_by) == ("post", ASKED_ON, officer)
    audit = AuditEntry.objects.filter(actor=officer, action="members.changed", subject_id=member.pk)
    assert any("papers_by_post" in entry.details.get("fields", []) for entry in audit)


def test_a_papers_choice_that_is_not_one_of_the_three_says_so_and_changes_nothing(
    officer_client, postal_member, interests
):
    changes_before = postal_member.changes.count()
    response = officer_client.post(
        change_url(postal_member), form([interests["older-people"]], papers_by_post="everything")
    )
    assert response.status_code == 200
    assert "Choose what their letters bring from the three choices listed" in (
        response.content.decode()
    )
    member = Member.objects.get(pk=postal_member.pk)
    assert member.papers_by_post == Member.PapersByPost.SUMMARIES
    assert member.changes.count() == changes_before


def test_switching_to_email_makes_an_account_the_member_confirms_and_stops_the_letters(
    officer, officer_client, postal_member, interests, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = officer_client.post(
            change_url(postal_member),
            form(
                [interests["older-people"]],
                how_asked="post",
                letters="email",
                email="Bronwen@Example.org",
                email_route="weekly_digest",
            ),
        )
    assert response.status_code == 302
    member = Member.objects.get(pk=postal_member.pk)
    assert member.route == Member.Route.WEEKLY_DIGEST
    assert member.status == Member.Status.AWAITING_VERIFICATION
    assert member.user.email == "bronwen@example.org"
    assert not EmailAddress.objects.get(user=member.user).verified
    route_change = member.changes.get(what="route")
    assert (route_change.how_asked, route_change.after) == ("post", {"route": "weekly_digest"})
    assert member not in postal_members()
    from tests.fixtures.members import sent_mail

    confirmation = [message for message in sent_mail() if "bronwen@example.org" in message.to]
    assert confirmation and "/accounts/confirm-email/" in confirmation[0].body


def test_stopping_by_post_leaves_the_partnership_with_the_day_they_asked(
    officer, officer_client, postal_member
):
    officer_client.post(change_url(postal_member), form([], letters="leave", how_asked="post"))
    member = Member.objects.get(pk=postal_member.pk)
    assert member.status == Member.Status.LEFT
    left = member.changes.get(what="left")
    assert (left.how_asked, left.asked_on, left.changed_by) == ("post", ASKED_ON, officer)


def test_keep_sending_letters_resumes_a_member_whose_letter_came_back(
    officer, officer_client, postal_member
):
    Member.objects.filter(pk=postal_member.pk).update(
        post_paused_on=datetime.date(2026, 11, 20), post_paused_reason="Gone away"
    )
    officer_client.post(change_url(postal_member), form(list(postal_member.interests.all())))
    member = Member.objects.get(pk=postal_member.pk)
    assert not member.is_post_paused
    assert member.changes.filter(what="post_resumed", changed_by=officer).exists()
    assert member in postal_members()


def test_the_change_form_says_what_to_fix_and_changes_nothing(
    officer, officer_client, postal_member, interests, joined_member
):
    url = change_url(postal_member)
    changes_before = postal_member.changes.count()
    empty = officer_client.post(url, {}).content.decode()
    assert "Say how they asked" in empty
    assert "Enter the day they asked" in empty
    assert "Choose at least one subject" in empty
    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    future = officer_client.post(url, form([interests["health"]], asked_on=tomorrow))
    assert "cannot be in the future" in future.content.decode()
    no_email = officer_client.post(url, form([interests["health"]], letters="email"))
    assert "Enter the email address they want their news sent to" in no_email.content.decode()
    bad_email = officer_client.post(
        url, form([interests["health"]], letters="email", email="not an address")
    )
    assert "Enter the email address like name@example.org" in bad_email.content.decode()
    taken = officer_client.post(
        url, form([interests["health"]], letters="email", email=joined_member.user.email)
    )
    assert "already belongs to an account" in taken.content.decode()
    member = Member.objects.get(pk=postal_member.pk)
    assert member.changes.count() == changes_before
    assert member.route == Member.Route.POST and member.user is None
    assert list(member.interests.all()) == [Interest.objects.get(slug="older-people")]


def test_an_email_member_is_not_changed_through_the_postal_form(officer_client, joined_member):
    assert officer_client.get(change_url(joined_member)).status_code == 404
    assert not mail.outbox
