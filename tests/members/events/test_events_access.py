"""Who may see and change what: the signed link (tampered, forged with another salt, used
twice), one person's registration out of another's reach, officers' screens for officers and
the running group's lead officers only, special-category needs for officers only, every view
and export in the audit log, and restricted events out of every public listing."""

import datetime
import re

import pytest
from django.core import signing
from django.urls import reverse
from django.utils import timezone

from home.audit import AuditEntry
from members.events.audit import Action
from members.events.export import registrations_csv
from members.events.links import LINK_SALT, registration_path, registration_token
from members.events.models import (
    Audience,
    EventPlaces,
    Registration,
    RegistrationNeeds,
)
from members.events.officer_services import erase_needs_after_events
from members.events.services import register_for_event
from members.events.wagtail_hooks import events_dashboard_panel, events_for_calendar
from tests.fixtures.events import applicant, make_event
from tests.fixtures.papers import publish
from themegroups.models import GroupPage
from themegroups.services import add_lead_officer

pytestmark = pytest.mark.django_db
Status = Registration.Status


@pytest.fixture
def amira(workshop):
    return register_for_event(
        workshop,
        applicant(
            1,
            name="Amira Hassan",
            email="amira@residents.example",
            access_needs="Wheelchair space",
            dietary_needs="Halal",
            has_consented_to_needs=True,
        ),
    )


@pytest.fixture
def ben(workshop):
    return register_for_event(workshop, applicant(2, name="Ben Okafor", email="ben@example.org"))


# --- The signed link ------------------------------------------------------------------------


def test_the_link_shows_the_registration_without_signing_in(client, amira):
    response = client.get(registration_path(amira))
    assert response.status_code == 200
    assert "Your place is confirmed." in response.text
    assert "Amira Hassan" in response.text
    assert "Wheelchair space" not in response.text and "Halal" not in response.text
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_cancelling_by_the_link_twice_shows_cancelled_and_changes_nothing_more(client, amira, ben):
    url = registration_path(amira)
    response = client.post(url, {"action": "cancel"}, follow=True)
    assert "This registration is cancelled." in response.text
    assert EventPlaces.objects.get(event=amira.event).taken == 1
    again = client.post(url, {"action": "cancel"}, follow=True)
    assert again.status_code == 200
    assert "This registration is cancelled." in again.text
    assert EventPlaces.objects.get(event=amira.event).taken == 1
    assert Registration.objects.get(pk=ben.pk).status == Status.CONFIRMED


@pytest.mark.parametrize(
    "tamper",
    ["last character changed", "cut short", "another salt", "someone else's number"],
)
def test_a_tampered_or_forged_link_finds_nothing_and_changes_nothing(client, amira, ben, tamper):
    token = registration_token(amira)
    if tamper == "last character changed":
        token = token[:-1] + ("A" if token[-1] != "A" else "B")
    elif tamper == "cut short":
        token = token[:-6]
    elif tamper == "another salt":
        token = signing.Signer(salt="another").sign_object({"r": ben.pk}, compress=True)
    else:
        _value, signature = token.rsplit(":", 1)
        forged = signing.Signer(salt=LINK_SALT).sign_object({"r": ben.pk}, compress=True)
        token = forged.rsplit(":", 1)[0] + ":" + signature
    url = reverse("events_registration", args=[token])
    assert client.get(url).status_code == 404
    response = client.post(url, {"action": "cancel"})
    assert response.status_code == 404
    assert "This link does not work" in response.text
    assert set(Registration.objects.values_list("status", flat=True)) == {Status.CONFIRMED}


def test_the_salt_is_the_links_own():
    assert LINK_SALT == "kcp.events.registration-link"
    with pytest.raises(signing.BadSignature):
        signing.Signer(salt=LINK_SALT).unsign_object(signing.Signer().sign_object({"r": 1}))


def test_a_signed_in_member_cannot_reach_anothers_registration_through_the_officers_screens(
    client, wider_member, workshop, amira
):
    client.force_login(wider_member)
    for url in [
        reverse("events_manage_event", args=[workshop.pk]),
        reverse("events_export", args=[workshop.pk]),
        reverse("events_sign_in_sheet", args=[workshop.pk]),
        reverse("events_check_in", args=[workshop.pk]),
        reverse("events_change_registration", args=[workshop.pk, amira.pk]),
    ]:
        assert client.get(url).status_code == 403, url
    response = client.post(
        reverse("events_change_registration", args=[workshop.pk, amira.pk]),
        {"action": "cancel", "cancel-note": "gone"},
    )
    assert response.status_code == 403
    response = client.post(
        reverse("events_check_in", args=[workshop.pk]), {"registration": amira.pk}
    )
    assert response.status_code == 403
    amira.refresh_from_db()
    assert amira.status == Status.CONFIRMED and amira.checked_in_at is None


