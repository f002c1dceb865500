"""Editing in the Wagtail admin: mistakes get messages an officer understands, and nothing
already typed is lost."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from papers.models import MeetingPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_client(client, officer):
    TOTP.activate(officer, "JBSWY3DPEHPK3PXPKCPTESTS")
    client.force_login(officer)
    return client


def meeting_form(**overrides):
    fields = {
        "title": "Steering Group meeting, 10 March 2027",
        "slug": "2027-03-10",
        "start": "2027-03-10 18:30",
        "end": "2027-03-10 20:30",
        "status": "scheduled",
        "venue_name": "Kensington Library",
        "venue_address": "12 Phillimore Walk\nLondon W8 7RX",
        "public_attendance": "All welcome.",
        "agenda_items": inline_formset([]),
    }
    fields.update(overrides)
    return nested_form_data(fields)


def test_officer_adds_a_meeting_under_the_steering_group(officer_client, steering_group):
    response = officer_client.post(
        f"/admin/pages/add/papers/meetingpage/{steering_group.pk}/", meeting_form()
    )
    assert response.status_code == 302
    meeting = MeetingPage.objects.get(slug="2027-03-10")
    assert meeting.get_parent().pk == steering_group.pk
    assert meeting.venue_name == "Kensington Library"


def test_meeting_ending_before_it_starts_is_refused_with_what_to_fix_and_keeps_the_typing(
    officer_client, steering_group
):
    response = officer_client.post(
        f"/admin/pages/add/papers/meetingpage/{steering_group.pk}/",
        meeting_form(end="2027-03-10 17:00"),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "The meeting must end after it starts: check the end date and time." in html
    assert "Kensington Library" in html
    assert "12 Phillimore Walk" in html
    assert not MeetingPage.objects.filter(slug="2027-03-10").exists()
