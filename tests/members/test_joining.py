"""Joining the wider partnership at /join/: allauth's passwordless sign-up with the
membership's questions, confirmed by the emailed link; bad input saves nothing."""

import time
from unittest import mock

import pytest
from allauth.account.models import EmailAddress
from django.core import signing
from django.core.cache import cache
from django.test import override_settings

from home.models import PrivacyNoticeVersion
from members.models import ConsentRecord, Member, MembershipChange, User
from tests.fixtures.members import confirmation_link, join_data, sent_mail

pytestmark = pytest.mark.django_db


def nothing_saved():
    return not (
        User.objects.exists()
        or Member.objects.exists()
        or ConsentRecord.objects.exists()
        or EmailAddress.objects.exists()
    )


def test_the_join_page_asks_everything_and_links_the_privacy_notice_and_post_route(
    client, interests, home_page
):
    response = client.get("/join/")
    page = response.content.decode()
    assert response.status_code == 200
    for label in (
        "Your full name",
        "Email address",
        "How are you connected to the borough?",
        "Name of the group, organisation or agency",
        "What do you want to hear about?",
        "How do you want to hear from us?",
        "I agree to the statement above.",
    ):
        assert label in page
    assert "Health and Well-Being" in page and "Homes and housing" in page
    assert "privacy notice (version 1)" in page
    assert "Joining by post or telephone" in page
    assert 'type="password"' not in page


def test_joining_by_email_waits_for_the_link_then_the_membership_starts(client, interests):
    response = client.post("/join/", join_data(interests))
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    member = Member.objects.get()
    assert member.status == Member.Status.AWAITING_VERIFICATION
    assert member.name == "Olwen Prydderch"
    assert {interest.slug for interest in member.interests.all()} == {
        "health",
        "homes-and-housing",
    }
    consent = member.consents.get()
    assert consent.method == ConsentRecord.Method.ONLINE
    assert consent.privacy_notice_version == PrivacyNoticeVersion.current()
    assert "privacy notice (version 1)" in consent.statement
    assert not member.user.has_usable_password()
    # Nothing but the verification email until the address is confirmed.
    assert len(sent_mail()) == 1
    assert sent_mail()[0].to == ["olwen.prydderch@example.org"]
    assert "Confirm your email address" in sent_mail()[0].subject
    assert sent_mail()[0].alternatives  # text and HTML

    link = confirmation_link(sent_mail()[0])
    assert "Confirm my email address" in client.get(link).content.decode()
    response = client.post(link)
    assert response["Location"] == "/join/confirmed/"
    member.refresh_from_db()
    assert member.status == Member.Status.ACTIVE
    assert member.verified_at is not None
    assert member.user.groups.filter(name="Wider partnership members").exists()
    assert [change.what for change in member.changes.all()] == ["joined", "verified"]
    page = client.get("/join/confirmed/").content.decode()
    assert "You are now a member" in page and "Olwen Prydderch" in page


def test_joining_on_behalf_of_an_organisation_keeps_its_name(client, interests):
    client.post(
        "/join/",
        join_data(interests, kind="organisation", organisation_name="Golborne Tenants' Forum"),
    )
    assert Member.objects.get().organisation_name == "Golborne Tenants' Forum"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"email": "olwen at example"}, "email", "Enter an email address in the right format"),
        ({"email": ""}, "email", "Enter your email address."),
        ({"name": "O" * 151}, "name", "Enter your name in 150 characters or fewer."),
        ({"name": "<script>alert(1)</script>"}, "name", "Your name cannot contain &lt; or &gt;"),
        ({"interests": []}, "interests", "Choose at least one subject you want to hear about."),
        ({"interests": ["999999"]}, "interests", "Choose subjects from the list."),
        ({"route": ""}, "route", "Choose how you want to hear from us."),
        ({"route": "post"}, "route", "Choose one of the ways listed."),
        ({"kind": "alien"}, "kind", "Choose one of the connections listed."),
        ({"consent": ""}, "consent", "Tick the box to agree"),
        ({"kind": "agency"}, "organisation_name", "Enter the name of the group, organisation"),
        (
            {"organisation_name": "x" * 201, "kind": "organisation"},
            "organisation_name",
            "Enter the organisation&#x27;s name in 200 characters or fewer.",
        ),
    ],
)
def test_each_bad_answer_gets_a_clear_message_linked_from_the_summary_and_saves_nothing(
    client, interests, overrides, field, message
):
    response = client.post("/join/", join_data(interests, **overrides))
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert message in page
    anchor = f"#id_{field}_0" if field in ("interests", "route", "kind") else f"#id_{field}"
    assert f'<a href="{anchor}">' in page
    assert "<title>Error: " in page
    assert nothing_saved()
    assert sent_mail() == []


