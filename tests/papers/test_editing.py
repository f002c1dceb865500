"""Editing in the Wagtail admin: mistakes get messages an officer understands, and nothing
already typed is lost."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from papers.models import ConsultationPage, MeetingPage

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


def consultation_form(**overrides):
    fields = {
        "title": "Priorities for 2009/10: your views",
        "slug": "priorities-your-views",
        "purpose": "Which priorities matter most to you?",
        "audience": "Residents and partners.",
        "opens_at": "2027-01-04 09:00",
        "closes_at": "2027-02-26 17:00",
        "background": rich_text("<p>The KCP Review found five areas for action.</p>"),
        "documents": streamfield([]),
        "questions": streamfield(
            [
                (
                    "free_text",
                    {
                        "key": "first",
                        "question": "What first?",
                        "help_text": "",
                        "is_required": "on",
                    },
                )
            ]
        ),
        "reply_by_post": "The Town Hall",
        "you_said_we_did": streamfield([]),
        "background_papers": streamfield([]),
        "annexes": streamfield([]),
    }
    fields.update(overrides)
    return nested_form_data(fields)


def test_officer_adds_a_consultation_under_the_steering_group(officer_client, steering_group):
    url = f"/admin/pages/add/papers/consultationpage/{steering_group.pk}/"
    assert officer_client.get(url).status_code == 200
    response = officer_client.post(url, consultation_form())
    assert response.status_code == 302
    consultation = ConsultationPage.objects.get(slug="priorities-your-views")
    assert consultation.status == "for_comment"
    assert consultation.meeting_date.isoformat() == "2027-01-04"
    assert consultation.questions[0].value["question"] == "What first?"


def test_a_consultation_closing_before_it_opens_is_refused_and_keeps_the_typing(
    officer_client, steering_group
):
    response = officer_client.post(
        f"/admin/pages/add/papers/consultationpage/{steering_group.pk}/",
        consultation_form(closes_at="2027-01-01 09:00"),
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "The consultation must close after it opens: check the dates." in html
    assert "Residents and partners." in html
    assert not ConsultationPage.objects.exists()
