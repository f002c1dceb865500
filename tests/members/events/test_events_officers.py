"""Officers' screens of an event: registrations and the waiting list, places changed at once
(from the screen and from the page editor, without publishing), check-in by name in one tap,
cancelling and moving with a note, the printable sign-in sheet; each logged, with bounded
queries."""

import pytest
from django.urls import reverse

from home.audit import AuditEntry
from members.events.audit import Action
from members.events.models import EventPage, EventPlaces, Registration
from members.events.services import register_for_event
from tests.fixtures.events import applicant, make_event

pytestmark = pytest.mark.django_db
Status = Registration.Status


@pytest.fixture
def officer_client(client, officer):
    client.force_login(officer)
    return client


def test_the_registrations_screen_lists_places_offers_and_the_waiting_list(
    officer_client, full_workshop
):
    response = officer_client.get(reverse("events_manage_event", args=[full_workshop.pk]))
    assert response.status_code == 200
    text = response.text
    assert "5 of 5 places taken or offered; 2 waiting." in text
    assert "Places confirmed (5)" in text and "Waiting list, first come first served (2)" in text
    assert text.index("person6@example.org") < text.index("person7@example.org")


def test_the_registrations_screen_makes_the_same_number_of_queries_for_few_and_many(
    officer_client, workshop, django_assert_max_num_queries
):
    url = reverse("events_manage_event", args=[workshop.pk])
    register_for_event(workshop, applicant(1))
    officer_client.get(url)  # first visit: the user's admin profile and the site's settings
    with django_assert_max_num_queries(25) as few:
        officer_client.get(url)
    for number in range(2, 40):
        register_for_event(workshop, applicant(number), join_waiting_list_if_full=True)
    with django_assert_max_num_queries(len(few.captured_queries)):
        officer_client.get(url)


def test_an_officer_changes_the_places_at_once_and_those_waiting_are_offered(
    officer_client, full_workshop
):
    url = reverse("events_manage_event", args=[full_workshop.pk])
    response = officer_client.post(url, {"capacity": "7"}, follow=True)
    assert "The number of places has changed." in response.text
    assert EventPlaces.objects.get(event=full_workshop).capacity == 7
    assert set(
        Registration.objects.filter(status=Status.OFFERED).values_list("email", flat=True)
    ) == {"person6@example.org", "person7@example.org"}
    assert AuditEntry.objects.filter(action=Action.CAPACITY).count() == 1


@pytest.mark.parametrize(
    ("value", "message"),
    [("3", "cannot have fewer than 5"), ("lots", "as a whole number"), ("", "Enter the number")],
)
def test_a_wrong_number_of_places_says_what_to_fix_and_changes_nothing(
    officer_client, full_workshop, value, message
):
    url = reverse("events_manage_event", args=[full_workshop.pk])
    response = officer_client.post(url, {"capacity": value})
    assert response.status_code == 400
    assert message in response.text
    assert EventPlaces.objects.get(event=full_workshop).capacity == 5


def test_a_lead_officer_cannot_change_the_places(client, lead_officer, full_workshop):
    client.force_login(lead_officer)
    url = reverse("events_manage_event", args=[full_workshop.pk])
    assert "Change the number of places" not in client.get(url).text
    assert client.post(url, {"capacity": "50"}).status_code == 403
    assert EventPlaces.objects.get(event=full_workshop).capacity == 5