def test_what_was_typed_is_kept_when_the_form_comes_back(client, interests):
    page = client.post(
        "/join/", join_data(interests, route="", name="Olwen Prydderch")
    ).content.decode()
    assert 'value="Olwen Prydderch"' in page
    assert 'value="olwen.prydderch@example.org"' in page
    assert f'value="{interests["health"].pk}" id="id_interests_' in page
    assert "checked" in page


def test_an_address_that_already_has_an_account_gets_the_same_page_and_its_owner_an_email(
    client, joined_member, interests
):
    client.logout()
    new = client.post(
        "/join/", join_data(interests, email="someone.new@example.org", name="Someone New")
    )
    new_page = client.get(new["Location"]).content.decode()
    sent_mail().clear()
    client.logout()
    # allauth sends one email per address every 3 minutes (ACCOUNT_RATE_LIMITS
    # "confirm_email"); the owner's confirmation went just now.
    cache.clear()
    known = client.post("/join/", join_data(interests, name="Impostor"))
    known_page = client.get(known["Location"]).content.decode()

    assert (known.status_code, known["Location"]) == (new.status_code, new["Location"])
    assert known_page == new_page
    assert Member.objects.filter(name="Impostor").count() == 0
    assert Member.objects.count() == 2
    assert [message.to for message in sent_mail()] == [["olwen.prydderch@example.org"]]
    assert "already a member" in sent_mail()[0].subject
    assert "/accounts/login/code/" in sent_mail()[0].body


def test_a_filled_in_honeypot_looks_like_success_but_saves_and_sends_nothing(client, interests):
    response = client.post("/join/", join_data(interests, website="https://spam.example"))
    assert response.status_code == 302
    assert response["Location"] == "/accounts/confirm-email/"
    assert nothing_saved()
    assert sent_mail() == []


def test_the_honeypot_is_hidden_from_people_and_screen_readers(client, interests):
    page = client.get("/join/").content.decode()
    assert '<div class="join-form__extra" aria-hidden="true">' in page
    assert 'name="website"' in page and 'tabindex="-1"' in page


@override_settings(ACCOUNT_RATE_LIMITS={"signup": "2/m/ip"})
def test_joining_is_rate_limited(client, interests):
    cache.clear()
    for number in range(2):
        client.post("/join/", join_data(interests, email=f"person{number}@example.org"))
    response = client.post("/join/", join_data(interests, email="person9@example.org"))
    assert response.status_code == 429
    assert not User.objects.filter(email="person9@example.org").exists()


def _link_for(member) -> str:
    address = EmailAddress.objects.get(user=member.user)
    return f"/accounts/confirm-email/{signing.dumps(address.pk, salt='account')}/"


def test_a_tampered_link_says_what_to_do_and_confirms_nothing(client, interests):
    client.post("/join/", join_data(interests))
    link = confirmation_link(sent_mail()[0])
    tampered = link[:-3] + ("A" if link[-3] != "A" else "B") + link[-2:]
    response = client.post(tampered)
    page = client.get(tampered).content.decode()
    assert "This link does not work" in page
    assert "ask for a sign-in code" in page
    assert response.status_code in (200, 404)
    assert Member.objects.get().status == Member.Status.AWAITING_VERIFICATION
    assert not EmailAddress.objects.get().verified


def test_an_expired_link_says_what_to_do_and_confirms_nothing(client, interests):
    client.post("/join/", join_data(interests))
    member = Member.objects.get()
    four_days_ago = time.time() - 4 * 24 * 3600
    with mock.patch("django.core.signing.time.time", return_value=four_days_ago):
        link = _link_for(member)
    client.post(link)
    assert "This link does not work" in client.get(link).content.decode()
    member.refresh_from_db()
    assert member.status == Member.Status.AWAITING_VERIFICATION


def test_a_reused_link_changes_nothing_the_second_time(client, interests):
    client.post("/join/", join_data(interests))
    link = confirmation_link(sent_mail()[0])
    client.post(link)
    changes = MembershipChange.objects.count()
    client.logout()
    client.post(link)
    assert "This link does not work" in client.get(link).content.decode()
    assert MembershipChange.objects.count() == changes
    assert Member.objects.get().status == Member.Status.ACTIVE


def test_the_old_sign_up_address_leads_to_join(client):
    response = client.get("/accounts/signup/")
    assert response["Location"] == "/join/"
