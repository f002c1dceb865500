"""Attendance is what happened: a meeting that has not started yet cannot have any recorded,
and the screen says so and when it can be recorded, saving nothing."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from members.attendance import services as attendance
from members.exceptions import MeetingNotHeldYet
from members.models import MeetingAttendance
from papers.models import MeetingPage
from tests.fixtures.papers import LONDON, publish
from tests.people import account, give_seat

pytestmark = pytest.mark.django_db


@pytest.fixture
def next_meeting(steering_group):
    day = timezone.localdate() + datetime.timedelta(days=14)
    return publish(
        steering_group,
        MeetingPage(
            title="Steering Group meeting, in a fortnight",
            start=datetime.datetime(day.year, day.month, day.day, 18, 30, tzinfo=LONDON),
            venue_name="The Town Hall",
        ),
    )


@pytest.fixture
def chair_seat(django_user_model, council):
    chair = account(django_user_model, "chair@kcp.example", "Merrick", "Cockell")
    return give_seat(chair, council, title="Chairman", joined=datetime.date(2020, 1, 1))


def test_the_service_refuses_a_meeting_that_has_not_happened(next_meeting, chair_seat, officer):
    with pytest.raises(MeetingNotHeldYet) as refused:
        attendance.record_attendance(
            next_meeting, [attendance.Entry(chair_seat.pk, "present")], by=officer
        )
    assert "has not happened yet" in refused.value.message
    assert not MeetingAttendance.objects.exists()


def test_the_screen_says_why_and_posting_anyway_saves_nothing(
    client, officer_with_two_factor, next_meeting, chair_seat
):
    client.force_login(officer_with_two_factor)
    url = reverse("members_attendance_record", args=[next_meeting.pk])
    page = client.get(url).content.decode()
    day = f"{next_meeting.start:%A} {next_meeting.start.day} {next_meeting.start:%B %Y}"
    assert f"This meeting has not happened yet: record its attendance on or after {day}." in page
    assert "Save attendance" not in page
    response = client.post(url, {f"status_{chair_seat.pk}": "present"})
    assert response.status_code == 400
    assert "has not happened yet" in response.content.decode()
    assert not MeetingAttendance.objects.exists()