def test_an_officer_cannot_change_a_registration_through_another_events_address(
    client, officer, events_index, workshop, amira
):
    other = make_event(events_index, title="Away day", slug="away-day")
    client.force_login(officer)
    url = reverse("events_change_registration", args=[other.pk, amira.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"action": "cancel", "cancel-note": "x"}).status_code == 404
    check_in_url = reverse("events_check_in", args=[other.pk])
    response = client.post(check_in_url, {"registration": amira.pk}, follow=True)
    assert "does not belong to this event" in response.text
    amira.refresh_from_db()
    assert amira.status == Status.CONFIRMED and amira.checked_in_at is None


def test_officers_screens_send_a_signed_out_visitor_to_sign_in(client, workshop):
    response = client.get(reverse("events_manage_event", args=[workshop.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


# --- Special-category needs -----------------------------------------------------------------


def test_an_officer_sees_needs_and_the_view_is_in_the_audit_log(client, officer, amira):
    client.force_login(officer)
    response = client.get(reverse("events_manage_event", args=[amira.event_id]))
    assert "Wheelchair space" in response.text and "Halal" in response.text
    entry = AuditEntry.objects.get(action=Action.VIEWED)
    assert (entry.actor, entry.page_id, entry.details.get("included_needs")) == (
        officer,
        amira.event_id,
        True,
    )


def test_a_lead_officer_of_the_running_group_sees_registrations_but_never_needs(
    client, lead_officer, amira
):
    client.force_login(lead_officer)
    page = client.get(reverse("events_manage_event", args=[amira.event_id]))
    assert page.status_code == 200
    assert "Amira Hassan" in page.text
    assert "Wheelchair" not in page.text and "Halal" not in page.text
    export = client.get(reverse("events_export", args=[amira.event_id]))
    csv_text = export.content.decode()
    assert "Amira Hassan" in csv_text
    assert "Wheelchair" not in csv_text and "Access needs" not in csv_text
    sheet = client.get(reverse("events_sign_in_sheet", args=[amira.event_id]))
    assert "Amira Hassan" in sheet.text and "Halal" not in sheet.text
    entries = AuditEntry.objects.filter(actor=lead_officer)
    assert sorted(entries.values_list("action", "details__included_needs")) == [
        (Action.EXPORTED, False),
        (Action.PRINTED, False),
        (Action.VIEWED, False),
    ]
    # and may not cancel or move anyone
    change = reverse("events_change_registration", args=[amira.event_id, amira.pk])
    assert client.get(change).status_code == 403


def test_a_lead_officer_of_another_group_sees_nothing(client, django_user_model, home_page, amira):
    other_group = publish(
        home_page, GroupPage(title="Health", slug="health", purpose="Health and well-being.")
    )
    someone = django_user_model.objects.create_user(email="lead@health.example", password="x" * 12)
    add_lead_officer(someone, other_group)
    client.force_login(someone)
    assert client.get(reverse("events_manage_event", args=[amira.event_id])).status_code == 403
    assert client.get(reverse("events_export", args=[amira.event_id])).status_code == 403


def test_an_officers_export_has_needs_and_is_logged(client, officer, amira):
    client.force_login(officer)
    response = client.get(reverse("events_export", args=[amira.event_id]))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == (
        "Name,Email,Telephone,Status,Registered,Checked in,Organisation,Which workshop,"
        "Access needs,Dietary needs"
    )
    assert "Wheelchair space,Halal" in lines[1]
    entry = AuditEntry.objects.get(action=Action.EXPORTED)
    assert entry.details.get("included_needs") and entry.actor == officer


def test_needs_never_reach_the_event_page_or_the_dashboard(client, wider_member, amira, rf):
    response = client.get(amira.event.url)
    assert response.status_code == 200
    assert "Wheelchair" not in response.text and "Halal" not in response.text
    request = rf.get("/members/")
    request.user = wider_member
    Registration.objects.filter(pk=amira.pk).update(user=wider_member)
    panel = events_dashboard_panel(request).render(request)
    assert "Community Strategy workshop" in panel
    assert "Wheelchair" not in panel and "Halal" not in panel


def test_a_name_that_looks_like_a_formula_is_exported_as_text(workshop):
    registration = register_for_event(
        workshop, applicant(3, name='=HYPERLINK("http://evil.example","x")')
    )
    csv_text = registrations_csv([registration], with_needs=False)
    assert "'=HYPERLINK" in csv_text.splitlines()[1]


def test_needs_are_deleted_the_set_time_after_the_event_and_the_deletion_is_logged(amira):
    event = amira.event
    after_end = event.end + datetime.timedelta(days=30)
    assert erase_needs_after_events(now=after_end - datetime.timedelta(minutes=1)) == 0
    assert RegistrationNeeds.objects.filter(registration=amira).exists()
    assert erase_needs_after_events(now=after_end + datetime.timedelta(minutes=1)) == 1
    assert not RegistrationNeeds.objects.exists()
    assert Registration.objects.filter(pk=amira.pk).exists()  # the registration stays
    entry = AuditEntry.objects.get(action=Action.NEEDS_ERASED)
    assert entry.page_id == event.pk and entry.actor is None


# --- Restricted events ----------------------------------------------------------------------


@pytest.fixture
def restricted_events(events_index):
    return {
        "away day": make_event(
            events_index,
            title="Steering Group away day",
            slug="away-day",
            audience=Audience.STEERING_GROUP,
        ),
        "partnership event": make_event(
            events_index,
            title="Annual Partnership Event",
            slug="partnership-event",
            audience=Audience.WIDER_PARTNERSHIP,
        ),
    }


def test_restricted_events_never_show_to_the_public(client, workshop, restricted_events):
    listing = client.get("/events/").text
    assert "Community Strategy workshop" in listing
    assert "away day" not in listing.lower() and "Annual Partnership Event" not in listing
    search = client.get("/search/", {"query": "event"}).text
    assert "Annual Partnership Event" not in search and "away day" not in search.lower()
    sitemap = client.get("/sitemap.xml").text
    assert "/events/community-strategy-workshop/" in sitemap
    assert "/events/away-day/" not in sitemap and "/events/partnership-event/" not in sitemap
    event_page = client.get("/events/partnership-event/")
    assert event_page.status_code == 302 and "/accounts/login/" in event_page["Location"]
    form = client.get(reverse("events_register", args=["partnership-event"]))
    assert form.status_code == 302 and "/accounts/login/" in form["Location"]


def test_restricted_events_never_reach_the_calendar_feeds(rf, workshop, restricted_events):
    source = events_for_calendar(None, rf.get("/meetings/calendar.ics"))
    assert [str(entry["summary"]) for entry in source.events] == ["Community Strategy workshop"]


def test_members_see_the_events_of_their_own_part_of_the_partnership(
    client, wider_member, steering_member, workshop, restricted_events
):
    client.force_login(wider_member)
    listing = client.get("/events/").text
    assert "Annual Partnership Event" in listing and "away day" not in listing.lower()
    away_day = client.get("/events/away-day/")
    assert away_day.status_code == 403
    assert "You do not have access to this page" in away_day.text
    form = client.post(reverse("events_register", args=["away-day"]), {"name": "x"})
    assert form.status_code == 403
    assert not Registration.objects.exists()

    client.force_login(steering_member)
    listing = client.get("/events/").text
    assert "Steering Group away day" in listing and "Annual Partnership Event" in listing
    assert client.get("/events/away-day/").status_code == 200


def test_changing_the_audience_on_publishing_changes_who_may_see_the_event(
    client, restricted_events
):
    event = restricted_events["partnership event"]
    event.audience = Audience.PUBLIC
    event.save_revision().publish()
    assert client.get("/events/partnership-event/").status_code == 200
    event.audience = Audience.STEERING_GROUP
    event.save_revision().publish()
    assert client.get("/events/partnership-event/").status_code == 302


def test_the_listing_splits_upcoming_and_past_events(client, events_index, workshop):
    now = timezone.now()
    make_event(
        events_index,
        title="Borough Conference 2025",
        slug="borough-conference-2025",
        start=now - datetime.timedelta(days=60),
        end=now - datetime.timedelta(days=60) + datetime.timedelta(hours=6),
    )
    listing = client.get("/events/").text
    upcoming, past = re.split(r'<h2 id="past-heading">', listing)
    assert "Community Strategy workshop" in upcoming and "5 places left" in upcoming
    assert "Borough Conference 2025" in past