def test_places_set_in_the_page_editor_take_effect_without_publishing(
    officer_client, workshop, settings
):
    settings.KCP_MFA_REQUIRED = False
    edit_url = reverse("wagtailadmin_pages:edit", args=[workshop.pk])
    form = officer_client.get(edit_url)
    assert form.status_code == 200 and 'name="places"' in form.text
    data = {
        "title": workshop.title,
        "slug": workshop.slug,
        "start": workshop.local_start.strftime("%Y-%m-%d %H:%M"),
        "end": workshop.end.astimezone(workshop.local_start.tzinfo).strftime("%Y-%m-%d %H:%M"),
        "venue_name": workshop.venue_name,
        "venue_address": workshop.venue_address,
        "purpose": '{"blocks":[{"key":"a","type":"unstyled","text":"Shape the strategy.",'
        '"depth":0,"inlineStyleRanges":[],"entityRanges":[]}],"entityMap":{}}',
        "audience": "public",
        "kind": "event",
        "reminder_days_before_close": "3",
        "places": "12",
        "is_registration_open": "on",
        "run_by": workshop.run_by_id,
        "agenda_items-TOTAL_FORMS": "0",
        "agenda_items-INITIAL_FORMS": "0",
        "documents-TOTAL_FORMS": "0",
        "documents-INITIAL_FORMS": "0",
        "questions-TOTAL_FORMS": "0",
        "questions-INITIAL_FORMS": "0",
        "event_reminders-TOTAL_FORMS": "0",
        "event_reminders-INITIAL_FORMS": "0",
    }
    response = officer_client.post(edit_url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    workshop.refresh_from_db()
    assert workshop.has_unpublished_changes  # saved as a draft only
    assert EventPlaces.objects.get(event=workshop).capacity == 12


def test_check_in_finds_people_by_name_and_checks_them_in_with_one_tap(
    client, lead_officer, full_workshop
):
    client.force_login(lead_officer)
    url = reverse("events_check_in", args=[full_workshop.pk])
    Registration.objects.filter(email="person3@example.org").update(name="Grace Mensah")
    response = client.get(url, {"q": "grace"})
    assert "Grace Mensah" in response.text and "Person 1" not in response.text
    grace = Registration.objects.get(name="Grace Mensah")
    response = client.post(f"{url}?q=grace", {"registration": grace.pk}, follow=True)
    assert "Grace Mensah is checked in." in response.text
    assert "1 of 5 checked in." in response.text
    grace.refresh_from_db()
    assert grace.checked_in_at is not None
    entry = AuditEntry.objects.get(action=Action.CHECKED_IN)
    assert (entry.actor, entry.subject_id) == (lead_officer, grace.pk)


def test_someone_on_the_waiting_list_cannot_be_checked_in(officer_client, full_workshop):
    waiting = Registration.objects.get(email="person6@example.org")
    url = reverse("events_check_in", args=[full_workshop.pk])
    response = officer_client.post(url, {"registration": waiting.pk}, follow=True)
    assert "does not hold a confirmed place" in response.text
    waiting.refresh_from_db()
    assert waiting.checked_in_at is None


def test_check_in_says_when_nobody_matches(officer_client, full_workshop):
    response = officer_client.get(reverse("events_check_in", args=[full_workshop.pk]), {"q": "zzz"})
    assert "Nobody with a confirmed place has a name containing “zzz”" in response.text


def test_an_officer_cancels_a_registration_with_a_note_and_the_place_is_offered_on(
    officer_client, full_workshop
):
    registration = Registration.objects.get(email="person2@example.org")
    url = reverse("events_change_registration", args=[full_workshop.pk, registration.pk])
    empty = officer_client.post(url, {"action": "cancel", "cancel-note": ""})
    assert empty.status_code == 400 and "Write a note saying why" in empty.text
    assert Registration.objects.get(pk=registration.pk).status == Status.CONFIRMED
    officer_client.post(url, {"action": "cancel", "cancel-note": "Asked by phone"})
    registration.refresh_from_db()
    assert registration.status == Status.CANCELLED
    assert registration.officer_note == "Asked by phone"
    assert Registration.objects.get(email="person6@example.org").status == Status.OFFERED
    entry = AuditEntry.objects.get(action=Action.CANCELLED)
    assert entry.details["detail"] == "Asked by phone"


def test_an_officer_moves_a_registration_to_another_event_with_its_needs(
    officer_client, events_index, workshop
):
    registration = register_for_event(
        workshop,
        applicant(1, dietary_needs="Vegan", has_consented_to_needs=True),
    )
    other = make_event(events_index, title="Second workshop", slug="second-workshop", places=1)
    url = reverse("events_change_registration", args=[workshop.pk, registration.pk])
    response = officer_client.post(
        url, {"action": "move", "move-to_event": other.pk, "move-note": "Clash"}, follow=True
    )
    assert "Person 1 is moved to Second workshop." in response.text
    moved = Registration.objects.get(event=other)
    assert moved.status == Status.CONFIRMED and moved.needs.dietary_needs == "Vegan"
    assert Registration.objects.get(pk=registration.pk).status == Status.CANCELLED
    assert EventPlaces.objects.get(event=workshop).taken == 0
    assert EventPlaces.objects.get(event=other).taken == 1
    # the other event is now full: a second move is refused and nothing changes
    second = register_for_event(workshop, applicant(2))
    url = reverse("events_change_registration", args=[workshop.pk, second.pk])
    response = officer_client.post(
        url, {"action": "move", "move-to_event": other.pk, "move-note": "Clash"}
    )
    assert response.status_code == 400 and "has no places left" in response.text
    assert Registration.objects.get(pk=second.pk).status == Status.CONFIRMED


def test_the_sign_in_sheet_lists_confirmed_people_by_name_for_printing(
    officer_client, full_workshop
):
    response = officer_client.get(reverse("events_sign_in_sheet", args=[full_workshop.pk]))
    assert response.status_code == 200
    assert response.text.count("<tr><td>Person") == 5
    assert "person6" not in response.text  # not those waiting
    assert AuditEntry.objects.filter(action=Action.PRINTED).count() == 1


def test_an_event_with_registrations_cannot_be_deleted_by_accident(
    officer_client, full_workshop, settings
):
    settings.KCP_MFA_REQUIRED = False
    for page in (full_workshop, full_workshop.get_parent()):
        url = reverse("wagtailadmin_pages:delete", args=[page.pk])
        response = officer_client.post(url, follow=True)
        assert "People have registered for this event, so it cannot be deleted" in (response.text)
    assert EventPage.objects.filter(pk=full_workshop.pk).exists()
    assert Registration.objects.filter(event=full_workshop).count() == 7
